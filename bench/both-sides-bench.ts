/**
 * Issue 12: one account audited with both sides through runAudit: the sending server (the full audit of
 * section 1) and its IMAP server on a loopback Dovecot of its own (reachability of 143/993, the dialogue and
 * the TLS checks on each, a real login over verified TLS and the inbox count), in the same run, N times.
 */
import type { AuditEvent, AuditReport } from '../preload/contract/audit';
import { createImapflowLogin } from '../main/adapters/incoming/imapflow-login';
import { createLineConnector } from '../main/adapters/incoming/line-connector';
import { runAudit, type AuditRunOptions, type AuditSubject } from '../main/core/audit/audit-runner';
import { createBenchDeps } from './audit-deps';
import { elapsedByCheck } from './check-timeline';
import { IMAP_HOST, MAIL_HOST, MAIL_ZONE, type BenchServers } from './bench-servers';
import { formatMs, formatSummary, summarize, timed, verdict, type Summary } from './stats';

/** The budget for an account audit with both sides on this machine. */
export const BOTH_SIDES_TARGET_MS = 1_500;

/** How many of the median run's slowest checks are printed: where the time goes. */
const SLOWEST_SHOWN = 8;

export interface BothSidesFigures {
  readonly wall: Summary;
  /** The median run's checks, slowest first, with their own elapsed times. */
  readonly slowestChecks: readonly (readonly [string, number])[];
  readonly incomingFindings: readonly string[];
  readonly incomingStatus: string;
}

export async function benchBothSides(servers: BenchServers, runs: number): Promise<BothSidesFigures> {
  const { postfix, user, dovecot } = servers;
  const subject: AuditSubject = {
    kind: 'account',
    label: user.username,
    email: user.username,
    domain: MAIL_ZONE,
    dkimSelectors: [],
    presetId: null,
    server: {
      host: MAIL_HOST,
      port: postfix.ports.submission,
      security: 'starttls',
      username: user.username,
      secret: { kind: 'password', password: user.password },
    },
    incoming: {
      protocol: 'imap',
      host: IMAP_HOST,
      port: dovecot.ports.imaps,
      security: 'tls',
      username: user.username,
      secret: { kind: 'password', password: user.password },
    },
  };
  const options: AuditRunOptions = {
    relayTest: true,
    extraCaPem: servers.caPem,
    ports: postfix.ports,
    incomingPorts: { imap: { plain: dovecot.ports.imap, implicitTls: dovecot.ports.imaps } },
  };
  const samples: { ms: number; events: AuditEvent[]; report: AuditReport }[] = [];
  for (let run = 0; run < runs; run += 1) {
    const deps = {
      ...createBenchDeps(servers.knot.server, servers.caPem),
      incoming: { connector: createLineConnector(), imapLogin: createImapflowLogin() },
    };
    const events: AuditEvent[] = [];
    const { ms, value } = await timed(() =>
      runAudit(subject, options, deps, {
        runId: `bench-both-${String(run)}`,
        signal: new AbortController().signal,
        onEvent: (event) => events.push(event),
      }),
    );
    samples.push({ ms, events, report: value });
  }
  const last = samples.at(-1)?.report;
  const median = [...samples].sort((a, b) => a.ms - b.ms)[Math.floor(samples.length / 2)];
  return {
    wall: summarize(samples.map((sample) => sample.ms)),
    slowestChecks: [...elapsedByCheck(median?.events ?? []).entries()]
      .sort(([, a], [, b]) => b - a)
      .slice(0, SLOWEST_SHOWN),
    incomingFindings: [
      ...new Set(
        (last?.findings ?? [])
          .map((finding) => finding.id)
          .filter((id) => id.startsWith('imap.'))
          .sort(),
      ),
    ],
    incomingStatus: last?.score.areas.find((area) => area.area === 'incoming')?.status ?? 'missing',
  };
}

/** `smtpOnly`: section 1's wall time in the same run, the named baseline a loaded machine is read against. */
export function bothSidesLines(figures: BothSidesFigures, smtpOnly: Summary): string[] {
  return [
    `Wall time:            ${formatSummary(figures.wall)}`,
    `Target < ${formatMs(BOTH_SIDES_TARGET_MS)}:        ${verdict(figures.wall.medianMs < BOTH_SIDES_TARGET_MS)} (median)`,
    `Against section 1 (SMTP side only, same run): ${(figures.wall.medianMs / smtpOnly.medianMs).toFixed(2)}x its median ${formatMs(smtpOnly.medianMs)}`,
    `Median run's slowest checks (own time; they overlap):`,
    ...figures.slowestChecks.map(([checkId, ms]) => `  ${formatMs(ms).padStart(8)}  ${checkId}`),
    `Incoming mail area:   ${figures.incomingStatus}`,
    `Last run's IMAP findings: ${figures.incomingFindings.join(', ')}`,
  ];
}
