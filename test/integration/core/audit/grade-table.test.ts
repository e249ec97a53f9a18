/**
 * The grade order of docs/scoring.md, pinned on real servers: smtp-server scenarios on loopback, Knot for
 * DNS. A correct server and domain get an A; each weakness caps the grade where the model says; an audit
 * that could test nothing gets no letter at all.
 */
import type { SMTPServerOptions } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../../preload/contract/audit';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { createDnsWireClient } from '../../../../main/adapters/dns-wire-client';
import { createHttpsFetcher } from '../../../../main/adapters/https-fetcher';
import { createNodemailerLogin } from '../../../../main/adapters/smtp/nodemailer-auth';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import { runAudit, type AuditDeps } from '../../../../main/core/audit/audit-runner';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../../helpers/auth-smtp-server';
import { closedPort } from '../../../helpers/closed-port';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { getTestPki, type LeafKind, type TestPki } from '../../../helpers/test-certificates';
import { dkimRecord } from '../../../helpers/dkim-record';

const HOST = 'smtp.grade.test';
const USER = 'ann@grade.test';
const PASSWORD = 'grade-table-password';
const DEADLINE_MS = 20_000;
/** OpenSSL 3 speaks TLS 1.0 and 1.1 only at security level 0. */
const LEGACY_CIPHERS = 'DEFAULT@SECLEVEL=0';
/** A public address for the MX (the MX check rightly refuses loopback), and its reverse zone. */
const MX_ADDRESS = '93.184.215.14';
const MX_REVERSE_ZONE = '215.184.93.in-addr.arpa';

/** A submission server that only lets the account send as itself, as a careful postmaster sets it up. */
const ownSenderOnly: Partial<SMTPServerOptions> = {
  onMailFrom(address, session, callback) {
    if (session.user === USER && address.address.toLowerCase() !== USER) {
      callback(
        Object.assign(new Error('5.7.1 Sender address rejected: not owned by user'), { responseCode: 553 }),
      );
      return;
    }
    callback();
  },
};

interface Scenario {
  /**
   * Implicit TLS by default: smtp-server advertises AUTH before STARTTLS whatever its options, which is
   * exactly the weakness of the "login before encryption" row.
   */
  readonly security?: 'tls' | 'starttls';
  readonly leaf?: LeafKind;
  readonly allowInsecureAuth?: boolean;
  readonly extra?: Partial<SMTPServerOptions>;
}

