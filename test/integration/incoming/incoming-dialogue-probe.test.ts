/**
 * The IMAP and POP3 dialogue probe against real Dovecot: a good server (no password before TLS), one that
 * takes the password in the clear, and a certificate the system does not trust (judged by the TLS check,
 * test/integration/incoming/incoming-tls-probe.test.ts, not here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeIncomingDialogue } from '../../../main/core/incoming/incoming-dialogue-probe';
import { oneNameResolver, startDovecot, type DovecotServer } from '../../helpers/dovecot-server';
import { REAL_SERVER_LINE_LIMITS, testIncomingContext } from '../../helpers/incoming-probe-context';
import { getTestPki, type TestPki } from '../../helpers/test-certificates';

const HOST = 'mail.test';
const USERS = [{ username: 'alice', password: 'not-the-canary' }];

let pki: TestPki;
let good: DovecotServer;
let plaintext: DovecotServer;

beforeAll(async () => {
  pki = await getTestPki();
  const leaf = await pki.leaf('good', HOST);
  [good, plaintext] = await Promise.all([
    startDovecot({ certPem: leaf.certPem, keyPem: leaf.keyPem, users: USERS }),
    startDovecot({ certPem: leaf.certPem, keyPem: leaf.keyPem, users: USERS, plaintextLogin: true }),
  ]);
}, 30_000);

afterAll(async () => {
  await Promise.all([good.stop(), plaintext.stop()]);
});

const ids = (findings: readonly { id: string }[]): string[] => findings.map((f) => f.id);

describe('IMAP on Dovecot', () => {
  it('finds no password before TLS, STARTTLS working, and the capabilities after it', async () => {
    const ctx = testIncomingContext('imap', HOST, oneNameResolver(HOST, good.address), {
      extraCaPem: pki.caPem,
      limits: REAL_SERVER_LINE_LIMITS,
    });
    const result = await probeIncomingDialogue(ctx, { port: good.ports.imap, security: 'starttls' });
    const found = ids(result.findings);
    expect(found).toContain('imap.login.disabled-before-tls');
    expect(found).toContain('imap.capability.after-tls');
    expect(found).not.toContain('imap.login.cleartext-offered');
    const after = result.findings.find((f) => f.id === 'imap.capability.after-tls');
    expect(after?.evidence['before']).toContain('LOGINDISABLED');
    expect(after?.evidence['after']).not.toContain('LOGINDISABLED');
  });

  it('reports LOGIN and AUTH=PLAIN offered before TLS as high', async () => {
    const ctx = testIncomingContext('imap', HOST, oneNameResolver(HOST, plaintext.address), {
      extraCaPem: pki.caPem,
      limits: REAL_SERVER_LINE_LIMITS,
    });
    const result = await probeIncomingDialogue(ctx, { port: plaintext.ports.imap, security: 'starttls' });
    const offered = result.findings.find((f) => f.id === 'imap.login.cleartext-offered');
    expect(offered?.severity).toBe('high');
    expect(offered?.evidence['cleartextMethods']).toEqual(
      expect.arrayContaining(['the LOGIN command', 'AUTHENTICATE PLAIN']),
    );
  });

  it('talks IMAP over implicit TLS on the imaps port and reads the software from ID', async () => {
    const ctx = testIncomingContext('imap', HOST, oneNameResolver(HOST, good.address), {
      extraCaPem: pki.caPem,
      limits: REAL_SERVER_LINE_LIMITS,
    });
    const result = await probeIncomingDialogue(ctx, { port: good.ports.imaps, security: 'implicit-tls' });
    expect(ids(result.findings)).toContain('imap.software.disclosed');
  });

  it('leaves the certificate to the TLS check: an untrusted one neither stops the dialogue nor is judged twice', async () => {
    // No extra CA: the test CA is unknown to the system store. incoming-tls-probe.test.ts judges it.
    const ctx = testIncomingContext('imap', HOST, oneNameResolver(HOST, good.address), {
      limits: REAL_SERVER_LINE_LIMITS,
    });
    const result = await probeIncomingDialogue(ctx, { port: good.ports.imaps, security: 'implicit-tls' });
    expect(ids(result.findings)).toContain('imap.software.disclosed');
    expect(ids(result.findings).filter((id) => id.startsWith('tls.'))).toEqual([]);
  });
});

describe('POP3 on Dovecot', () => {
  it('finds no USER/PASS before STLS on a good server', async () => {
    const ctx = testIncomingContext('pop3', HOST, oneNameResolver(HOST, good.address), {
      extraCaPem: pki.caPem,
      limits: REAL_SERVER_LINE_LIMITS,
    });
    const result = await probeIncomingDialogue(ctx, { port: good.ports.pop3, security: 'starttls' });
    expect(ids(result.findings)).toContain('pop3.login.disabled-before-tls');
    expect(ids(result.findings)).toContain('pop3.capability.after-tls');
  });

  it('reports USER/PASS before STLS as high', async () => {
    const ctx = testIncomingContext('pop3', HOST, oneNameResolver(HOST, plaintext.address), {
      extraCaPem: pki.caPem,
      limits: REAL_SERVER_LINE_LIMITS,
    });
    const result = await probeIncomingDialogue(ctx, { port: plaintext.ports.pop3, security: 'starttls' });
    const offered = result.findings.find((f) => f.id === 'pop3.login.cleartext-offered');
    expect(offered?.severity).toBe('high');
    expect(offered?.evidence['cleartextMethods']).toContain('USER/PASS');
  });
});
