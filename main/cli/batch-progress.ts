/**
 * Batch progress on stderr: a one-line bar redrawn in place on a terminal, plain lines elsewhere (a CI
 * log or a file would otherwise fill with carriage returns and half-drawn bars).
 */
import type { Writable } from 'node:stream';
import type { BatchProgress, BatchResult } from '../core/batch/run-batch';
import { terminalText } from '../../preload/contract/untrusted-text';

const BAR_WIDTH = 24;
/** ANSI "erase to end of line", so a shorter redraw leaves no tail of the previous one. */
const ERASE_LINE = '\x1b[K';
const MS_PER_SECOND = 1_000;

export interface BatchProgressPrinter {
  /** A message that must stay on screen (a bad row, a cancel notice). */
  note(text: string): void;
  update(progress: BatchProgress): void;
  /** Ends the bar's line, if one is drawn. */
  finish(): void;
}

export function isTerminal(stream: Writable): boolean {
  return (stream as Writable & { isTTY?: boolean }).isTTY === true;
}

export function createBatchProgress(
  stream: Writable,
  total: number,
  now: () => number = () => Date.now(),
): BatchProgressPrinter {
  const startedAt = now();
  const tty = isTerminal(stream);
  let done = 0;
  let drawn = false;

  const rate = (): string => {
    const seconds = Math.max((now() - startedAt) / MS_PER_SECOND, 0.001);
    return `${(done / seconds).toFixed(1)} rows/s`;
  };
  const bar = (): string => {
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(done)}/${String(total)}  ${rate()}`;
  };
  const draw = (): void => {
    stream.write(`\r${bar()}${ERASE_LINE}`);
    drawn = true;
  };

  return {
    note(text) {
      if (tty && drawn) {
        stream.write(`\r${ERASE_LINE}${terminalText(text)}\n`);
        draw();
      } else stream.write(`${terminalText(text)}\n`);
    },
    update(progress) {
      done = progress.done;
      if (tty) draw();
      else
        stream.write(
          `[${String(progress.done)}/${String(progress.total)}] ${terminalText(describe(progress.result))} (${rate()})\n`,
        );
    },
    finish() {
      if (tty && drawn) stream.write('\n');
      drawn = false;
    },
  };
}

function describe(result: BatchResult): string {
  const { job } = result;
  const who = `line ${String(job.line)} ${job.client === '' ? '' : `${job.client} `}${job.target}`;
  switch (result.kind) {
    case 'done':
      return `${who}: ${result.report.cancelled ? 'cancelled (partial report)' : 'done'}, ${String(result.report.findings.length)} findings`;
    case 'failed':
      return `${who}: could not run: ${result.message}`;
    case 'not-started':
      return `${who}: cancelled before it started`;
  }
}
