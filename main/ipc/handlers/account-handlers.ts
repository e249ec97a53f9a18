/** IPC handlers for accounts, their keychain passwords and their OAuth sign-ins. */
import type { MainServices } from '../../composition';
import { accountDigests } from '../../core/history/account-digests';
import type { HandlerTable } from '../handler-table';

export function accountHandlers(
  services: MainServices,
): Pick<
  HandlerTable,
  | 'accounts:list'
  | 'accounts:add'
  | 'accounts:update'
  | 'accounts:remove'
  | 'accounts:set-password'
  | 'accounts:set-incoming-password'
  | 'accounts:delete-password'
  | 'accounts:sign-in'
  | 'accounts:cancel-sign-in'
  | 'accounts:sign-in-status'
  | 'accounts:sign-out'
> {
  const { accounts, signIns } = services;
  return {
    'accounts:list': async () => {
      const list = await accounts.list();
      // The app's warnings area also tells of a settings file that was moved aside (loading it finds out).
      await services.settings.get().catch(() => undefined);
      const settingsWarnings = services.settings.warnings();
      // Without the history the list still loads: each account then reads "not tested yet".
      const digests = await accountDigests(services.history).catch((error: unknown) => ({
        lastRuns: {},
        problems: [],
        failure: error instanceof Error ? error.message : String(error),
      }));
      const historyWarnings =
        'failure' in digests
          ? [`The stored tests could not be read, so no last results are shown: ${digests.failure}`]
          : [];
      return {
        ...list,
        warnings: [...list.warnings, ...settingsWarnings, ...historyWarnings],
        lastRuns: digests.lastRuns,
      };
    },
    'accounts:add': ({ account, password }) => accounts.add(account, password),
    'accounts:update': async ({ id, account }) => {
      // OAuth back to a password goes through the OAuth service, which revokes the refresh token at the
      // provider (RFC 7009) instead of only forgetting it here; how that went comes back, so the app can
      // say when the provider could not be told and may still hold the sign-in.
      const existing = await accounts.get(id);
      if (existing.signIn?.method === 'oauth' && account.signIn?.method === 'password') {
        const { account: updated, ...signOut } = await signIns.switchToPassword(id, account);
        return { account: updated, signOut };
      }
      return { account: await accounts.update(id, account), signOut: null };
    },
    'accounts:remove': async ({ id }) => {
      await accounts.remove(id);
      return { removed: true } as const;
    },
    'accounts:set-password': ({ id, password }) => accounts.setPassword(id, password),
    'accounts:set-incoming-password': ({ id, password }) => accounts.setIncomingPassword(id, password),
    'accounts:delete-password': ({ id }) => accounts.deletePassword(id),
    // Only the account, the signed-in address and plain outcomes come back: never a token.
    'accounts:sign-in': ({ id }) => signIns.start(id),
    'accounts:cancel-sign-in': ({ id }) => Promise.resolve(signIns.cancel(id)),
    'accounts:sign-in-status': ({ id }) => signIns.status(id),
    'accounts:sign-out': ({ id }) => signIns.signOut(id),
  };
}
