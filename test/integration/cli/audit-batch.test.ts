import { spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../preload/contract/audit';
import { parseCsv } from '../../../main/core/batch/csv-parse';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../helpers/auth-smtp-server';
import { runCliIn, type CliResult } from '../../helpers/cli-harness';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { makeTempDir } from '../../helpers/temp-dir';
import { getTestPki, type TestPki } from '../../helpers/test-certificates';
import { createTestServices, type TestServices } from '../../helpers/test-services';
import { auditPortMap } from '../../helpers/audit-port-map';

const CANARY = 'Canary-batch-7f3c!';
const SAVED = 'ann@acme.test';
const BATCH_TIMEOUT_MS = 90_000;
const CANCEL_TIMEOUT_MS = 30_000;
/** From Ctrl-C to exit; the stalled server's checks would otherwise wait out their own deadlines. */
const CANCEL_PROMPT_MS = 3_000;

function csvRows(text: string): string[][] {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.records.map((record) => (record.kind === 'record' ? [...record.fields] : []));
}

describe('mailwarden audit --batch', () => {
  let knot: KnotServer;
  let smtp: AuthSmtpServer;
  let pki: TestPki;
  let env: TestServices;
  let portMap: string;
  const cli = (argv: readonly string[], stdin?: string): Promise<CliResult> => runCliIn(env, argv, stdin);

  beforeAll(async () => {
    pki = await getTestPki();
    const leaf = await pki.leaf('good', 'smtp.acme.test');
    smtp = await startAuthSmtpServer({
      user: { username: SAVED, password: CANARY },
      certPem: leaf.certPem,
      keyPem: leaf.keyPem,
    });
    knot = await startKnot({
      'acme.test': [
        'smtp IN A 127.0.0.1',
        '@ IN MX 10 smtp.acme.test.',
        '@ IN TXT "v=spf1 ip4:127.0.0.1 -all"',
        '_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@acme.test"',
      ].join('\n'),
      'beta.test': ['@ IN MX 10 smtp.acme.test.', '@ IN TXT "v=spf1 +all"'].join('\n'),
      'srv.test': ['@ IN MX 10 smtp.acme.test.', '@ IN TXT "v=spf1 mx ~all"'].join('\n'),
    });
    portMap = await auditPortMap({ submission: smtp.port });
    env = await createTestServices();
    const added = await cli(
      [
        'accounts',
        'add',
        '--email',
        SAVED,
        '--host',
        'smtp.acme.test',
        '--port',
        String(smtp.port),
        '--security',
        'starttls',
        '--password-stdin',
      ],
      CANARY,
    );
    expect(added.code, added.stderr).toBe(0);
  });
  afterAll(async () => {
    await smtp.close();
    await knot.stop();
    await env.cleanup();
  });

  it(
    'audits every good row 3 at a time, reports the bad rows by line number and leaks no password',
    async () => {
      const port = String(smtp.port);
      const file = join(env.dataDir, 'clients.csv');
      // CRLF, a BOM and a quoted client with a comma: what a spreadsheet exports.
      const lines = [
        'client,email or domain,host,port,security,user', // line 1
        `"Acme, Inc.",${SAVED},,,,`, // 2: saved account, keychain password
        `Server Co,srv.test,smtp.acme.test,${port},starttls,postmaster`, // 3: server + domain, no password
        `Zed,zed@acme.test,smtp.acme.test,${port},starttls,`, // 4: unsaved address, no password
        `Broken,bad.test,smtp.acme.test,${port},ssl3,`, // 5: unknown security mode
        'Beta,beta.test,,,,', // 6: domain only
        'Short,short.test,smtp.acme.test', // 7: wrong column count
      ];
      await writeFile(file, `\uFEFF${lines.join('\r\n')}\r\n`);
      const outDir = join(env.dataDir, 'reports');

      const result = await cli([
        'audit',
        '--batch',
        file,
        '--out-dir',
        outDir,
        '--concurrency',
        '3',
        '--dns',
        knot.server,
        '--ca',
        pki.caPath,
        '--port-map',
        portMap,
      ]);

      // Bad rows make the batch end with the usage/input exit code, after the good rows ran.
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain('6 rows: 4 to audit, 2 not run; 3 at a time.');
      expect(result.stderr).toMatch(/Line 5: not run: the security mode "ssl3" is unknown/);
      expect(result.stderr).toMatch(/Line 7: not run: it has 3 fields where the header has 6/);
      // Not a terminal: plain progress lines, no carriage-return redraws.
      expect(result.stderr).toMatch(/^\[4\/4\] line \d .*rows\/s\)$/m);
      expect(result.stderr).not.toContain('\r');
      expect(result.stderr).toContain('4 audited, 2 not run.');

      const files = (await readdir(outDir)).sort();
      expect(files).toEqual([
        '00002-acme-inc.-ann-acme.test.html',
        '00002-acme-inc.-ann-acme.test.json',
        '00003-server-co-srv.test.html',
        '00003-server-co-srv.test.json',
        '00004-zed-zed-acme.test.html',
        '00004-zed-zed-acme.test.json',
        '00006-beta-beta.test.html',
        '00006-beta-beta.test.json',
        'index.csv',
        'index.html',
      ]);

      const report = async (name: string): Promise<AuditReport> =>
        JSON.parse(await readFile(join(outDir, name), 'utf8')) as AuditReport;
      const saved = await report('00002-acme-inc.-ann-acme.test.json');
      expect(saved.target).toMatchObject({ kind: 'account', label: SAVED, port: smtp.port });
      expect(saved.findings.map((f) => f.id)).toContain('auth.login.accepted');
      // The server row got its server checks and its own domain's DNS checks, without logging in.
      const server = await report('00003-server-co-srv.test.json');
      expect(server.target).toMatchObject({ kind: 'account', domain: 'srv.test', host: 'smtp.acme.test' });
      const serverIds = server.findings.map((f) => f.id);
      expect(serverIds).toContain('smtp.reach.ok');
      expect(serverIds.some((id) => id.startsWith('spf.'))).toBe(true);
      expect(serverIds).not.toContain('auth.login.accepted');
      const unsaved = await report('00004-zed-zed-acme.test.json');
      expect(unsaved.findings.map((f) => f.id)).not.toContain('auth.login.accepted');
      const domainOnly = await report('00006-beta-beta.test.json');
      expect(domainOnly.target).toMatchObject({ kind: 'domain', label: 'beta.test' });
      expect(domainOnly.findings.find((f) => f.id.startsWith('spf.') && f.severity !== 'pass')).toBeDefined();
      expect(await readFile(join(outDir, '00006-beta-beta.test.html'), 'utf8')).toMatch(/^<!doctype html>/i);

      const index = csvRows(await readFile(join(outDir, 'index.csv'), 'utf8'));
      expect(index.map((row) => [row[0], row[1], row[2]])).toEqual([
        ['line', 'client', 'target'],
        ['2', 'Acme, Inc.', SAVED],
        ['3', 'Server Co', 'srv.test'],
        ['4', 'Zed', 'zed@acme.test'],
        ['5', 'Broken', 'bad.test'],
        ['6', 'Beta', 'beta.test'],
        ['7', 'Short', 'short.test'],
      ]);
      expect(index.map((row) => row[3])).toEqual([
        'status',
        'done',
        'done',
        'done',
        expect.stringMatching(/^not run: the security mode "ssl3" is unknown/),
        'done',
        expect.stringMatching(/^not run: it has 3 fields/),
      ]);
      // Worst severity and the counts agree with the report itself.
      const header = index[0] ?? [];
      const acme = index[1] ?? [];
      const cell = (row: string[], name: string): string | undefined => row[header.indexOf(name)];
      expect(cell(acme, 'worst_severity')).toBe(saved.findings[0]?.severity);
      expect(Number(cell(acme, 'pass'))).toBe(saved.findings.filter((f) => f.severity === 'pass').length);
      expect(cell(acme, 'report')).toBe('00002-acme-inc.-ann-acme.test.html');
      expect(cell(acme, 'note')).toBe('saved account: password from the keychain');
      expect(cell(index[3] ?? [], 'note')).toBe(
        'not a saved account: no password, login inspected only (mechanisms)',
      );
      if (saved.score.overall !== null) expect(cell(acme, 'grade')).toBe(saved.score.overall.grade);

      const html = await readFile(join(outDir, 'index.html'), 'utf8');
      expect(html).toContain('6 rows, 4 audited, 2 not run.');
      expect(html).toContain('Acme, Inc.');
      expect(html).toContain('<a href="00003-server-co-srv.test.html">report</a>');
      expect(html).toContain('not run: the security mode &quot;ssl3&quot; is unknown');

      // The canary is in no file written, nor on the terminal.
      for (const name of files) expect(await readFile(join(outDir, name), 'utf8')).not.toContain(CANARY);
      expect(result.stdout + result.stderr).not.toContain(CANARY);
      // Nor anywhere else in the data folder (the accounts file, the run history).
      for (const entry of await readdir(env.dataDir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile())
          expect(await readFile(join(entry.parentPath, entry.name), 'utf8')).not.toContain(CANARY);
      }
    },
    BATCH_TIMEOUT_MS,
  );

  it('exits 0 when every row ran, and 1 with --fail-on when a report has findings at or above it', async () => {
    const file = join(env.dataDir, 'domains.csv');
    await writeFile(file, 'client,email or domain,host,port,security,user\nBeta,beta.test,,,,\n');
    const args = ['audit', '--batch', file, '--dns', knot.server];
    const plain = await cli([...args, '--out-dir', join(env.dataDir, 'plain')]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toContain('1 audited.');
    // SPF "+all" lets anyone send as beta.test: well above medium.
    const strict = await cli([...args, '--out-dir', join(env.dataDir, 'strict'), '--fail-on', 'medium']);
    expect(strict.code, strict.stderr).toBe(1);
    expect(await readdir(join(env.dataDir, 'strict'))).toContain('index.html');
  });

  it.each([
    [['--batch', 'x.csv'], '--batch needs --out-dir'],
    [
      ['--batch', 'x.csv', '--out-dir', 'o', '--concurrency', '33'],
      '--concurrency must be a whole number from 1 to 32',
    ],
    [['--batch', 'x.csv', '--out-dir', 'o', 'acme.test'], 'give no account, domain, --host or --out'],
    [['--batch', '/nonexistent/clients.csv', '--out-dir', 'o'], 'Cannot read the batch file'],
    [['acme.test', '--out-dir', 'o'], '--concurrency and --out-dir go with --batch'],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const result = await cli(['audit', ...argv]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('refuses a file over 5 MB, over 10,000 rows or with a bad header before running anything', async () => {
    const big = join(env.dataDir, 'big.csv');
    await writeFile(
      big,
      `client,email or domain,host,port,security,user\n${'x,a.test,,,,\n'.repeat(500_000)}`,
    );
    const tooBig = await cli(['audit', '--batch', big, '--out-dir', join(env.dataDir, 'o1')]);
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toMatch(/is 6\.2 MB; the limit for a batch file is 5 MB/);
    await expect(readdir(join(env.dataDir, 'o1'))).rejects.toThrow(/ENOENT/);

    const long = join(env.dataDir, 'long.csv');
    await writeFile(
      long,
      `client,email or domain,host,port,security,user\n${'x,a.test,,,,\n'.repeat(10_001)}`,
    );
    const tooLong = await cli(['audit', '--batch', long, '--out-dir', join(env.dataDir, 'o3')]);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain('The file has more than 10,000 rows after the header (the limit)');

    const headerless = join(env.dataDir, 'headerless.csv');
    await writeFile(headerless, 'Acme,acme.test,,,,\n');
    const bad = await cli(['audit', '--batch', headerless, '--out-dir', join(env.dataDir, 'o2')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'The first line must be the header client,email or domain,host,port,security,user',
    );
  });

  it(
    'Ctrl-C keeps the finished report, stops the running audit and marks the rest cancelled in the index',
    async () => {
      // A server that accepts and never greets: the audit of it runs until its deadlines or a cancel.
      const sockets = new Set<Socket>();
      const stall: Server = createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
      const stallPort = String((stall.address() as { port: number }).port);
      const dataDir = await makeTempDir();
      const file = join(dataDir, 'clients.csv');
      await writeFile(
        file,
        [
          'client,email or domain,host,port,security,user',
          'Acme,acme.test,,,,',
          `Slow,srv.test,127.0.0.1,${stallPort},starttls,`,
          `Later,beta.test,127.0.0.1,${stallPort},starttls,`,
          'Last,beta.test,,,,',
        ].join('\n'),
      );
      const outDir = join(dataDir, 'out');
      try {
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            'main/cli/main.ts',
            'audit',
            '--batch',
            file,
            '--out-dir',
            outDir,
            '--concurrency',
            '1',
            '--dns',
            knot.server,
            '--port-map',
            `smtp=${stallPort},submissions=${stallPort},submission=${stallPort}`,
          ],
          {
            cwd: process.cwd(),
            env: { ...process.env, MAILWARDEN_DATA_DIR: dataDir },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let stderr = '';
        let interrupted = false;
        let interruptedAt = 0;
        child.stderr.on('data', (data: Buffer) => {
          stderr += data.toString();
          // The first row (DNS only) is done and the stalled one has started: now press Ctrl-C.
          if (!interrupted && stderr.includes('[1/4]')) {
            interrupted = true;
            setTimeout(() => {
              interruptedAt = Date.now();
              child.kill('SIGINT');
            }, 300);
          }
        });
        const code = await new Promise<number | null>((resolve, reject) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`the batch did not stop after Ctrl-C: ${stderr}`));
          }, CANCEL_TIMEOUT_MS - 5_000);
          child.on('exit', (exitCode) => {
            clearTimeout(timer);
            resolve(exitCode);
          });
        });
        expect(code, stderr).toBe(130);
        // Cancelled at once, not after the stalled checks' own deadlines.
        expect(Date.now() - interruptedAt).toBeLessThan(CANCEL_PROMPT_MS);
        expect(stderr).toContain('Cancelling: finished reports are kept');

        const index = csvRows(await readFile(join(outDir, 'index.csv'), 'utf8'));
        expect(index.slice(1).map((row) => [row[0], row[3]])).toEqual([
          ['2', 'done'],
          ['3', 'cancelled while running (partial report)'],
          ['4', 'cancelled before it started'],
          ['5', 'cancelled before it started'],
        ]);
        const finished = JSON.parse(
          await readFile(join(outDir, '00002-acme-acme.test.json'), 'utf8'),
        ) as AuditReport;
        expect(finished).toMatchObject({ cancelled: false, target: { label: 'acme.test' } });
        const partial = JSON.parse(
          await readFile(join(outDir, '00003-slow-srv.test.json'), 'utf8'),
        ) as AuditReport;
        expect(partial.cancelled).toBe(true);
        expect(await readFile(join(outDir, 'index.html'), 'utf8')).toContain('The batch was cancelled.');
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) =>
          stall.close(() => {
            resolve();
          }),
        );
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    CANCEL_TIMEOUT_MS,
  );
});
