/**
 * The device authorization grant (RFC 8628), for a machine without a browser: Mailwarden shows an
 * address and a short code, the person opens the address on any other device, types the code and signs
 * in there, while Mailwarden polls the token endpoint.
 *
 * - Only where the provider's discovery document names a `device_authorization_endpoint` (RFC 8628
 *   section 4); otherwise a plain refusal that names the browser sign-in instead.
 * - Polling waits `interval` seconds (5 when the provider gives none, section 3.5) and five more after
 *   each `slow_down`; openid-client does the waiting, this module bounds it.
 * - The wait ends at the code's own lifetime (`expires_in`, plus one polling interval so the provider's
 *   own `expired_token` is what usually ends it), at DEVICE_SIGN_IN_DEADLINE_MS at the latest, or on
 *   cancel. `access_denied` and `expired_token` (section 3.5) are said in plain words.
 * - The verification address is shown only when it is https: (section 5.4 warns about remote phishing;
 *   an http: page could be changed on the way).
 */
import * as client from 'openid-client';
import { excerpt } from '../../../preload/contract/untrusted-text';
import { deadlineSignal } from '../deadline-signal';
import { isOpenableAuthorizationUrl } from './authorization-url-policy';
import { OAuthError } from './oauth-error';
import { PROVIDER_PROFILES } from './oauth-providers';
import type { OAuthSignInMethod } from './provider-connection';
import { minutes } from './sign-in-flow';
import { signInTokensOf, type SignInTokens } from './sign-in-tokens';
import { tokenGrantFailure } from './token-grant-failure';

/** Microsoft's device codes live 15 minutes; no wait is longer than that, whatever the provider says. */
export const DEVICE_SIGN_IN_DEADLINE_MS = 15 * 60_000;
/** RFC 8628 section 3.5: "If no value is provided, clients MUST use 5 as the default." */
const DEFAULT_INTERVAL_SECONDS = 5;
/** A provider asking for faster polling than this is not obeyed: a person types a code in seconds. */
const MIN_INTERVAL_SECONDS = 1;
/** User codes are meant to be typed (section 6.1); anything longer is not shown. */
const USER_CODE_MAX_CHARS = 64;

/** What the person needs to finish on another device. */
export interface DeviceCodePrompt {
  /** The https: address to open (`verification_uri`). */
  readonly verificationUri: string;
  /** The code to type there (`user_code`). */
  readonly userCode: string;
  /** How long the code is valid, in milliseconds, as far as Mailwarden will wait. */
  readonly waitMs: number;
}

export interface DeviceSignInRequest {
  readonly signIn: OAuthSignInMethod;
  readonly provider: client.Configuration;
  /** Shows the address and the code (the CLI prints them). */
  readonly showCode: (prompt: DeviceCodePrompt) => void;
  /** Caps the wait below the code's lifetime (tests); DEVICE_SIGN_IN_DEADLINE_MS otherwise. */
  readonly deadlineMs?: number;
  /** Cancel: Ctrl+C. */
  readonly signal?: AbortSignal;
}

export async function signInWithDeviceCode(request: DeviceSignInRequest): Promise<SignInTokens> {
  const { signIn, provider } = request;
  const profile = PROVIDER_PROFILES[signIn.provider];
  if (provider.serverMetadata().device_authorization_endpoint === undefined) {
    throw new OAuthError(
      'device-not-offered',
      `${profile.displayName} at ${excerpt(signIn.issuer, 200)} does not offer sign-in with a code on ` +
        'another device (its settings name no device authorization endpoint). Sign in in a browser ' +
        'instead: "mailwarden accounts signin ID", or with --no-browser to open the address yourself.',
    );
  }
  let started: client.DeviceAuthorizationResponse;
  try {
    started = await client.initiateDeviceAuthorization(provider, { scope: profile.scopes.join(' ') });
  } catch (error) {
    throw tokenGrantFailure(error, 'device');
  }
  const userCode = started.user_code;
  if (!isOpenableAuthorizationUrl(started.verification_uri) || userCode.length > USER_CODE_MAX_CHARS) {
    throw new OAuthError(
      'unreachable',
      'The provider answered with a sign-in address that is not https: or a code that cannot be typed, ' +
        'so Mailwarden did not show it. Sign in in a browser instead.',
    );
  }
  const interval = Math.max(started.interval ?? DEFAULT_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS);
  const waitMs = Math.min(
    request.deadlineMs ?? DEVICE_SIGN_IN_DEADLINE_MS,
    (started.expires_in + interval) * 1000,
  );
  const deadline = deadlineSignal(waitMs);
  const signal =
    request.signal === undefined ? deadline.signal : AbortSignal.any([deadline.signal, request.signal]);
  try {
    request.showCode({ verificationUri: started.verification_uri, userCode, waitMs });
    const tokens = await client.pollDeviceAuthorizationGrant(provider, { ...started, interval }, undefined, {
      signal,
    });
    return signInTokensOf(tokens);
  } catch (error) {
    if (error instanceof OAuthError) throw error;
    if (request.signal?.aborted === true)
      throw new OAuthError('cancelled', 'The sign-in was cancelled; nothing was stored.');
    if (deadline.signal.aborted)
      throw new OAuthError(
        'timeout',
        `Nobody entered the code within ${minutes(waitMs)}; nothing was stored. Start again when you are ready.`,
      );
    throw tokenGrantFailure(error, 'device');
  } finally {
    deadline.clear();
  }
}
