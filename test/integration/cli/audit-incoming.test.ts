/**
 * A saved account with an incoming server, audited end to end by `mailwarden audit`: a real smtp-server
 * for sending, real Dovecot for reading (one good, one offering the password before TLS), a Knot zone
 * naming both, the real keychain. The Incoming mail area is graded from what ran, the fix plan and every
 * report format carry it, and the canary password is nowhere: not in Dovecot's log, nor in any output or
 * file of Mailwarden's.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../preload/contract/audit';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../helpers/auth-smtp-server';
import { runCliIn, type CliResult } from '../../helpers/cli-harness';
import { auditPortMap } from '../../helpers/audit-port-map';
import { closedPort } from '../../helpers/closed-port';
import { startDovecot, type DovecotServer } from '../../helpers/dovecot-server';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { getTestPki } from '../../helpers/test-certificates';
import { createTestServices, type TestServices } from '../../helpers/test-services';

const USER = 'ann@mail.test';
const CANARY = 'CANARY-7d2e-both-sides';

let smtp: AuthSmtpServer;
let knot: KnotServer;
let good: DovecotServer;
let cleartext: DovecotServer;
let env: TestServices;
let caPath: string;
const outputs: string[] = [];

const cli = async (argv: readonly string[], stdin?: string): Promise<CliResult> => {
  const result = await runCliIn(env, argv, stdin);
  outputs.push(result.stdout, result.stderr);
  return result;
};

/** The SMTP ports and the incoming server's standard ports, mapped onto the test servers. */
async function environment(dovecot: DovecotServer): Promise<string[]> {
  const portMap = await auditPortMap({ submission: smtp.port, incoming: dovecot.ports });
  return ['--dns', knot.server, '--ca', caPath, '--port-map', portMap];
}

async function addAccount(email: string, incoming: readonly string[]): Promise<void> {
  const added = await cli(
    [
      'accounts',
      'add',
      '--email',
      email,
      '--user',
      USER,
      '--host',
      'smtp.mail.test',
      '--port',
      String(smtp.port),
      '--security',
      'starttls',
      ...incoming,
      '--password-stdin',
    ],
    CANARY,
  );
  expect(added.code, added.stderr).toBe(0);
}

