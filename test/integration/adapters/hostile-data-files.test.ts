/**
 * Data files that are not what they claim (issue 15 item 3): a link to /dev/zero, a FIFO, a huge sparse
 * file. Each is judged before it is read: refused or moved aside and reported, never read without end,
 * never waited on. Each case runs under a deadline far below what reading /dev/zero would take.
 */
import { spawnSync } from 'node:child_process';
import { lstat, mkdir, readdir, readlink, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileHistoryStore } from '../../../main/adapters/file-history-store';
import { createJsonDocumentStore } from '../../../main/adapters/json-document-store';
import { ACCOUNTS_FORMAT } from '../../../main/core/accounts/accounts-document';
import { testEntry, testReport, testRunId } from '../../helpers/history-fixtures';
import { runCliInProcess } from '../../helpers/cli-harness';
import { makeTempDir } from '../../helpers/temp-dir';

const FIXED_NOW = () => new Date('2026-11-27T12:34:56.789Z');
/**
 * A FIFO never answers at all; an unbounded read of /dev/zero also shows in the memory check. Generous,
 * because the first CLI run loads the audit code and the machine may be busy.
 */
const DEADLINE_MS = 15_000;

function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
}

/** Fails the test instead of hanging it when the code under test blocks. */
async function withinDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`not done within ${String(DEADLINE_MS)} ms`));
    }, DEADLINE_MS);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('data files that are not regular files, or far too big', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('moves an accounts file that links to /dev/zero aside, keeping the link, and reports it', async () => {
    const path = join(dir, 'accounts.json');
    await symlink('/dev/zero', path);
    const store = createJsonDocumentStore(path, ACCOUNTS_FORMAT, FIXED_NOW);
    const loaded = await withinDeadline(store.load());
    expect(loaded).toMatchObject({ kind: 'corrupt', reason: 'it is a device, not a regular file' });
    const movedTo = loaded.kind === 'corrupt' ? loaded.movedTo : '';
    expect(await readlink(movedTo)).toBe('/dev/zero');
    expect(await withinDeadline(store.load())).toEqual({ kind: 'missing' });
  });

  it('moves an accounts file that is a FIFO aside without waiting for a writer', async () => {
    const path = join(dir, 'accounts.json');
    mkfifo(path);
    const store = createJsonDocumentStore(path, ACCOUNTS_FORMAT, FIXED_NOW);
    const loaded = await withinDeadline(store.load());
    expect(loaded).toMatchObject({ kind: 'corrupt', reason: 'it is a named pipe, not a regular file' });
    expect((await lstat(loaded.kind === 'corrupt' ? loaded.movedTo : '')).isFIFO()).toBe(true);
  });

  it('moves a 6 GB (sparse) accounts file aside by its size, without reading it', async () => {
    const path = join(dir, 'accounts.json');
    await writeFile(path, '');
    await truncate(path, 6 * 1024 ** 3);
    const store = createJsonDocumentStore(path, ACCOUNTS_FORMAT, FIXED_NOW);
    const loaded = await withinDeadline(store.load());
    expect(loaded).toMatchObject({
      kind: 'corrupt',
      reason: expect.stringContaining('is larger than') as string,
    });
  });

  it('moves history run files that link to /dev/zero or are FIFOs to history/corrupt and lists the rest', async () => {
    const history = join(dir, 'history');
    const store = createFileHistoryStore(history);
    await store.save(testEntry(1));
    const nameOf = (index: number) =>
      `${testReport(index).startedAt.replace(/[:.]/g, '-')}-${testRunId(index)}.json`;
    await symlink('/dev/zero', join(history, nameOf(2)));
    mkfifo(join(history, nameOf(3)));
    const listing = await withinDeadline(store.list());
    expect(listing.runs.map((run) => run.runId)).toEqual([testRunId(1)]);
    expect(listing.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'corrupt',
          file: nameOf(2),
          reason: 'it is a device, not a regular file',
        }),
        expect.objectContaining({
          kind: 'corrupt',
          file: nameOf(3),
          reason: 'it is a named pipe, not a regular file',
        }),
      ]),
    );
    expect((await readdir(join(history, 'corrupt'))).sort()).toEqual([nameOf(2), nameOf(3)].sort());
  });

  it('reevaluate refuses a FIFO, a link to /dev/zero and a 600 MB file with exit 2, before reading them', async () => {
    const fifo = join(dir, 'report-fifo.json');
    mkfifo(fifo);
    const zero = join(dir, 'report-zero.json');
    await symlink('/dev/zero', zero);
    const huge = join(dir, 'report-huge.json');
    await writeFile(huge, '');
    await truncate(huge, 600 * 1024 ** 2);
    await mkdir(join(dir, 'data'));
    const cases: [string, string][] = [
      [fifo, 'is a named pipe, not a report file'],
      [zero, 'is a device, not a report file'],
      [huge, 'is larger than any Mailwarden report'],
    ];
    for (const [path, message] of cases) {
      const heapBefore = process.memoryUsage().arrayBuffers;
      const result = await withinDeadline(
        runCliInProcess(['reevaluate', path], { dataDir: join(dir, 'data'), keychainService: 'unused' }),
      );
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(message);
      // Refused by its size, not after loading 600 MB.
      expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(50 * 1024 ** 2);
    }
    // Three CLI runs in this process, the first loading the audit code: over vitest's 5 s default at load
    // 15. A blocked read still fails each run by its own deadline above.
  }, 60_000);
});
