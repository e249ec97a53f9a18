/** IPC handlers for stored audit runs: list, open, compare, delete. */
import type { MainServices } from '../../composition';
import type { HandlerTable } from '../handler-table';

export function historyHandlers(
  services: MainServices,
): Pick<HandlerTable, 'history:list' | 'history:get' | 'history:compare' | 'history:delete'> {
  return {
    'history:list': ({ target }) => services.history.list(target),
    'history:get': ({ runId }) => services.history.get(runId),
    'history:compare': ({ runIdA, runIdB }) => services.history.compare(runIdA, runIdB),
    'history:delete': ({ runId }) => services.history.delete(runId),
  };
}
