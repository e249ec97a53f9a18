import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../preload/contract/audit';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../helpers/auth-smtp-server';
import { startHostileServer, type HostileServer } from '../../helpers/hostile-smtp-servers';
import { runCliIn } from '../../helpers/cli-harness';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { getTestPki, type TestPki } from '../../helpers/test-certificates';
import { createTestServices, type TestServices } from '../../helpers/test-services';
import { auditPortMap } from '../../helpers/audit-port-map';

const CANARY = 'Canary-audit-3e8b!';
const USER = 'ann@mail.test';
const TOKEN = 'ya29.canary-token-7c1d';
/** The "wait for a server" saved for the hanging-server test, against the 15 s default. */
const SHORT_WAIT_SECONDS = 2;
const MARGIN_MS = 2_500;

describe('mailwarden audit', () => {
  let knot: KnotServer;
  let smtp: AuthSmtpServer;
  let silent: HostileServer;
  let pki: TestPki;
  let env: TestServices;
  let portMap: string;
  const cli = (argv: readonly string[], stdin?: string) => runCliIn(env, argv, stdin);

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
        'hang IN A 127.0.0.1',
        '@ IN TXT "v=spf1 ip4:127.0.0.1 -all"',
        '_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@mail.test"',
      ].join('\n'),
    });
    portMap = await auditPortMap({ submission: smtp.port });
    silent = await startHostileServer('no-greeting');
    env = await createTestServices();
  });
  afterAll(async () => {
    await silent.close();
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
      schemaVersion: 2,
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

  it('evaluates the domain SPF for each --ip sender address, and keeps them in the report recipe', async () => {
    const result = await cli([
      'audit',
      'mail.test',
      '--only',
      'dns',
      '--dns',
      knot.server,
      '--ip',
      '127.0.0.1',
      '--ip',
      '198.51.100.7',
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).not.toBe(2);
    const report = JSON.parse(result.stdout) as {
      findings: { id: string; evidence: Record<string, unknown> }[];
      evidence?: { audit?: { spfSenderIps?: string[] } };
    };
    const verdicts = report.findings
      .filter((finding) => finding.id.startsWith('spf.evaluation.'))
      .map((finding): [string, string, unknown] => [
        String(finding.evidence['ip']),
        finding.id,
        finding.evidence['role'],
      ])
      .sort(([a], [b]) => a.localeCompare(b));
    expect(verdicts).toEqual([
      ['127.0.0.1', 'spf.evaluation.pass', 'A sender'],
      ['198.51.100.7', 'spf.evaluation.fail', 'A sender'],
    ]);
    expect(report.evidence?.audit?.spfSenderIps).toEqual(['127.0.0.1', '198.51.100.7']);
  });

  it('--parked checks what a domain that sends no mail needs instead of DKIM and the bulk-sender rules', async () => {
    const result = await cli([
      'audit',
      'mail.test',
      '--only',
      'dns',
      '--dns',
      knot.server,
      '--parked',
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).not.toBe(2);
    const report = JSON.parse(result.stdout) as {
      findings: { id: string }[];
      evidence?: { audit?: { parked?: boolean } };
    };
    const found = report.findings.map((finding) => finding.id);
    expect(found).toEqual(
      expect.arrayContaining([
        'bulk.parked.not-applicable',
        'spf.parked.not-fail-all',
        'dmarc.parked.reject',
        'mx.parked.no-null-mx',
      ]),
    );
    expect(found).not.toContain('dkim.discovery.none-found');
    expect(report.evidence?.audit?.parked).toBe(true);
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

  it('trusts the CA saved in Settings without --ca, and --ca adds to it rather than replacing it', async () => {
    const args = [
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
      '--port-map',
      portMap,
      '--only',
      'tls,auth',
      '--format',
      'json',
    ];
    const ids = (stdout: string) => (JSON.parse(stdout) as AuditReport).findings.map((f) => f.id);
    try {
      const untrusted = await cli(args, CANARY);
      expect(untrusted.code, untrusted.stderr).toBe(0);
      expect(ids(untrusted.stdout)).toContain('tls.chain.untrusted');
      expect(ids(untrusted.stdout)).not.toContain('auth.login.accepted');

      await env.services.settings.update({ extraCaPem: pki.caPem });
      const trusted = await cli(args, CANARY);
      expect(trusted.code, trusted.stderr).toBe(0);
      expect(ids(trusted.stdout)).toContain('tls.chain.trusted');
      expect(ids(trusted.stdout)).toContain('auth.login.accepted');

      // Another CA saved (a self-signed certificate) plus the test CA from --ca: both are trusted.
      const other = await pki.leaf('self-signed', 'other.test');
      await env.services.settings.update({ extraCaPem: other.certPem });
      const alone = await cli(args, CANARY);
      expect(ids(alone.stdout)).toContain('tls.chain.untrusted');
      const both = await cli([...args, '--ca', pki.caPath], CANARY);
      expect(ids(both.stdout)).toContain('auth.login.accepted');
      expect(trusted.stdout + trusted.stderr + both.stdout + both.stderr).not.toContain(CANARY);
    } finally {
      await env.services.settings.update({ extraCaPem: null });
    }
  });

  it('--batch uses the CA saved in Settings too', async () => {
    const file = join(env.dataDir, 'one.csv');
    const outDir = join(env.dataDir, 'batch-reports');
    await writeFile(
      file,
      `client,email or domain,host,port,security,user\nAcme,srv.test,smtp.mail.test,${String(smtp.port)},starttls,\n`,
    );
    try {
      await env.services.settings.update({ extraCaPem: pki.caPem });
      const result = await cli([
        'audit',
        '--batch',
        file,
        '--out-dir',
        outDir,
        '--dns',
        knot.server,
        '--port-map',
        portMap,
        '--only',
        'tls',
      ]);
      expect(result.code, result.stderr).toBe(0);
      const name = (await readdir(outDir)).find(
        (entry) => entry.startsWith('00002-') && entry.endsWith('.json'),
      );
      const report = JSON.parse(await readFile(join(outDir, name ?? 'missing'), 'utf8')) as AuditReport;
      const found = report.findings.map((f) => f.id);
      expect(found).toContain('tls.chain.trusted');
      expect(found).not.toContain('tls.chain.untrusted');
    } finally {
      await env.services.settings.update({ extraCaPem: null });
    }
  });

  it('gives up on a server that never greets after the wait saved in Settings', async () => {
    try {
      await env.services.settings.update({
        timeouts: { serverWaitSeconds: SHORT_WAIT_SECONDS, auditLimitSeconds: 60 },
      });
      const started = Date.now();
      const result = await cli([
        'audit',
        '--host',
        'hang.mail.test',
        '--port',
        String(silent.port),
        '--security',
        'starttls',
        '--dns',
        knot.server,
        '--port-map',
        portMap,
        '--only',
        'smtp',
        '--format',
        'json',
      ]);
      const elapsed = Date.now() - started;
      expect(result.code, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as AuditReport).findings.map((f) => f.id)).toContain(
        'smtp.reach.no-greeting',
      );
      expect(elapsed).toBeGreaterThanOrEqual(SHORT_WAIT_SECONDS * 1_000 - 100);
      expect(elapsed).toBeLessThan(SHORT_WAIT_SECONDS * 1_000 * 2 + MARGIN_MS);
    } finally {
      await env.services.settings.update({ timeouts: { serverWaitSeconds: 15, auditLimitSeconds: 120 } });
    }
  });

  it('refuses a --ca file holding a private key, without echoing it', async () => {
    const leaf = await pki.leaf('good', 'smtp.mail.test');
    const result = await cli(['audit', 'x.test', '--ca', leaf.keyPath]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds a private key');
    expect(result.stderr).not.toContain(leaf.keyPem.split('\n')[1]);
  });

  it.each([
    [['audit'], 'Name one saved account'],
    [['audit', 'x.test', '--only', 'smtp,ftp'], '--only takes'],
    [['audit', 'x.test', '--format', 'xml'], '--format must be'],
    [['audit', '--host', 'h.test', '--port', '70000', '--security', 'tls'], '--port must be a whole number'],
    [['audit', '--host', 'h.test', '--port', '25', '--security', 'ssl'], '--security must be'],
    [['audit', 'nobody@x.test'], 'no saved account'],
    [['audit', 'x.test', '--ca', '/nonexistent/ca.pem'], 'Cannot read the CA file'],
    [
      [
        'audit',
        'x.test',
        ...Array.from({ length: 101 }, (_, i) => ['--dkim-selector', `s${String(i)}`]).flat(),
      ],
      'at most 100 selectors',
    ],
    [['audit', 'x.test', '--ip', 'mail.x.test'], '--ip takes an IPv4 or IPv6 address'],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
