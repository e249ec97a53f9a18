/**
 * What each OAuth provider wants in an authorization request: its issuer, the scopes mail needs, and how
 * it is asked for a refresh token.
 *
 * A refresh token is what lets Mailwarden test the account again next week without the browser, so every
 * request asks for one the way the provider documents it: OpenID Connect's `offline_access` scope, which
 * OpenID Connect Core 1.0 section 11 grants only with `prompt=consent`; Google ignores that scope and wants
 * `access_type=offline` instead (and `prompt=consent`, or a second sign-in returns no new refresh token).
 */
import type { OAuthProviderName } from '../../../preload/contract/accounts';

export interface ProviderProfile {
  /** Shown to people: "Microsoft 365", "Google". */
  readonly displayName: string;
  /** The issuer used when none is given; null when the person must give one. */
  readonly defaultIssuer: string | null;
  readonly scopes: readonly string[];
  /** Extra authorization request parameters that make the provider return a refresh token. */
  readonly refreshTokenParameters: Readonly<Record<string, string>>;
}

/** OpenID Connect Core 1.0 section 11: offline access is granted only after an explicit consent prompt. */
const OPENID_OFFLINE = { prompt: 'consent' } as const;

export const PROVIDER_PROFILES: Readonly<Record<OAuthProviderName, ProviderProfile>> = {
  microsoft: {
    displayName: 'Microsoft 365',
    // "organizations": any work or school tenant; openid-client maps the discovery document's
    // {tenantid} issuer template to the signed-in tenant.
    defaultIssuer: 'https://login.microsoftonline.com/organizations/v2.0',
    scopes: [
      'https://outlook.office.com/SMTP.Send',
      'https://outlook.office.com/IMAP.AccessAsUser.All',
      'https://outlook.office.com/POP.AccessAsUser.All',
      'offline_access',
      'openid',
      'email',
    ],
    refreshTokenParameters: OPENID_OFFLINE,
  },
  google: {
    displayName: 'Google',
    defaultIssuer: 'https://accounts.google.com',
    // https://mail.google.com/ is the one scope Gmail's SMTP, IMAP and POP accept (XOAUTH2).
    scopes: ['https://mail.google.com/', 'openid', 'email'],
    refreshTokenParameters: { access_type: 'offline', prompt: 'consent' },
  },
  oidc: {
    displayName: 'OpenID provider',
    defaultIssuer: null,
    scopes: ['openid', 'email', 'offline_access'],
    refreshTokenParameters: OPENID_OFFLINE,
  },
};
