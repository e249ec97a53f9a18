/**
 * The printed report opens with a one-page summary a consultant can hand to a bakery owner: the verdict,
 * the grades with their caps, the fix plan and who does what fit one A4 page and one Letter page, even for
 * a weak account; the technical appendix starts on a page of its own. Pages are counted in the PDF that
 * Debian's Chromium prints, as the app's PDF export does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../../preload/contract/audit';
import type { AuditCoverage } from '../../../../preload/contract/coverage';
import type { Evidence } from '../../../../preload/contract/findings';
import { assembleReport } from '../../../../main/core/audit/assemble-report';
import { findingFactory } from '../../../../main/core/findings/finding-factory';
import { FINDINGS_CATALOGUE } from '../../../../main/core/knowledge/catalogue';
import { buildClientReport } from '../../../../main/core/report/client-report';
import { renderClientHtml } from '../../../../main/core/report/render-client-html';
import { renderHtml } from '../../../../main/core/report/render-html';
import { startChromiumPdfPrinter, type ChromiumPdfPrinter } from '../../../helpers/chromium-pdf-printer';
import { pdfPageSizes } from '../../../helpers/pdf-page-sizes';

const fromCatalogue = findingFactory(Object.fromEntries(FINDINGS_CATALOGUE));
const HOST = 'mail.bakery.test';

/** A weak account: old TLS on two ports, login before encryption, an expired certificate, an open relay,
 * forgeable senders, and a domain with no DMARC, soft SPF and no MTA-STS or TLS-RPT. */
function weakReport(): AuditReport {
  const onPort = (id: string, port: number, evidence: Evidence = {}) =>
    fromCatalogue(
      id,
      `${id.startsWith('relay') ? 'relay' : (id.split('.')[0] ?? 'x')}:${HOST}:${String(port)}`,
      {
        host: HOST,
        port,
        ...evidence,
      },
    );
  const onDomain = (id: string, evidence: Evidence = {}) =>
    fromCatalogue(id, `${id.split('.')[0] ?? 'x'}:bakery.test`, { domain: 'bakery.test', ...evidence });
  const findings = [
    ...[465, 587].flatMap((port) => [
      onPort('tls.protocol.tls1_0-accepted', port),
      onPort('tls.protocol.tls1_1-accepted', port),
    ]),
    // Evidence as the checks set it, so every slot of the words is filled (the wording guard checks).
    onPort('tls.expiry.expired', 587, { validTo: '2026-10-01T00:00:00.000Z', daysAgo: 65 }),
    onPort('auth.cleartext.offered', 587, { mechanismsBeforeTls: ['PLAIN', 'LOGIN'] }),
    onPort('relay.open', 587, {
      address: '192.0.2.25',
      from: 'relay-test@mailwarden.invalid',
      to: 'relay-test@example.net',
      tls: true,
      mailReply: { code: 250, enhancedCode: '2.1.0', text: 'Ok' },
      rcptReply: { code: 250, enhancedCode: '2.1.5', text: 'Ok' },
    }),
    ...[
      ['spoofing.foreign-domain.accepted', 'someone@example.net'],
      ['spoofing.same-domain.accepted', 'boss@bakery.test'],
    ].map(([id = '', from = '']) =>
      onPort(id, 587, {
        account: 'frontdesk@bakery.test',
        from,
        mailReply: { code: 250, enhancedCode: '2.1.0', text: 'Ok' },
        rcptReply: { code: 250, enhancedCode: '2.1.5', text: 'Ok' },
      }),
    ),
    onDomain('dmarc.record.missing', {
      recordName: '_dmarc.bakery.test',
      orgDomain: '',
      nextRecord: 'v=DMARC1; p=none; rua=mailto:dmarc-reports@bakery.test',
      walked: ['_dmarc.bakery.test: none'],
    }),
    ...['bulk.dmarc-policy.fail', 'bulk.dmarc-alignment.fail'].map((id) =>
      onDomain(id, {
        dmarcRecord: null,
        dmarcPolicy: null,
        requiredBy: ['Gmail, senders of 5,000+ messages a day', 'Yahoo, bulk senders'],
      }),
    ),
    onDomain('spf.all.softfail', { record: 'v=spf1 mx ~all' }),
    onDomain('mta-sts.record.missing', {
      recordName: '_mta-sts.bakery.test',
      policyHost: 'mta-sts.bakery.test',
      policyUrl: 'https://mta-sts.bakery.test/.well-known/mta-sts.txt',
      suggestedRecord: 'v=STSv1; id=20261205000000',
      suggestedPolicy: 'version: STSv1\nmode: testing\nmx: mail.bakery.test\nmax_age: 86400',
    }),
    onDomain('tls-rpt.record.missing', {
      recordName: '_smtp._tls.bakery.test',
      suggestedRecord: 'v=TLSRPTv1; rua=mailto:tls-reports@bakery.test',
    }),
    onDomain('dkim.selector.not-found', { selector: 'default', name: 'default._domainkey.bakery.test' }),
  ];
  const coverage: AuditCoverage = {
    checks: [
      'smtp-reach',
      'smtp-dialogue',
      'tls',
      'auth',
      'relay',
      'spoofing',
      'spf',
      'dkim',
      'dmarc',
      'mx',
    ].map((kind) => ({
      checkId: `${kind}:${HOST}`,
      title: kind,
      area: 'dns' as const,
      status: 'ran' as const,
      blockedBy: null,
    })),
    blockers: [],
  };
  return assembleReport({
    tool: { name: 'Mailwarden', version: 'test' },
    target: {
      kind: 'account',
      label: 'Bakery front desk',
      domain: 'bakery.test',
      host: HOST,
      port: 587,
      security: 'starttls',
    },
    startedAt: '2026-12-05T10:00:00.000Z',
    finishedAt: '2026-12-05T10:00:01.000Z',
    cancelled: false,
    findings,
    transcript: [],
    coverage,
  });
}

