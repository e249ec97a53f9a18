/**
 * Default client IDs through configuration: Mailwarden ships no client ID it does not own, so a build (or
 * a person) that registered one names it in `MAILWARDEN_<PROVIDER>_CLIENT_ID`, and an account added
 * without `--client-id` takes it from there. The ID is saved with the account, so a later run without the
 * variable still signs in with the client the account was set up for.
 */
import { OAUTH_PROVIDERS, type OAuthProviderName } from '../../../preload/contract/accounts';

/** `MAILWARDEN_MICROSOFT_CLIENT_ID`, `MAILWARDEN_GOOGLE_CLIENT_ID`, `MAILWARDEN_OIDC_CLIENT_ID`. */
export function defaultClientIdVariable(provider: OAuthProviderName): string {
  return `MAILWARDEN_${provider.toUpperCase()}_CLIENT_ID`;
}

/** The provider named as typed (any case, spaces around), when it is one Mailwarden knows. */
export function knownProvider(text: string): OAuthProviderName | null {
  const name = text.trim().toLowerCase();
  return (OAUTH_PROVIDERS as readonly string[]).includes(name) ? (name as OAuthProviderName) : null;
}

/** The configured default client ID for the provider, or null when none is set (or it is blank). */
export function defaultClientId(
  provider: OAuthProviderName,
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  const value = env[defaultClientIdVariable(provider)]?.trim() ?? '';
  return value === '' ? null : value;
}
