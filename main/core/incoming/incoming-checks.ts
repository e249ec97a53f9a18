/**
 * The checks of an incoming-server audit, in the same AuditCheck shape as the SMTP ones: reachability
 * first, then the pre-login dialogue on every port that answered (a clear-text 143 or 110 offering the
 * password matters even when the account itself uses 993), the SMTP side's TLS probe (versions, suites,
 * certificate, no-SNI certificate, renegotiation) on every port that answered and can reach TLS, then the
 * login on the account's own port.
 */
import type { MissingScope } from '../oauth/mail-scopes';
import type { AuditArea } from '../../../preload/contract/audit';
import type { AuditCheck } from '../audit/run-checks';
import type { DnsResolver } from '../ports';
import type { ProbeResult } from '../smtp/probe-context';
import type { IncomingProbeContext, IncomingSecurity } from './incoming-context';
import { probeIncomingDialogue } from './incoming-dialogue-probe';
import type { IncomingLoginPort, IncomingSecret } from './incoming-login-port';
import { INCOMING_LOGIN_DEADLINE_MS, probeIncomingLogin } from './incoming-login-probe';
import { probeIncomingTls } from './incoming-tls-probe';
import { softwareInGreeting } from './software-banner';
import {
  planIncomingPorts,
  probeIncomingReachability,
  STANDARD_INCOMING_PORTS,
  type StandardIncomingPorts,
} from './incoming-reachability';
import {
  DEFAULT_LINE_LIMITS,
  type IncomingProtocol,
  type LineConnector,
  type LineLimits,
} from './line-channel';

const PROBE_DEADLINE_MS = 30_000;

export interface IncomingCheckDeps {
  readonly resolver: DnsResolver;
  readonly connector: LineConnector;
  readonly imapLogin: IncomingLoginPort;
  readonly clock: { now(): Date };
  readonly limits?: Partial<LineLimits>;
}

export interface IncomingCheckOptions {
  readonly protocol: IncomingProtocol;
  readonly host: string;
  readonly port: number;
  readonly security: IncomingSecurity;
  readonly username: string;
  /** The password or the OAuth sign-in's access token; null: no login. */
  readonly secret: IncomingSecret | null;
  /** The OAuth sign-in lacks this protocol's scope: the login is not sent (the secret is null then). */
  readonly scopeMissing?: MissingScope | null;
  readonly extraCaPem?: string;
  readonly standardPorts?: StandardIncomingPorts;
  /** The area these checks report under: `imap` or `pop3` when the audit areas name them. */
  readonly area: AuditArea;
}

export function planIncomingChecks(deps: IncomingCheckDeps, options: IncomingCheckOptions): AuditCheck[] {
  const { protocol, host } = options;
  const context = (signal: AbortSignal): IncomingProbeContext => ({
    protocol,
    host,
    resolver: deps.resolver,
    connector: deps.connector,
    limits: { ...DEFAULT_LINE_LIMITS, ...deps.limits },
    signal,
    clock: deps.clock,
    ...(options.extraCaPem === undefined ? {} : { extraCaPem: options.extraCaPem }),
  });
  const ports = planIncomingPorts(options.standardPorts ?? STANDARD_INCOMING_PORTS[protocol], {
    port: options.port,
    security: options.security === 'implicit-tls' ? 'implicit-tls' : 'plain',
  });
  const reachId = `${protocol}-reach:${host}`;
  const answered = (results: ReadonlyMap<string, ProbeResult>): ReadonlySet<number> =>
    new Set(
      (results.get(reachId)?.findings ?? [])
        .filter((finding) => finding.id === `${protocol}.reach.ok`)
        .map((finding) => finding.evidence['port'])
        .filter((port): port is number => typeof port === 'number'),
    );
  // The software a port's greeting named, for fixes in its own settings (the dialogue finds its own).
  const softwareOn = (results: ReadonlyMap<string, ProbeResult>, port: number): string | null => {
    const greeting = (results.get(reachId)?.findings ?? []).find(
      (finding) => finding.id === `${protocol}.reach.ok` && finding.evidence['port'] === port,
    )?.evidence['greeting'];
    return typeof greeting === 'string' ? softwareInGreeting(greeting) : null;
  };
  const checks: AuditCheck[] = [
    {
      checkId: reachId,
      area: options.area,
      title: `Reaching ${protocol.toUpperCase()} on ${host} ports ${ports.map((p) => p.port).join(', ')}`,
      deadlineMs: PROBE_DEADLINE_MS,
      run: (signal) => probeIncomingReachability(context(signal), ports),
    },
  ];
  for (const planned of ports) {
    const security: IncomingSecurity = planned.isAccountPort
      ? options.security
      : planned.security === 'implicit-tls'
        ? 'implicit-tls'
        : 'starttls';
    if (security !== 'plain') {
      // Like the SMTP side: an account set up without encryption has no TLS to judge on its own port.
      checks.push({
        checkId: `${protocol}-tls:${host}:${String(planned.port)}`,
        area: options.area,
        title: `Encryption of ${protocol.toUpperCase()} on port ${String(planned.port)} (TLS versions, cipher, certificate)`,
        deadlineMs: PROBE_DEADLINE_MS,
        after: [reachId],
        run: (signal, results) =>
          answered(results).has(planned.port)
            ? probeIncomingTls(context(signal), {
                port: planned.port,
                security,
                software: softwareOn(results, planned.port),
              })
            : Promise.resolve({ findings: [], transcript: [] }),
      });
    }
    checks.push({
      checkId: `${protocol}-dialogue:${host}:${String(planned.port)}`,
      area: options.area,
      title: `${protocol.toUpperCase()} before login on port ${String(planned.port)}`,
      deadlineMs: PROBE_DEADLINE_MS,
      after: [reachId],
      run: (signal, results) =>
        answered(results).has(planned.port)
          ? probeIncomingDialogue(context(signal), { port: planned.port, security })
          : Promise.resolve({ findings: [], transcript: [] }),
    });
  }
  checks.push({
    checkId: `${protocol}-login:${host}:${String(options.port)}`,
    area: options.area,
    title: `${protocol.toUpperCase()} login on port ${String(options.port)} (counts only, never a message)`,
    deadlineMs: INCOMING_LOGIN_DEADLINE_MS,
    after: [reachId],
    run: (signal, results) =>
      answered(results).has(options.port)
        ? probeIncomingLogin(context(signal), deps.imapLogin, {
            port: options.port,
            security: options.security,
            username: options.username,
            secret: options.secret,
            scopeMissing: options.scopeMissing ?? null,
            software: softwareOn(results, options.port),
          })
        : Promise.resolve({ findings: [], transcript: [] }),
  });
  return checks;
}
