/** IPC handlers that start and cancel audits; progress and the report are pushed as `audit:event`. */
import type { MainServices } from '../../composition';
import type { AuditRequest } from '../../core/audit/audit-service';
import type { HandlerTable } from '../handler-table';

export function auditHandlers(services: MainServices): Pick<HandlerTable, 'audit:start' | 'audit:cancel'> {
  return {
    'audit:start': async ({ target, options }, context) => {
      const request: AuditRequest =
        target.kind === 'account'
          ? { kind: 'account', accountId: target.accountId }
          : { kind: 'domain', domain: target.domain };
      // The saved trusted CAs and timeouts apply to every audit started in the app.
      const settings = { ...options, ...(await services.settings.forAudit()) };
      return services.audits.start(request, settings, (event) => {
        context.emit('audit:event', event);
      });
    },
    'audit:cancel': ({ runId }) => Promise.resolve({ cancelled: services.audits.cancel(runId) }),
  };
}
