/**
 * The provider's endpoints, discovered from its issuer (OpenID Connect Discovery 1.0, falling back to
 * RFC 8414's oauth-authorization-server document for a provider that is OAuth only).
 *
 * openid-client does the protocol; every HTTP request it makes goes through the injected ProviderFetch,
 * so each has Mailwarden's deadline and byte cap and trusts the same certificates as the audits.
 */
import * as client from 'openid-client';
import type { SignInMethod } from '../../../preload/contract/accounts';
import { excerpt } from '../../../preload/contract/untrusted-text';
import { OAuthError } from './oauth-error';
import type { ProviderFetch } from './oauth-ports';

export type OAuthSignInMethod = Extract<SignInMethod, { method: 'oauth' }>;

/** openid-client's own per-request timeout, in seconds; ProviderFetch enforces a shorter one itself. */
const LIBRARY_TIMEOUT_SECONDS = 30;

/**
 * A public client authenticates with nothing but PKCE (RFC 8252 section 8.4); a client that has a secret
 * (Google's "Desktop app" clients, which Google documents as not confidential) sends it in the body of
 * each token, refresh and revocation request: client_secret_post, RFC 6749 section 2.3.1.
 */
export async function connectToProvider(
  signIn: OAuthSignInMethod,
  fetch: ProviderFetch,
  clientSecret: string | null = null,
): Promise<client.Configuration> {
  const issuer = new URL(signIn.issuer);
  const options = { [client.customFetch]: fetch, timeout: LIBRARY_TIMEOUT_SECONDS };
  const authentication = clientSecret === null ? client.None() : client.ClientSecretPost(clientSecret);
  const attempt = (algorithm: 'oidc' | 'oauth2') =>
    client.discovery(issuer, signIn.clientId, undefined, authentication, { ...options, algorithm });
  try {
    return await attempt('oidc');
  } catch (oidcError) {
    try {
      return await attempt('oauth2');
    } catch {
      throw new OAuthError(
        'unreachable',
        `Mailwarden could not read the sign-in settings of ${signIn.issuer} (${reasonOf(oidcError)}). ` +
          'Check the issuer URL and your connection, then try again.',
      );
    }
  }
}

const REASON_MAX_CHARS = 200;

/** A short, printable reason for a failed request (the library's words or the fetch adapter's). */
export function reasonOf(error: unknown): string {
  if (error instanceof client.ResponseBodyError) return `the server answered ${String(error.status)}`;
  if (error instanceof Error) {
    const cause: unknown = error.cause;
    const text = cause instanceof Error && cause.message !== '' ? cause.message : error.message;
    return excerpt(text, REASON_MAX_CHARS);
  }
  return 'no answer';
}
