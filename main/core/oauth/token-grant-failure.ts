/**
 * A failed request to the token endpoint, in words: `invalid_grant` (RFC 6749 section 5.2: the code or
 * refresh token is invalid, expired, revoked or was issued to another client) means "sign in again";
 * anything else means the provider could not be used right now.
 */
import * as client from 'openid-client';
import { OAuthError, providerSaid } from './oauth-error';
import { reasonOf } from './provider-connection';

export function tokenGrantFailure(error: unknown, step: 'exchange' | 'refresh'): OAuthError {
  if (error instanceof client.ResponseBodyError) {
    if (error.error === 'invalid_grant') {
      return new OAuthError(
        'sign-in-again',
        step === 'refresh'
          ? 'The stored sign-in no longer works (the provider refused it: it was revoked, expired or consent ' +
              'was withdrawn). Sign in again with "mailwarden accounts signin".'
          : 'The provider refused the sign-in code (invalid_grant). Sign in again.',
      );
    }
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
    return new OAuthError(
      'refused',
      `The provider refused the ${step === 'refresh' ? 'token refresh' : 'sign-in'}: ` +
        `${providerSaid(error.error, error.error_description)}.`,
    );
  }
  return new OAuthError(
    'unreachable',
    `Mailwarden could not reach the provider's token endpoint (${reasonOf(error)}). Try again later.`,
  );
}
