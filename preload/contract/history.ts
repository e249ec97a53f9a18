/** Stored audit runs as the renderer and the CLI see them: the list, one run, and two runs compared. */
import type { AuditReport, AuditTargetDescription } from './audit';
import type { Finding, Severity } from './findings';
import type { AnalysisRunSummary } from './message-check';
import type { ProofRunSummary } from './proof';
import type { Grade } from './score';

/** Which runs to list: those of one saved account, or those about one domain (or server host). */
export type HistoryTarget =
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'domain'; readonly domain: string };

/** One stored run: the full report, its run id and the saved account it was about (if any). */
export interface HistoryEntry {
  readonly runId: string;
  readonly accountId: string | null;
  readonly report: AuditReport;
}

/** A line of the history list: enough to pick a run without loading its transcript into the page. */
export interface HistoryRunSummary {
  readonly runId: string;
  readonly accountId: string | null;
  readonly target: AuditTargetDescription;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly cancelled: boolean;
  readonly counts: { readonly [S in Severity]: number };
  /** The overall grade and score, so a list of runs needs no full report; null when none was given. */
  readonly overall: { readonly score: number; readonly grade: Grade } | null;
  /** The run's most severe problem (low or worse; the first of them in report order); null when none. */
  readonly worst: WorstProblem | null;
}

export interface WorstProblem {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
}

/** A stored file that could not be listed, so the user hears about it instead of it vanishing. */
export type HistoryProblem =
  | {
      readonly kind: 'corrupt';
      readonly file: string;
      /** Where the unreadable file now is (history/corrupt/...), kept for recovery. */
      readonly movedTo: string;
      readonly reason: string;
    }
  /** Written by a newer Mailwarden: left untouched. */
  | { readonly kind: 'too-new'; readonly file: string; readonly version: number };

export interface HistoryListing {
  /** Newest first. */
  readonly runs: readonly HistoryRunSummary[];
  /**
   * Checked messages, newest first: every one when no target is named, those whose From domain is the
   * named domain, none for an account (a message is about its sender's domain, not an account).
   */
  readonly analyses: readonly AnalysisRunSummary[];
  /** Test messages sent ("Send a test message", `mailwarden prove`), newest first: an account's own, or those sent from the named domain. */
  readonly proofs: readonly ProofRunSummary[];
  readonly problems: readonly HistoryProblem[];
}

export interface UnchangedFinding {
  readonly finding: Finding;
  /** Set when the same finding on the same check now has another severity. */
  readonly previousSeverity: Severity | null;
}

/** Two runs compared finding by finding (matched on finding id and check id). */
export interface RunComparison {
  readonly older: HistoryRunSummary;
  readonly newer: HistoryRunSummary;
  /** Problems in the older run that the newer one no longer has. */
  readonly fixed: readonly Finding[];
  /** Problems in the newer run that the older one did not have. */
  readonly new: readonly Finding[];
  /** In both runs, passes included; `previousSeverity` notes a changed severity. */
  readonly unchanged: readonly UnchangedFinding[];
}
