/**
 * `mailwarden accounts edit`: against the real keychain (the test keyring session) and a real data
 * folder, an edit changes only what was given, keeps the id, the password and the history, and says
 * when earlier runs tested another server.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../preload/contract/accounts';
import { createFileHistoryStore } from '../../../main/adapters/file-history-store';
import { HISTORY_DIR_NAME } from '../../../main/core/history/history-document';
import { runCliIn } from '../../helpers/cli-harness';
import { testEntry } from '../../helpers/history-fixtures';
import { createTestServices, keytar, type TestServices } from '../../helpers/test-services';

const CANARY = 'Canary-cli-edit-8e2c!';
const ADD = [
  'accounts',
  'add',
  '--email',
  'ann@shop.example',
  '--host',
  'smtp.shop.example',
  '--port',
  '587',
  '--security',
  'starttls',
  '--label',
  'Shop',
  '--client',
  'Acme',
  '--dkim-selector',
  's1',
  '--password-stdin',
];

describe('mailwarden accounts edit', () => {
  let env: TestServices;
  const cli = (argv: readonly string[], stdin?: string) => runCliIn(env, argv, stdin);
  const listed = async (): Promise<Account[]> =>
    JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as Account[];

  beforeEach(async () => {
    env = await createTestServices();
    expect((await cli(ADD, CANARY)).code).toBe(0);
  });
  afterEach(async () => env.cleanup());

  it('changes port and security only; the id, the other fields and the keychain password stay', async () => {
    const [before] = await listed();
    const edited = await cli(['accounts', 'edit', 'ann@shop.example', '--port', '465', '--security', 'tls']);
    expect(edited).toMatchObject({ code: 0, stderr: '' });
    expect(edited.stdout).toContain(`Saved Shop (id ${before?.id ?? ''}):`);
    expect(edited.stdout).toContain('port: 587 -> 465');
    expect(edited.stdout).toContain('security: starttls -> tls');
    // No run yet, so nothing to say about earlier runs.
    expect(edited.stdout).not.toContain('earlier run');
    expect((await cli(['accounts', 'list'])).stdout).toMatch(/Acme\s+not tested yet/);

    const [after] = await listed();
    expect(after).toMatchObject({
      id: before?.id,
      label: 'Shop',
      email: 'ann@shop.example',
      host: 'smtp.shop.example',
      port: 465,
      security: 'tls',
      clientGroup: 'Acme',
      dkimSelectors: ['s1'],
      createdAt: before?.createdAt,
      hasPassword: 'stored',
    });
    expect(await keytar.getPassword(env.keychainService, before?.id ?? '')).toBe(CANARY);
    expect(edited.stdout + edited.stderr).not.toContain(CANARY);
  });

  it('edits every field; "" clears the client group and the selectors', async () => {
    const edited = await cli([
      'accounts',
      'edit',
      'ann@shop.example',
      '--email',
      'orders@bakery.example',
      '--host',
      'mail.bakery.example',
      '--user',
      'orders',
      '--label',
      'Bakery orders',
      '--domain',
      'bakery.example',
      '--client',
      '',
      '--dkim-selector',
      '',
      '--preset',
      '',
    ]);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain('clientGroup: Acme -> (none)');
    const [after] = await listed();
    expect(after).toMatchObject({
      label: 'Bakery orders',
      email: 'orders@bakery.example',
      domain: 'bakery.example',
      host: 'mail.bakery.example',
      username: 'orders',
      clientGroup: null,
      dkimSelectors: [],
      presetId: null,
    });
  });

  it('a new address carries the domain and sign-in name that followed the old one', async () => {
    expect((await cli(['accounts', 'edit', 'Shop', '--email', 'x@y.example'])).code).toBe(2);
    const [before] = await listed();
    await cli(['accounts', 'edit', before?.id ?? '', '--email', 'bob@garage.example']);
    const [after] = await listed();
    expect(after).toMatchObject({
      email: 'bob@garage.example',
      domain: 'garage.example',
      username: 'bob@garage.example',
      label: 'Shop',
    });
  });

  it('changing the server says the earlier runs tested another one, and the history keeps them', async () => {
    const [account] = await listed();
    const id = account?.id ?? '';
    const store = createFileHistoryStore(join(env.dataDir, HISTORY_DIR_NAME));
    const target = {
      kind: 'account' as const,
      label: 'Shop',
      domain: 'shop.example',
      host: 'smtp.shop.example',
      port: 587,
      security: 'starttls',
    };
    for (const index of [1, 2]) await store.save({ ...testEntry(index, { target }), accountId: id });

    const edited = await cli(['accounts', 'edit', 'ann@shop.example', '--host', 'smtp2.shop.example']);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain(
      'The 2 earlier runs in its history tested another server (smtp.shop.example:587, starttls)',
    );
    // The list shows the last test's grade as stored in its report, not recomputed.
    const stored = testEntry(2, { target }).report.score.overall?.grade ?? 'no grade';
    expect((await cli(['accounts', 'list'])).stdout).toMatch(new RegExp(`Acme\\s+${stored} 2026-11-27`));
    const history = await cli(['history', 'list', id]);
    expect(history.code).toBe(0);
    expect(history.stdout.match(/smtp\.shop\.example:587/g)).toHaveLength(2);

    // A change that keeps the server says nothing about earlier runs.
    const renamed = await cli(['accounts', 'edit', id, '--label', 'Shop desk']);
    expect(renamed.stdout).toContain('label: Shop -> Shop desk');
    expect(renamed.stdout).not.toContain('earlier run');
  });

  it.each([
    [['accounts', 'edit', 'ann@shop.example'], 'Nothing to change'],
    [['accounts', 'edit', '--port', '465'], 'Name exactly one account'],
    [['accounts', 'edit', 'ann@shop.example', '--port', '70000'], '70000 is too high'],
    [['accounts', 'edit', 'ann@shop.example', '--security', 'ssl'], 'Security must be one of'],
    [['accounts', 'edit', 'nobody@shop.example', '--port', '465'], 'There is no account'],
    [['accounts', 'edit', 'ann@shop.example', '--password-stdin'], "Unknown option '--password-stdin'"],
  ])('exits 2 for %j and changes nothing', async (argv, message) => {
    const before = await listed();
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(await listed()).toEqual(before);
  });

  it('prints its help', async () => {
    const result = await cli(['accounts', 'edit', '--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Usage: mailwarden accounts edit ID|EMAIL [options]');
  });
});
