/**
 * `mailwarden accounts add/edit --incoming-*` and `set-password --incoming`, against the real keychain
 * (the test keyring session) and a real data folder.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account, AccountView } from '../../../preload/contract/accounts';
import { runCliIn } from '../../helpers/cli-harness';
import { createTestServices, keytar, type TestServices } from '../../helpers/test-services';

const CANARY_SEND = 'Canary-cli-send-71ac!';
const CANARY_READ = 'Canary-cli-read-0d5e!';
const ADD = [
  'accounts',
  'add',
  '--email',
  'ann@shop.example',
  '--host',
  'smtp.shop.example',
  '--port',
  '465',
  '--security',
  'tls',
];
const INCOMING = [
  '--incoming-protocol',
  'imap',
  '--incoming-host',
  'imap.shop.example',
  '--incoming-port',
  '993',
  '--incoming-security',
  'tls',
];

describe('mailwarden accounts: the incoming server', () => {
  let env: TestServices;
  const cli = (argv: readonly string[], stdin?: string) => runCliIn(env, argv, stdin);
  const listed = async (): Promise<Account[]> =>
    JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as Account[];

  beforeEach(async () => {
    env = await createTestServices();
  });
  afterEach(async () => env.cleanup());

  it('adds an account with an IMAP server that shares the sending password', async () => {
    const added = await cli([...ADD, ...INCOMING, '--password-stdin'], CANARY_SEND);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const [account] = await listed();
    expect(account?.incoming).toEqual({
      protocol: 'imap',
      host: 'imap.shop.example',
      port: 993,
      security: 'tls',
      username: 'ann@shop.example',
      ownPassword: false,
    });
    expect(await keytar.findCredentials(env.keychainService)).toEqual([
      { account: account?.id, password: CANARY_SEND },
    ]);
  });

  it('refuses an incomplete incoming server (exit 2) and saves nothing', async () => {
    const result = await cli([...ADD, '--incoming-host', 'imap.shop.example']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--incoming-protocol, --incoming-port, --incoming-security');
    expect(await listed()).toEqual([]);
  });

  it('edit changes only the given incoming fields, prints the change, and --incoming-host "" removes the server', async () => {
    expect((await cli([...ADD, ...INCOMING])).code).toBe(0);
    const edited = await cli([
      'accounts',
      'edit',
      'ann@shop.example',
      '--incoming-protocol',
      'pop3',
      '--incoming-port',
      '995',
      '--incoming-host',
      'pop.shop.example',
    ]);
    expect(edited).toMatchObject({ code: 0, stderr: '' });
    expect(edited.stdout).toContain(
      'incoming: imap imap.shop.example:993 tls, user ann@shop.example, sending password -> ' +
        'pop3 pop.shop.example:995 tls, user ann@shop.example, sending password',
    );
    // The sending side is untouched.
    expect(edited.stdout).not.toMatch(/^ {2}(host|port|security):/m);

    const removed = await cli(['accounts', 'edit', 'ann@shop.example', '--incoming-host', '']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('-> (none)');
    expect((await listed())[0]?.incoming).toBeNull();
  });

  it('edit gives an account without one an incoming server only with all four main options', async () => {
    expect((await cli(ADD)).code).toBe(0);
    const partial = await cli(['accounts', 'edit', 'ann@shop.example', '--incoming-port', '995']);
    expect(partial.code).toBe(2);
    expect((await listed())[0]?.incoming).toBeNull();
    const full = await cli(['accounts', 'edit', 'ann@shop.example', ...INCOMING, '--incoming-user', 'ann']);
    expect(full.code).toBe(0);
    expect((await listed())[0]?.incoming).toMatchObject({ host: 'imap.shop.example', username: 'ann' });
  });

  it('an own reading password goes to its own keychain key and is never printed', async () => {
    expect(
      (await cli([...ADD, ...INCOMING, '--incoming-own-password', '--password-stdin'], CANARY_SEND)).code,
    ).toBe(0);
    const [account] = await listed();
    const set = await cli(
      ['accounts', 'set-password', 'ann@shop.example', '--incoming', '--password-stdin'],
      CANARY_READ,
    );
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toContain('Incoming-server password');
    expect(set.stdout).not.toContain(CANARY_READ);
    expect(await keytar.getPassword(env.keychainService, `${account?.id ?? ''}/incoming`)).toBe(CANARY_READ);
    expect(await keytar.getPassword(env.keychainService, account?.id ?? '')).toBe(CANARY_SEND);
    const list = await cli(['accounts', 'list']);
    expect(list.stdout + list.stderr).not.toContain('belong to no account');
    expect(list.stdout + list.stderr).not.toContain(CANARY_READ);
  });

  it('list shows each incoming server and whose password it reads with: shared, own and stored, own and missing', async () => {
    const add = (email: string, extra: readonly string[], password?: string) =>
      cli(
        [
          'accounts',
          'add',
          '--email',
          email,
          '--host',
          'smtp.shop.example',
          '--port',
          '465',
          '--security',
          'tls',
          ...extra,
          ...(password === undefined ? [] : ['--password-stdin']),
        ],
        password,
      );
    expect((await add('ann@shop.example', INCOMING, CANARY_SEND)).code).toBe(0);
    const pop3 = [
      '--incoming-protocol',
      'pop3',
      '--incoming-host',
      'pop.shop.example',
      '--incoming-port',
      '995',
      '--incoming-security',
      'tls',
      '--incoming-own-password',
    ];
    expect((await add('bob@shop.example', pop3, CANARY_SEND)).code).toBe(0);
    expect((await add('cy@shop.example', pop3, CANARY_SEND)).code).toBe(0);
    expect((await add('dee@shop.example', [])).code).toBe(0);
    const stored = await cli(
      ['accounts', 'set-password', 'bob@shop.example', '--incoming', '--password-stdin'],
      CANARY_READ,
    );
    expect(stored.code).toBe(0);

    const list = await cli(['accounts', 'list']);
    expect(list.code).toBe(0);
    const lines = list.stdout.split('\n');
    const header = lines[0] ?? '';
    expect(header).toMatch(/PASSWORD\s+INCOMING\s+INCOMING PASSWORD\s+CLIENT/);
    const row = (email: string) => lines.find((line) => line.includes(email)) ?? '';
    expect(row('ann@shop.example')).toMatch(
      /stored\s+imap imap\.shop\.example:993 tls\s+shared with sending/,
    );
    expect(row('bob@shop.example')).toMatch(/stored\s+pop3 pop\.shop\.example:995 tls\s+own, stored/);
    expect(row('cy@shop.example')).toMatch(/stored\s+pop3 pop\.shop\.example:995 tls\s+own, missing/);
    expect(row('dee@shop.example')).toMatch(/missing\s+none/);
    expect(list.stdout).toContain('1 incoming server has its own password but none is stored');
    expect(list.stdout + list.stderr).not.toContain(CANARY_READ);
    expect(list.stdout + list.stderr).not.toContain(CANARY_SEND);

    const json = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as AccountView[];
    expect(Object.fromEntries(json.map((account) => [account.email, account.incomingPassword]))).toEqual({
      'ann@shop.example': 'shared',
      'bob@shop.example': 'stored',
      'cy@shop.example': 'missing',
      'dee@shop.example': null,
    });
  });
});
