/**
 * The batch index as data: one entry per CSV row, in file order, whether it ran, was cancelled, failed or
 * was never run (with the reason). The HTML and CSV renderings are made from this alone.
 */
import type { AuditReport } from '../../../preload/contract/audit';
import { SEVERITIES, countBySeverity, severityRank, type Severity } from '../../../preload/contract/findings';
import type { BatchRowProblem } from './batch-rows';
import type { BatchResult, SavedReport } from './run-batch';

export type BatchEntryStatus = 'done' | 'cancelled' | 'failed' | 'not-run';

export interface BatchIndexEntry {
  readonly line: number;
  readonly client: string;
  readonly target: string;
  readonly status: BatchEntryStatus;
  /** What a reader sees in the status column, e.g. `not run: the port must be ...`. */
  readonly statusText: string;
  /** Worst severity among the findings; null without a report or without findings. */
  readonly worst: Severity | null;
  /** Findings per severity; null without a report. */
  readonly counts: Readonly<Record<Severity, number>> | null;
  readonly score: number | null;
  readonly grade: string | null;
  readonly report: SavedReport | null;
  /** How the login was treated. */
  readonly note: string;
}

export interface BatchIndex {
  readonly generatedAt: string;
  readonly cancelled: boolean;
  readonly entries: readonly BatchIndexEntry[];
  readonly totals: Readonly<Record<BatchEntryStatus, number>>;
}

export function buildBatchIndex(input: {
  readonly generatedAt: string;
  readonly cancelled: boolean;
  readonly results: readonly BatchResult[];
  readonly notRun: readonly BatchRowProblem[];
}): BatchIndex {
  const entries = [...input.results.map(fromResult), ...input.notRun.map(fromProblem)].sort(
    (a, b) => a.line - b.line,
  );
  const totals = { done: 0, cancelled: 0, failed: 0, 'not-run': 0 };
  for (const entry of entries) totals[entry.status] += 1;
  return { generatedAt: input.generatedAt, cancelled: input.cancelled, entries, totals };
}

function fromProblem(problem: BatchRowProblem): BatchIndexEntry {
  return {
    line: problem.line,
    client: problem.client,
    target: problem.target,
    status: 'not-run',
    statusText: `not run: ${problem.reason}`,
    worst: null,
    counts: null,
    score: null,
    grade: null,
    report: null,
    note: '',
  };
}

function fromResult(result: BatchResult): BatchIndexEntry {
  const base = {
    line: result.job.line,
    client: result.job.client,
    target: result.job.target,
    note: result.job.note,
    worst: null,
    counts: null,
    score: null,
    grade: null,
    report: null,
  };
  switch (result.kind) {
    case 'not-started':
      return { ...base, status: 'cancelled', statusText: 'cancelled before it started' };
    case 'failed':
      return { ...base, status: 'failed', statusText: `could not run: ${result.message}` };
    case 'done': {
      const { report } = result;
      const counts = countBySeverity(report.findings);
      const score = readScore(report);
      return {
        ...base,
        status: report.cancelled ? 'cancelled' : 'done',
        statusText: report.cancelled ? 'cancelled while running (partial report)' : 'done',
        worst: worstSeverity(counts),
        counts,
        score: score.score,
        grade: score.grade,
        report: result.saved,
      };
    }
  }
}

function worstSeverity(counts: Readonly<Record<Severity, number>>): Severity | null {
  const present = SEVERITIES.filter((severity) => counts[severity] > 0);
  return present.reduce<Severity | null>(
    (worst, severity) => (worst === null || severityRank(severity) > severityRank(worst) ? severity : worst),
    null,
  );
}

/** The overall score and grade, when the report was scored and at least one area was tested. */
export function readScore(report: AuditReport): { score: number | null; grade: string | null } {
  const overall = report.score.overall ?? null;
  return overall === null ? { score: null, grade: null } : { score: overall.score, grade: overall.grade };
}
