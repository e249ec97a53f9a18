/**
 * The native-app sign-in of RFC 8252: authorization code with PKCE in the person's own browser, and the
 * code brought back to a one-shot listener on the loopback interface.
 *
 * - PKCE S256 (RFC 7636 section 4.2): a fresh verifier per sign-in, only its hash leaves this process
 *   before the code comes back, so a code caught by another program on the machine is useless to it.
 * - `state` (RFC 6749 section 10.12): a fresh random value, compared before anything else is done with
 *   the redirect, so a request forged by another local program ends the sign-in.
 * - The redirect goes to `http://127.0.0.1:PORT/` (RFC 8252 section 7.3: the IP literal, not "localhost",
 *   and any port), bound on 127.0.0.1 only and closed after one request.
 * - One deadline (five minutes by default) and a cancel signal cover the wait for the browser.
 */
import * as client from 'openid-client';
import { deadlineSignal } from '../deadline-signal';
import { OAuthError, providerSaid } from './oauth-error';
import type { AuthorizationUrlOpener, LoopbackRedirectListener } from './oauth-ports';
import { PROVIDER_PROFILES } from './oauth-providers';
import type { OAuthSignInMethod } from './provider-connection';
import { providerErrorWords } from './provider-error-words';
import { signInTokensOf, type SignInTokens } from './sign-in-tokens';
import { tokenGrantFailure } from './token-grant-failure';

/** RFC 8252 does not fix one; five minutes is enough to type a password and approve a second factor. */
export const SIGN_IN_DEADLINE_MS = 5 * 60_000;

export interface SignInRequest {
  readonly signIn: OAuthSignInMethod;
  readonly provider: client.Configuration;
  readonly redirects: LoopbackRedirectListener;
  readonly openUrl: AuthorizationUrlOpener;
  readonly deadlineMs?: number;
  /** Cancel: the person pressed Cancel or Ctrl+C. */
  readonly signal?: AbortSignal;
}

export async function signInWithBrowser(request: SignInRequest): Promise<SignInTokens> {
  const { signIn, provider } = request;
  const profile = PROVIDER_PROFILES[signIn.provider];
  const deadlineMs = request.deadlineMs ?? SIGN_IN_DEADLINE_MS;
  const deadline = deadlineSignal(deadlineMs);
  const signal =
    request.signal === undefined ? deadline.signal : AbortSignal.any([deadline.signal, request.signal]);
  const listener = await request.redirects.open();
  try {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const authorizationUrl = client.buildAuthorizationUrl(provider, {
      redirect_uri: listener.redirectUri,
      scope: profile.scopes.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      ...profile.refreshTokenParameters,
    });
    await request.openUrl(authorizationUrl.href);
    let redirect: URL;
    try {
      redirect = await listener.next(signal);
    } catch {
      if (request.signal?.aborted === true)
        throw new OAuthError('cancelled', 'The sign-in was cancelled; nothing was stored.');
      throw new OAuthError(
        'timeout',
        `The sign-in did not finish within ${minutes(deadlineMs)}; nothing was stored. Start it again when you are ready.`,
      );
    }
    return await finish(provider, redirect, state, verifier, listener.redirectUri);
  } finally {
    listener.close();
    deadline.clear();
  }
}

async function finish(
  provider: client.Configuration,
  redirect: URL,
  state: string,
  verifier: string,
  redirectUri: string,
): Promise<SignInTokens> {
  // RFC 6749 section 10.12: a redirect that does not carry our state is not the answer to our request.
  if (redirect.searchParams.get('state') !== state) {
    throw new OAuthError(
      'state-mismatch',
      'The answer that came back to Mailwarden did not belong to this sign-in (its state did not match), ' +
        'so it was refused and nothing was stored. Start the sign-in again.',
    );
  }
  const error = redirect.searchParams.get('error');
  if (error !== null) throw refusal(error, redirect.searchParams.get('error_description') ?? undefined);
  // openid-client compares the redirect with redirect_uri's origin and path, so rebuild it on that base.
  const current = new URL(`${redirectUri}${redirect.search}`);
  let tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
  try {
    tokens = await client.authorizationCodeGrant(provider, current, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
  } catch (grantError) {
    throw tokenGrantFailure(grantError, 'exchange');
  }
  return signInTokensOf(tokens);
}

/** RFC 6749 section 4.1.2.1: the provider sent the browser back with an error instead of a code. */
function refusal(error: string, description: string | undefined): OAuthError {
  const known = providerErrorWords(error, description);
  if (known !== null) return new OAuthError('refused', `${known} Nothing was stored.`);
  const plain =
    error === 'access_denied'
      ? 'The sign-in was refused in the browser (access denied), so nothing was stored.'
      : 'The provider refused the sign-in, so nothing was stored.';
  return new OAuthError('refused', `${plain} The provider said: ${providerSaid(error, description)}.`);
}

export function minutes(ms: number): string {
  if (ms < 60_000) return `${String(Math.round(ms / 1000))} seconds`;
  const whole = Math.round(ms / 60_000);
  return whole === 1 ? '1 minute' : `${String(whole)} minutes`;
}
