/**
 * `mailwarden audit --batch FILE.csv --out-dir DIR [--concurrency N]`: one audit per CSV row, for
 * consultants, with one report per row and an index (index.html, index.csv) of every client.
 *
 * A bad row is reported with its line number and the rest carry on. Ctrl-C cancels cleanly: running
 * audits stop early, rows not started never start, and every finished report stays, with an index
 * that says which rows were cancelled.
 */
import { mkdir, stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditReport } from '../../../preload/contract/audit';
import type { Severity } from '../../../preload/contract/findings';
import { PRIVATE_DIR_MODE, writeFileAtomic } from '../../adapters/atomic-file';
import type { MainServices } from '../../composition';
import type { AuditRunSettings } from '../../core/audit/audit-service';
import { buildBatchIndex, type BatchIndex } from '../../core/batch/batch-index';
import { planBatch, type BatchJob } from '../../core/batch/batch-plan';
import { readBatchFile, type BatchRowProblem } from '../../core/batch/batch-rows';
import { renderIndexCsv } from '../../core/batch/index-csv';
import { renderIndexHtml } from '../../core/batch/index-html';
import { renderHtml } from '../../core/report/render-html';
import {
  DEFAULT_BATCH_CONCURRENCY,
  MAX_BATCH_CONCURRENCY,
  runBatch,
  type BatchResult,
  type SavedReport,
} from '../../core/batch/run-batch';
import { createBatchProgress } from '../batch-progress';
import { writeLine, type CliIo } from '../cli-io';
import { EXIT_COULD_NOT_RUN, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../exit-codes';
import { exitCodeForFindings } from '../report-output';
import { jsonText, terminalText } from '../../../preload/contract/untrusted-text';
import { UsageError } from '../usage-error';

const COMMAND = 'audit';
/** A spreadsheet of thousands of clients is well under this; anything bigger is the wrong file. */
export const MAX_BATCH_FILE_BYTES = 5 * 1024 * 1024;
/** The shell convention for "stopped by Ctrl-C" (128 + SIGINT). */
export const EXIT_CANCELLED = 130;
const BYTES_PER_MB = 1024 * 1024;
const SLUG_MAX_CHARS = 48;
const LINE_DIGITS = 5;

export interface BatchOptions {
  readonly file: string;
  readonly outDir: string | undefined;
  readonly concurrency: string | undefined;
  /** --fail-on: exit 1 when any finished report has a finding at or above it. */
  readonly failOn: Severity | null;
  /** A target, --host or --out was given too: the targets come from the file, the reports go to --out-dir. */
  readonly conflicting: boolean;
  readonly settings: AuditRunSettings;
}

export async function runAuditBatch(options: BatchOptions, io: CliIo, built: MainServices): Promise<number> {
  if (options.conflicting)
    throw new UsageError(
      '--batch reads its targets from the file and writes to --out-dir; give no account, domain, --host or --out.',
      COMMAND,
    );
  if (options.outDir === undefined || options.outDir.trim() === '')
    throw new UsageError('--batch needs --out-dir DIR for the reports and the index.', COMMAND);
  const concurrency = parseConcurrency(options.concurrency);
  const text = await readBatchText(options.file);
  const parsed = readBatchFile(text);
  if (!parsed.ok) throw new UsageError(`${options.file}: ${parsed.message}`, COMMAND);

  const plan = planBatch(parsed.rows, (await built.accounts.list()).accounts);
  const jobs = plan.flatMap((entry) => (entry.kind === 'job' ? [entry.job] : []));
  const notRun = plan.flatMap((entry) => (entry.kind === 'not-run' ? [entry.problem] : []));
  const outDir = options.outDir;
  await mkdir(outDir, { recursive: true, mode: PRIVATE_DIR_MODE });

  const progress = createBatchProgress(io.stderr, jobs.length);
  progress.note(
    `${String(plan.length)} rows: ${String(jobs.length)} to audit, ${String(notRun.length)} not run; ${String(Math.min(concurrency, Math.max(jobs.length, 1)))} at a time.`,
  );
  for (const problem of notRun) progress.note(`Line ${String(problem.line)}: not run: ${problem.reason}`);

  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_CANCELLED);
    controller.abort();
    progress.note('Cancelling: finished reports are kept (press Ctrl-C again to quit at once).');
  };
  process.on('SIGINT', onSigint);
  let results;
  try {
    results = await runBatch(
      jobs,
      {
        audit: (request, signal) =>
          built.audits.run(request, options.settings, {
            signal,
            onHistory: (outcome) => {
              if (!outcome.saved)
                progress.note(`Warning: a report was not saved to the history: ${outcome.message}`);
            },
          }),
        save: (job, report) => saveReport(outDir, job, report),
      },
      {
        concurrency,
        signal: controller.signal,
        onProgress: (p) => {
          progress.update(p);
        },
      },
    );
  } finally {
    process.off('SIGINT', onSigint);
    progress.finish();
  }

  const index = buildBatchIndex({
    generatedAt: new Date().toISOString(),
    cancelled: controller.signal.aborted,
    results,
    notRun,
  });
  await writeFileAtomic(join(outDir, 'index.csv'), renderIndexCsv(index));
  await writeFileAtomic(join(outDir, 'index.html'), renderIndexHtml(index));
  writeLine(io.stderr, summary(index, outDir));
  return exitCode(index, notRun, reportsOf(results), options.failOn);
}

