/**
 * What a finished sign-in keeps from the token endpoint's answer, whichever grant produced it (the
 * authorization code of RFC 8252 or the device code of RFC 8628): the refresh token (required, so later
 * audits need no browser), the access token and its lifetime, the granted scopes, the signed-in address.
 */
import type * as client from 'openid-client';
import { OAuthError } from './oauth-error';

/** What a finished sign-in returns; the caller stores the refresh token in the keychain at once. */
export interface SignInTokens {
  readonly refreshToken: string;
  readonly accessToken: string;
  /** Milliseconds since the epoch, or null when the provider gave no lifetime. */
  readonly expiresAt: number | null;
  readonly scopes: readonly string[];
  /** The signed-in address from the ID token's `email` claim, when the provider gave one. */
  readonly email: string | null;
}

/** RFC 6749 section 3.3: `scope` is a space-separated list; absent means "as requested" (none known). */
export function grantedScopes(scope: string | undefined): readonly string[] {
  return (scope ?? '').split(' ').filter((one) => one !== '');
}

export function signInTokensOf(
  tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
): SignInTokens {
  if (tokens.refresh_token === undefined || tokens.refresh_token === '') {
    throw new OAuthError(
      'no-refresh-token',
      'The provider signed you in but gave no refresh token, so Mailwarden could not test again later ' +
        'without asking. Check that the client is allowed offline access (see docs/oauth.md).',
    );
  }
  const expiresIn = tokens.expiresIn();
  const email = tokens.claims()?.email;
  return {
    refreshToken: tokens.refresh_token,
    accessToken: tokens.access_token,
    expiresAt: expiresIn === undefined ? null : Date.now() + expiresIn * 1000,
    scopes: grantedScopes(tokens.scope),
    email: typeof email === 'string' ? email : null,
  };
}
