import { createServer } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../preload/contract/audit';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../helpers/auth-smtp-server';
import { runCliInProcess } from '../../helpers/cli-harness';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { getTestPki, type TestPki } from '../../helpers/test-certificates';
import { createTestServices, type TestServices } from '../../helpers/test-services';

const CANARY = 'Canary-audit-3e8b!';
const USER = 'ann@mail.test';
const TOKEN = 'ya29.canary-token-7c1d';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return typeof address === 'object' && address !== null ? address.port : 0;
}

describe('mailwarden audit', () => {
  let knot: KnotServer;
  let smtp: AuthSmtpServer;
  let pki: TestPki;
  let env: TestServices;
  let portMap: string;
  const cli = (argv: readonly string[], stdin?: string) =>
    runCliInProcess(argv, {
      dataDir: env.dataDir,
      keychainService: env.keychainService,
      ...(stdin === undefined ? {} : { stdin }),
    });

  beforeAll(async () => {
    pki = await getTestPki();
    const leaf = await pki.leaf('good', 'smtp.mail.test');
    // authOptional: mail is accepted without logging in, from anyone to anyone: an open relay.
    smtp = await startAuthSmtpServer({
      user: { username: USER, password: CANARY, token: TOKEN },
      certPem: leaf.certPem,
      keyPem: leaf.keyPem,
      extra: { authOptional: true },
    });
    knot = await startKnot({
      'mail.test': [
        'smtp IN A 127.0.0.1',
        '@ IN MX 10 smtp.mail.test.',
        '@ IN TXT "v=spf1 ip4:127.0.0.1 -all"',
        '_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@mail.test"',
      ].join('\n'),
    });
    portMap = `smtp=${String(await closedPort())},submissions=${String(await closedPort())},submission=${String(smtp.port)}`;
    env = await createTestServices();
  });
  afterAll(async () => {
    await smtp.close();
    await knot.stop();
    await env.cleanup();
  });

  it('audits an ad hoc server end to end: reaches it, logs in over verified TLS, finds the open relay, leaks nothing', async () => {
    const result = await cli(
      [
        'audit',
        '--host',
        'smtp.mail.test',
        '--port',
        String(smtp.port),
        '--security',
        'starttls',
        '--user',
        USER,
        '--password-stdin',
        '--dns',
        knot.server,
        '--ca',
        pki.caPath,
        '--port-map',
        portMap,
        '--only',
        'smtp,tls,auth,relay',
        '--format',
        'json',
      ],
      CANARY,
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as AuditReport;
    const ids = report.findings.map((f) => f.id);
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'Mailwarden' },
      target: { kind: 'server', host: 'smtp.mail.test' },
    });
    expect(ids).toContain('smtp.reach.ok');
    expect(ids).toContain('smtp.reach.refused');
    expect(ids).toContain('auth.login.accepted');
    expect(report.findings.find((f) => f.id === 'relay.open')?.severity).toBe('critical');
    // After logging in, the server lets the account send as a stranger.
    expect(ids).toContain('spoofing.foreign-domain.accepted');
    expect(report.findings[0]?.severity).toBe('critical');
    expect(report.transcript.length).toBeGreaterThan(0);
    expect(result.stderr).toMatch(/Running \d+ checks/);
    // The canary is nowhere: not in the report, the transcript, the progress, nor what the server logged.
    expect(result.stdout + result.stderr).not.toContain(CANARY);
    expect(smtp.log.join('\n')).not.toContain(CANARY);
    // Relay and spoofing tests stop at RCPT: the server never saw DATA.
    expect(smtp.commands).not.toContain('DATA');
  });

  it('logs in with an OAuth 2.0 token from stdin (XOAUTH2), and the token leaks nowhere', async () => {
    const result = await cli(
      [
        'audit',
        '--host',
        'smtp.mail.test',
        '--port',
        String(smtp.port),
        '--security',
        'starttls',
        '--user',
        USER,
        '--oauth-token-stdin',
        '--dns',
        knot.server,
        '--ca',
        pki.caPath,
        '--port-map',
        portMap,
        '--only',
        'auth',
        '--format',
        'json',
      ],
      TOKEN,
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as AuditReport;
    const accepted = report.findings.find((f) => f.id === 'auth.login.accepted');
    expect(accepted?.evidence['mechanism']).toBe('XOAUTH2');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it('audits a bare domain from DNS and writes a text report to a file', async () => {
    const out = join(env.dataDir, 'report.txt');
    const result = await cli(['audit', 'mail.test', '--only', 'dns', '--dns', knot.server, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).toContain('Mailwarden audit of mail.test');
    expect(text).toMatch(/DKIM/);
    expect(text).toMatch(/^Findings: /m);
    expect(result.stderr).toContain('Report written to');
  });

  it('audits a saved account with the password from the keychain', async () => {
    const added = await cli(
      [
        'accounts',
        'add',
        '--email',
        USER,
        '--host',
        'smtp.mail.test',
        '--port',
        String(smtp.port),
        '--security',
        'starttls',
        '--password-stdin',
      ],
      CANARY,
    );
    expect(added.code).toBe(0);
    const result = await cli([
      'audit',
      USER,
      '--only',
      'auth',
      '--dns',
      knot.server,
      '--ca',
      pki.caPath,
      '--port-map',
      portMap,
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as AuditReport;
    expect(report.target).toMatchObject({ kind: 'account', label: USER });
    expect(report.findings.map((f) => f.id)).toContain('auth.login.accepted');
    expect(result.stdout + result.stderr).not.toContain(CANARY);
  });

  it('a full account audit judges the domain with what the server probes saw (TLS for the bulk-sender rules)', async () => {
    const result = await cli([
      'audit',
      USER,
      '--dns',
      knot.server,
      '--ca',
      pki.caPath,
      '--port-map',
      portMap,
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as AuditReport;
    const ids = report.findings.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining(['smtp.reach.ok', 'auth.login.accepted', 'spf.record.found', 'bulk.tls.pass']),
    );
    expect(result.stdout + result.stderr).not.toContain(CANARY);
  });

  it.each([
    [['audit'], 'Name one saved account'],
    [['audit', 'x.test', '--only', 'smtp,ftp'], '--only takes'],
    [['audit', 'x.test', '--format', 'xml'], '--format must be'],
    [['audit', '--host', 'h.test', '--port', '70000', '--security', 'tls'], 'Port must be'],
    [['audit', '--host', 'h.test', '--port', '25', '--security', 'ssl'], '--security must be'],
    [['audit', 'nobody@x.test'], 'no saved account'],
    [['audit', 'x.test', '--ca', '/nonexistent/ca.pem'], 'Cannot read the CA file'],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
