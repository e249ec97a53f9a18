/** IPC handler that saves a stored run's report through the save dialog. */
import type { MainServices } from '../../composition';
import type { HandlerTable } from '../handler-table';

export function reportHandlers(services: MainServices): Pick<HandlerTable, 'report:export'> {
  return {
    'report:export': async ({ runId, format, paper }) => {
      const outcome = await services.exports.exportRun(runId, format, paper);
      // The base name confirms the save; the full path (the user's folders) stays in main.
      return outcome.saved ? { saved: true, fileName: outcome.fileName } : { saved: false };
    },
  };
}
