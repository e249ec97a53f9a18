/**
 * Issue 4: the domain checks of many domains against one local Knot, a bounded number at a time, with the
 * process's memory watched while it runs.
 */
import { resourceUsage } from 'node:process';
import { runAudit } from '../main/core/audit/audit-runner';
import { createBenchDeps } from './audit-deps';
import type { BenchServers } from './bench-servers';
import { DKIM_SELECTOR, type BenchDomain } from './domain-zones';
import { summarize, timed, type Summary } from './stats';

const RSS_SAMPLE_INTERVAL_MS = 10;
const BYTES_PER_KIB = 1024;
/** Findings that mean a check did not finish on its own: a batch full of these measured nothing. */
const UNFINISHED_IDS: ReadonlySet<string> = new Set([
  'audit.check.timed-out',
  'audit.check.failed',
  'audit.check.cancelled',
]);

export interface DnsBatchFigures {
  readonly domains: number;
  readonly concurrency: number;
  readonly totalMs: number;
  readonly checksRun: number;
  readonly findings: number;
  readonly unfinishedChecks: number;
  readonly rssBeforeBytes: number;
  /** Highest RSS sampled while the batch ran. */
  readonly peakRssSampledBytes: number;
  /** getrusage's ru_maxrss: the whole process's peak so far (earlier bench sections included). */
  readonly maxRssProcessBytes: number;
  /** Per check kind (`dkim`, `mx`, ...): the median and the slowest elapsed time over all domains. */
  readonly byKind: ReadonlyMap<string, Summary>;
}

export async function benchDnsBatch(
  servers: BenchServers,
  domains: readonly BenchDomain[],
  concurrency: number,
): Promise<DnsBatchFigures> {
  const deps = createBenchDeps(servers.knot.server, servers.caPem);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, RSS_SAMPLE_INTERVAL_MS);
  sampler.unref();
  let checksRun = 0;
  let findings = 0;
  let unfinished = 0;
  let next = 0;
  const elapsedByKind = new Map<string, number[]>();
  // A fixed pool of workers, each taking the next domain until none is left: at most `concurrency` at once.
  const worker = async (): Promise<void> => {
    while (next < domains.length) {
      const domain = domains[next];
      next += 1;
      if (domain === undefined) continue;
      const report = await runAudit(
        { kind: 'domain', domain: domain.name, dkimSelectors: [DKIM_SELECTOR] },
        { areas: ['dns'], relayTest: false },
        deps,
        {
          runId: `dns-${domain.name}`,
          signal: new AbortController().signal,
          onEvent: (event) => {
            if (event.type !== 'check-finished') return;
            checksRun += 1;
            const kind = event.checkId.split(':')[0] ?? event.checkId;
            const list = elapsedByKind.get(kind) ?? [];
            list.push(event.elapsedMs);
            elapsedByKind.set(kind, list);
          },
        },
      );
      findings += report.findings.length;
      unfinished += report.findings.filter((f) => UNFINISHED_IDS.has(f.id)).length;
    }
  };
  try {
    const { ms } = await timed(() =>
      Promise.all(Array.from({ length: Math.min(concurrency, domains.length) }, worker)),
    );
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      domains: domains.length,
      concurrency,
      totalMs: ms,
      checksRun,
      findings,
      unfinishedChecks: unfinished,
      rssBeforeBytes: rssBefore,
      peakRssSampledBytes: peak,
      maxRssProcessBytes: resourceUsage().maxRSS * BYTES_PER_KIB,
      byKind: new Map([...elapsedByKind].map(([kind, list]) => [kind, summarize(list)])),
    };
  } finally {
    clearInterval(sampler);
  }
}
