/**
 * Client runs as the renderer and the CLI see them: each time all of a client's accounts were tested
 * together, kept with its summary so the client page can list and reopen it.
 */
import type { Severity } from './findings';
import { GRADES, type Grade } from './score';

/** How one account of a client run ended. */
export type ClientRunAccountOutcome =
  /** Tested to the end; its run is in the history. */
  | 'done'
  /** Cancelled while it ran: what had finished is in its (stored) run. */
  | 'cancelled'
  /** Could not run, or its run could not be kept in the history. */
  | 'failed'
  /** Never started: the client run was cancelled first. */
  | 'skipped';

/** One account's line of a stored client run, as it was when the run ended. */
export interface ClientRunAccount {
  readonly accountId: string;
  /** The account's label at the time, so a removed account still reads by name. */
  readonly label: string;
  readonly outcome: ClientRunAccountOutcome;
  /** The stored run (done or cancelled); null otherwise. */
  readonly runId: string | null;
  readonly grade: Grade | null;
  /** The worst severity among the findings, pass and info included; null when there is no run. */
  readonly worst: Severity | null;
  /** Problems (low or worse) the run found; 0 when there is no run. */
  readonly problems: number;
  /** Why it could not run; null unless the outcome is failed. */
  readonly message: string | null;
}

/** One stored client run. */
export interface ClientRun {
  readonly id: string;
  readonly client: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly accounts: readonly ClientRunAccount[];
}

export interface ClientRunListing {
  /** Newest first. */
  readonly runs: readonly ClientRun[];
  /** A client-runs file that could not be read (moved aside), said in words. */
  readonly warnings: readonly string[];
}

/** What the page reports when a client run ends: per account, the run it made or why it made none. */
export type ClientRunResult =
  | { readonly kind: 'tested'; readonly runId: string }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'skipped' };

export interface ClientRunRecordRequest {
  readonly client: string;
  readonly startedAt: string;
  readonly accounts: readonly { readonly accountId: string; readonly result: ClientRunResult }[];
}

export interface ClientRenameRequest {
  readonly from: string;
  readonly to: string;
}

export interface ClientRenameResult {
  /** The name as saved (trimmed). */
  readonly client: string;
  /** How many accounts moved to the new name. */
  readonly accounts: number;
}

/** The lowest grade any account of the run got: the one the client should hear about first. */
export function worstGrade(run: ClientRun): Grade | null {
  let worst: Grade | null = null;
  for (const { grade } of run.accounts)
    if (grade !== null && (worst === null || GRADES.indexOf(grade) > GRADES.indexOf(worst))) worst = grade;
  return worst;
}
