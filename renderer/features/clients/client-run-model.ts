/**
 * A client run as the page knows it: one row per account, and how each step of the run moves a row on.
 *
 * Pure, so the rules (one row running at a time, Cancel ends the current row as cancelled and skips the
 * rest, a row that could not start does not stop the others) read in one place.
 */
import type { AccountView } from '../../../preload/contract/accounts';
import type { AuditEvent, AuditReport } from '../../../preload/contract/audit';
import { severityRank, type Severity } from '../../../preload/contract/findings';

export type ClientRowState =
  | { readonly kind: 'waiting' }
  | {
      readonly kind: 'running';
      /** When the page started this account (Date.now()), for the live timer. */
      readonly startedAt: number;
      readonly planned: number;
      readonly done: number;
    }
  | { readonly kind: 'done'; readonly runId: string; readonly report: AuditReport; readonly saved: boolean }
  /** Cancelled while it ran: what had finished is in the report. */
  | {
      readonly kind: 'cancelled';
      readonly runId: string;
      readonly report: AuditReport;
      /** False when the history could not keep it: it is shown but cannot go into the client report. */
      readonly saved: boolean;
    }
  | { readonly kind: 'failed'; readonly message: string }
  /** Never started, because the person cancelled the client run first. */
  | { readonly kind: 'skipped' };

export interface ClientRow {
  readonly account: AccountView;
  readonly state: ClientRowState;
}

export function initialRows(accounts: readonly AccountView[]): readonly ClientRow[] {
  return accounts.map((account) => ({ account, state: { kind: 'waiting' } }));
}

/** True once the row will not change again. */
export function isSettled(state: ClientRowState): boolean {
  return state.kind !== 'waiting' && state.kind !== 'running';
}

export function allSettled(rows: readonly ClientRow[]): boolean {
  return rows.every((row) => isSettled(row.state));
}

function update(
  rows: readonly ClientRow[],
  index: number,
  change: (state: ClientRowState) => ClientRowState,
): readonly ClientRow[] {
  return rows.map((row, at) => (at === index ? { ...row, state: change(row.state) } : row));
}

export function startRow(rows: readonly ClientRow[], index: number, now: number): readonly ClientRow[] {
  return update(rows, index, () => ({ kind: 'running', startedAt: now, planned: 0, done: 0 }));
}

/** The row's account could not be tested (main refused to start, or the run failed). */
export function failRow(rows: readonly ClientRow[], index: number, message: string): readonly ClientRow[] {
  return update(rows, index, () => ({ kind: 'failed', message }));
}

/** Every row that has not started yet is skipped: the person cancelled the client run. */
export function skipWaiting(rows: readonly ClientRow[]): readonly ClientRow[] {
  return rows.map((row) => (row.state.kind === 'waiting' ? { ...row, state: { kind: 'skipped' } } : row));
}

/** Moves the running row on by one event of its own run. */
export function applyRowEvent(
  rows: readonly ClientRow[],
  index: number,
  event: AuditEvent,
): readonly ClientRow[] {
  return update(rows, index, (state) => {
    if (state.kind !== 'running') return state;
    switch (event.type) {
      case 'planned':
        return { ...state, planned: event.checks.length };
      case 'check-started':
        return state;
      case 'check-finished':
        // A check main did not plan still counts, so "done of planned" never goes past the end.
        return { ...state, done: state.done + 1, planned: Math.max(state.planned, state.done + 1) };
      case 'finished': {
        const saved = event.history.status === 'saved';
        return event.report.cancelled
          ? { kind: 'cancelled', runId: event.runId, report: event.report, saved }
          : { kind: 'done', runId: event.runId, report: event.report, saved };
      }
      case 'failed':
        return { kind: 'failed', message: event.message };
    }
  });
}

/** The worst severity among a report's findings; null when it has none. */
export function worstSeverity(report: AuditReport): Severity | null {
  let worst: Severity | null = null;
  for (const finding of report.findings)
    if (worst === null || severityRank(finding.severity) > severityRank(worst)) worst = finding.severity;
  return worst;
}

/** Runs kept in the history, in row order: what the client report is made of (main reads them there). */
export function storedRunIds(rows: readonly ClientRow[]): string[] {
  return rows.flatMap((row) =>
    (row.state.kind === 'done' || row.state.kind === 'cancelled') && row.state.saved ? [row.state.runId] : [],
  );
}
