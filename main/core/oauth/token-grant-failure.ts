/**
 * A failed request to the token endpoint (or, for the device grant, its device authorization endpoint),
 * in words: `invalid_grant` on refresh (RFC 6749 section 5.2: the refresh token is invalid, expired,
 * revoked or was issued to another client) means "sign in again"; the device grant's `access_denied` and
 * `expired_token` (RFC 8628 section 3.5) say what happened on the other device; Microsoft's and Google's
 * own errors get their fix (provider-error-words.ts); anything else quotes the provider.
 */
import * as client from 'openid-client';
import { OAuthError, providerSaid } from './oauth-error';
import { reasonOf } from './provider-connection';
import { providerErrorWords } from './provider-error-words';

export type TokenGrantStep = 'exchange' | 'refresh' | 'device';

const SIGN_IN_AGAIN = 'Sign in again with "mailwarden accounts signin".';

export function tokenGrantFailure(error: unknown, step: TokenGrantStep): OAuthError {
  if (error instanceof client.ResponseBodyError) return refusalOf(error, step);
  return new OAuthError(
    'unreachable',
    `Mailwarden could not reach the provider's token endpoint (${reasonOf(error)}). Try again later.`,
  );
}

function refusalOf(error: client.ResponseBodyError, step: TokenGrantStep): OAuthError {
  const signInAgain = step === 'refresh' && error.error === 'invalid_grant';
  const known = providerErrorWords(error.error, error.error_description, error.cause['error_codes']);
  if (known !== null) {
    return signInAgain
      ? new OAuthError('sign-in-again', `The stored sign-in no longer works. ${known} ${SIGN_IN_AGAIN}`)
      : new OAuthError('refused', known);
  }
  if (signInAgain) {
    return new OAuthError(
      'sign-in-again',
      'The stored sign-in no longer works (the provider refused it: it was revoked, expired or consent ' +
        `was withdrawn). ${SIGN_IN_AGAIN}`,
    );
  }
  if (step === 'device' && error.error === 'access_denied')
    return new OAuthError(
      'refused',
      'The sign-in was refused on the other device (access denied), so nothing was stored.',
    );
  if (step === 'device' && error.error === 'expired_token')
    return new OAuthError(
      'timeout',
      'The code expired before the sign-in was finished on the other device; nothing was stored. ' +
        'Start again when you are ready.',
    );
  if (error.error === 'invalid_grant')
    return new OAuthError(
      'sign-in-again',
      'The provider refused the sign-in code (invalid_grant). Sign in again.',
    );
  // RFC 6749 section 5.2: client authentication failed, most often a client that needs its secret
  // (Google's "Desktop app" clients do) signing in without it, or with an old one.
  if (error.error === 'invalid_client') {
    return new OAuthError(
      'refused',
      'The provider did not accept Mailwarden as its client (invalid_client): this client ID needs its ' +
        'client secret, or the one stored is wrong. Give it with "mailwarden accounts edit ID --auth oauth ' +
        '--client-secret-stdin" (see docs/oauth.md), then sign in again.',
    );
  }
  // Google allows only a few scopes with the device grant, and Gmail's is not one of them.
  if (step === 'device' && error.error === 'invalid_scope')
    return new OAuthError(
      'refused',
      'The provider does not allow mail access with a code on another device (invalid_scope). Sign in ' +
        'in a browser instead: "mailwarden accounts signin ID --no-browser" prints the address to open.',
    );
  const what = step === 'refresh' ? 'token refresh' : 'sign-in';
  return new OAuthError(
    'refused',
    `The provider refused the ${what}: ${providerSaid(error.error, error.error_description)}.`,
  );
}
