import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn, runCliProcess } from '../../helpers/cli-harness';
import { createTestServices, keytar, type TestServices } from '../../helpers/test-services';

const CANARY = 'Canary-cli-5d1a!';
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

describe('mailwarden accounts', () => {
  let env: TestServices;
  const cli = (argv: readonly string[], stdin?: string) => runCliIn(env, argv, stdin);

  beforeEach(async () => {
    env = await createTestServices();
  });
  afterEach(async () => env.cleanup());

  it('adds an account with the password from stdin, lists it, and never prints the password', async () => {
    const added = await cli(
      [...ADD, '--label', 'Shop', '--client', 'Acme', '--password-stdin'],
      `${CANARY}\n`,
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toContain('Saved Shop');
    expect(added.stdout).toContain('Password stored in your system keychain.');

    const listed = await cli(['accounts', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      /Shop\s+ann@shop\.example\s+smtp\.shop\.example:465\s+tls\s+stored\s+none\s+Acme/,
    );

    const json = await cli(['accounts', 'list', '--json']);
    const accounts = JSON.parse(json.stdout) as { id: string; hasPassword: string }[];
    expect(accounts).toHaveLength(1);
    expect(accounts[0]?.hasPassword).toBe('stored');
    // The trailing newline from `echo` is not part of the password.
    expect(await keytar.getPassword(env.keychainService, accounts[0]?.id ?? '')).toBe(CANARY);
    for (const output of [added, listed, json]) expect(output.stdout + output.stderr).not.toContain(CANARY);
  });

  it('sets a password and removes an account by email, secret included', async () => {
    await cli(ADD);
    const set = await cli(['accounts', 'set-password', 'ann@shop.example', '--password-stdin'], CANARY);
    expect(set.code).toBe(0);
    const [account] = await keytar.findCredentials(env.keychainService);
    expect(account?.password).toBe(CANARY);

    const removed = await cli(['accounts', 'remove', 'ann@shop.example']);
    expect(removed).toMatchObject({ code: 0 });
    expect(removed.stdout).toContain('Removed');
    expect(await keytar.findCredentials(env.keychainService)).toEqual([]);
    expect((await cli(['accounts', 'list'])).stdout).toContain('No accounts yet');
  });

  it.each([
    [['accounts', 'add', '--email', 'a@b.example'], 'Missing --host, --port, --security.'],
    [['accounts', 'add', ...ADD.slice(2), '--prot', '1'], "Unknown option '--prot'"],
    [['accounts', 'frobnicate'], 'Unknown subcommand "accounts frobnicate".'],
    [['history', 'frobnicate'], 'Unknown subcommand "history frobnicate".'],
    // A subcommand is shown as text, never as terminal control sequences.
    [['accounts', 'x\u001b[2J'], 'Unknown subcommand "accounts x⟨U+001B⟩[2J".'],
    [['accounts', 'remove'], 'Name exactly one account'],
    [['nonsense'], 'Unknown command "nonsense".'],
  ])('exits 2 with a clear usage message for %j', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('--help');
  });

  it.each([['accounts'], ['accounts', '--help'], ['history'], ['history', '-h']])(
    'prints the help of %j and exits 0',
    async (...argv) => {
      const result = await cli(argv);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain(`Usage: mailwarden ${argv[0]} <`);
    },
  );

  it.each([
    ['port 0', ['--port', '0'], 'port'],
    ['port 70000', ['--port', '70000'], 'port'],
    ['an unknown security mode', ['--security', 'ssl'], 'security'],
    ['an invalid email', ['--email', 'ann.shop.example'], 'email'],
    ['an invalid host', ['--host', 'smtp_shop example'], 'host'],
  ])('refuses %s with exit 2 and a message naming the field', async (_case, override, field) => {
    const argv = [...ADD];
    const flagIndex = argv.indexOf(override[0] ?? '');
    argv[flagIndex + 1] = override[1] ?? '';
    const result = await cli(argv, CANARY);
    expect(result.code).toBe(2);
    expect(result.stderr.toLowerCase()).toContain(field);
    expect(result.stderr).not.toContain(CANARY);
    expect(await readdir(env.dataDir)).toEqual([]);
  });

  it('exits 2 for an unknown account', async () => {
    const result = await cli(['accounts', 'remove', 'nobody@shop.example']);
    expect(result).toMatchObject({ code: 2 });
    expect(result.stderr).toContain('There is no account with id or email nobody@shop.example.');
  });

  it('prints help for every command', async () => {
    for (const argv of [
      ['--help'],
      ['accounts', '--help'],
      ['accounts', 'add', '--help'],
      ['accounts', 'list', '-h'],
      ['accounts', 'remove', '--help'],
      ['accounts', 'set-password', '--help'],
      ['discover', '--help'],
      ['presets', '--help'],
    ]) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/Usage: mailwarden/);
    }
  });

  it('with no keychain, refuses to add (exit 3), says what to do, and leaves no file and no leak', async () => {
    const result = await runCliProcess([...ADD, '--password-stdin'], {
      stdin: CANARY,
      env: {
        PATH: process.env['PATH'],
        HOME: env.dataDir,
        MAILWARDEN_DATA_DIR: env.dataDir,
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(env.dataDir, 'no-such-bus')}`,
      },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/keychain/i);
    expect(result.stdout + result.stderr).not.toContain(CANARY);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await readdir(env.dataDir)).not.toContain('accounts.json');
  });

  it('a real process run: the password from stdin lands in the keychain only', async () => {
    // The child uses the default keychain service; the test keyring session is private to this run.
    const result = await runCliProcess([...ADD, '--password-stdin'], {
      stdin: CANARY,
      env: { ...process.env, MAILWARDEN_DATA_DIR: env.dataDir },
    });
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(CANARY);
    const file = await readFile(join(env.dataDir, 'accounts.json'), 'utf8');
    expect(file).not.toContain(CANARY);
    const id = /\(id ([^)]+)\)/.exec(result.stdout)?.[1] ?? '';
    try {
      expect(await keytar.getPassword('Mailwarden', id)).toBe(CANARY);
    } finally {
      await keytar.deletePassword('Mailwarden', id);
    }
  });
});
