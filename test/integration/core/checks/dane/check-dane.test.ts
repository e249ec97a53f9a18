import { X509Certificate, createHash, createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsWireClient } from '../../../../../main/adapters/dns-wire-client';
import { checkDane, type DaneCheckResult } from '../../../../../main/core/checks/dane/check-dane';
import type { DnsWireClient } from '../../../../../main/core/dns-wire-port';
import type { CertificateFacts } from '../../../../../main/core/smtp/smtp-channel';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';
import { startSilentDnsServer, type SilentDnsServer } from '../../../../helpers/silent-dns-server';
import { getTestPki } from '../../../../helpers/test-certificates';
import { readTrustAnchors, startUnbound, type UnboundServer } from '../../../../helpers/unbound-server';

/** Certificate facts as the TLS probe reports them, from a PEM file. */
function facts(pem: string): CertificateFacts {
  const cert = new X509Certificate(pem);
  return {
    derBase64: cert.raw.toString('base64'),
    subject: cert.subject,
    issuer: cert.issuer,
    subjectAltNames: cert.subjectAltName?.split(', ') ?? [],
    validFrom: cert.validFrom,
    validTo: cert.validTo,
    serialNumber: cert.serialNumber,
    fingerprintSha256: cert.fingerprint256,
    keyType: cert.publicKey.asymmetricKeyType ?? null,
    keyBits: null,
    signatureAlgorithm: null,
    selfSigned: cert.checkIssued(cert),
  };
}

/** SHA-256 of the whole certificate (TLSA x 0 1), from its fingerprint. */
function certDigest(pem: string): string {
  return new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();
}

/** SHA-256 of the SubjectPublicKeyInfo (TLSA x 1 1), from the public key alone. */
function spkiDigest(pem: string): string {
  const spki = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('hex');
}

let knot: KnotServer;
let unbound: UnboundServer;
let silent: SilentDnsServer;
let wire: DnsWireClient;
let chains: Record<string, CertificateFacts[]>;
let ecdsaSpki: string;

beforeAll(async () => {
  const pki = await getTestPki();
  const [good, ecdsa, ta, taWrongName] = await Promise.all([
    pki.leaf('good', 'mx.signed.test'),
    pki.leaf('ecdsa-p256', 'mx2.signed.test'),
    pki.leaf('good', 'mx3.signed.test'),
    pki.leaf('wrong-name', 'mx4.signed.test'),
  ]);
  const ca = facts(pki.caPem);
  chains = {
    'mx.signed.test': [facts(good.certPem), ca],
    'mx2.signed.test': [facts(ecdsa.certPem), ca],
    'mx3.signed.test': [facts(ta.certPem), ca],
    'mx4.signed.test': [facts(taWrongName.certPem), ca],
    'mx5.signed.test': [facts(good.certPem), ca],
    'mx6.signed.test': [facts(good.certPem), ca],
    'mx.unsigned.test': [facts(good.certPem), ca],
    'mx2.unsigned.test': [facts(ecdsa.certPem), ca],
  };
  ecdsaSpki = spkiDigest(ecdsa.certPem);
  const zones: Record<string, string> = {
    'signed.test': `
@ MX 10 mx.signed.test.
_25._tcp.mx TLSA 3 1 1 ${spkiDigest(good.certPem)}
_25._tcp.mx TLSA 0 0 1 ${certDigest(pki.caPem)}
_25._tcp.mx2 TLSA 3 0 1 ${certDigest(good.certPem)}
_25._tcp.mx3 TLSA 2 0 1 ${certDigest(pki.caPem)}
_25._tcp.mx4 TLSA 2 0 1 ${certDigest(pki.caPem)}
_25._tcp.mx5 TLSA 3 1 1 abcd
_25._tcp.mx7 TLSA 3 1 1 ${spkiDigest(good.certPem)}
`,
    'unsigned.test': `
@ MX 10 mx.unsigned.test.
_25._tcp.mx TLSA 3 1 1 ${spkiDigest(good.certPem)}
_25._tcp.mx2 TLSA 3 1 1 ${spkiDigest(good.certPem)}
`,
    'bogus.test': `_25._tcp.mx TLSA 3 1 1 ${spkiDigest(good.certPem)}`,
  };
  [knot, silent] = await Promise.all([
    startKnot(zones, { signedZones: ['signed.test', 'bogus.test'] }),
    startSilentDnsServer(),
  ]);
  const [anchor = ''] = await readTrustAnchors(knot, ['signed.test']);
  unbound = await startUnbound({
    knot,
    stubZones: Object.keys(zones),
    trustAnchors: [anchor, anchor.replace(/^signed\.test\./, 'bogus.test.')],
  });
  wire = createDnsWireClient({ server: { host: unbound.address, port: unbound.port }, timeoutMs: 3_000 });
});

afterAll(async () => {
  await unbound.stop();
  await Promise.all([knot.stop(), silent.stop()]);
});

async function dane(domain: string, host: string, withChain = true): Promise<DaneCheckResult> {
  const chain = chains[host];
  return checkDane({
    domain,
    mxHosts: [host],
    wire,
    ...(withChain && chain !== undefined ? { certificates: { [host]: chain } } : {}),
  });
}

