/**
 * Several real `mailwarden` processes changing one data folder and one keychain at once, and processes
 * killed (-9) half-way through: no account is lost and no password is left without its account.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCliProcess, type CliResult } from '../../helpers/cli-harness';
import { startPrivateKeyring, type PrivateKeyring } from '../../helpers/private-keyring';
import { makeTempDir } from '../../helpers/temp-dir';

const PROCESSES = 12;
// Twelve Node processes compiling TypeScript at once on a small, shared CI machine are slow.
const SLOW_MS = 300_000;
const LOCK_WAIT_MS = 30_000;

function addArgs(email: string): string[] {
  return [
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
    '--password-stdin',
  ];
}

interface Listed {
  readonly id: string;
  readonly email: string;
  readonly hasPassword: string;
}

describe('accounts changed by several processes at once', () => {
  let keyring: PrivateKeyring;
  let dataDir: string;
  const env = () => ({ ...process.env, ...keyring.env, MAILWARDEN_DATA_DIR: dataDir });
  const cli = (argv: readonly string[], stdin?: string): Promise<CliResult> =>
    runCliProcess(argv, { env: env(), timeoutMs: 240_000, ...(stdin === undefined ? {} : { stdin }) });

  async function listed(): Promise<{ accounts: Listed[]; stderr: string; orphans: string }> {
    const list = await cli(['accounts', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    const clean = await cli(['accounts', 'clean']);
    expect(clean.code, clean.stderr).toBe(0);
    return { accounts: JSON.parse(list.stdout) as Listed[], stderr: list.stderr, orphans: clean.stdout };
  }

  /** Starts `accounts …` as a real process and kills it (-9) `delayMs` after it takes the accounts lock. */
  async function killWhileLocked(argv: readonly string[], delayMs: number, stdin = ''): Promise<void> {
    const lockPath = join(dataDir, 'accounts.json.lock');
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', ...argv], {
      env: env(),
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    const exited = new Promise<void>((resolve) =>
      child.on('exit', () => {
        resolve();
      }),
    );
    child.stdin.end(stdin);
    const started = Date.now();
    while (!existsSync(lockPath) && child.exitCode === null) {
      if (Date.now() - started > LOCK_WAIT_MS) throw new Error('the CLI never took the accounts lock');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    child.kill('SIGKILL');
    // Waited for, so the pid is reaped and the next process sees a dead holder, not a zombie.
    await exited;
  }

  // A keyring per test: each test counts every password the CLI's keychain service holds.
  beforeEach(async () => {
    keyring = await startPrivateKeyring();
    dataDir = await makeTempDir();
    return async () => {
      await keyring.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }, 60_000);

  it(
    `${PROCESSES} parallel "accounts add" keep all ${PROCESSES} accounts, each with its password`,
    async () => {
      const emails = Array.from({ length: PROCESSES }, (_, index) => `user${index}@shop.example`);
      const results = await Promise.all(emails.map((email) => cli(addArgs(email), `secret-${email}`)));
      for (const result of results) expect(result.code, result.stderr).toBe(0);

      const { accounts, stderr, orphans } = await listed();
      expect(accounts.map((account) => account.email).sort()).toEqual([...emails].sort());
      expect(accounts.every((account) => account.hasPassword === 'stored')).toBe(true);
      expect(stderr).not.toMatch(/to no account/);
      expect(orphans).toContain('Every password in your keychain belongs to an account.');
    },
    SLOW_MS,
  );

  it(
    'a lock left by a killed "accounts add" is taken over and its half-added password removed',
    async () => {
      const kept = await cli(addArgs('kept@shop.example'), 'kept-secret');
      expect(kept.code, kept.stderr).toBe(0);
      // Stage what kill -9 between storing the password and saving the account leaves: a password
      // (made here through another data folder) and a lock naming it, held by a process that is gone.
      const otherDir = await makeTempDir();
      const other = await runCliProcess(addArgs('half@shop.example'), {
        env: { ...env(), MAILWARDEN_DATA_DIR: otherDir },
        stdin: 'half-secret',
      });
      await rm(otherDir, { recursive: true, force: true });
      const halfAdded = /\(id ([^)]+)\)/.exec(other.stdout)?.[1] ?? '';
      const dead = spawn(process.execPath, ['-e', '0']);
      const deadPid = await new Promise<number>((resolve) =>
        dead.on('exit', () => {
          resolve(dead.pid ?? 0);
        }),
      );
      await writeFile(
        join(dataDir, 'accounts.json.lock'),
        JSON.stringify({
          host: hostname(),
          pid: deadPid,
          since: new Date().toISOString(),
          intent: { op: 'add', accountId: halfAdded },
        }),
      );

      const { accounts, stderr, orphans } = await listed();
      expect(accounts.map((account) => [account.email, account.hasPassword])).toEqual([
        ['kept@shop.example', 'stored'],
      ]);
      expect(stderr).not.toMatch(/to no account/);
      expect(orphans).toContain('Every password in your keychain belongs to an account.');
      expect(existsSync(join(dataDir, 'accounts.json.lock'))).toBe(false);
    },
    SLOW_MS,
  );

  it(
    'kill -9 during "accounts add" or "accounts remove" leaves no account without its password and no orphan',
    async () => {
      const delays = [0, 3, 10, 30];
      for (const [index, delay] of delays.entries()) {
        await killWhileLocked(addArgs(`killed${index}@shop.example`), delay, `secret-${index}`);
      }
      const added = await cli(addArgs('victim@shop.example'), 'victim-secret');
      expect(added.code, added.stderr).toBe(0);
      for (const delay of [0, 10]) {
        await killWhileLocked(['accounts', 'remove', 'victim@shop.example'], delay);
        if (!(await listed()).accounts.some((account) => account.email === 'victim@shop.example')) break;
      }

      const { accounts, stderr, orphans } = await listed();
      for (const account of accounts) expect(account.hasPassword, account.email).toBe('stored');
      expect(stderr).not.toMatch(/to no account/);
      expect(orphans).toContain('Every password in your keychain belongs to an account.');
    },
    SLOW_MS,
  );
});

