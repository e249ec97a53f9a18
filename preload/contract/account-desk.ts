/**
 * The account list as the app's desk shows it: every account, plus each one's last run as the
 * history stored it (its grade is the score the run was given, never recomputed) and what changed
 * since the run before.
 */
import type { AccountList } from './accounts';
import type { HistoryRunSummary } from './history';

/** The last run against the one before it, matched finding by finding as History compares them. */
export interface RunChange {
  /** By overall score; null when either run has no score. */
  readonly score: 'better' | 'worse' | 'same' | null;
  /** Problems of the run before that the last run no longer has. */
  readonly fixed: number;
  /** Problems the last run has that the run before did not. */
  readonly new: number;
}

export interface AccountRunDigest {
  /** The newest finished run (a cancelled one only when no run finished). */
  readonly last: HistoryRunSummary;
  /** Null when there is no earlier finished run, or it could not be read. */
  readonly change: RunChange | null;
}

export interface AccountDesk extends AccountList {
  /** By account id; an account with no stored run has no entry ("not tested yet"). */
  readonly lastRuns: { readonly [accountId: string]: AccountRunDigest };
}