beforeAll(async () => {
  const pki = await getTestPki();
  caPath = pki.caPath;
  const smtpLeaf = await pki.leaf('good', 'smtp.mail.test');
  const imapLeaf = await pki.leaf('good', 'imap.mail.test');
  const oldLeaf = await pki.leaf('good', 'old.mail.test');
  const users = [{ username: USER, password: CANARY }];
  [smtp, good, cleartext] = await Promise.all([
    startAuthSmtpServer({
      user: { username: USER, password: CANARY },
      certPem: smtpLeaf.certPem,
      keyPem: smtpLeaf.keyPem,
    }),
    startDovecot({ ...imapLeaf, users, inboxMessages: 3, logPasswords: true }),
    startDovecot({ ...oldLeaf, users, plaintextLogin: true, logPasswords: true }),
  ]);
  knot = await startKnot({
    'mail.test': [
      'smtp IN A 127.0.0.1',
      `imap IN A ${good.address}`,
      `old IN A ${cleartext.address}`,
      '@ IN MX 10 smtp.mail.test.',
      '@ IN TXT "v=spf1 ip4:127.0.0.1 -all"',
      '_dmarc IN TXT "v=DMARC1; p=reject"',
    ].join('\n'),
  });
  env = await createTestServices();
  await addAccount(USER, [
    '--incoming-protocol',
    'imap',
    '--incoming-host',
    'imap.mail.test',
    '--incoming-port',
    String(good.ports.imaps),
    '--incoming-security',
    'tls',
  ]);
  await addAccount('old@mail.test', [
    '--incoming-protocol',
    'pop3',
    '--incoming-host',
    'old.mail.test',
    '--incoming-port',
    String(cleartext.ports.pop3),
    '--incoming-security',
    'starttls',
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([smtp.close(), good.stop(), cleartext.stop(), knot.stop()]);
  await env.cleanup();
});

describe('mailwarden audit: an account with its incoming server', () => {
  it('tests both sides in one audit: the login and the inbox count over verified TLS, the Incoming mail area graded', async () => {
    const result = await cli([
      'audit',
      USER,
      '--format',
      'json',
      '--no-relay-test',
      ...(await environment(good)),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as AuditReport;
    const ids = report.findings.map((finding) => finding.id);
    expect(ids).toContain('auth.login.accepted');
    expect(ids).toEqual(expect.arrayContaining(['imap.login.accepted', 'imap.mailbox.reachable']));
    expect(
      report.findings.find((finding) => finding.id === 'imap.mailbox.reachable')?.evidence,
    ).toMatchObject({
      messages: 3,
    });
    const incoming = report.score.areas.find((area) => area.area === 'incoming');
    expect(incoming).toMatchObject({ label: 'Incoming mail', status: 'tested' });
    expect(incoming?.grade).not.toBeNull();
    const imapChecks = (report.coverage?.checks ?? []).filter((check) => check.area === 'imap');
    expect(imapChecks.map((check) => check.checkId)).toContain(
      `imap-login:imap.mail.test:${String(good.ports.imaps)}`,
    );
    expect(imapChecks.every((check) => check.status === 'ran')).toBe(true);
  }, 60_000);

  it('reevaluate re-judges the incoming checks from the report alone, without a new login at Dovecot', async () => {
    const reportPath = join(env.dataDir, 'both-sides.json');
    const audited = await cli([
      'audit',
      USER,
      '--format',
      'json',
      '--only',
      'auth,imap',
      '--out',
      reportPath,
      ...(await environment(good)),
    ]);
    expect(audited.code, audited.stderr).toBe(0);
    const original = JSON.parse(await readFile(reportPath, 'utf8')) as AuditReport;
    expect(original.evidence?.incoming?.logins.length).toBe(1);
    expect(JSON.stringify(original.evidence)).not.toContain(CANARY);
    // Dovecot logs each login; a replay that went to the network would add one.
    const logins = async () => ((await good.logs()).match(/Login: user=/g) ?? []).length;
    const loginsBefore = await logins();
    expect(loginsBefore).toBeGreaterThan(0);
    const again = await cli(['reevaluate', reportPath, '--format', 'json']);
    expect(await logins()).toBe(loginsBefore);
    expect(again.code, again.stderr).toBe(0);
    const replayed = JSON.parse(again.stdout) as AuditReport;
    const judged = (report: AuditReport) =>
      report.findings.map((finding) => `${finding.id} ${JSON.stringify(finding.evidence)}`).sort();
    expect(judged(replayed)).toEqual(judged(original));
    expect(replayed.findings.map((finding) => finding.id)).toContain('imap.mailbox.reachable');
    expect(replayed.score.areas.find((area) => area.area === 'incoming')).toEqual(
      original.score.areas.find((area) => area.area === 'incoming'),
    );
  }, 60_000);

  it('ad hoc: audit --host --protocol imap|pop3 tests only that incoming server, the password from stdin', async () => {
    const imap = await cli(
      [
        'audit',
        '--host',
        'imap.mail.test',
        '--port',
        String(good.ports.imaps),
        '--security',
        'tls',
        '--protocol',
        'imap',
        '--user',
        USER,
        '--password-stdin',
        '--format',
        'json',
        ...(await environment(good)),
      ],
      CANARY,
    );
    expect(imap.code, imap.stderr).toBe(0);
    const report = JSON.parse(imap.stdout) as AuditReport;
    expect(new Set((report.coverage?.checks ?? []).map((check) => check.area))).toEqual(new Set(['imap']));
    expect(report.findings.map((finding) => finding.id)).toContain('imap.login.accepted');
    expect(report.score.areas.find((area) => area.area === 'incoming')?.status).toBe('tested');

    const pop3 = await cli([
      'audit',
      '--host',
      'old.mail.test',
      '--port',
      String(cleartext.ports.pop3),
      '--security',
      'starttls',
      '--protocol',
      'pop3',
      '--format',
      'json',
      ...(await environment(cleartext)),
    ]);
    const ids = (JSON.parse(pop3.stdout) as AuditReport).findings.map((finding) => finding.id);
    expect(ids).toEqual(expect.arrayContaining(['pop3.login.cleartext-offered', 'pop3.login.not-attempted']));

    const wrong = await cli(['audit', USER, '--protocol', 'imap']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--protocol goes with --host');
  }, 60_000);

  it("batch: the incoming columns audit an unsaved row's POP3 server (no password) and must match a saved account's", async () => {
    const file = join(env.dataDir, 'clients.csv');
    const outDir = join(env.dataDir, 'batch-out');
    await writeFile(
      file,
      [
        'client,email or domain,host,port,security,user,incoming protocol,incoming host,incoming port,incoming security',
        `Old,carl@mail.test,smtp.mail.test,${String(smtp.port)},starttls,,pop3,old.mail.test,${String(cleartext.ports.pop3)},starttls`,
        `Saved,${USER},,,,,pop3,imap.mail.test,995,tls`,
      ].join('\n'),
    );
    const result = await cli([
      'audit',
      '--batch',
      file,
      '--out-dir',
      outDir,
      '--only',
      'pop3',
      ...(await environment(cleartext)),
    ]);
    expect(result.stderr).toContain("the row's incoming server differs from the saved account's");
    const report = JSON.parse(
      await readFile(join(outDir, '00002-old-carl-mail.test.json'), 'utf8'),
    ) as AuditReport;
    const ids = report.findings.map((finding) => finding.id);
    expect(ids).toEqual(expect.arrayContaining(['pop3.login.cleartext-offered', 'pop3.login.not-attempted']));
    expect(report.score.areas.find((area) => area.area === 'incoming')?.status).toBe('tested');
  }, 60_000);

  it('--only imap runs the incoming checks and nothing of the sending server', async () => {
    const result = await cli([
      'audit',
      USER,
      '--format',
      'json',
      '--only',
      'imap',
      ...(await environment(good)),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as AuditReport;
    expect(new Set((report.coverage?.checks ?? []).map((check) => check.area))).toEqual(new Set(['imap']));
    expect(report.score.areas.find((area) => area.area === 'login')?.status).toBe('not-asked');
    expect(report.score.areas.find((area) => area.area === 'incoming')?.status).toBe('tested');
  }, 60_000);

  it('a POP3 server offering the password before TLS is a high finding with server fixes, in every report format', async () => {
    const args = [
      'audit',
      'old@mail.test',
      '--no-relay-test',
      '--only',
      'pop3',
      ...(await environment(cleartext)),
    ];
    const json = JSON.parse((await cli([...args, '--format', 'json'])).stdout) as AuditReport;
    const offered = json.findings.find((finding) => finding.id === 'pop3.login.cleartext-offered');
    expect(offered?.severity).toBe('high');
    // The server said it is Dovecot: the fix names Dovecot's settings, not Courier's or Exchange's.
    const steps = offered?.fix.steps.join('\n') ?? '';
    expect(steps).toContain('ssl = required');
    expect(steps).not.toMatch(/Courier|Exchange/);
    expect(
      json.plan.actions.some((action) =>
        action.findings.some((ref) => ref.id === 'pop3.login.cleartext-offered'),
      ),
    ).toBe(true);
    for (const format of ['text', 'md', 'html', 'csv']) {
      const rendered = await cli([...args, '--format', format]);
      expect(rendered.code, `${format}: ${rendered.stderr}`).toBe(0);
      // The CSV lists findings only; the other formats show the score with its Incoming mail area.
      if (format !== 'csv') expect(rendered.stdout, format).toContain('Incoming mail');
      expect(rendered.stdout, format).toMatch(
        /POP3 on old\.mail\.test port \d+ accepts the password before encryption/,
      );
    }
  }, 120_000);

  it('an incoming port that does not answer leaves the Incoming mail area partly tested, with the reason', async () => {
    const port = await closedPort();
    const edited = await cli(['accounts', 'edit', USER, '--incoming-port', String(port)]);
    expect(edited.code).toBe(0);
    try {
      const result = await cli([
        'audit',
        USER,
        '--format',
        'json',
        '--only',
        'imap',
        ...(await environment(good)),
      ]);
      const report = JSON.parse(result.stdout) as AuditReport;
      const incoming = report.score.areas.find((area) => area.area === 'incoming');
      expect(incoming?.status).toBe('partly-tested');
      expect(incoming?.why.join(' ')).toContain(
        `imap.mail.test:${String(port)}, the port the mail program uses, did not answer`,
      );
      expect(
        (report.coverage?.checks ?? []).find((check) => check.checkId.startsWith('imap-login:'))?.status,
      ).toBe('not-run');
    } finally {
      await cli(['accounts', 'edit', USER, '--incoming-port', String(good.ports.imaps)]);
    }
  }, 60_000);

  it('the canary password is in no output, no file of Mailwarden and no Dovecot log', async () => {
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) expect(output).not.toContain(CANARY);
    const files = await readdir(env.dataDir, { recursive: true, withFileTypes: true });
    for (const file of files.filter((entry) => entry.isFile())) {
      expect(await readFile(join(file.parentPath, file.name), 'utf8'), file.name).not.toContain(CANARY);
    }
    // Both servers logged every password they saw; neither ever saw the canary in the clear or otherwise
    // failed: the good one only received it inside verified TLS, the clear-text one never received it.
    expect(await good.logs()).not.toContain(CANARY);
    expect(await cleartext.logs()).not.toContain(CANARY);
  });
});