describe('accounts clean', () => {
  let keyring: PrivateKeyring;
  let dataDir: string;
  beforeAll(async () => {
    keyring = await startPrivateKeyring();
    dataDir = await makeTempDir();
  }, 60_000);
  afterAll(async () => {
    await keyring.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'lists passwords that belong to no account, deletes them only with --yes, and list warns until then',
    async () => {
      const env = { ...process.env, ...keyring.env, MAILWARDEN_DATA_DIR: dataDir };
      const otherDir = await makeTempDir();
      try {
        // An account saved through another data folder: from this folder's view, its password is an orphan.
        const other = await runCliProcess(addArgs('other@shop.example'), {
          env: { ...env, MAILWARDEN_DATA_DIR: otherDir },
          stdin: 'other-secret',
        });
        expect(other.code, other.stderr).toBe(0);
        const orphanId = /\(id ([^)]+)\)/.exec(other.stdout)?.[1] ?? '';

        const list = await runCliProcess(['accounts', 'list'], { env });
        expect(list.stderr).toContain('1 password in your keychain belongs to no account');
        const dryRun = await runCliProcess(['accounts', 'clean'], { env });
        expect(dryRun).toMatchObject({ code: 0 });
        expect(dryRun.stdout).toContain(orphanId);
        expect(dryRun.stdout).toContain('--yes');
        const stillThere = await runCliProcess(['accounts', 'list'], {
          env: { ...env, MAILWARDEN_DATA_DIR: otherDir },
        });
        expect(stillThere.stdout).toMatch(/stored/);

        const cleaned = await runCliProcess(['accounts', 'clean', '--yes'], { env });
        expect(cleaned.stdout).toContain('Deleted 1 password');
        const after = await runCliProcess(['accounts', 'list'], {
          env: { ...env, MAILWARDEN_DATA_DIR: otherDir },
        });
        expect(after.stdout).toMatch(/missing/);
        expect(after.stdout).toContain('1 account has no password stored');
      } finally {
        await rm(otherDir, { recursive: true, force: true });
      }
    },
    SLOW_MS,
  );
});