describe('the grade table on real servers', () => {
  let knot: KnotServer;
  let pki: TestPki;
  let deps: AuditDeps;
  const servers: AuthSmtpServer[] = [];

  beforeAll(async () => {
    [knot, pki] = await Promise.all([
      startKnot({
        'grade.test': [
          'smtp IN A 127.0.0.1',
          // The MX is a public address (nothing connects to it: it publishes no TLSA), with its PTR below.
          `mx IN A ${MX_ADDRESS}`,
          '@ IN MX 10 mx.grade.test.',
          '@ IN TXT "v=spf1 ip4:127.0.0.1 -all"',
          '_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@grade.test"',
          `mail._domainkey IN TXT ${dkimRecord()}`,
          '_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:tls@grade.test"',
        ].join('\n'),
        [MX_REVERSE_ZONE]: `${MX_ADDRESS.split('.')[3] ?? ''} IN PTR mx.grade.test.`,
      }),
      getTestPki(),
    ]);
    const server = { host: knot.address, port: knot.port };
    const resolver = createDnsResolver({ server });
    deps = {
      resolver,
      wire: createDnsWireClient({ server, timeoutMs: 3_000 }),
      fetcher: createHttpsFetcher({ resolver }),
      connector: createSmtpConnector(),
      login: createNodemailerLogin(),
      clock: { now: () => new Date() },
      toolVersion: 'test',
    };
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await knot.stop();
  });

  async function auditServer(scenario: Scenario, accountPort?: number): Promise<AuditReport> {
    const security = scenario.security ?? 'tls';
    const leaf = await pki.leaf(scenario.leaf ?? 'good', HOST);
    const smtp = await startAuthSmtpServer({
      user: { username: USER, password: PASSWORD },
      certPem: leaf.certPem,
      keyPem: leaf.keyPem,
      allowInsecureAuth: scenario.allowInsecureAuth ?? false,
      extra: { ...ownSenderOnly, secure: security === 'tls', ...scenario.extra },
    });
    servers.push(smtp);
    const port = accountPort ?? smtp.port;
    const closed = await closedPort();
    return runAudit(
      {
        kind: 'server',
        server: {
          host: HOST,
          port,
          security,
          username: USER,
          secret: { kind: 'password', password: PASSWORD },
        },
      },
      {
        relayTest: true,
        extraCaPem: pki.caPem,
        ports: {
          smtp: await closedPort(),
          submissions: security === 'tls' ? port : closed,
          submission: security === 'tls' ? closed : port,
        },
        overallDeadlineMs: DEADLINE_MS,
      },
      deps,
      { runId: 'grade-table', signal: new AbortController().signal },
    );
  }

  const auditDomain = (domain: string, overrides: Partial<AuditDeps> = {}): Promise<AuditReport> =>
    runAudit(
      { kind: 'domain', domain, dkimSelectors: ['mail'] },
      { areas: ['dns'], relayTest: false, overallDeadlineMs: DEADLINE_MS },
      { ...deps, ...overrides },
      { runId: 'grade-table-domain', signal: new AbortController().signal },
    );

  const gradeOf = (report: AuditReport) => report.score.overall?.grade ?? null;
  const capsOf = (report: AuditReport) => report.score.overall?.caps.map((cap) => cap.rule) ?? [];

  it('gives a correct server an A and a correct domain an A, each with the verdict "safe to use"', async () => {
    const server = await auditServer({});
    expect(server.findings.filter((f) => ['high', 'critical'].includes(f.severity)).map((f) => f.id)).toEqual(
      [],
    );
    expect(gradeOf(server), JSON.stringify(server.score.overall)).toBe('A');
    expect(server.plan.verdict.sentence).toMatch(/^Safe to use/);
    const domain = await auditDomain('grade.test');
    expect(gradeOf(domain), JSON.stringify(domain.plan.actions.map((a) => a.id))).toBe('A');
  });

  it('says EXPORT, RC4 and 3DES could not be tested, so Encryption is partly tested, without a finding for it', async () => {
    const server = await auditServer({});
    const encryption = server.score.areas.find((area) => area.area === 'encryption');
    const blocker = server.coverage?.blockers.find((each) => each.kind === 'client-cannot-offer');
    expect(blocker?.message).toBe(
      `Mailwarden's TLS library (OpenSSL 3 in Node.js) cannot offer EXPORT, RC4 or 3DES cipher suites at all, so whether ${HOST} still accepts them could not be tested; a scanner that builds its own handshakes (testssl.sh, sslscan) can tell.`,
    );
    expect(encryption).toMatchObject({ status: 'partly-tested', grade: 'A', why: [blocker?.message] });
    // The same gap on every audit: the area names it, the verdict does not call the run partial (docs/scoring.md).
    expect(server.score.overall?.partial).toBe(false);
    expect(server.plan.verdict.sentence).not.toContain('not everything could be tested');
    // Said once, as coverage: no finding (of any severity) repeats it per port.
    expect(server.findings.filter((f) => /EXPORT|RC4|3DES/.test(f.title)).map((f) => f.id)).toEqual([]);
  });

  it('caps a server that accepts TLS 1.0 and 1.1 at B and says why', async () => {
    const report = await auditServer({ extra: { minVersion: 'TLSv1', ciphers: LEGACY_CIPHERS } });
    expect(report.findings.map((f) => f.id)).toContain('tls.protocol.tls1_0-accepted');
    expect(gradeOf(report)).toBe('B');
    expect(capsOf(report)).toContain('old-tls');
    expect(report.plan.actions.find((a) => a.id === 'tls.old-versions')?.title).toMatch(
      /accepts TLS 1\.0 and 1\.1/,
    );
  });

  it('caps a server that offers login before encryption at C', async () => {
    const report = await auditServer({ security: 'starttls', allowInsecureAuth: true });
    expect(report.findings.map((f) => f.id)).toContain('auth.cleartext.offered');
    expect(gradeOf(report)).toBe('C');
    expect(capsOf(report)[0]).toBe('login-before-encryption');
  });

  it('caps an expired certificate on the account port at D, with the uncapped score beside it', async () => {
    const report = await auditServer({ leaf: 'expired' });
    expect(report.findings.map((f) => f.id)).toContain('tls.expiry.expired');
    expect(gradeOf(report)).toBe('D');
    expect(report.score.overall?.caps[0]?.reason).toMatch(/has expired$/);
    expect(report.score.overall?.uncappedScore).toBeGreaterThan(report.score.overall?.score ?? 100);
  });

  it('fails an open relay and tells the user to stop', async () => {
    const report = await auditServer({ extra: { authOptional: true } });
    expect(
      report.findings.map((f) => f.id),
      JSON.stringify(report.findings.filter((f) => f.id.startsWith('relay')).map((f) => [f.id, f.evidence])),
    ).toContain('relay.open');
    expect(gradeOf(report)).toBe('F');
    expect(report.plan.verdict).toEqual({
      tone: 'stop',
      sentence: 'Stop: anyone on the internet can send mail through this server.',
    });
  });

  it('gives no letter when the server cannot be reached, naming the one cause', async () => {
    const report = await auditServer({}, await closedPort());
    expect(report.score.overall).toBeNull();
    expect(report.plan.verdict.tone).toBe('incomplete');
    expect(report.coverage?.blockers.map((b) => b.kind)).toEqual(['server-unreachable']);
    expect(report.coverage?.checks.filter((c) => c.status === 'ran').map((c) => c.checkId)).toEqual([
      `smtp-reach:${HOST}`,
    ]);
    // Nothing that could not run turned into a finding about the server's login or relaying.
    expect(report.findings.filter((f) => f.id.startsWith('auth.') || f.id.startsWith('relay.'))).toEqual([]);
  });

  it('gives no letter when the resolver is dead, and reports no DNS fault of the domain', async () => {
    const dead = createDnsResolver({ server: { host: '127.0.0.1', port: await closedPort() } });
    const report = await auditDomain('grade.test', { resolver: dead });
    expect(report.score.overall).toBeNull();
    expect(report.coverage?.blockers).toEqual([
      expect.objectContaining({
        kind: 'dns-unreachable',
        message: expect.stringMatching(/could not reach the DNS server 127\.0\.0\.1:\d+\./) as unknown,
      }),
    ]);
    expect(report.findings).toEqual([]);
    expect(report.score.areas.find((a) => a.area === 'domain-authentication')?.status).toBe('not-tested');
  });

  it('says a cancelled run is incomplete, whatever had finished', async () => {
    const controller = new AbortController();
    const running = runAudit(
      { kind: 'domain', domain: 'grade.test', dkimSelectors: [] },
      { areas: ['dns'], relayTest: false, overallDeadlineMs: DEADLINE_MS },
      deps,
      { runId: 'grade-table-cancel', signal: controller.signal },
    );
    controller.abort();
    const report = await running;
    expect(report.cancelled).toBe(true);
    expect(report.score.overall).toBeNull();
    expect(report.plan.verdict.tone).toBe('incomplete');
    expect(report.coverage?.blockers.map((b) => b.kind)).toContain('cancelled');
  });
});
