/**
 * Vitest setup file: every finding a real check makes during an integration test must read whole.
 *
 * findingFactory is wrapped so each finding passes through the ledger on its way out. After each test,
 * the test fails if a finding made since the previous one shows an empty slot (see empty-slots.ts):
 * evidence the check did not set, read by wording that assumed it. Findings made in a beforeAll hook are
 * judged with the first test; those made in afterAll hooks fail the file. Unit tests are not judged here:
 * they word entries with deliberately empty evidence (knowledge-assertions.ts) and have their own rules.
 *
 * When the file ends, the finding ids it produced go to the run's ledger folder, for the catalogue
 * coverage check in vitest-global-setup.ts.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, afterEach, expect, inject, vi, type RunnerTask, type RunnerTestFile } from 'vitest';
import type { Evidence, Finding } from '../../../preload/contract/findings';
import type { KnowledgeTable } from '../../../main/core/knowledge/knowledge-entry';
import { describeEmptySlot, type EmptySlot } from './finding-wording';
import { producedFindingIds, takeEmptySlots } from './finding-ledger';
import type { LedgerEntry } from './catalogue-coverage';

vi.mock('../../../main/core/findings/finding-factory', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../main/core/findings/finding-factory')>();
  const { observeFinding } = await import('./finding-ledger');
  // One wrapper for both overloads: the table's typing is the caller's business, not the observer's.
  const findingFactory = (table: KnowledgeTable) => {
    const make = original.findingFactory(table);
    return (id: string, checkId: string, evidence?: Evidence): Finding => {
      const finding = make(id, checkId, evidence);
      observeFinding(finding);
      return finding;
    };
  };
  return { ...original, findingFactory };
});

const testFile = expect.getState().testPath ?? '';
const relativeFile = relative(process.cwd(), testFile).split('\\').join('/');
const isIntegrationTest = relativeFile.startsWith('test/integration/');

function failOnEmptySlots(slots: readonly EmptySlot[]): void {
  if (slots.length === 0) return;
  throw new Error(
    `A finding was worded with an empty slot (its check did not set what the words read):\n` +
      slots.map((slot) => `  - ${describeEmptySlot(slot)}`).join('\n'),
  );
}

/** Every test of the file ran (none skipped, left as todo or filtered out by -t or .only elsewhere). */
function ranEveryTest(task: RunnerTask): boolean {
  if (task.type === 'test') return task.mode === 'run' || task.mode === 'only';
  return task.tasks.every(ranEveryTest);
}

function passedEveryTest(task: RunnerTask): boolean {
  if (task.type === 'test') return task.result?.state === 'pass';
  return task.tasks.every(passedEveryTest);
}

if (isIntegrationTest) {
  afterEach(() => {
    failOnEmptySlots(takeEmptySlots());
  });

  // Vitest reads the first parameter as a fixture list and insists on a destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  afterAll(({}, suite) => {
    const file = suite as RunnerTestFile;
    const entry: LedgerEntry = {
      file: relativeFile,
      complete: ranEveryTest(file) && passedEveryTest(file),
      producedIds: producedFindingIds(),
    };
    const name = createHash('sha256').update(relativeFile).digest('hex').slice(0, 16);
    writeFileSync(join(inject('findingLedgerDir'), `${name}.json`), JSON.stringify(entry));
    failOnEmptySlots(takeEmptySlots());
  });
}
