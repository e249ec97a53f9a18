/**
 * Client runs in a real data folder (client-runs.json next to accounts.json and history/), with the
 * accounts' passwords in the real test keyring: recording a run reads each account's summary from its
 * stored run, a damaged file is moved aside and said, and renaming a client keeps every account's id.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileHistoryStore } from '../../../../main/adapters/file-history-store';
import { createMainServices } from '../../../../main/composition';
import { CLIENT_RUNS_FILE_NAME } from '../../../../main/core/clients/client-runs-document';
import { HISTORY_DIR_NAME } from '../../../../main/core/history/history-document';
import type { AccountView } from '../../../../preload/contract/accounts';
import { testReport, testFinding, testRunId } from '../../../helpers/history-fixtures';
import { createTestServices, keytar, type TestServices } from '../../../helpers/test-services';

const CANARY = 'Canary-client-runs-7b3e!';

describe('client runs service', () => {
  let env: TestServices;
  let orders: AccountView;
  let desk: AccountView;

  const storeRun = async (index: number, account: AccountView, severity: 'high' | 'pass') => {
    await createFileHistoryStore(join(env.dataDir, HISTORY_DIR_NAME)).save({
      runId: testRunId(index),
      accountId: account.id,
      report: testReport(index, {
        target: {
          kind: 'account',
          label: account.label,
          domain: 'bakery.example',
          host: 'smtp.bakery.example',
          port: 465,
          security: 'tls',
        },
        findings: [
          testFinding('dmarc.record.missing', 'dmarc:bakery.example', severity),
          testFinding('mx.present', 'mx:bakery.example', 'pass'),
        ],
      }),
    });
    return testRunId(index);
  };

  beforeEach(async () => {
    env = await createTestServices();
    const server = { host: 'smtp.bakery.example', port: 465, security: 'tls' as const };
    orders = await env.services.accounts.add(
      { email: 'orders@bakery.example', label: 'Bakery orders', clientGroup: 'Bakery', ...server },
      CANARY,
    );
    desk = await env.services.accounts.add({
      email: 'desk@bakery.example',
      label: 'Bakery desk',
      clientGroup: 'bakery ',
      ...server,
    });
    await env.services.accounts.add({
      email: 'ann@cafe.example',
      label: 'Cafe',
      clientGroup: 'Cafe',
      host: 'smtp.cafe.example',
      port: 587,
      security: 'starttls',
    });
  });
  afterEach(async () => env.cleanup());

  it('keeps a client run with each account summarised from its stored run, newest first', async () => {
    const first = await storeRun(1, orders, 'pass');
    const { clients } = env.services;
    await clients.record({
      client: 'Bakery',
      startedAt: '2026-12-05T09:00:00.000Z',
      accounts: [
        { accountId: orders.id, result: { kind: 'tested', runId: first } },
        { accountId: desk.id, result: { kind: 'failed', message: 'The keychain is locked.\u001b[31m' } },
      ],
    });
    const second = await storeRun(2, orders, 'high');
    const recorded = await clients.record({
      client: ' Bakery ',
      startedAt: '2026-12-06T09:00:00.000Z',
      accounts: [
        { accountId: orders.id, result: { kind: 'tested', runId: second } },
        { accountId: desk.id, result: { kind: 'skipped' } },
      ],
    });

    expect(recorded.client).toBe('Bakery');
    const listing = await clients.list('BAKERY');
    expect(listing.runs.map((run) => run.startedAt)).toEqual([
      '2026-12-06T09:00:00.000Z',
      '2026-12-05T09:00:00.000Z',
    ]);
    const [newest, oldest] = listing.runs;
    expect(newest?.accounts).toEqual([
      {
        accountId: orders.id,
        label: 'Bakery orders',
        outcome: 'done',
        runId: second,
        grade: expect.any(String) as string,
        worst: 'high',
        problems: 1,
        message: null,
      },
      {
        accountId: desk.id,
        label: 'Bakery desk',
        outcome: 'skipped',
        runId: null,
        grade: null,
        worst: null,
        problems: 0,
        message: null,
      },
    ]);
    // A reason is kept as visible text: a terminal escape in it cannot colour the CLI's output later.
    expect(oldest?.accounts[1]?.message).toBe('The keychain is locked.⟨U+001B⟩[31m');
    expect((await clients.list('Cafe')).runs).toEqual([]);
    expect((await clients.list()).runs).toHaveLength(2);
  });

  it('keeps every run when two processes record at once (the app and audit --client on one data folder)', async () => {
    // A second set of services on the same folder stands in for a second process: its own queue, the
    // shared lock file.
    const other = createMainServices({ dataDir: env.dataDir, keychainService: env.keychainService });
    const record = (services: typeof env.services, index: number) =>
      services.clients.record({
        client: 'Bakery',
        startedAt: new Date(Date.UTC(2026, 11, 6, 9, index)).toISOString(),
        accounts: [{ accountId: desk.id, result: { kind: 'skipped' } }],
      });
    await Promise.all(
      Array.from({ length: 6 }, (_, index) => record(index % 2 === 0 ? env.services : other, index)),
    );
    expect((await env.services.clients.list('Bakery')).runs).toHaveLength(6);
    expect(await readdir(env.dataDir)).not.toContain(`${CLIENT_RUNS_FILE_NAME}.lock`);
  });

  it('refuses a run that belongs to another account, and keeps nothing', async () => {
    const ordersRun = await storeRun(3, orders, 'high');
    await expect(
      env.services.clients.record({
        client: 'Bakery',
        startedAt: '2026-12-06T09:00:00.000Z',
        accounts: [{ accountId: desk.id, result: { kind: 'tested', runId: ordersRun } }],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await readdir(env.dataDir)).not.toContain(CLIENT_RUNS_FILE_NAME);
  });

  it('moves a damaged client-runs.json aside, says where, and keeps the next run', async () => {
    const path = join(env.dataDir, CLIENT_RUNS_FILE_NAME);
    await writeFile(path, '{"schemaVersion": 1, "runs": [{"id": 4}]}');
    const listing = await env.services.clients.list();
    expect(listing.runs).toEqual([]);
    expect(listing.warnings).toEqual([
      expect.stringMatching(/client runs file could not be read .*moved to .*client-runs\.json\.corrupt-/),
    ]);
    const movedAside = (await readdir(env.dataDir)).filter((name) =>
      name.startsWith(`${CLIENT_RUNS_FILE_NAME}.corrupt-`),
    );
    expect(movedAside).toHaveLength(1);

    await env.services.clients.record({
      client: 'Bakery',
      startedAt: '2026-12-06T09:00:00.000Z',
      accounts: [{ accountId: desk.id, result: { kind: 'skipped' } }],
    });
    const saved = JSON.parse(await readFile(path, 'utf8')) as { schemaVersion: number; runs: unknown[] };
    expect(saved.schemaVersion).toBe(1);
    expect(saved.runs).toHaveLength(1);
  });

  it('leaves a file from a newer Mailwarden untouched and refuses to write over it', async () => {
    const path = join(env.dataDir, CLIENT_RUNS_FILE_NAME);
    const newer = '{"schemaVersion": 9, "runs": []}';
    await writeFile(path, newer);
    await expect(
      env.services.clients.record({
        client: 'Bakery',
        startedAt: '2026-12-06T09:00:00.000Z',
        accounts: [{ accountId: desk.id, result: { kind: 'skipped' } }],
      }),
    ).rejects.toMatchObject({ code: 'STORAGE_TOO_NEW' });
    expect(await readFile(path, 'utf8')).toBe(newer);
  });

  it('renames a client on every account in it and on its client runs; ids, passwords and history stay', async () => {
    const run = await storeRun(5, orders, 'high');
    await env.services.clients.record({
      client: 'Bakery',
      startedAt: '2026-12-06T09:00:00.000Z',
      accounts: [{ accountId: orders.id, result: { kind: 'tested', runId: run } }],
    });

    const renamed = await env.services.clients.rename('BAKERY', '  Bakery & Sons ');

    expect(renamed).toEqual({ client: 'Bakery & Sons', accounts: 2 });
    const after = (await env.services.accounts.list()).accounts;
    expect(after.map((account) => [account.id, account.clientGroup])).toEqual([
      [orders.id, 'Bakery & Sons'],
      [desk.id, 'Bakery & Sons'],
      [expect.any(String) as string, 'Cafe'],
    ]);
    expect(after[0]?.hasPassword).toBe('stored');
    expect(await keytar.getPassword(env.keychainService, orders.id)).toBe(CANARY);
    expect((await env.services.history.list({ kind: 'account', accountId: orders.id })).runs).toHaveLength(1);
    expect((await env.services.clients.list('Bakery & Sons')).runs.map((r) => r.client)).toEqual([
      'Bakery & Sons',
    ]);
    expect((await env.services.clients.list('Bakery')).runs).toEqual([]);
    // The password never lands in the data folder.
    for (const name of await readdir(env.dataDir))
      if (name.endsWith('.json'))
        expect(await readFile(join(env.dataDir, name), 'utf8')).not.toContain(CANARY);
  });

  it('refuses an empty new name and an unknown client, changing nothing', async () => {
    await expect(env.services.clients.rename('Bakery', '   ')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Client name is empty; type the name to use.',
    });
    await expect(env.services.clients.rename('Patisserie', 'Bakery')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const groups = (await env.services.accounts.list()).accounts.map((account) => account.clientGroup);
    expect(groups).toEqual(['Bakery', 'bakery', 'Cafe']);
  });
});