function ids(result: DaneCheckResult): string[] {
  return result.findings.map((finding) => finding.id);
}

function findingOf(result: DaneCheckResult, id: string): DaneCheckResult['findings'][number] {
  const found = result.findings.find((finding) => finding.id === id);
  if (found === undefined) throw new Error(`no ${id} among ${ids(result).join(', ')}`);
  return found;
}

describe('checkDane', () => {
  it('passes a DNSSEC-signed DANE-EE record that matches the certificate the MX presents', async () => {
    const result = await dane('signed.test', 'mx.signed.test');
    expect(result.mxAuthenticated).toBe(true);
    expect(result.hosts[0]).toMatchObject({ host: 'mx.signed.test', status: 'match', authenticated: true });
    const match = findingOf(result, 'dane.tlsa.match');
    expect(match.severity).toBe('pass');
    expect(match.evidence['matchedCertificate']).toBe('server certificate');
    // The extra PKIX-TA record is unusable for SMTP (RFC 7672 section 3.1.3) and said so.
    expect(findingOf(result, 'dane.tlsa.pkix-usage').severity).toBe('low');
  });

  it('fails hard when the signed TLSA record does not match, and gives the record to publish', async () => {
    const result = await dane('signed.test', 'mx2.signed.test');
    expect(result.hosts[0]?.status).toBe('no-match');
    const noMatch = findingOf(result, 'dane.tlsa.no-match');
    expect(noMatch.severity).toBe('critical');
    expect(noMatch.fix.record).toEqual({
      type: 'TLSA',
      name: '_25._tcp.mx2.signed.test',
      value: `3 1 1 ${ecdsaSpki}`,
    });
  });

  it('matches a DANE-TA record against the issuing certificate in the chain', async () => {
    const result = await dane('signed.test', 'mx3.signed.test');
    expect(result.hosts[0]?.status).toBe('match');
    expect(findingOf(result, 'dane.tlsa.match').evidence['matchedCertificate']).toEqual(
      expect.stringMatching(/certificate 1 of the chain/),
    );
  });

  it('fails a DANE-TA match whose server certificate does not name the MX host', async () => {
    const result = await dane('signed.test', 'mx4.signed.test');
    expect(findingOf(result, 'dane.tlsa.ta-name-mismatch').severity).toBe('high');
    expect(ids(result)).not.toContain('dane.tlsa.match');
  });

  it('reports a TLSA record with a digest of the wrong length as unusable', async () => {
    const result = await dane('signed.test', 'mx5.signed.test');
    expect(findingOf(result, 'dane.tlsa.malformed').evidence['problem']).toEqual(
      expect.stringMatching(/2 bytes/),
    );
    expect(ids(result)).toContain('dane.tlsa.all-unusable');
  });

  it('reports no TLSA record, noting the zone is already signed', async () => {
    const result = await dane('signed.test', 'mx6.signed.test');
    const none = findingOf(result, 'dane.tlsa.none');
    expect(none.severity).toBe('info');
    expect(none.evidence['zoneSigned']).toBe(true);
    expect(none.fix.record?.type).toBe('TLSA');
  });

  it('cannot compare when no certificate was seen, and says so', async () => {
    const result = await dane('signed.test', 'mx7.signed.test', false);
    expect(result.hosts[0]?.status).toBe('not-compared');
    expect(findingOf(result, 'dane.certificate.not-seen').explanation).toMatch(/Cannot tell from here/);
  });

  it('flags TLSA records without DNSSEC (AD=0) as ignored by senders', async () => {
    const result = await dane('unsigned.test', 'mx.unsigned.test');
    expect(result.hosts[0]).toMatchObject({ status: 'insecure', authenticated: false });
    expect(findingOf(result, 'dane.tlsa.insecure').severity).toBe('medium');
    expect(ids(result)).toContain('dane.tlsa.match');
  });

  it('warns that an unsigned mismatch will break delivery once the zone is signed', async () => {
    const result = await dane('unsigned.test', 'mx2.unsigned.test');
    expect(findingOf(result, 'dane.tlsa.no-match-insecure').severity).toBe('medium');
    expect(ids(result)).not.toContain('dane.tlsa.no-match');
  });

  it('says DANE does not apply when the MX records themselves are not validated', async () => {
    const result = await dane('unsigned.test', 'mx.signed.test');
    expect(result.mxAuthenticated).toBe(false);
    expect(ids(result)).toContain('dane.mx.insecure');
  });

  it('reports a bogus (SERVFAIL) TLSA lookup as holding mail back', async () => {
    const result = await dane('bogus.test', 'mx.bogus.test');
    expect(findingOf(result, 'dane.lookup.servfail').severity).toBe('high');
  });

  it('turns a silent resolver into a finding within the deadline', async () => {
    const quiet = createDnsWireClient({ server: { host: '127.0.0.1', port: silent.port }, timeoutMs: 600 });
    const started = Date.now();
    const result = await checkDane({ domain: 'signed.test', mxHosts: ['mx.signed.test'], wire: quiet });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(findingOf(result, 'dane.lookup.failed').evidence['code']).toBe('TIMEOUT');
  });
});
