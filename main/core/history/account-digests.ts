/**
 * Each account's last run and what changed since the one before, for the desk: read from the stored
 * runs' summaries (their grades as given then) and compared as History compares two runs.
 */
import type { AccountRunDigest, RunChange } from '../../../preload/contract/account-desk';
import type { HistoryProblem, HistoryRunSummary } from '../../../preload/contract/history';
import type { HistoryService } from './history-service';

export interface AccountDigests {
  readonly lastRuns: { readonly [accountId: string]: AccountRunDigest };
  /** Stored runs that could not be read, so the desk can say so instead of showing "not tested yet". */
  readonly problems: readonly HistoryProblem[];
}

export async function accountDigests(history: HistoryService): Promise<AccountDigests> {
  const listing = await history.list();
  const byAccount = new Map<string, HistoryRunSummary[]>();
  for (const run of listing.runs) {
    if (run.accountId === null) continue;
    const runs = byAccount.get(run.accountId) ?? [];
    runs.push(run);
    byAccount.set(run.accountId, runs);
  }
  const lastRuns: Record<string, AccountRunDigest> = {};
  for (const [accountId, runs] of byAccount) {
    // Newest first; a cancelled run tested only part of the account, so a finished one speaks for it.
    const finished = runs.filter((run) => !run.cancelled);
    const last = finished[0] ?? runs[0];
    if (last === undefined) continue;
    const previous = finished[1];
    lastRuns[accountId] = {
      last,
      change: previous === undefined || last.cancelled ? null : await changeSince(history, previous, last),
    };
  }
  return { lastRuns, problems: listing.problems };
}

async function changeSince(
  history: HistoryService,
  previous: HistoryRunSummary,
  last: HistoryRunSummary,
): Promise<RunChange | null> {
  try {
    const comparison = await history.compare(previous.runId, last.runId);
    return {
      score: scoreChange(previous, last),
      fixed: comparison.fixed.length,
      new: comparison.new.length,
    };
  } catch {
    // Deleted or damaged since the listing: the desk still shows the last run, without a change.
    return null;
  }
}

function scoreChange(previous: HistoryRunSummary, last: HistoryRunSummary): RunChange['score'] {
  if (previous.overall === null || last.overall === null) return null;
  const delta = last.overall.score - previous.overall.score;
  return delta > 0 ? 'better' : delta < 0 ? 'worse' : 'same';
}
