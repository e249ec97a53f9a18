/**
 * The incoming-server audit plan (planIncomingChecks) run by the real check runner, with the real line
 * connector and imapflow login, on the ports and with the resolver a test names.
 */
import { createImapflowLogin } from '../../main/adapters/incoming/imapflow-login';
import { createLineConnector } from '../../main/adapters/incoming/line-connector';
import { runChecks, type ChecksOutcome } from '../../main/core/audit/run-checks';
import { planIncomingChecks, type IncomingCheckOptions } from '../../main/core/incoming/incoming-checks';
import type { LineLimits } from '../../main/core/incoming/line-channel';
import type { DnsResolver } from '../../main/core/ports';
import { REAL_SERVER_LINE_LIMITS } from './incoming-probe-context';

export interface IncomingAuditRun extends Omit<IncomingCheckOptions, 'area' | 'standardPorts'> {
  readonly resolver: DnsResolver;
  /** The standard ports to try besides the account's; absent: the account's port only. */
  readonly standardPorts?: IncomingCheckOptions['standardPorts'];
  readonly limits?: LineLimits;
}

export function runIncomingAudit(run: IncomingAuditRun): Promise<ChecksOutcome> {
  const { resolver, limits, standardPorts, ...options } = run;
  const checks = planIncomingChecks(
    {
      resolver,
      connector: createLineConnector(),
      imapLogin: createImapflowLogin(),
      clock: { now: () => new Date() },
      limits: limits ?? REAL_SERVER_LINE_LIMITS,
    },
    {
      ...options,
      // Both standard ports on the account's own: one port, one dialogue, one TLS check, one login.
      standardPorts: standardPorts ?? { plain: options.port, implicitTls: options.port },
      area: options.protocol,
    },
  );
  return runChecks(checks, { signal: new AbortController().signal, overallDeadlineMs: 60_000 });
}
