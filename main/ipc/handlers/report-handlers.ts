/** IPC handlers that save a stored run's report, or a client's runs as one report, through the save dialog. */
import type { MainServices } from '../../composition';
import type { HandlerTable } from '../handler-table';

export function reportHandlers(
  services: MainServices,
): Pick<HandlerTable, 'report:export' | 'report:export-client'> {
  return {
    'report:export': async ({ runId, format, paper }) => {
      const outcome = await services.exports.exportRun(runId, format, paper);
      // The base name confirms the save; the full path (the user's folders) stays in main.
      return outcome.saved ? { saved: true, fileName: outcome.fileName } : { saved: false };
    },
    'report:export-client': async ({ client, runIds, format, paper }) => {
      const outcome = await services.exports.exportClient(client, runIds, format, paper);
      return outcome.saved ? { saved: true, fileName: outcome.fileName } : { saved: false };
    },
  };
}
