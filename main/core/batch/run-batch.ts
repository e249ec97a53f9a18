/**
 * Runs a batch's audits, at most `concurrency` at a time, and saves each report as soon as it is done.
 *
 * Each audit keeps its own per-check and overall deadlines; the batch adds only the cancel signal. On
 * cancel, audits already running end early with a report marked cancelled, audits not yet started never
 * start, and every report already saved stays saved, so a Ctrl-C never throws away finished work.
 */
import type { AuditReport } from '../../../preload/contract/audit';
import { MailwardenError } from '../errors/mailwarden-error';
import type { AuditRequest } from '../audit/audit-service';
import type { BatchJob } from './batch-plan';

/** Enough to keep a laptop busy without looking like an attack to the servers being audited. */
export const DEFAULT_BATCH_CONCURRENCY = 4;
export const MAX_BATCH_CONCURRENCY = 32;

/** Where a row's report was written, relative to the output folder. */
export interface SavedReport {
  readonly json: string;
  /** The human-readable copy (self-contained HTML). */
  readonly view: string;
}

export type BatchResult =
  | {
      readonly kind: 'done';
      readonly job: BatchJob;
      readonly report: AuditReport;
      readonly saved: SavedReport;
    }
  | { readonly kind: 'failed'; readonly job: BatchJob; readonly message: string }
  | { readonly kind: 'not-started'; readonly job: BatchJob };

export interface RunBatchDeps {
  audit(request: AuditRequest, signal: AbortSignal): Promise<AuditReport>;
  save(job: BatchJob, report: AuditReport): Promise<SavedReport>;
}

export interface BatchProgress {
  readonly done: number;
  readonly total: number;
  readonly result: BatchResult;
}

export async function runBatch(
  jobs: readonly BatchJob[],
  deps: RunBatchDeps,
  options: {
    readonly concurrency: number;
    readonly signal: AbortSignal;
    readonly onProgress?: (progress: BatchProgress) => void;
  },
): Promise<BatchResult[]> {
  const results: BatchResult[] = new Array<BatchResult>(jobs.length);
  let next = 0;
  let done = 0;

  async function runOne(job: BatchJob): Promise<BatchResult> {
    if (options.signal.aborted) return { kind: 'not-started', job };
    let report: AuditReport;
    try {
      report = await deps.audit(job.request, options.signal);
    } catch (error) {
      return { kind: 'failed', job, message: failureMessage(error) };
    }
    try {
      return { kind: 'done', job, report, saved: await deps.save(job, report) };
    } catch (error) {
      return { kind: 'failed', job, message: `the report could not be saved: ${failureMessage(error)}` };
    }
  }

  async function worker(): Promise<void> {
    for (let index = next++; index < jobs.length; index = next++) {
      const job = jobs[index];
      if (job === undefined) continue;
      const result = await runOne(job);
      results[index] = result;
      done += 1;
      options.onProgress?.({ done, total: jobs.length, result });
    }
  }

  const workers = Math.max(1, Math.min(options.concurrency, MAX_BATCH_CONCURRENCY, jobs.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

/** Only our own messages are shown: anything else could carry text we did not write. */
function failureMessage(error: unknown): string {
  if (error instanceof MailwardenError) return error.message;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string')
    return `unexpected error ${error.code}`;
  return 'the audit stopped unexpectedly';
}
