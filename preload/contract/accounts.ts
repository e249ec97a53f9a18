/** Account shapes shared by main, preload and renderer. The password is never part of any of them. */

export const SECURITY_MODES = ['tls', 'starttls', 'none'] as const;
/** `tls`: implicit TLS from the first byte (RFC 8314); `starttls`: upgrade after EHLO (RFC 3207); `none`: clear text. */
export type SecurityMode = (typeof SECURITY_MODES)[number];

/** The protocols a mail program reads mail with: IMAP (RFC 9051) or POP3 (RFC 1939). */
export const INCOMING_PROTOCOLS = ['imap', 'pop3'] as const;
export type IncomingProtocolName = (typeof INCOMING_PROTOCOLS)[number];

/** Who issues an account's OAuth tokens: Microsoft 365, Google, or any OpenID provider by its issuer URL. */
export const OAUTH_PROVIDERS = ['microsoft', 'google', 'oidc'] as const;
export type OAuthProviderName = (typeof OAUTH_PROVIDERS)[number];

/**
 * How an account signs in: with a password (in the keychain under the account id), or with OAuth, whose
 * refresh token is in the keychain under `<id>/oauth`. Neither secret is ever part of this shape.
 */
export type SignInMethod =
  | { readonly method: 'password' }
  | {
      readonly method: 'oauth';
      readonly provider: OAuthProviderName;
      /** The issuer whose discovery document names the endpoints (https:). */
      readonly issuer: string;
      /** The public (native) client registered with the provider; Mailwarden ships none of its own. */
      readonly clientId: string;
      /**
       * The address the provider said was signed in at the last sign-in (the ID token's `email`), absent
       * when it said none or the account is signed out. An address, never a token.
       */
      readonly signedInAs?: string | undefined;
    };

/** What a person types for the sign-in method; main validates it. The issuer defaults per provider. */
export type SignInMethodInput =
  | { readonly method: 'password' }
  | {
      readonly method: 'oauth';
      readonly provider: string;
      readonly issuer?: string | undefined;
      readonly clientId: string;
    };

/**
 * What a person types for the server the account reads mail from. `security` takes the same words as
 * sending: `tls` (implicit TLS, 993/995, RFC 8314), `starttls` (STARTTLS / STLS, RFC 2595), `none`.
 */
export interface IncomingServerInput {
  readonly protocol: string;
  readonly host: string;
  readonly port: number;
  readonly security: string;
  /** Defaults to the account's sending username. */
  readonly username?: string | undefined;
  /** True when reading uses its own password (its own keychain entry); false shares sending's. */
  readonly ownPassword?: boolean | undefined;
}

/** The incoming (reading) server as stored. */
export interface IncomingServer {
  readonly protocol: IncomingProtocolName;
  readonly host: string;
  readonly port: number;
  readonly security: SecurityMode;
  readonly username: string;
  /** False: the sending password is used for reading too (the usual case). */
  readonly ownPassword: boolean;
}

/** What a person types when adding or editing an account. Strings are raw; main validates them. */
export interface AccountInput {
  readonly label?: string | undefined;
  readonly email: string;
  /** Derived from the email address when left empty. */
  readonly domain?: string | undefined;
  readonly host: string;
  readonly port: number;
  readonly security: string;
  /** Defaults to the email address. */
  readonly username?: string | undefined;
  readonly dkimSelectors?: readonly string[] | undefined;
  readonly clientGroup?: string | undefined;
  readonly presetId?: string | undefined;
  /** The server mail is read from. null: none (an edit removes it); absent: an edit keeps the saved one. */
  readonly incoming?: IncomingServerInput | null | undefined;
  /** How the account signs in; absent: a password (an edit keeps the saved method). */
  readonly signIn?: SignInMethodInput | undefined;
}

/** An account as stored (without the secret) and as shown to the renderer. */
export interface Account {
  readonly id: string;
  readonly label: string;
  readonly email: string;
  readonly domain: string;
  readonly host: string;
  readonly port: number;
  readonly security: SecurityMode;
  readonly username: string;
  readonly dkimSelectors: readonly string[];
  readonly clientGroup: string | null;
  readonly presetId: string | null;
  /** The server mail is read from; absent (files before version 2) or null when there is none. */
  readonly incoming?: IncomingServer | null | undefined;
  /** How it signs in; absent (files before version 3) means a password. */
  readonly signIn?: SignInMethod | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** `unknown` when the keychain could not be asked (locked or missing); the list still loads. */
export type PasswordState = 'stored' | 'missing' | 'unknown';

/**
 * The incoming server's password: `shared` when reading uses the sending password, else the state of its
 * own keychain entry (`stored`, `missing`, or `unknown` when the keychain could not be asked).
 */
export type IncomingPasswordState = 'shared' | PasswordState;

export interface AccountView extends Account {
  readonly hasPassword: PasswordState;
  /** Null (or absent, from older callers) when the account has no incoming server. */
  readonly incomingPassword?: IncomingPasswordState | null;
}

/** Whether the keychain could be asked which accounts have a password: locked and missing are told apart. */
export type KeychainState = 'available' | 'locked' | 'unavailable';

export interface AccountList {
  readonly accounts: readonly AccountView[];
  /** When it is not `available`, every account's password state is `unknown`. */
  readonly keychain: KeychainState;
  /** Things the user must know about, e.g. a corrupt accounts file that was moved aside. */
  readonly warnings: readonly string[];
}

/**
 * The address an OAuth account signed in to when it is not the account's own (compared without case, as
 * mail providers compare them): the logins would then test that other mailbox, not this account's.
 */
export function signedInElsewhere(account: Account): string | null {
  if (account.signIn?.method !== 'oauth' || account.signIn.signedInAs === undefined) return null;
  const address = account.signIn.signedInAs;
  return address.toLowerCase() === account.email.toLowerCase() ? null : address;
}
