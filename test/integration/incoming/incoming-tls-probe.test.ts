/**
 * The SMTP side's TLS probe on IMAP and POP3 ports of real Dovecot: a good server (TLS 1.2/1.3 only, a
 * certificate from the test CA), one that speaks only TLS 1.0 and 1.1, and one with a self-signed
 * certificate; through STARTTLS (143), STLS (110) and implicit TLS (993, 995). Each Dovecot starts once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeIncomingTls } from '../../../main/core/incoming/incoming-tls-probe';
import type { Finding } from '../../../preload/contract/findings';
import { oneNameResolver, startDovecot, type DovecotServer } from '../../helpers/dovecot-server';
import { REAL_SERVER_LINE_LIMITS, testIncomingContext } from '../../helpers/incoming-probe-context';
import { startLegacyServerHello } from '../../helpers/legacy-server-hello';
import { getTestPki, type TestPki } from '../../helpers/test-certificates';

const HOST = 'mail.test';
const USERS = [{ username: 'alice', password: 'not-the-canary' }];

let pki: TestPki;
let good: DovecotServer;
let legacy: DovecotServer;
let selfSigned: DovecotServer;

beforeAll(async () => {
  pki = await getTestPki();
  const [leaf, ownLeaf] = await Promise.all([pki.leaf('good', HOST), pki.leaf('self-signed', HOST)]);
  [good, legacy, selfSigned] = await Promise.all([
    startDovecot({ ...leaf, users: USERS }),
    startDovecot({ ...leaf, users: USERS, legacyTlsOnly: true }),
    startDovecot({ ...ownLeaf, users: USERS }),
  ]);
}, 30_000);

afterAll(async () => {
  await Promise.all([good.stop(), legacy.stop(), selfSigned.stop()]);
});

const ids = (findings: readonly Finding[]): string[] => findings.map((f) => f.id);
const context = (protocol: 'imap' | 'pop3', server: DovecotServer, trustTestCa = true) =>
  testIncomingContext(protocol, HOST, oneNameResolver(HOST, server.address), {
    ...(trustTestCa ? { extraCaPem: pki.caPem } : {}),
    limits: REAL_SERVER_LINE_LIMITS,
  });

describe('the TLS checks on an incoming server', () => {
  it('IMAP STARTTLS on a good Dovecot: modern versions only, a trusted certificate for the name, the suite classes judged', async () => {
    const result = await probeIncomingTls(context('imap', good), {
      port: good.ports.imap,
      security: 'starttls',
    });
    const found = ids(result.findings);
    expect(found).toEqual(
      expect.arrayContaining([
        'tls.protocol.modern',
        'tls.protocol.old-rejected',
        'tls.chain.trusted',
        'tls.name.matched',
        'tls.expiry.valid',
        // Dovecot's stock cipher list still takes CBC suites: the suite enumeration ran through IMAP too.
        'tls.suites.cbc',
        // The DEFLATE hello went after its own STARTTLS exchange, and Debian's OpenSSL picks no compression.
        'tls.compression.off',
      ]),
    );
    expect(found).not.toContain('tls.protocol.tls1_0-accepted');
    expect(found).not.toContain('tls.chain.untrusted');
    // The findings carry the incoming check's id, so the report and the caps know which server they are about.
    const checkId = `imap-tls:${HOST}:${String(good.ports.imap)}`;
    expect(result.findings.every((finding) => finding.checkId === checkId)).toBe(true);
    // Every handshake went through the IMAP STARTTLS exchange: its words are in the transcript.
    expect(result.transcript.some((line) => line.direction === 'client' && /STARTTLS/.test(line.text))).toBe(
      true,
    );
  });

  it('POP3 on 995 and after STLS on 110 give the same certificate verdict', async () => {
    const [implicit, stls] = await Promise.all([
      probeIncomingTls(context('pop3', good), { port: good.ports.pop3s, security: 'implicit-tls' }),
      probeIncomingTls(context('pop3', good), { port: good.ports.pop3, security: 'starttls' }),
    ]);
    expect(ids(implicit.findings)).toEqual(
      expect.arrayContaining(['tls.chain.trusted', 'tls.compression.off']),
    );
    expect(ids(stls.findings)).toEqual(expect.arrayContaining(['tls.chain.trusted', 'tls.compression.off']));
    expect(stls.transcript.some((line) => line.direction === 'client' && line.text === 'STLS')).toBe(true);
  });

  it('a Dovecot speaking only TLS 1.0 and 1.1 is reported as such on 993 and 143', async () => {
    const [implicit, starttls] = await Promise.all([
      probeIncomingTls(context('imap', legacy), { port: legacy.ports.imaps, security: 'implicit-tls' }),
      probeIncomingTls(context('imap', legacy), { port: legacy.ports.imap, security: 'starttls' }),
    ]);
    for (const result of [implicit, starttls]) {
      expect(ids(result.findings)).toEqual(
        expect.arrayContaining([
          'tls.protocol.tls1_0-accepted',
          'tls.protocol.tls1_1-accepted',
          'tls.protocol.no-modern',
        ]),
      );
    }
  });

  it('a self-signed certificate on 993 is the SMTP side’s own finding, with its fingerprint', async () => {
    const result = await probeIncomingTls(context('imap', selfSigned, false), {
      port: selfSigned.ports.imaps,
      security: 'implicit-tls',
    });
    const found = ids(result.findings);
    expect(found).toContain('tls.certificate.self-signed');
    expect(found).not.toContain('tls.chain.trusted');
  });
});

describe('TLS compression (CRIME) on an incoming server', () => {
  it('an IMAP server that picks DEFLATE after STARTTLS is reported, from its own ServerHello', async () => {
    const appliance = await startLegacyServerHello({ compressionMethod: 1, imapStarttls: true });
    try {
      const result = await probeIncomingTls(
        testIncomingContext('imap', HOST, oneNameResolver(HOST, '127.0.0.1'), {
          limits: REAL_SERVER_LINE_LIMITS,
        }),
        { port: appliance.port, security: 'starttls' },
      );
      const enabled = result.findings.filter((finding) => finding.id === 'tls.compression.enabled');
      expect(enabled).toHaveLength(1);
      expect(enabled[0]?.severity).toBe('medium');
      expect(enabled[0]?.evidence).toMatchObject({ port: appliance.port, methodName: 'DEFLATE' });
      expect(enabled[0]?.checkId).toBe(`imap-tls:${HOST}:${String(appliance.port)}`);
      // The hello offered DEFLATE before null (RFC 3749), and reached the server only after STARTTLS.
      expect(appliance.offeredCompression).toContainEqual([1, 0]);
      expect(
        result.transcript.some((line) => line.direction === 'client' && /STARTTLS/.test(line.text)),
      ).toBe(true);
    } finally {
      await appliance.stop();
    }
  });
});
