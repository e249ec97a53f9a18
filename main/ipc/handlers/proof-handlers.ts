/**
 * IPC handlers that start and cancel "Send a test message" (progress and the verdict are pushed as
 * `message:proof-event`) and save a kept run as a report.
 */
import type { MainServices } from '../../composition';
import type { HandlerTable } from '../handler-table';

export function proofHandlers(
  services: MainServices,
): Pick<HandlerTable, 'message:prove' | 'message:cancel-proof' | 'message:export-proof'> {
  return {
    'message:prove': (request, context) =>
      services.appProofs.start(request, (event) => {
        context.emit('message:proof-event', event);
      }),
    'message:cancel-proof': ({ proofId }) => Promise.resolve(services.appProofs.cancel(proofId)),
    'message:export-proof': async ({ runId, format, paper }) => {
      const outcome = await services.exports.exportProof(runId, format, paper);
      // The base name confirms the save; the full path (the user's folders) stays in main.
      return outcome.saved ? { saved: true, fileName: outcome.fileName } : { saved: false };
    },
  };
}
