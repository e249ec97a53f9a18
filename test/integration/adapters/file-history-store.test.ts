import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileHistoryStore } from '../../../main/adapters/file-history-store';
import { HISTORY_FORMAT } from '../../../main/core/history/history-document';
import type { HistoryStore } from '../../../main/core/history/history-port';
import { DOMAIN_TARGET, testEntry, testFinding, testReport, testRunId } from '../../helpers/history-fixtures';
import { makeTempDir } from '../../helpers/temp-dir';
import { rm } from 'node:fs/promises';

const ACCOUNT_TARGET = {
  kind: 'account' as const,
  label: 'Ann at the shop',
  domain: 'shop.example',
  host: 'smtp.shop.example',
  port: 587,
  security: 'starttls',
};
const SERVER_TARGET = {
  kind: 'server' as const,
  label: 'mail.other.example:465',
  domain: null,
  host: 'mail.other.example',
  port: 465,
  security: 'tls',
};

/** The name the store files a run under. */
function fileNameOf(index: number): string {
  return `${testReport(index).startedAt.replace(/[:.]/g, '-')}-${testRunId(index)}.json`;
}

describe('file history store', () => {
  let dataDir: string;
  let dir: string;
  let store: HistoryStore;

  beforeEach(async () => {
    dataDir = await makeTempDir();
    dir = join(dataDir, 'history');
    store = createFileHistoryStore(dir);
  });
  afterEach(async () => rm(dataDir, { recursive: true, force: true }));

  it('keeps every run whole: what was saved comes back identical, newest first, readable only by the owner', async () => {
    const first = testEntry(1);
    const second = { ...testEntry(2), accountId: 'acc-1' };
    await store.save(first);
    await store.save(second);

    expect(await store.get(first.runId)).toEqual(first);
    expect(await store.get(second.runId)).toEqual(second);
    const listing = await store.list();
    expect(listing.problems).toEqual([]);
    expect(listing.runs.map((run) => run.runId)).toEqual([second.runId, first.runId]);
    expect(listing.runs[0]).toMatchObject({
      accountId: 'acc-1',
      target: DOMAIN_TARGET,
      startedAt: second.report.startedAt,
      counts: { high: 1, medium: 1, pass: 1, critical: 0, low: 0, info: 0 },
    });

    expect(await readdir(dir)).toEqual([fileNameOf(1), fileNameOf(2)]);
    for (const name of await readdir(dir)) expect((await stat(join(dir, name))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const onDisk = JSON.parse(await readFile(join(dir, fileNameOf(1)), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toEqual({ schemaVersion: 1, runId: first.runId, accountId: null, report: first.report });
  });

  it('keeps fields a later report version adds through a round trip, instead of dropping them', async () => {
    const entry = testEntry(3);
    const added = { addedLater: { overall: 71, grade: 'C', areas: [{ name: 'Connection', points: 9 }] } };
    const extended = { ...entry, report: { ...entry.report, ...added } };
    await store.save(extended);
    expect(await store.get(entry.runId)).toEqual(extended);
  });

  it('lists one account’s runs, or every run about a domain or server host', async () => {
    await store.save({ ...testEntry(1, { target: ACCOUNT_TARGET }), accountId: 'acc-ann' });
    await store.save(testEntry(2));
    await store.save(testEntry(3, { target: SERVER_TARGET }));
    await store.save({ ...testEntry(4, { target: ACCOUNT_TARGET }), accountId: 'acc-bob' });

    const ids = async (target: Parameters<HistoryStore['list']>[0]) =>
      (await store.list(target)).runs.map((run) => run.runId);
    expect(await ids({ target: { kind: 'account', accountId: 'acc-ann' } })).toEqual([testRunId(1)]);
    expect(await ids({ target: { kind: 'domain', domain: 'Shop.Example.' } })).toEqual([
      testRunId(4),
      testRunId(2),
      testRunId(1),
    ]);
    expect(await ids({ target: { kind: 'domain', domain: 'mail.other.example' } })).toEqual([testRunId(3)]);
    expect(await ids({ target: { kind: 'domain', domain: 'nothing.example' } })).toEqual([]);
    expect(await ids({})).toHaveLength(4);
  });

  it('deletes a run: gone from the list and the folder; deleting it again says it was not there', async () => {
    await store.save(testEntry(1));
    await store.save(testEntry(2));
    expect(await store.delete(testRunId(1))).toBe(true);
    expect(await store.get(testRunId(1))).toBeNull();
    expect((await store.list()).runs.map((run) => run.runId)).toEqual([testRunId(2)]);
    expect(await readdir(dir)).toEqual([fileNameOf(2)]);
    expect(await store.delete(testRunId(1))).toBe(false);
    // An id that could name a path elsewhere is never used as one.
    expect(await store.delete('../history')).toBe(false);
    expect(await store.get('../../etc/passwd')).toBeNull();
  });

  it('moves an unreadable run file to history/corrupt/, reports it once, and lists the rest', async () => {
    await store.save(testEntry(1));
    await store.save(testEntry(2));
    const damaged = (await readFile(join(dir, fileNameOf(2)), 'utf8')).slice(0, 500);
    await writeFile(join(dir, fileNameOf(2)), damaged);

    const listing = await store.list();
    expect(listing.runs.map((run) => run.runId)).toEqual([testRunId(1)]);
    expect(listing.problems).toEqual([
      {
        kind: 'corrupt',
        file: fileNameOf(2),
        movedTo: join(dir, 'corrupt', fileNameOf(2)),
        reason: 'it is not valid JSON',
      },
    ]);
    // Kept for recovery, byte for byte, and no longer in the way.
    expect(await readFile(join(dir, 'corrupt', fileNameOf(2)), 'utf8')).toBe(damaged);
    expect((await store.list()).problems).toEqual([]);
    expect(await store.get(testRunId(2))).toBeNull();
  });

  it('lists each run with its overall grade and score, so a list needs no full report', async () => {
    const graded = testEntry(1);
    const overall = { score: 64, grade: 'D' as const, uncappedScore: 84, caps: [], partial: false };
    const score = { overall, incomplete: [], areas: [] };
    await store.save({ ...graded, report: { ...graded.report, score } });
    const other = testEntry(2);
    await store.save(other);
    expect((await store.list()).runs.map((run) => [run.runId, run.overall])).toEqual([
      [testRunId(2), other.report.score.overall],
      [testRunId(1), overall],
    ]);
  });

  it('notices a run file changed or damaged after it was listed, whatever it remembered', async () => {
    await store.save(testEntry(1));
    await store.save(testEntry(2));
    expect((await store.list()).runs.map((run) => run.cancelled)).toEqual([false, false]);

    // Another Mailwarden (the CLI) rewrites run 1; a disk fault truncates run 2.
    const path1 = join(dir, fileNameOf(1));
    const rewritten = JSON.parse(await readFile(path1, 'utf8')) as { report: { cancelled: boolean } };
    rewritten.report.cancelled = true;
    await writeFile(path1, JSON.stringify(rewritten));
    const damaged = (await readFile(join(dir, fileNameOf(2)), 'utf8')).slice(0, 300);
    await writeFile(join(dir, fileNameOf(2)), damaged);

    const listing = await store.list();
    expect(listing.runs.map((run) => [run.runId, run.cancelled])).toEqual([[testRunId(1), true]]);
    expect(listing.problems).toMatchObject([{ kind: 'corrupt', file: fileNameOf(2) }]);
    // A run deleted behind its back is simply gone from the next list.
    await rm(path1);
    expect(await store.list()).toEqual({ runs: [], analyses: [], proofs: [], problems: [] });
  });

  it('refuses to open a run whose contents do not match the format, moving it aside', async () => {
    await store.save(testEntry(5));
    const path = join(dir, fileNameOf(5));
    const document = JSON.parse(await readFile(path, 'utf8')) as { report: { findings: unknown[] } };
    document.report.findings = [{ id: 'x' }];
    await writeFile(path, JSON.stringify(document));
    await expect(store.get(testRunId(5))).rejects.toMatchObject({
      code: 'STORAGE_CORRUPT',
      message: expect.stringContaining(join(dir, 'corrupt', fileNameOf(5))) as string,
    });
    expect(await readdir(join(dir, 'corrupt'))).toEqual([fileNameOf(5)]);
  });

  it('leaves a run saved by a newer Mailwarden untouched and reports it', async () => {
    await mkdir(dir, { recursive: true });
    const future = JSON.stringify({ schemaVersion: 7, runId: testRunId(9), somethingNew: true });
    await writeFile(join(dir, fileNameOf(9)), future);
    await store.save(testEntry(1));

    const listing = await store.list();
    expect(listing.runs.map((run) => run.runId)).toEqual([testRunId(1)]);
    expect(listing.problems).toEqual([{ kind: 'too-new', file: fileNameOf(9), version: 7 }]);
    await expect(store.get(testRunId(9))).rejects.toMatchObject({ code: 'STORAGE_TOO_NEW' });
    expect(await readFile(join(dir, fileNameOf(9)), 'utf8')).toBe(future);
    expect(await readdir(dir)).toEqual([fileNameOf(1), fileNameOf(9)]);
  });

  it('migrates a run stored by an older version when it reads it, and keeps files it cannot migrate', async () => {
    await store.save(testEntry(1));
    // A later Mailwarden whose version 2 gives every run an account id (here: "legacy" for none).
    const version2 = {
      currentVersion: 2,
      migrations: {
        1: (fields: Record<string, unknown>) => ({ ...fields, accountId: fields['accountId'] ?? 'legacy' }),
      },
      parse: (fields: Record<string, unknown>) => HISTORY_FORMAT.parse(fields),
    };
    const upgraded = createFileHistoryStore(dir, { format: version2 });
    expect(await upgraded.get(testRunId(1))).toEqual({ ...testEntry(1), accountId: 'legacy' });
    expect((await upgraded.list()).runs.map((run) => run.accountId)).toEqual(['legacy']);
    // Reading migrates in memory only: the file on disk is still version 1 until saved again.
    expect(await store.get(testRunId(1))).toEqual(testEntry(1));

    // One that skipped a step (no migration from 1) cannot be read: moved aside and reported.
    const gap = createFileHistoryStore(dir, {
      format: { ...version2, currentVersion: 3, migrations: { 2: (f) => f } },
    });
    expect((await gap.list()).problems).toEqual([
      expect.objectContaining({ kind: 'corrupt', reason: 'no migration from schema version 1' }),
    ]);
  });

  it('never lists a half-written temp file, and clears one left by a crash long ago', async () => {
    await store.save(testEntry(1));
    const fresh = join(dir, `.${fileNameOf(2)}.a1b2c3.tmp`);
    const stale = join(dir, `.${fileNameOf(3)}.d4e5f6.tmp`);
    await writeFile(fresh, '{"schemaVersion":1,"runId":"');
    await writeFile(stale, '{"schemaVersion":1,"runId":"');
    const later = createFileHistoryStore(dir, { now: () => new Date(Date.now() + 30 * 60 * 1000) });
    const muchLater = createFileHistoryStore(dir, { now: () => new Date(Date.now() + 2 * 60 * 60 * 1000) });

    expect((await later.list()).runs.map((run) => run.runId)).toEqual([testRunId(1)]);
    expect(await readdir(dir)).toContain(`.${fileNameOf(2)}.a1b2c3.tmp`);
    expect(await muchLater.list()).toMatchObject({ problems: [] });
    expect(await readdir(dir)).toEqual([fileNameOf(1)]);
  });

  it('refuses a run id that is not one, before touching the disk', async () => {
    await expect(store.save({ ...testEntry(1), runId: '../escape' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports a disk failure as STORAGE_FAILED with the OS reason', async () => {
    // A file where the folder should be: nothing can be saved under it.
    await writeFile(join(dataDir, 'blocked'), '');
    const blocked = createFileHistoryStore(join(dataDir, 'blocked', 'history'));
    await expect(blocked.save(testEntry(1))).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
      message: expect.stringMatching(/ENOTDIR|EEXIST/) as string,
    });
  });

  it('compares findings by id + check in saved reports of any size', async () => {
    const findings = Array.from({ length: 300 }, (_, i) => testFinding(`f.${String(i)}`, 'c', 'low'));
    await store.save(testEntry(1, { findings, transcriptLines: 500 }));
    expect((await store.get(testRunId(1)))?.report.findings).toHaveLength(300);
  });
});

describe('file history store across a crash', () => {
  const KILLS = 5;
  /** Saves reported before the kill; enough that the kill lands somewhere inside the loop. */
  const SAVES_BEFORE_KILL = 3;
  const CHILD_DEADLINE_MS = 20_000;

  /** Runs the writer until it has reported `saves` runs (plus a random moment), then SIGKILLs it. */
  function writeUntilKilled(dir: string, firstIndex: number, saves: number): Promise<number[]> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'test/helpers/history-crash-writer.ts', dir, String(firstIndex)],
        { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const saved: number[] = [];
      const savedAt: number[] = [];
      let killScheduled = false;
      let stderr = '';
      let buffered = '';
      const deadline = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the writer did not save ${String(saves)} runs in time: ${stderr}`));
      }, CHILD_DEADLINE_MS);
      child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
      child.stdout.on('data', (data: Buffer) => {
        buffered += data.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          saved.push(Number(line.replace('saved ', '')));
          savedAt.push(performance.now());
        }
        if (saved.length >= saves && !killScheduled) {
          killScheduled = true;
          // At a random point of the next save: anywhere from serialising to fsync and rename.
          const saveMs = ((savedAt.at(-1) ?? 0) - (savedAt[0] ?? 0)) / Math.max(1, savedAt.length - 1);
          setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * saveMs));
        }
      });
      child.on('exit', (_code, signal) => {
        clearTimeout(deadline);
        if (signal !== 'SIGKILL') reject(new Error(`the writer stopped by itself: ${stderr}`));
        // Lines already written to the pipe before the kill are still in `buffered`/`saved`.
        else resolve(saved);
      });
    });
  }

  it('keeps every run that was reported saved, intact, lists no half file, and keeps working', async () => {
    const dataDir = await makeTempDir();
    try {
      const dir = join(dataDir, 'history');
      const reported: number[] = [];
      let next = 0;
      for (let kill = 0; kill < KILLS; kill += 1) {
        const saved = await writeUntilKilled(dir, next, SAVES_BEFORE_KILL);
        reported.push(...saved);
        // The run in flight may or may not have landed; the next round starts after it either way.
        next = Math.max(...saved) + 2;
      }

      const store = createFileHistoryStore(dir);
      const listing = await store.list();
      expect(listing.problems).toEqual([]);
      const listed = listing.runs.map((run) => run.runId);
      for (const index of reported) expect(listed).toContain(testRunId(index));
      // Anything else listed is a run that finished its rename just before the kill: whole, too.
      for (const run of listing.runs) {
        const index = Number(run.runId.slice(-12));
        expect(await store.get(run.runId)).toEqual(testEntry(index, { transcriptLines: 2_000 }));
      }
      const visible = (await readdir(dir)).filter((name) => !name.startsWith('.'));
      expect(visible.sort()).toEqual(
        listing.runs.map((run) => fileNameOf(Number(run.runId.slice(-12)))).sort(),
      );

      await store.save(testEntry(999));
      expect((await store.list()).runs.map((run) => run.runId)).toContain(testRunId(999));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    // Five writer processes (each starting Node with tsx) and ~2 MB runs: seconds each on a loaded 2-core
    // machine, so the default 30 s is not a deadline this test is about.
  }, 120_000);
});
