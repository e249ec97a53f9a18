import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../preload/contract/audit';
import { parseAuditReport } from '../../../main/core/report/report-schema';
import { FIXTURE_USER, startAuditFixture, type AuditFixture } from '../../helpers/audit-fixture';

const CANARY = 'Canary-report-7d1f!';
/** What AUTH PLAIN would put on the wire for this password (RFC 4616: authzid NUL authcid NUL passwd). */
const CANARY_AUTH_PLAIN = Buffer.from(`\0${FIXTURE_USER}\0${CANARY}`).toString('base64');
const CANARY_FORMS = [CANARY, CANARY_AUTH_PLAIN, Buffer.from(CANARY).toString('base64')];

describe('mailwarden audit --format and --fail-on', () => {
  let fixture: AuditFixture;

  beforeAll(async () => {
    fixture = await startAuditFixture(CANARY);
  });
  afterAll(async () => {
    await fixture.close();
  });

  it.each(['text', 'json', 'md', 'html', 'csv'])(
    'writes a %s report that logged in with the password and holds it nowhere',
    async (format) => {
      const out = join(fixture.env.dataDir, `report.${format}`);
      const result = await fixture.cli(
        [...fixture.serverAuditArgs, '--format', format, '--out', out],
        CANARY,
      );
      expect(result.code, result.stderr).toBe(0);
      const written = await readFile(out, 'utf8');
      // The login really happened with the canary, so there was something to leak.
      expect(written).toMatch(/auth\.login\.accepted|Login (on \S+ port \d+ )?(works|succeeded)|logged in/i);
      // The formats that carry the transcript show the login with its secret replaced.
      const redactedLogin = format === 'html' ? 'AUTH PLAIN &lt;redacted&gt;' : 'AUTH PLAIN <redacted>';
      if (['json', 'md', 'html'].includes(format)) expect(written).toContain(redactedLogin);
      for (const form of CANARY_FORMS) {
        expect(written).not.toContain(form);
        expect(result.stdout + result.stderr).not.toContain(form);
      }
    },
  );

  it('writes JSON that its schema accepts unchanged, score and evidence included', async () => {
    const result = await fixture.cli(
      [
        'accounts',
        'add',
        '--email',
        FIXTURE_USER,
        '--host',
        'smtp.mail.test',
        '--port',
        String(fixture.smtp.port),
        '--security',
        'starttls',
        '--password-stdin',
      ],
      CANARY,
    );
    expect(result.code, result.stderr).toBe(0);
    const audit = await fixture.cli(['audit', FIXTURE_USER, ...fixture.environmentArgs, '--format', 'json']);
    expect(audit.code, audit.stderr).toBe(0);
    const raw: unknown = JSON.parse(audit.stdout);
    const report: AuditReport = parseAuditReport(raw);
    // Nothing was dropped: every field the audit wrote is one the schema knows.
    expect(report).toEqual(raw);
    expect(report.findings.map((finding) => finding.id)).toEqual(
      expect.arrayContaining(['relay.open', 'dmarc.policy.quarantine', 'auth.login.accepted']),
    );
    expect(report.score.areas.length).toBeGreaterThan(0);
    expect(audit.stdout).not.toContain(CANARY);
  });

  it('prints HTML, Markdown and CSV to standard output when there is no --out', async () => {
    const domainAudit = (format: string) =>
      fixture.cli(['audit', 'mail.test', '--only', 'dns', '--dns', fixture.knot.server, '--format', format]);
    const [html, md, csv] = await Promise.all([domainAudit('html'), domainAudit('md'), domainAudit('csv')]);
    expect(html.stdout).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html.stdout).toContain('<h1>mail.test</h1>');
    expect(md.stdout).toMatch(/^# Mail security report: mail\.test\n/);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      '"id","checkId","severity","title","target","explanation","firstFixStep","recordToPublish","references"',
    );
    expect(csv.stdout).toContain('"dmarc.policy.quarantine",');
  });

  describe('--fail-on', () => {
    // The DNS-only audit of mail.test finds at worst "high" (its MX is a loopback address) and nothing critical.
    const dnsAudit = (failOn: string) =>
      fixture.cli([
        'audit',
        'mail.test',
        '--only',
        'dns',
        '--dns',
        fixture.knot.server,
        '--format',
        'json',
        '--fail-on',
        failOn,
      ]);

    it('exits 1 when a finding is at or above the threshold, and still writes the report', async () => {
      const result = await dnsAudit('high');
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as AuditReport;
      expect(report.findings.some((finding) => finding.severity === 'high')).toBe(true);
    });

    it('exits 0 when nothing reaches the threshold', async () => {
      // The server's TLS is sound: nothing at or above "low".
      const result = await fixture.cli(
        [...fixture.serverAuditArgs, '--only', 'tls', '--format', 'json', '--fail-on', 'low'],
        CANARY,
      );
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as AuditReport;
      expect(report.findings.map((finding) => finding.id)).toContain('tls.chain.trusted');
      expect(report.findings.every((finding) => ['pass', 'info'].includes(finding.severity))).toBe(true);
    });

    it('exits 1 on an open relay at --fail-on critical', async () => {
      const result = await fixture.cli(
        [...fixture.serverAuditArgs, '--only', 'relay', '--fail-on', 'critical'],
        CANARY,
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('[CRITICAL]');
    });

    it.each([
      [['--fail-on', 'severe'], '--fail-on takes one of info, low, medium, high, critical'],
      [['--fail-on', 'pass'], '--fail-on takes one of'],
      [['--format', 'pdf'], '--format must be one of text, json, md, html, csv'],
    ])('exits 2 for %j', async (extra, message) => {
      const result = await fixture.cli(['audit', 'mail.test', ...extra]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
    });

    it('exits 3 when the report cannot be written after the audit ran', async () => {
      // /dev/full takes the write and answers ENOSPC, as a full disk would. (A path that can never be
      // written, such as one under a regular file, is refused before the audit: exit 2, out-target.test.ts.)
      const result = await fixture.cli([
        'audit',
        'mail.test',
        '--only',
        'dns',
        '--dns',
        fixture.knot.server,
        '--format',
        'csv',
        '--out',
        '/dev/full',
      ]);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('/dev/full');
    });
  });
});
