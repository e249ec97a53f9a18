/**
 * Where finished audit runs are kept, so a user can reopen, compare and delete them later.
 *
 * The adapter (main/adapters/file-history-store.ts) keeps one file per run; a crash while saving can
 * lose at most the run being saved, never one already stored.
 */
import type { HistoryEntry, HistoryListing, HistoryTarget } from '../../../preload/contract/history';
import type { AnalysisEntry } from '../../../preload/contract/message-check';
import type { ProofEntry } from '../../../preload/contract/proof';

export interface HistoryStore {
  /** Where the runs live, for messages. */
  readonly location: string;
  /** Atomic: once this resolves the run survives a crash; before that, no part of it is visible. */
  save(entry: HistoryEntry): Promise<void>;
  /** Newest first; unreadable files are moved aside and reported in `problems`, never skipped silently. */
  list(filter?: { readonly target?: HistoryTarget | undefined }): Promise<HistoryListing>;
  /**
   * The stored run, or null when there is none with that id. Throws a MailwardenError with
   * STORAGE_CORRUPT (file moved aside) or STORAGE_TOO_NEW (left untouched) when it cannot be read.
   */
  get(runId: string): Promise<HistoryEntry | null>;
  /** Keeps a checked message's analysis beside the runs, atomically like `save`. */
  saveAnalysis(entry: AnalysisEntry): Promise<void>;
  /** The stored analysis, or null; throws like `get` when it cannot be read. */
  getAnalysis(runId: string): Promise<AnalysisEntry | null>;
  /** Keeps a test message's proof run beside the runs, atomically like `save`. */
  saveProof(entry: ProofEntry): Promise<void>;
  /** The stored proof run, or null; throws like `get` when it cannot be read. */
  getProof(runId: string): Promise<ProofEntry | null>;
  /** True when the run (an audit, an analysis or a proof) was there and is now gone. */
  delete(runId: string): Promise<boolean>;
}

/** Whether a finished run reached the history, for the CLI to mention (and warn on failure). */
export type HistorySaveOutcome =
  | { readonly saved: true; readonly runId: string }
  | { readonly saved: false; readonly runId: string; readonly message: string };
