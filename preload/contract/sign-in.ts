/**
 * What the app learns about an account's OAuth sign-in. Tokens never cross IPC: only whether the account
 * is signed in, the address the provider said was signed in, and plain sentences when something failed.
 */
import type { AccountView } from './accounts';

/**
 * `signing-in`: the browser is open and Mailwarden waits for it; `signed-in`: a refresh token is in the
 * keychain; `signed-out`: none is; `unknown`: the keychain could not be asked (locked or missing).
 */
export type SignInState = 'signing-in' | 'signed-in' | 'signed-out' | 'unknown';

export interface SignInStatus {
  readonly state: SignInState;
  /** The address the provider said was signed in, when this run of Mailwarden signed it in. */
  readonly signedInAs: string | null;
}

export interface SignInResult {
  readonly account: AccountView;
  readonly signedInAs: string | null;
}

/** How signing out went at the provider (RFC 7009 revocation); the token is deleted here in every case. */
export type Revocation = 'revoked' | 'not-offered' | 'nothing-stored' | 'failed';

/** What became of an OAuth sign-in that was ended (signed out, or switched to a password). */
export interface SignOutReport {
  readonly revocation: Revocation;
  /** Why the revocation failed, in plain words; null unless `revocation` is `failed`. */
  readonly reason: string | null;
  /**
   * How the person withdraws the sign-in at the provider themselves (main/core/oauth/withdraw-sign-in.ts);
   * null unless `revocation` is `failed` or `not-offered`, when the provider may still hold it.
   */
  readonly withdraw: string | null;
}

export interface SignOutResult extends SignOutReport {
  readonly account: AccountView;
}

/** An edited account; `signOut` is set when the edit left OAuth for a password, which ends the sign-in. */
export interface AccountUpdateResult {
  readonly account: AccountView;
  readonly signOut: SignOutReport | null;
}
