/**
 * Issue 3, part 1: a full server audit of the loopback Postfix through runAudit with the real adapters
 * (reachability of three ports, dialogue, TLS version enumeration per reachable port, a real login, the
 * relay test and, because the login name is an address, the spoofing test), N times.
 */
import type { AuditEvent, AuditReport } from '../preload/contract/audit';
import { runAudit, type AuditRunOptions, type AuditSubject } from '../main/core/audit/audit-runner';
import { planServerChecks } from '../main/core/audit/server-checks';
import { createBenchDeps } from './audit-deps';
import { MAIL_HOST, type BenchServers } from './bench-servers';
import { concurrency, elapsedByCheck, type Concurrency } from './check-timeline';
import { summarize, timed, type Summary } from './stats';

const SERVER_AREAS = ['smtp', 'tls', 'auth', 'relay'] as const;

export interface FullProbeFigures {
  readonly wall: Summary;
  /** Concurrency of the median run. */
  readonly concurrency: Concurrency;
  /** Finding ids of the last run with their counts, to show the audit did the work it claims. */
  readonly findingCounts: ReadonlyMap<string, number>;
}

export async function benchFullProbe(servers: BenchServers, runs: number): Promise<FullProbeFigures> {
  const { postfix, user } = servers;
  const subject: AuditSubject = {
    kind: 'server',
    server: {
      host: MAIL_HOST,
      port: postfix.ports.submission,
      security: 'starttls',
      username: user.username,
      secret: { kind: 'password', password: user.password },
    },
  };
  const options: AuditRunOptions = {
    areas: SERVER_AREAS,
    relayTest: true,
    extraCaPem: servers.caPem,
    ports: postfix.ports,
  };
  const samples: { ms: number; events: AuditEvent[]; report: AuditReport }[] = [];
  for (let run = 0; run < runs; run += 1) {
    const events: AuditEvent[] = [];
    // Fresh adapters per run, as the app builds them per audit.
    const deps = createBenchDeps(servers.knot.server, servers.caPem);
    const { ms, value } = await timed(() =>
      runAudit(subject, options, deps, {
        runId: `bench-${String(run)}`,
        signal: new AbortController().signal,
        onEvent: (event) => events.push(event),
      }),
    );
    samples.push({ ms, events, report: value });
  }
  const wall = summarize(samples.map((s) => s.ms));
  const median = [...samples].sort((a, b) => a.ms - b.ms)[Math.floor(samples.length / 2)];
  const plan = planServerChecks(createBenchDeps(servers.knot.server, servers.caPem), {
    ...subject.server,
    accountAddress: user.username,
    presetId: null,
    areas: new Set(SERVER_AREAS),
    relayTest: true,
    extraCaPem: servers.caPem,
    ports: postfix.ports,
  });
  const findingCounts = new Map<string, number>();
  for (const finding of samples.at(-1)?.report.findings ?? [])
    findingCounts.set(finding.id, (findingCounts.get(finding.id) ?? 0) + 1);
  return {
    wall,
    concurrency: concurrency(plan, elapsedByCheck(median?.events ?? [])),
    findingCounts,
  };
}