/** The document up to the appendix's page break: without the appendix and the footer that closes it. */
const summaryOnly = (html: string): string =>
  html.replace(/<div class="appendix">[\s\S]*<\/footer>/, '</main>');

describe('the printed single-account report', () => {
  let printer: ChromiumPdfPrinter;
  const report = weakReport();
  const html = renderHtml(report);

  beforeAll(async () => {
    printer = await startChromiumPdfPrinter();
  });
  afterAll(async () => {
    await printer.close();
  });

  it('is a weak account with a real plan to print', () => {
    expect(report.score.overall?.grade).toBe('F');
    expect(report.plan.actions.length).toBeGreaterThanOrEqual(8);
    expect(summaryOnly(html)).not.toContain('Technical appendix');
    expect(summaryOnly(html)).toContain(report.plan.actions.at(-1)?.title ?? '-');
  });

  it.each(['A4', 'Letter'] as const)(
    'fits its summary on one %s page, then starts the appendix on a new page',
    async (paper) => {
      const printed = await printer.print(summaryOnly(html), paper);
      const summary = pdfPageSizes(printed);
      expect(summary).toHaveLength(1);
      const whole = pdfPageSizes(await printer.print(html, paper));
      expect(whole.length).toBeGreaterThanOrEqual(2);
    },
  );

  it.each(['A4', 'Letter'] as const)(
    'prints a client report as one page for the client and one per account before the appendices (%s)',
    async (paper) => {
      const accounts = ['Front desk', 'Orders', 'Owner'].map((label, index) => {
        const one = weakReport();
        return {
          runId: `run-${String(index)}`,
          accountId: `acc-${String(index)}`,
          report: { ...one, target: { ...one.target, label } },
        };
      });
      const clientHtml = renderClientHtml(buildClientReport('Bakery', accounts, '2026-12-05T11:00:00.000Z'));
      const beforeAppendices = clientHtml.replace(
        /<section class="client-appendix"[\s\S]*<\/footer>/,
        '</main>',
      );
      expect(beforeAppendices).not.toContain('Technical appendix');
      expect(pdfPageSizes(await printer.print(beforeAppendices, paper))).toHaveLength(1 + accounts.length);
      expect(pdfPageSizes(await printer.print(clientHtml, paper)).length).toBeGreaterThan(
        1 + accounts.length,
      );
    },
  );
});
