import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../../preload/contract/audit';
import { GRADES } from '../../../../preload/contract/score';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { createDnsWireClient } from '../../../../main/adapters/dns-wire-client';
import { createHttpsFetcher } from '../../../../main/adapters/https-fetcher';
import { createNodemailerLogin } from '../../../../main/adapters/smtp/nodemailer-auth';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import { runAudit, type AuditDeps } from '../../../../main/core/audit/audit-runner';
import { scoreAreaOf } from '../../../../main/core/score/score-areas';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { dkimRecord } from '../../../helpers/dkim-record';

const WIRE_TIMEOUT_MS = 3_000;
const AUDIT_DEADLINE_MS = 20_000;

describe('the score of a real domain audit', () => {
  let knot: KnotServer;
  let deps: AuditDeps;
  const audit = (domain: string, dkimSelectors: readonly string[]): Promise<AuditReport> =>
    runAudit(
      { kind: 'domain', domain, dkimSelectors },
      { areas: ['dns'], relayTest: false, overallDeadlineMs: AUDIT_DEADLINE_MS },
      deps,
      { runId: `score-${domain}`, signal: new AbortController().signal },
    );

  beforeAll(async () => {
    knot = await startKnot({
      // Everything a domain should publish to authenticate its mail.
      'good.test': [
        'mx IN A 127.0.0.1',
        '@ IN MX 10 mx.good.test.',
        '@ IN TXT "v=spf1 ip4:127.0.0.1 -all"',
        '_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@good.test"',
        `mail._domainkey IN TXT ${dkimRecord()}`,
      ].join('\n'),
      // Receives mail, but nothing says who may send it: anyone can forge it.
      'bare.test': ['mx IN A 127.0.0.1', '@ IN MX 10 mx.bare.test.'].join('\n'),
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
  });
  afterAll(async () => {
    await knot.stop();
  });

  it('grades domain authentication from the findings the report carries, and leaves server areas untested', async () => {
    const good = await audit('good.test', ['mail']);
    const bare = await audit('bare.test', []);
    for (const report of [good, bare]) {
      expect(report.score, report.target.label).toBeDefined();
      const domainAuth = report.score.areas.find((a) => a.area === 'domain-authentication');
      expect(domainAuth?.label).toBe('Domain authentication');
      expect(GRADES).toContain(domainAuth?.grade);
      // Its counts are the report's SPF, DKIM, DMARC and BIMI findings, by severity.
      const own = report.findings.filter((f) => scoreAreaOf(f.id) === 'domain-authentication');
      expect(own.length).toBeGreaterThan(0);
      expect(Object.values(domainAuth?.counts ?? {}).reduce((sum, n) => sum + n, 0)).toBe(own.length);
      // A bare-domain audit never logged in nor tried to relay: those areas are "not tested", not 100.
      for (const untested of ['login', 'abuse-protection'])
        expect(report.score.areas.find((a) => a.area === untested)).toMatchObject({
          score: null,
          grade: null,
        });
      expect(report.score.overall).not.toBeNull();
    }
    const gradeOf = (report: AuditReport) =>
      report.score.areas.find((a) => a.area === 'domain-authentication');
    // SPF -all, a valid DKIM key and DMARC p=reject: a good grade.
    expect(gradeOf(good)?.score).toBeGreaterThanOrEqual(80);
    expect(good.findings.map((f) => f.id)).toEqual(
      expect.arrayContaining(['dkim.key.ok', 'dmarc.policy.reject']),
    );
    // No SPF, no DMARC, no DKIM: a failing grade.
    expect(gradeOf(bare)).toMatchObject({ grade: 'F' });
    expect(bare.findings.map((f) => f.id)).toEqual(
      expect.arrayContaining(['spf.record.missing', 'dmarc.record.missing']),
    );
  });
});
