/**
 * The incoming server's TLS judged as the sending server's is, through `mailwarden audit` of saved
 * accounts: a real smtp-server for sending (modern TLS, trusted certificate), real Dovecot for reading
 * (one that speaks only TLS 1.0 and 1.1, one with a self-signed certificate), a Knot zone naming them and
 * the real keychain. The caps of docs/scoring.md apply to the account's incoming port, and the fix plan
 * names it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../preload/contract/audit';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../helpers/auth-smtp-server';
import { runCliIn, type CliResult } from '../../helpers/cli-harness';
import { auditPortMap } from '../../helpers/audit-port-map';
import { startDovecot, type DovecotServer } from '../../helpers/dovecot-server';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { getTestPki } from '../../helpers/test-certificates';
import { createTestServices, type TestServices } from '../../helpers/test-services';

const USER = 'ann@mail.test';
const PASSWORD = 'not-a-canary-tls-side';

let smtp: AuthSmtpServer;
let knot: KnotServer;
let legacy: DovecotServer;
let selfSigned: DovecotServer;
let env: TestServices;
let caPath: string;

const cli = (argv: readonly string[], stdin?: string): Promise<CliResult> => runCliIn(env, argv, stdin);

async function portMap(dovecot: DovecotServer): Promise<string[]> {
  const map = await auditPortMap({ submission: smtp.port, incoming: dovecot.ports });
  return ['--dns', knot.server, '--ca', caPath, '--port-map', map];
}

async function addAccount(email: string, host: string, port: number): Promise<void> {
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
      '--incoming-protocol',
      'imap',
      '--incoming-host',
      host,
      '--incoming-port',
      String(port),
      '--incoming-security',
      'tls',
      '--password-stdin',
    ],
    PASSWORD,
  );
  expect(added.code, added.stderr).toBe(0);
}

async function audit(email: string, dovecot: DovecotServer): Promise<AuditReport> {
  const result = await cli([
    'audit',
    email,
    '--format',
    'json',
    '--no-relay-test',
    '--only',
    'smtp,tls,auth,imap',
    ...(await portMap(dovecot)),
  ]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as AuditReport;
}

beforeAll(async () => {
  const pki = await getTestPki();
  caPath = pki.caPath;
  const [smtpLeaf, oldLeaf, ownLeaf] = await Promise.all([
    pki.leaf('good', 'smtp.mail.test'),
    pki.leaf('good', 'old.mail.test'),
    pki.leaf('self-signed', 'own.mail.test'),
  ]);
  const users = [{ username: USER, password: PASSWORD }];
  [smtp, legacy, selfSigned] = await Promise.all([
    startAuthSmtpServer({
      user: { username: USER, password: PASSWORD },
      certPem: smtpLeaf.certPem,
      keyPem: smtpLeaf.keyPem,
    }),
    startDovecot({ ...oldLeaf, users, legacyTlsOnly: true }),
    startDovecot({ ...ownLeaf, users }),
  ]);
  knot = await startKnot({
    'mail.test': [
      'smtp IN A 127.0.0.1',
      `old IN A ${legacy.address}`,
      `own IN A ${selfSigned.address}`,
      '@ IN MX 10 smtp.mail.test.',
    ].join('\n'),
  });
  env = await createTestServices();
  await addAccount('old@mail.test', 'old.mail.test', legacy.ports.imaps);
  await addAccount('own@mail.test', 'own.mail.test', selfSigned.ports.imaps);
}, 60_000);

afterAll(async () => {
  await Promise.all([smtp.close(), legacy.stop(), selfSigned.stop(), knot.stop()]);
  await env.cleanup();
});

describe('mailwarden audit: the incoming server’s TLS', () => {
  it('an IMAP server speaking only TLS 1.0 and 1.1 caps the grade at C, with one plan action naming its ports', async () => {
    const report = await audit('old@mail.test', legacy);
    const legacyFindings = report.findings.filter((finding) => finding.checkId.startsWith('imap-tls:'));
    expect(legacyFindings.map((finding) => finding.id)).toEqual(
      expect.arrayContaining([
        'tls.protocol.tls1_0-accepted',
        'tls.protocol.tls1_1-accepted',
        'tls.protocol.no-modern',
      ]),
    );
    // The sending server is modern: every old-version finding is the incoming server's.
    expect(
      report.findings
        .filter((f) => f.id === 'tls.protocol.no-modern')
        .every((f) => f.checkId.startsWith('imap-tls:')),
    ).toBe(true);
    const rules = (report.score.overall?.caps ?? []).map((cap) => cap.rule);
    expect(rules).toContain('no-modern-tls');
    expect(report.score.overall?.grade ?? 'none').toMatch(/^[CDF]$/);
    const action = report.plan.actions.find((candidate) =>
      candidate.findings.some((ref) => ref.id === 'tls.protocol.no-modern'),
    );
    expect(action?.where).toEqual(
      expect.arrayContaining([expect.stringContaining(String(legacy.ports.imaps))]),
    );
    // Old TLS is still TLS: the port is reached and talked to; the login, at today's settings, is not.
    const imapChecks = (report.coverage?.checks ?? []).filter((check) => check.area === 'imap');
    expect(imapChecks.filter((check) => check.status !== 'ran')).toEqual([]);
    const encryption = report.score.areas.find((area) => area.area === 'encryption');
    // Every encryption check ran except the suites Node's OpenSSL cannot offer at all (docs/scoring.md).
    expect(encryption?.status).toBe('partly-tested');
    expect(encryption?.why).toEqual([expect.stringContaining('cannot offer')]);
  }, 90_000);

  it('a self-signed certificate on the port the mail program reads from caps the grade at D and stops the login', async () => {
    const report = await audit('own@mail.test', selfSigned);
    const ids = report.findings.map((finding) => finding.id);
    expect(ids).toContain('tls.certificate.self-signed');
    expect(ids).toContain('imap.login.not-attempted');
    const cap = (report.score.overall?.caps ?? []).find(
      (candidate) => candidate.rule === 'untrusted-certificate',
    );
    expect(cap?.grade).toBe('D');
    expect(cap?.reason).toContain(
      `the certificate on port ${String(selfSigned.ports.imaps)}, which the mail program reads mail from, is self-signed`,
    );
    expect(report.score.overall?.grade ?? 'none').toMatch(/^[DF]$/);
  }, 90_000);
});
