/**
 * `mailwarden clients runs|rename` against a real data folder and the real test keyring: the stored
 * client runs as a table and as JSON, and renaming a client on every account while ids and history stay.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileHistoryStore } from '../../../main/adapters/file-history-store';
import { HISTORY_DIR_NAME } from '../../../main/core/history/history-document';
import { runCliIn, type CliResult } from '../../helpers/cli-harness';
import { testFinding, testReport, testRunId } from '../../helpers/history-fixtures';
import { createTestServices, keytar, type TestServices } from '../../helpers/test-services';

const CANARY = 'Canary-clients-cli-2a9d!';

describe('mailwarden clients', () => {
  let env: TestServices;
  let ordersId: string;
  const cli = (argv: readonly string[], stdin?: string): Promise<CliResult> => runCliIn(env, argv, stdin);

  beforeAll(async () => {
    env = await createTestServices();
    const server = ['--host', 'smtp.bakery.example', '--port', '465', '--security', 'tls'];
    const add = async (email: string, label: string, client: string, password?: string) => {
      const argv = ['accounts', 'add', '--email', email, '--label', label, '--client', client, ...server];
      const added = await cli(password === undefined ? argv : [...argv, '--password-stdin'], password);
      expect(added.code, added.stderr).toBe(0);
    };
    await add('orders@bakery.example', 'Bakery orders', 'Bakery', CANARY);
    await add('desk@bakery.example', 'Bakery desk', 'Bakery');
    await add('ann@cafe.example', 'Cafe', 'Cafe');
    const orders = (await env.services.accounts.list()).accounts.find((a) => a.label === 'Bakery orders');
    ordersId = orders?.id ?? '';
    await createFileHistoryStore(join(env.dataDir, HISTORY_DIR_NAME)).save({
      runId: testRunId(1),
      accountId: ordersId,
      report: testReport(1, {
        findings: [testFinding('dmarc.record.missing', 'dmarc:bakery.example', 'high')],
      }),
    });
  });
  afterAll(async () => env.cleanup());

  it.each([
    [['clients']],
    [['clients', '--help']],
    [['clients', 'runs', '--help']],
    [['clients', 'rename', '-h']],
  ])('%j prints its help and touches nothing', async (argv) => {
    const result = await cli(argv);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage: mailwarden clients/);
  });

  it('refuses an unknown subcommand with exit 2', async () => {
    const result = await cli(['clients', 'merge']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown subcommand "clients merge".');
  });

  it('says there are no client runs yet, and how to make one', async () => {
    const result = await cli(['clients', 'runs']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(
      'No client runs yet. Test all of a client\'s accounts with "mailwarden audit --client NAME".',
    );
  });

  it('lists a kept client run with how many accounts were tested, the worst grade and its problems', async () => {
    const desk = (await env.services.accounts.list()).accounts.find((a) => a.label === 'Bakery desk');
    await env.services.clients.record({
      client: 'Bakery',
      startedAt: '2026-12-06T09:15:00.000Z',
      accounts: [
        { accountId: ordersId, result: { kind: 'tested', runId: testRunId(1) } },
        { accountId: desk?.id ?? '', result: { kind: 'failed', message: 'No password is stored.' } },
      ],
    });
    const result = await cli(['clients', 'runs', 'bakery']);
    expect(result.code, result.stderr).toBe(0);
    const [header, row] = result.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^Started \(UTC\)\s+Client\s+Tested\s+Worst grade\s+Problems\s+Client run id$/);
    expect(row).toMatch(/^2026-12-06 09:15\s+Bakery\s+1\/2\s+[A-F]\s+1\s+[0-9a-f-]{36}$/);
    expect((await cli(['clients', 'runs', 'Cafe'])).stdout).toContain('No client runs for "Cafe" yet.');
  });

  it('renames a client on every account; ids, password and history stay', async () => {
    const result = await cli(['clients', 'rename', 'BAKERY', 'Bakery & Sons']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Renamed "BAKERY" to "Bakery & Sons" on 2 accounts; their history stays.\n');

    const list = await cli(['accounts', 'list']);
    expect(list.stdout).toContain('Bakery & Sons');
    const accounts = await env.services.accounts.list();
    expect(accounts.accounts.map((a) => [a.label, a.clientGroup])).toEqual([
      ['Bakery orders', 'Bakery & Sons'],
      ['Bakery desk', 'Bakery & Sons'],
      ['Cafe', 'Cafe'],
    ]);
    expect(accounts.accounts[0]?.id).toBe(ordersId);
    expect(await keytar.getPassword(env.keychainService, ordersId)).toBe(CANARY);
    const history = await cli(['history', 'list', ordersId, '--json']);
    expect((JSON.parse(history.stdout) as { runs: unknown[] }).runs).toHaveLength(1);
    expect((await cli(['clients', 'runs', 'Bakery & Sons'])).stdout).toMatch(/Bakery & Sons\s+1\/2/);
    expect(list.stdout + result.stdout + history.stdout).not.toContain(CANARY);
  });

  it('refuses a rename without two names (exit 2) and an unknown client (exit 2), naming the problem', async () => {
    const missing = await cli(['clients', 'rename', 'Cafe']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Give the client to rename and its new name: clients rename OLD NEW.');
    const unknown = await cli(['clients', 'rename', 'Patisserie', 'Cafe']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No saved account is in the client group "Patisserie".');
    const empty = await cli(['clients', 'rename', 'Cafe', ' ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('Client name is empty');
  });
});
