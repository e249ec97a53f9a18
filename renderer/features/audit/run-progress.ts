/**
 * The state of one audit run as the page knows it, and how each event from main moves it on.
 *
 * Pure, so the rules (events of other runs are ignored, a check main did not plan still shows up) are
 * tested without a browser.
 */
import type { ErrorCode } from '../../../preload/contract/outcome';
import type { AuditEvent, AuditReport, HistorySaveResult } from '../../../preload/contract/audit';
import type { CheckStatus as CheckOutcome } from '../../../preload/contract/coverage';
import type { SeverityCounts } from '../../../preload/contract/findings';

export type CheckStatus = 'waiting' | 'running' | 'done';

export interface CheckProgress {
  readonly checkId: string;
  readonly title: string;
  readonly status: CheckStatus;
  /** When the page learnt it started (Date.now()), for the live timer. */
  readonly startedAt: number | null;
  readonly elapsedMs: number | null;
  readonly findings: number | null;
  /** The check's findings by severity, once it is done. */
  readonly counts: SeverityCounts | null;
  /** How it ended, once it is done: a check that did not run must never look like one that passed. */
  readonly outcome: CheckOutcome | null;
}

export type RunPhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'starting' }
  | {
      readonly kind: 'running';
      readonly runId: string;
      readonly checks: readonly CheckProgress[];
      readonly cancelling: boolean;
    }
  | {
      readonly kind: 'finished';
      readonly runId: string;
      readonly report: AuditReport;
      readonly history: HistorySaveResult;
    }
  | { readonly kind: 'failed'; readonly message: string; readonly code?: ErrorCode };

function waiting(checkId: string, title: string): CheckProgress {
  return {
    checkId,
    title,
    status: 'waiting',
    startedAt: null,
    elapsedMs: null,
    findings: null,
    counts: null,
    outcome: null,
  };
}

/** The next phase after one event of the current run. */
export function applyEvent(phase: RunPhase, event: AuditEvent, now: number): RunPhase {
  if (phase.kind !== 'running' || event.runId !== phase.runId) return phase;
  switch (event.type) {
    case 'planned':
      return { ...phase, checks: event.checks.map((check) => waiting(check.checkId, check.title)) };
    case 'check-started': {
      const known = phase.checks.some((check) => check.checkId === event.checkId);
      const checks = known ? phase.checks : [...phase.checks, waiting(event.checkId, event.title)];
      return {
        ...phase,
        checks: checks.map((check) =>
          check.checkId === event.checkId
            ? { ...check, title: event.title, status: 'running', startedAt: now }
            : check,
        ),
      };
    }
    case 'check-finished':
      return {
        ...phase,
        checks: phase.checks.map((check) =>
          check.checkId === event.checkId
            ? {
                ...check,
                status: 'done',
                elapsedMs: event.elapsedMs,
                findings: event.findings,
                counts: event.counts,
                outcome: event.status,
              }
            : check,
        ),
      };
    case 'finished':
      return { kind: 'finished', runId: event.runId, report: event.report, history: event.history };
    case 'failed':
      return { kind: 'failed', message: event.message };
  }
}
