/**
 * The history list as the app sees it: N stored runs of a realistic size (~150 KiB each, like a full
 * account audit with its evidence and transcript), listed once by a fresh store (what the CLI does, and the
 * app's first History screen) and then again by the same store (every later History screen, which only
 * reads what changed).
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createFileHistoryStore } from '../main/adapters/file-history-store';
import { testEntry, testReport } from '../test/helpers/history-fixtures';
import { makeTempDir } from '../test/helpers/temp-dir';
import { formatMs, summarize, timed, type Summary } from './stats';

/** ~1 KiB each: 150 lines make a file about the size of a real audit's (measured: 150-160 KiB). */
const TRANSCRIPT_LINES = 150;
const LIST_RUNS = 5;

export interface HistoryBench {
  readonly runs: number;
  readonly fileKiB: number;
  readonly cold: Summary;
  readonly warm: Summary;
}

export async function benchHistoryList(runs: number): Promise<HistoryBench> {
  const dataDir = await makeTempDir();
  const dir = join(dataDir, 'history');
  try {
    const writer = createFileHistoryStore(dir);
    for (let index = 1; index <= runs; index += 1) {
      const entry = testEntry(index);
      await writer.save({ ...entry, report: testReport(index, { transcriptLines: TRANSCRIPT_LINES }) });
    }
    const fileKiB =
      Buffer.byteLength(
        JSON.stringify({ report: testReport(1, { transcriptLines: TRANSCRIPT_LINES }) }, null, 2),
      ) / 1024;
    const cold: number[] = [];
    const warm: number[] = [];
    for (let round = 0; round < LIST_RUNS; round += 1) {
      const store = createFileHistoryStore(dir);
      const first = await timed(() => store.list());
      if (first.value.runs.length !== runs) throw new Error('The history bench lost runs.');
      cold.push(first.ms);
      warm.push((await timed(() => store.list())).ms);
    }
    return { runs, fileKiB, cold: summarize(cold), warm: summarize(warm) };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function historyBenchLines(result: HistoryBench): string[] {
  const ratio = result.warm.medianMs > 0 ? result.cold.medianMs / result.warm.medianMs : 0;
  return [
    `${String(result.runs)} stored runs of ~${result.fileKiB.toFixed(0)} KiB, median of ${String(result.cold.runs)} lists each:`,
    `  first list (fresh store, every file read):  ${formatMs(result.cold.medianMs)} (min ${formatMs(result.cold.minMs)}, max ${formatMs(result.cold.maxMs)})`,
    `  later list (same store, files unchanged):   ${formatMs(result.warm.medianMs)} (min ${formatMs(result.warm.minMs)}, max ${formatMs(result.warm.maxMs)})`,
    `  ratio: ${ratio.toFixed(1)}x faster once listed (baseline: the first list)`,
  ];
}
