/**
 * What the progress events of one audit say about concurrency: the sum of every check's own time versus
 * the longest chain of checks that had to wait for each other (the floor for the wall time).
 */
import type { AuditEvent } from '../preload/contract/audit';
import type { AuditCheck } from '../main/core/audit/run-checks';

export interface Concurrency {
  /** Every check's elapsed time, added up: the wall time if nothing overlapped. */
  readonly sumOfChecksMs: number;
  /** The slowest path through the `after` graph, with its check ids. */
  readonly longestChainMs: number;
  readonly longestChain: readonly string[];
}

/** Elapsed time of each finished check, from the `check-finished` events. */
export function elapsedByCheck(events: readonly AuditEvent[]): Map<string, number> {
  const elapsed = new Map<string, number>();
  for (const event of events)
    if (event.type === 'check-finished') elapsed.set(event.checkId, event.elapsedMs);
  return elapsed;
}

/** Sum and longest dependent chain, given the plan's `after` edges and the measured times. */
export function concurrency(plan: readonly AuditCheck[], elapsed: ReadonlyMap<string, number>): Concurrency {
  const byId = new Map(plan.map((check) => [check.checkId, check]));
  const memo = new Map<string, { ms: number; chain: string[] }>();
  // The plan is a DAG (run-checks would deadlock otherwise); depth is bounded by the number of checks.
  const longest = (id: string, depth: number): { ms: number; chain: string[] } => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    let best = { ms: 0, chain: [] as string[] };
    if (depth < plan.length) {
      for (const before of byId.get(id)?.after ?? []) {
        const candidate = longest(before, depth + 1);
        if (candidate.ms > best.ms) best = candidate;
      }
    }
    const own = { ms: best.ms + (elapsed.get(id) ?? 0), chain: [...best.chain, id] };
    memo.set(id, own);
    return own;
  };
  let top = { ms: 0, chain: [] as string[] };
  for (const check of plan) {
    const candidate = longest(check.checkId, 0);
    if (candidate.ms > top.ms) top = candidate;
  }
  const sum = [...elapsed.values()].reduce((total, ms) => total + ms, 0);
  return { sumOfChecksMs: sum, longestChainMs: top.ms, longestChain: top.chain };
}
