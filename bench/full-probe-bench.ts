/**
 * Issues 3 and 5: a full audit of one account through runAudit with the real adapters: reachability of
 * three ports of the loopback Postfix, dialogue, TLS version enumeration per reachable port, a real login,
 * the relay and spoofing tests, and the account domain's DNS checks against the loopback Knot, N times.
 */
import type { AuditEvent, AuditReport } from '../preload/contract/audit';
import { runAudit, type AuditRunOptions, type AuditSubject } from '../main/core/audit/audit-runner';
import { planDomainChecks } from '../main/core/audit/domain-checks';
import { planServerChecks } from '../main/core/audit/server-checks';
import { createBenchDeps } from './audit-deps';
import { MAIL_HOST, MAIL_ZONE, type BenchServers } from './bench-servers';
import { concurrency, elapsedByCheck, type Concurrency } from './check-timeline';
import { summarize, timed, type Summary } from './stats';

const ALL_AREAS = ['smtp', 'tls', 'auth', 'relay', 'dns'] as const;

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
  };
  const options: AuditRunOptions = {
    areas: ALL_AREAS,
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
  const planDeps = createBenchDeps(servers.knot.server, servers.caPem);
  const plan = [
    ...planServerChecks(planDeps, {
      ...subject.server,
      accountAddress: user.username,
      presetId: null,
      areas: new Set(ALL_AREAS),
      relayTest: true,
      extraCaPem: servers.caPem,
      ports: postfix.ports,
    }),
    ...planDomainChecks(planDeps, { domain: MAIL_ZONE }),
  ];
  const findingCounts = new Map<string, number>();
  for (const finding of samples.at(-1)?.report.findings ?? [])
    findingCounts.set(finding.id, (findingCounts.get(finding.id) ?? 0) + 1);
  return {
    wall,
    concurrency: concurrency(plan, elapsedByCheck(median?.events ?? [])),
    findingCounts,
  };
}
