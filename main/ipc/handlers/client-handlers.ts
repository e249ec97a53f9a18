/** IPC handlers for clients: their stored client runs, recording one, and renaming a client. */
import type { MainServices } from '../../composition';
import type { HandlerTable } from '../handler-table';

export function clientHandlers(
  services: MainServices,
): Pick<HandlerTable, 'clients:runs' | 'clients:record-run' | 'clients:rename'> {
  return {
    'clients:runs': ({ client }) => services.clients.list(client),
    'clients:record-run': (request) => services.clients.record(request),
    'clients:rename': ({ from, to }) => services.clients.rename(from, to),
  };
}
