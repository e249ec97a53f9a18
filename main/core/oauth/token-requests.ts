/**
 * The two token requests after sign-in: refreshing an access token (RFC 6749 section 6) and revoking a
 * refresh token (RFC 7009), through openid-client and the bounded ProviderFetch.
 */
import * as client from 'openid-client';
import { OAuthError } from './oauth-error';
import { reasonOf } from './provider-connection';
import { tokenGrantFailure } from './token-grant-failure';

export interface RefreshedTokens {
  readonly accessToken: string;
  /** The rotated refresh token, or null when the provider kept the old one valid. */
  readonly refreshToken: string | null;
  /** Seconds, or null when the provider did not say. */
  readonly expiresIn: number | null;
  readonly scopes: readonly string[];
}

export async function refreshAccessToken(
  provider: client.Configuration,
  refreshToken: string,
): Promise<RefreshedTokens> {
  let tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
  try {
    tokens = await client.refreshTokenGrant(provider, refreshToken);
  } catch (error) {
    throw tokenGrantFailure(error, 'refresh');
  }
  return {
    accessToken: tokens.access_token,
    refreshToken:
      tokens.refresh_token === undefined || tokens.refresh_token === '' ? null : tokens.refresh_token,
    expiresIn: tokens.expiresIn() ?? null,
    scopes: (tokens.scope ?? '').split(' ').filter((scope) => scope !== ''),
  };
}

/** RFC 7009 section 2.1, with the token type hint; 'not-offered' when the provider has no endpoint. */
export async function revokeRefreshToken(
  provider: client.Configuration,
  refreshToken: string,
): Promise<{ readonly revocation: 'revoked' } | { readonly revocation: 'not-offered' }> {
  if (provider.serverMetadata().revocation_endpoint === undefined) return { revocation: 'not-offered' };
  try {
    await client.tokenRevocation(provider, refreshToken, { token_type_hint: 'refresh_token' });
  } catch (error) {
    throw new OAuthError(
      'unreachable',
      // A colon, not brackets: the reason often ends in a bracketed code itself ("... (ECONNREFUSED)").
      `The provider did not confirm that it revoked the sign-in: ${reasonOf(error)}.`,
    );
  }
  return { revocation: 'revoked' };
}
