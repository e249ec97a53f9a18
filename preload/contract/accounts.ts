/** Account shapes shared by main, preload and renderer. The password is never part of any of them. */

export const SECURITY_MODES = ['tls', 'starttls', 'none'] as const;
/** `tls`: implicit TLS from the first byte (RFC 8314); `starttls`: upgrade after EHLO (RFC 3207); `none`: clear text. */
export type SecurityMode = (typeof SECURITY_MODES)[number];

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
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** `unknown` when the keychain could not be asked (locked or missing); the list still loads. */
export type PasswordState = 'stored' | 'missing' | 'unknown';

export interface AccountView extends Account {
  readonly hasPassword: PasswordState;
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
