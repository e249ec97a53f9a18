/**
 * The account's incoming (IMAP or POP3) server in the same audit as its sending server: the incoming
 * engine's checks under the `imap` or `pop3` area, with a port that did not answer reported as a check
 * that could not run (never as a clean pass), as the SMTP side does.
 */
import type { MissingScope } from '../oauth/mail-scopes';
import type { AuditArea } from '../../../preload/contract/audit';
import type { SecurityMode } from '../../../preload/contract/accounts';
import type { NotRun } from '../coverage/blockers';
import type { IncomingSecurity } from '../incoming/incoming-context';
import { planIncomingChecks } from '../incoming/incoming-checks';
import type { IncomingLoginPort, IncomingSecret } from '../incoming/incoming-login-port';
import type { StandardIncomingPorts } from '../incoming/incoming-reachability';
import type { IncomingProtocol, LineConnector, LineLimits } from '../incoming/line-channel';
import type { Clock, DnsResolver } from '../ports';
import type { ProbeResult } from '../smtp/probe-context';
import type { AuditCheck } from './run-checks';

export interface AuditIncomingServer {
  readonly protocol: IncomingProtocol;
  readonly host: string;
  readonly port: number;
  readonly security: SecurityMode;
  readonly username: string;
  /**
   * The sending password, or the incoming server's own, or the access token of the account's OAuth
   * sign-in; null when none is stored (no login then).
   */
  readonly secret: IncomingSecret | null;
  /** The OAuth sign-in lacks this protocol's scope (then `secret` is null): the finding names it. */
  readonly scopeMissing?: MissingScope | null;
}

export interface IncomingAuditDeps {
  readonly connector: LineConnector;
  readonly imapLogin: IncomingLoginPort;
}

/** `tls` is TLS from the first byte (993/995); `starttls` and `none` start in clear text. */
export function incomingSecurityOf(security: SecurityMode): IncomingSecurity {
  switch (security) {
    case 'tls':
      return 'implicit-tls';
    case 'starttls':
      return 'starttls';
    case 'none':
      return 'plain';
  }
}

export function planAccountIncomingChecks(
  deps: {
    readonly resolver: DnsResolver;
    readonly clock: Clock;
    readonly incoming?: IncomingAuditDeps | undefined;
  },
  server: AuditIncomingServer,
  options: {
    readonly extraCaPem?: string | undefined;
    readonly incomingPorts?: Partial<Record<IncomingProtocol, StandardIncomingPorts>>;
    readonly incomingLimits?: Partial<LineLimits>;
  },
  areas: ReadonlySet<AuditArea>,
): AuditCheck[] {
  const area: AuditArea = server.protocol;
  if (!areas.has(area)) return [];
  const { incoming } = deps;
  if (incoming === undefined) throw new Error('The incoming server cannot be audited without its adapters.');
  const reachId = `${server.protocol}-reach:${server.host}`;
  const standardPorts = options.incomingPorts?.[server.protocol];
  const extraCaPem = options.extraCaPem;
  const checks = planIncomingChecks(
    {
      resolver: deps.resolver,
      connector: incoming.connector,
      imapLogin: incoming.imapLogin,
      clock: deps.clock,
      ...(options.incomingLimits === undefined ? {} : { limits: options.incomingLimits }),
    },
    {
      protocol: server.protocol,
      host: server.host,
      port: server.port,
      security: incomingSecurityOf(server.security),
      username: server.username,
      secret: server.secret,
      scopeMissing: server.scopeMissing ?? null,
      area,
      ...(extraCaPem === undefined ? {} : { extraCaPem }),
      ...(standardPorts === undefined ? {} : { standardPorts }),
    },
  );
  return checks.map((check) =>
    check.checkId === reachId ? check : { ...check, run: unlessUnanswered(check, reachId, server) },
  );
}

/** The port a dialogue or login check talks to: the last part of its id (`imap-login:host:993`). */
function portOf(checkId: string): number {
  return Number(checkId.slice(checkId.lastIndexOf(':') + 1));
}

/**
 * A check on a port the reachability check found silent did not run: the account's own port is a gap
 * (its login could not be tested), any other standard port simply has nothing to test.
 */
function unlessUnanswered(
  check: AuditCheck,
  reachId: string,
  server: AuditIncomingServer,
): AuditCheck['run'] {
  return async (signal, results) => {
    const port = portOf(check.checkId);
    const answered = (results.get(reachId)?.findings ?? []).some(
      (finding) => finding.id === `${server.protocol}.reach.ok` && finding.evidence['port'] === port,
    );
    if (answered) return check.run(signal, results);
    const notRun: NotRun = {
      kind: port === server.port ? 'account-port-unreachable' : 'port-unreachable',
      subject: `${server.host}:${String(port)}`,
    };
    const result: ProbeResult = { findings: [], transcript: [], notRun };
    return result;
  };
}
