/** IPC handlers for "Check a message": judge one, reopen a stored one, save one as a report. */
import type { MainServices } from '../../composition';
import type { HandlerTable } from '../handler-table';

export function messageHandlers(
  services: MainServices,
): Pick<HandlerTable, 'message:check' | 'message:get' | 'message:export'> {
  return {
    'message:check': (request) => services.messages.check(request),
    'message:get': ({ runId }) => services.history.getAnalysis(runId),
    'message:export': async ({ runId, format, paper }) => {
      const outcome = await services.exports.exportAnalysis(runId, format, paper);
      // The base name confirms the save; the full path (the user's folders) stays in main.
      return outcome.saved ? { saved: true, fileName: outcome.fileName } : { saved: false };
    },
  };
}