function parseConcurrency(text: string | undefined): number {
  if (text === undefined) return DEFAULT_BATCH_CONCURRENCY;
  const value = /^[0-9]{1,3}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > MAX_BATCH_CONCURRENCY)
    throw new UsageError(
      `--concurrency must be a whole number from 1 to ${String(MAX_BATCH_CONCURRENCY)}, not "${text}".`,
      COMMAND,
    );
  return value;
}

async function readBatchText(path: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`${path} is not a file.`, COMMAND);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot read the batch file ${path}.`, COMMAND);
  }
  if (size > MAX_BATCH_FILE_BYTES) {
    throw new UsageError(
      `${path} is ${(size / BYTES_PER_MB).toFixed(1)} MB; the limit for a batch file is ${String(MAX_BATCH_FILE_BYTES / BYTES_PER_MB)} MB. Split it into smaller files.`,
      COMMAND,
    );
  }
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the batch file ${path}.`, COMMAND);
  }
}

/** `00007-acme-ann-acme.test`: the line number keeps names unique, the rest makes them findable. */
export function reportBaseName(job: Pick<BatchJob, 'line' | 'client' | 'target'>): string {
  const slug = `${job.client}-${job.target}`
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, SLUG_MAX_CHARS)
    .replace(/[-.]+$/, '');
  return `${String(job.line).padStart(LINE_DIGITS, '0')}${slug === '' ? '' : `-${slug}`}`;
}

async function saveReport(outDir: string, job: BatchJob, report: AuditReport): Promise<SavedReport> {
  const base = reportBaseName(job);
  const saved = { json: `${base}.json`, view: `${base}.html` };
  await writeFileAtomic(join(outDir, saved.json), `${jsonText(report)}\n`);
  await writeFileAtomic(join(outDir, saved.view), renderHtml(report));
  return saved;
}

function summary(index: BatchIndex, outDir: string): string {
  const { totals } = index;
  return [
    `${String(totals.done)} audited`,
    ...(totals.cancelled > 0 ? [`${String(totals.cancelled)} cancelled`] : []),
    ...(totals.failed > 0 ? [`${String(totals.failed)} could not run`] : []),
    ...(totals['not-run'] > 0 ? [`${String(totals['not-run'])} not run`] : []),
  ]
    .join(', ')
    .concat(`. Index: ${terminalText(join(outDir, 'index.html'))} and index.csv.`);
}

function reportsOf(results: readonly BatchResult[]): AuditReport[] {
  return results.flatMap((result) => (result.kind === 'done' ? [result.report] : []));
}

/**
 * Cancelled (130) beats everything; then audits that could not run (3); then bad rows in the file (2);
 * then --fail-on (1) over every finished report, as for a single audit.
 */
function exitCode(
  index: BatchIndex,
  notRun: readonly BatchRowProblem[],
  reports: readonly AuditReport[],
  failOn: Severity | null,
): number {
  if (index.cancelled) return EXIT_CANCELLED;
  if (index.totals.failed > 0) return EXIT_COULD_NOT_RUN;
  if (notRun.length > 0) return EXIT_USAGE;
  return reports.some((report) => exitCodeForFindings(report, failOn) !== EXIT_OK) ? EXIT_FINDINGS : EXIT_OK;
}
