/**
 * Domain audits (planDomainChecks through runAudit) on real Knot zones: parked domains (RFC 7505 Null MX,
 * "v=spf1 -all" with no MX, or --parked) get what a parked domain needs instead of DKIM and bulk-sender
 * demands, and a valid 1024-bit DKIM key counts as DKIM for the bulk-sender rules.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../../preload/contract/audit';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { createDnsWireClient } from '../../../../main/adapters/dns-wire-client';
import { createHttpsFetcher } from '../../../../main/adapters/https-fetcher';
import { createNodemailerLogin } from '../../../../main/adapters/smtp/nodemailer-auth';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import { runAudit, type AuditDeps } from '../../../../main/core/audit/audit-runner';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { zoneTxt } from '../../../helpers/zone-txt';

const WIRE_TIMEOUT_MS = 3_000;
const AUDIT_DEADLINE_MS = 20_000;

function dkimRecord(bits: number): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return zoneTxt(`v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`);
}

let knot: KnotServer;
let deps: AuditDeps;

const audit = (
  domain: string,
  options: { selectors?: string[]; parked?: boolean; spfSenderIps?: string[] } = {},
): Promise<AuditReport> =>
  runAudit(
    { kind: 'domain', domain, dkimSelectors: options.selectors ?? [] },
    {
      areas: ['dns'],
      relayTest: false,
      overallDeadlineMs: AUDIT_DEADLINE_MS,
      ...(options.parked === true ? { parked: true } : {}),
      ...(options.spfSenderIps === undefined ? {} : { spfSenderIps: options.spfSenderIps }),
    },
    deps,
    { runId: `domain-${domain}`, signal: new AbortController().signal },
  );

const ids = (report: AuditReport): string[] => report.findings.map((finding) => finding.id);

beforeAll(async () => {
  knot = await startKnot({
    // RFC 7505 Null MX, everything a parked domain should publish.
    'nullmx.test': ['@ MX 0 .', '@ TXT "v=spf1 -all"', '_dmarc TXT "v=DMARC1; p=reject"'].join('\n'),
    // "-all" and no MX, but a DMARC policy that does not reject.
    'failall.test': ['@ TXT "v=spf1 -all"', '_dmarc TXT "v=DMARC1; p=none"', 'www A 192.0.2.8'].join('\n'),
    // A sending domain the user says is parked.
    'declared.test': ['mx A 192.0.2.9', '@ MX 10 mx.declared.test.', '@ TXT "v=spf1 mx ~all"'].join('\n'),
    // A sending domain with a 1024-bit key: weaker than recommended, still DKIM.
    'rsa1024.test': [
      'mx A 192.0.2.10',
      '@ MX 10 mx.rsa1024.test.',
      '@ TXT "v=spf1 ip4:192.0.2.10 -all"',
      '_dmarc TXT "v=DMARC1; p=reject"',
      `s1._domainkey TXT ${dkimRecord(1024)}`,
    ].join('\n'),
    // Sends from 192.0.2.11 only; any other server reaches "~all".
    'softsender.test': [
      'mx A 192.0.2.11',
      '@ MX 10 mx.softsender.test.',
      '@ TXT "v=spf1 ip4:192.0.2.11 ~all"',
      '_dmarc TXT "v=DMARC1; p=reject"',
    ].join('\n'),
  });
  const server = { host: knot.address, port: knot.port };
  const resolver = createDnsResolver({ server });
  deps = {
    resolver,
    wire: createDnsWireClient({ server, timeoutMs: WIRE_TIMEOUT_MS }),
    fetcher: createHttpsFetcher({ resolver }),
    connector: createSmtpConnector(),
    login: createNodemailerLogin(),
    clock: { now: () => new Date() },
    toolVersion: 'test',
  };
}, 30_000);

afterAll(async () => {
  await knot.stop();
});

describe('parked domains', () => {
  it('asks a Null MX domain for no DKIM and no bulk-sender rules, and passes its -all, p=reject and Null MX', async () => {
    const report = await audit('nullmx.test');
    const found = ids(report);
    expect(found).not.toContain('dkim.discovery.none-found');
    expect(found.filter((id) => id.startsWith('bulk.'))).toEqual(['bulk.parked.not-applicable']);
    expect(report.findings.find((f) => f.id === 'bulk.parked.not-applicable')?.evidence).toMatchObject({
      reason: 'null-mx',
    });
    expect(found).toEqual(
      expect.arrayContaining(['spf.parked.fail-all', 'dmarc.parked.reject', 'mx.parked.null-mx']),
    );
  });

  it('treats "v=spf1 -all" with no MX as parked, and asks for p=reject and a Null MX', async () => {
    const report = await audit('failall.test');
    const found = ids(report);
    expect(found).not.toContain('dkim.discovery.none-found');
    const notReject = report.findings.find((f) => f.id === 'dmarc.parked.not-reject');
    expect(notReject).toMatchObject({
      severity: 'high',
      evidence: { reason: 'spf-fail-all-no-mx', policy: 'none' },
    });
    expect(notReject?.fix.record).toEqual({
      type: 'TXT',
      name: '_dmarc.failall.test',
      value: 'v=DMARC1; p=reject;',
    });
    expect(report.findings.find((f) => f.id === 'mx.parked.no-null-mx')?.severity).toBe('low');
    expect(found).toContain('spf.parked.fail-all');
  });

  it('checks a domain the user declares parked (--parked), even with MX records and a sending SPF record', async () => {
    const report = await audit('declared.test', { parked: true });
    const spf = report.findings.find((f) => f.id === 'spf.parked.not-fail-all');
    expect(spf).toMatchObject({
      severity: 'high',
      evidence: { reason: 'declared', record: 'v=spf1 mx ~all' },
    });
    expect(spf?.fix.record?.value).toBe('v=spf1 -all');
    expect(ids(report)).toEqual(expect.arrayContaining(['dmarc.parked.not-reject', 'mx.parked.no-null-mx']));
    expect(ids(report).filter((id) => id.startsWith('bulk.'))).toEqual(['bulk.parked.not-applicable']);
    // Without --parked it is an ordinary sending domain.
    const ordinary = await audit('declared.test');
    expect(ids(ordinary).some((id) => id.includes('.parked.'))).toBe(false);
    expect(ids(ordinary)).toContain('dkim.discovery.none-found');
  });
});

describe('the bulk-sender rules and DKIM key size', () => {
  it('counts a valid 1024-bit key as DKIM (a key-size warning, not "DKIM: no")', async () => {
    const report = await audit('rsa1024.test', { selectors: ['s1'] });
    expect(report.findings.find((f) => f.id === 'dkim.key.rsa-weak')?.evidence).toMatchObject({ bits: 1024 });
    const both = report.findings.find((f) => f.id.startsWith('bulk.spf-and-dkim.'));
    expect(both?.id).toBe('bulk.spf-and-dkim.pass');
    expect(both?.evidence).toMatchObject({ dkimSelectorsWithKeys: ['s1'] });
  });
});

describe('SPF verdicts for the addresses a user asks about (--ip)', () => {
  it('reports an address the record does not list as a soft fail, with a fix-plan action for whoever runs DNS', async () => {
    const report = await audit('softsender.test', { spfSenderIps: ['203.0.113.40'] });
    const soft = report.findings.find((f) => f.id === 'spf.evaluation.softfail');
    expect(soft).toMatchObject({
      severity: 'medium',
      checkId: 'spf:softsender.test:ip:203.0.113.40',
      title: '203.0.113.40 is not listed in the SPF record of softsender.test (soft fail)',
    });
    const action = report.plan.actions.find((candidate) =>
      candidate.findings.some((ref) => ref.id === 'spf.evaluation.softfail'),
    );
    expect(action).toMatchObject({ severity: 'medium', who: 'dns' });
    expect(action?.steps.join(' ')).toContain('ip4:/ip6:');
  });
});
