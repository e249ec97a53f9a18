/** IPC handlers for accounts and their keychain passwords. */
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
> {
  const { accounts } = services;
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
    'accounts:update': ({ id, account }) => accounts.update(id, account),
    'accounts:remove': async ({ id }) => {
      await accounts.remove(id);
      return { removed: true } as const;
    },
    'accounts:set-password': ({ id, password }) => accounts.setPassword(id, password),
    'accounts:set-incoming-password': ({ id, password }) => accounts.setIncomingPassword(id, password),
    'accounts:delete-password': ({ id }) => accounts.deletePassword(id),
  };
}
