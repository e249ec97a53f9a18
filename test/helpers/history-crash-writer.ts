/**
 * Child process for the history crash test: saves runs one after another into the folder given as the
 * first argument, starting at the index given second, and prints "saved N" only after each save resolved.
 * The test kills it with SIGKILL at an arbitrary moment.
 */
import { createFileHistoryStore } from '../../main/adapters/file-history-store';
import { testEntry } from './history-fixtures';

/** About 2 MB a run, so a kill often lands in the middle of writing one. */
const TRANSCRIPT_LINES = 2_000;

const [dir, first] = process.argv.slice(2);
if (dir === undefined || first === undefined) throw new Error('usage: history-crash-writer DIR FIRST_INDEX');
const store = createFileHistoryStore(dir);
for (let index = Number(first); ; index += 1) {
  await store.save(testEntry(index, { transcriptLines: TRANSCRIPT_LINES }));
  process.stdout.write(`saved ${String(index)}\n`);
}
