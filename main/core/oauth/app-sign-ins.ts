/**
 * The app's OAuth sign-ins: at most one per account at a time, each cancellable from the window, and the
 * address the provider named remembered for this run so the account can show who is signed in.
 *
 * The tokens stay inside the OAuth service (refresh token in the keychain, access token in memory);
 * what this returns is only the account, the signed-in address and plain outcomes, which is all that may
 * cross IPC to the renderer.
 */
import type { AccountInput, AccountView } from '../../../preload/contract/accounts';
import type {
  SignInResult,
  SignInStatus,
  SignOutReport,
  SignOutResult,
} from '../../../preload/contract/sign-in';
import { MailwardenError } from '../errors/mailwarden-error';
import type { AuthorizationUrlOpener } from './oauth-ports';
import type { OAuthService, SignOutOutcome } from './oauth-service';

export interface AppSignInsDeps {
  readonly oauth: OAuthService;
  readonly accounts: { get(id: string): Promise<AccountView> };
  /** The system browser (main/app/authorization-browser.ts in the app). */
  readonly openUrl: AuthorizationUrlOpener;
}

export interface AppSignIns {
  /** Opens the provider's page in the browser and waits (five minutes at most) for the sign-in. */
  start(accountId: string): Promise<SignInResult>;
  /** Aborts the sign-in that is waiting for the browser; nothing is stored. */
  cancel(accountId: string): { readonly cancelled: boolean };
  status(accountId: string): Promise<SignInStatus>;
  signOut(accountId: string): Promise<SignOutResult>;
  /** Back to a password: saved first, then the refresh token is revoked at the provider (RFC 7009). */
  switchToPassword(accountId: string, input: AccountInput): Promise<SignOutResult>;
}

function signOutReport(outcome: SignOutOutcome): SignOutReport {
  return {
    revocation: outcome.revocation,
    reason: outcome.revocation === 'failed' ? outcome.reason : null,
    withdraw:
      outcome.revocation === 'failed' || outcome.revocation === 'not-offered' ? outcome.withdraw : null,
  };
}

function signOutResult(account: AccountView, outcome: SignOutOutcome): SignOutResult {
  return { account, ...signOutReport(outcome) };
}

export function createAppSignIns(deps: AppSignInsDeps): AppSignIns {
  const waiting = new Map<string, AbortController>();
  const addresses = new Map<string, string | null>();

  return {
    async start(accountId) {
      if (waiting.has(accountId)) {
        throw new MailwardenError(
          'INVALID_INPUT',
          'A sign-in for this account is already waiting for your browser. Finish it there, or cancel it first.',
        );
      }
      const controller = new AbortController();
      waiting.set(accountId, controller);
      try {
        const { account, signedInAs } = await deps.oauth.signIn(accountId, {
          openUrl: deps.openUrl,
          signal: controller.signal,
        });
        addresses.set(account.id, signedInAs);
        return { account, signedInAs };
      } finally {
        waiting.delete(accountId);
      }
    },

    cancel(accountId) {
      const controller = waiting.get(accountId);
      if (controller === undefined) return { cancelled: false };
      controller.abort();
      return { cancelled: true };
    },

    async status(accountId) {
      const account = await deps.accounts.get(accountId);
      if (account.signIn?.method !== 'oauth') {
        throw new MailwardenError('INVALID_INPUT', `${account.label} signs in with a password, not OAuth.`);
      }
      if (waiting.has(accountId)) return { state: 'signing-in', signedInAs: null };
      // An OAuth account's keychain state is that of its refresh token (account-service signInKey).
      const state =
        account.hasPassword === 'stored'
          ? 'signed-in'
          : account.hasPassword === 'missing'
            ? 'signed-out'
            : 'unknown';
      return { state, signedInAs: state === 'signed-in' ? (addresses.get(accountId) ?? null) : null };
    },

    async signOut(accountId) {
      waiting.get(accountId)?.abort();
      const { account, outcome } = await deps.oauth.signOut(accountId);
      addresses.delete(account.id);
      return signOutResult(account, outcome);
    },

    async switchToPassword(accountId, input) {
      waiting.get(accountId)?.abort();
      const { account, outcome } = await deps.oauth.switchToPassword(accountId, input);
      addresses.delete(accountId);
      return signOutResult(account, outcome);
    },
  };
}
