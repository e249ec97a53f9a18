/**
 * Which granted scope each mail login needs, per provider, and whether a token lacks it.
 *
 * Microsoft names one delegated permission per protocol (SMTP.Send, IMAP.AccessAsUser.All,
 * POP.AccessAsUser.All on https://outlook.office.com/); Google one scope for all three
 * (https://mail.google.com/). An OpenID provider by issuer URL names none Mailwarden could know, so its
 * tokens are never judged here: the server's answer to the login says it all.
 *
 * RFC 6749 section 5.1: the token response may leave `scope` out when it is what was asked for, so an
 * empty list means "as requested", never "nothing granted".
 */
import type { OAuthProviderName } from '../../../preload/contract/accounts';

export type MailUse = 'smtp' | 'imap' | 'pop3';

/** An access token for a login and the scopes the provider said it carries (empty: not said). */
export interface GrantedAccessToken {
  readonly token: string;
  readonly scopes: readonly string[];
}

/** A token the provider gave without the permission a login needs: the login is not sent. */
export interface MissingScope {
  readonly provider: OAuthProviderName;
  /** The scope the login needs, as the provider spells it. */
  readonly scope: string;
  /** What the provider did grant (scope names only, never a token). */
  readonly granted: readonly string[];
}

const MICROSOFT_SCOPES: Readonly<Record<MailUse, string>> = {
  smtp: 'https://outlook.office.com/SMTP.Send',
  imap: 'https://outlook.office.com/IMAP.AccessAsUser.All',
  pop3: 'https://outlook.office.com/POP.AccessAsUser.All',
};
const GOOGLE_MAIL_SCOPE = 'https://mail.google.com/';

export function scopeNeeded(provider: OAuthProviderName, use: MailUse): string | null {
  switch (provider) {
    case 'microsoft':
      return MICROSOFT_SCOPES[use];
    case 'google':
      return GOOGLE_MAIL_SCOPE;
    case 'oidc':
      return null;
  }
}

/**
 * Microsoft answers with the full resource URI or, for some tenants, the short name ("SMTP.Send"), and
 * may spell the resource outlook.office365.com: the permission's own name is what counts.
 */
function grants(provider: OAuthProviderName, granted: string, needed: string): boolean {
  if (provider !== 'microsoft') return granted === needed;
  const nameOf = (scope: string) => scope.slice(scope.lastIndexOf('/') + 1).toLowerCase();
  return nameOf(granted) === nameOf(needed);
}

/** The scope `use` needs that `granted` lacks; null when it is there, unknown, or not named by the provider. */
export function missingScope(
  provider: OAuthProviderName,
  use: MailUse,
  granted: readonly string[],
): MissingScope | null {
  const needed = scopeNeeded(provider, use);
  if (needed === null || granted.length === 0) return null;
  if (granted.some((scope) => grants(provider, scope, needed))) return null;
  return { provider, scope: needed, granted: [...granted] };
}
