/** IPC handlers that start and cancel "Send a test message"; progress and the verdict are pushed as `message:proof-event`. */
import type { MainServices } from '../../composition';
import type { HandlerTable } from '../handler-table';

export function proofHandlers(
  services: MainServices,
): Pick<HandlerTable, 'message:prove' | 'message:cancel-proof'> {
  return {
    'message:prove': (request, context) =>
      services.appProofs.start(request, (event) => {
        context.emit('message:proof-event', event);
      }),
    'message:cancel-proof': ({ proofId }) => Promise.resolve(services.appProofs.cancel(proofId)),
  };
}
