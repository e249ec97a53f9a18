import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAuditReport } from '../../../main/core/report/report-schema';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../helpers/auth-smtp-server';
import { runCliIn, runCliProcess, type CliResult } from '../../helpers/cli-harness';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { getTestPki, type TestPki } from '../../helpers/test-certificates';
import { createTestServices, type TestServices } from '../../helpers/test-services';

const CANARY = 'Canary-client-4d1e!';
const CLIENT_TIMEOUT_MS = 90_000;
/** How long after Ctrl-C the command may take to write its report and exit (not the checks' deadlines). */
const CANCEL_PROMPT_MS = 5_000;
const CANCEL_TEST_TIMEOUT_MS = 60_000;

describe('mailwarden audit --client', () => {
  let knot: KnotServer;
  let smtp: AuthSmtpServer;
  let pki: TestPki;
  let env: TestServices;
  const cli = (argv: readonly string[], stdin?: string): Promise<CliResult> => runCliIn(env, argv, stdin);
  const add = async (email: string, label: string, client: string, password?: string) => {
    const argv = ['accounts', 'add', '--email', email, '--label', label, '--client', client];
    const server = ['--host', 'smtp.acme.test', '--port', String(smtp.port), '--security', 'starttls'];
    const added = await cli(
      [...argv, ...server, ...(password === undefined ? [] : ['--password-stdin'])],
      password,
    );
    expect(added.code, added.stderr).toBe(0);
  };

  beforeAll(async () => {
    pki = await getTestPki();
    const leaf = await pki.leaf('good', 'smtp.acme.test');
    smtp = await startAuthSmtpServer({
      user: { username: 'ann@acme.test', password: CANARY },
      certPem: leaf.certPem,
      keyPem: leaf.keyPem,
    });
    knot = await startKnot({
      'acme.test': ['smtp IN A 127.0.0.1', '@ IN MX 10 smtp.acme.test.', '@ IN TXT "v=spf1 mx -all"'].join(
        '\n',
      ),
    });
    env = await createTestServices();
    await add('ann@acme.test', 'Acme orders', 'Acme', CANARY);
    await add('desk@acme.test', 'Acme desk', 'Acme');
    await add('zed@acme.test', 'Zed shop', 'Zed');
  });
  afterAll(async () => {
    await smtp.close();
    await knot.stop();
    await env.cleanup();
  });

  it('without a keychain, gives the keychain message for each account, not "an unexpected error"', async () => {
    const result = await runCliProcess(['audit', '--client', 'Acme', '--only', 'smtp'], {
      env: {
        PATH: process.env['PATH'],
        HOME: env.dataDir,
        MAILWARDEN_DATA_DIR: env.dataDir,
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(env.dataDir, 'no-such-bus')}`,
      },
      timeoutMs: 60_000,
    });
    expect(result.stderr).not.toContain('unexpected');
    expect(result.stderr).toMatch(/Acme orders: could not run: .*keychain/i);
    expect(result.stdout + result.stderr).not.toContain(CANARY);
  }, 90_000);

  it(
    'tests every account of the client one after another and writes one client report',
    async () => {
      const out = join(env.dataDir, 'acme.json');
      const result = await cli([
        'audit',
        '--client',
        'acme',
        '--only',
        'smtp,tls,auth,dns',
        '--dns',
        knot.server,
        '--ca',
        pki.caPath,
        '--format',
        'json',
        '--out',
        out,
      ]);
      expect(result.code, result.stderr).toBe(0);
      // Progress on stderr, in label order, one account at a time.
      const lines = result.stderr.split('\n');
      const order = [
        '[1/2] Testing Acme desk...',
        '[1/2] Acme desk: ',
        '[2/2] Testing Acme orders...',
        '[2/2] Acme orders: ',
      ];
      const at = order.map((start) => lines.findIndex((line) => line.startsWith(start)));
      expect(at.every((index) => index >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(result.stderr).toContain(`Client report written to "${out}".`);

      const saved = JSON.parse(await readFile(out, 'utf8')) as {
        kind: string;
        client: string;
        accounts: { label: string; runId: string; report: unknown }[];
      };
      expect(saved.kind).toBe('mailwarden-client-report');
      // The group's name as saved, whatever case was typed.
      expect(saved.client).toBe('Acme');
      expect(saved.accounts.map((account) => account.label)).toEqual(['Acme desk', 'Acme orders']);
      for (const account of saved.accounts) {
        expect(parseAuditReport(account.report)).toBeTruthy();
        // Each run is in the history too.
        expect((await env.services.history.get(account.runId)).report).toEqual(account.report);
      }
      expect(await readFile(out, 'utf8')).not.toContain(CANARY);
      expect(result.stderr + result.stdout).not.toContain(CANARY);
      // The other client was not touched.
      expect(saved.accounts.some((account) => account.label === 'Zed shop')).toBe(false);

      // The client run is kept, and `clients runs` lists it with each account's run.
      const runs = await cli(['clients', 'runs', 'ACME', '--json']);
      expect(runs.code, runs.stderr).toBe(0);
      const listing = JSON.parse(runs.stdout) as {
        runs: { client: string; accounts: { label: string; runId: string | null; outcome: string }[] }[];
      };
      expect(listing.runs[0]?.client).toBe('Acme');
      expect(
        listing.runs[0]?.accounts.map(({ label, runId, outcome }) => ({ label, runId, outcome })),
      ).toEqual(saved.accounts.map(({ label, runId }) => ({ label, runId, outcome: 'done' })));
      expect(runs.stdout).not.toContain(CANARY);
    },
    CLIENT_TIMEOUT_MS,
  );

  it(
    'prints a summary line per account as text on stdout',
    async () => {
      const result = await cli(['audit', '--client', 'Zed', '--only', 'dns', '--dns', knot.server]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^Client report: Zed \(1 account\)\n\nAccount {2}/);
      expect(result.stdout).toMatch(
        /\nZed shop {2,}\S+ {2,}\S+ {2,}\S+ {2,}\d+ {2,}\d+ {2,}\d+ {2,}\d+ {2,}\d+ {2,}\d+ {2,}complete\n$/,
      );
    },
    CLIENT_TIMEOUT_MS,
  );

  it('refuses an unknown client, naming the client groups there are, and conflicting targets', async () => {
    const unknown = await cli(['audit', '--client', 'Nobody']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'No saved account is in the client group "Nobody". Client groups: Acme, Zed.',
    );
    const both = await cli(['audit', 'ann@acme.test', '--client', 'Acme']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--client tests the saved accounts of that client group');
  });

  it(
    'Ctrl-C stops the running account, skips the rest, still writes the client report, and exits 130',
    async () => {
      // A server that accepts and never greets: the first account's checks wait until cancelled.
      const sockets: Socket[] = [];
      const stall = createServer((socket) => {
        sockets.push(socket);
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
      const stallPort = String((stall.address() as { port: number }).port);
      const dataDir = env.dataDir;
      const added = await cli([
        'accounts',
        'add',
        '--email',
        'stuck@acme.test',
        '--label',
        'Stuck one',
        '--client',
        'Slow',
        '--host',
        'smtp.acme.test',
        '--port',
        stallPort,
        '--security',
        'starttls',
      ]);
      expect(added.code, added.stderr).toBe(0);
      const second = await cli([
        'accounts',
        'add',
        '--email',
        'later@acme.test',
        '--label',
        'Tested later',
        '--client',
        'Slow',
        '--host',
        'smtp.acme.test',
        '--port',
        stallPort,
        '--security',
        'starttls',
      ]);
      expect(second.code, second.stderr).toBe(0);
      const out = join(dataDir, 'slow.json');
      try {
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            'main/cli/main.ts',
            'audit',
            '--client',
            'Slow',
            '--dns',
            knot.server,
            '--port-map',
            `smtp=${stallPort},submissions=${stallPort},submission=${stallPort}`,
            '--format',
            'json',
            '--out',
            out,
          ],
          {
            cwd: process.cwd(),
            env: { ...process.env, MAILWARDEN_DATA_DIR: dataDir },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let stderr = '';
        let interruptedAt = 0;
        child.stderr.on('data', (data: Buffer) => {
          stderr += data.toString();
          if (interruptedAt === 0 && stderr.includes('[1/2] Testing')) {
            interruptedAt = -1;
            setTimeout(() => {
              interruptedAt = Date.now();
              child.kill('SIGINT');
            }, 500);
          }
        });
        const code = await new Promise<number | null>((resolve, reject) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`the client run did not stop after Ctrl-C: ${stderr}`));
          }, CANCEL_TEST_TIMEOUT_MS - 10_000);
          child.on('exit', (exitCode) => {
            clearTimeout(timer);
            resolve(exitCode);
          });
        });
        expect(code, stderr).toBe(130);
        expect(Date.now() - interruptedAt).toBeLessThan(CANCEL_PROMPT_MS);
        expect(stderr).toContain('Cancelling: the current account stops, the rest are skipped');
        expect(stderr).toContain('[2/2] Tested later: skipped (cancelled)');
        const written = JSON.parse(await readFile(out, 'utf8')) as {
          kind: string;
          accounts: { label: string; cancelled: boolean; report: unknown }[];
        };
        expect(written.kind).toBe('mailwarden-client-report');
        expect(written.accounts.map((account) => [account.label, account.cancelled])).toEqual([
          ['Stuck one', true],
        ]);
        expect(parseAuditReport(written.accounts[0]?.report).cancelled).toBe(true);
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) =>
          stall.close(() => {
            resolve();
          }),
        );
      }
    },
    CANCEL_TEST_TIMEOUT_MS,
  );
});
