import { X509Certificate } from 'node:crypto';
import { cliWording } from '../../../../main/cli/cli-wording';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateFacts } from '../../../../main/adapters/smtp/certificate-facts';
import type { CertificateFacts, TlsSessionFacts } from '../../../../main/core/smtp/smtp-channel';
import { analyseCertificate, EXPIRY_WARNING_DAYS } from '../../../../main/core/tls/certificate-analysis';
import { getTestPki, type LeafKind, type TestPki } from '../../../helpers/test-certificates';

const HOST = 'mail.analysis.test';
const SUBJECT = { checkId: `tls:${HOST}:587`, host: HOST, port: 587 };
const DAY_MS = 86_400_000;

let pki: TestPki;
beforeAll(async () => {
  pki = await getTestPki();
});

async function factsOf(kind: LeafKind): Promise<CertificateFacts> {
  const leaf = await pki.leaf(kind, HOST);
  return certificateFacts(new X509Certificate(leaf.certPem).raw);
}

function session(leaf: CertificateFacts | null, authorizationError: string | null): TlsSessionFacts {
  return {
    protocol: 'TLSv1.3',
    cipherName: 'TLS_AES_256_GCM_SHA384',
    cipherStandardName: 'TLS_AES_256_GCM_SHA384',
    authorized: authorizationError === null,
    authorizationError,
    peerChain: leaf === null ? [] : [leaf],
  };
}

function problems(findings: readonly { id: string; severity: string }[]): string[] {
  return findings.filter((finding) => finding.severity !== 'pass').map((finding) => finding.id);
}

describe('analyseCertificate', () => {
  it('passes every check for a good, trusted certificate and names what it saw', async () => {
    const leaf = await factsOf('good');
    const findings = analyseCertificate(session(leaf, null), SUBJECT, new Date());
    expect(findings.map((finding) => finding.id)).toEqual([
      'tls.chain.trusted',
      'tls.name.matched',
      'tls.expiry.valid',
      'tls.key.strong',
      'tls.signature.strong',
    ]);
    expect(findings.every((finding) => finding.checkId === SUBJECT.checkId)).toBe(true);
    const valid = findings.find((finding) => finding.id === 'tls.expiry.valid');
    expect(valid?.evidence['fingerprintSha256']).toBe(leaf.fingerprintSha256);
    expect(valid?.evidence['daysLeft']).toBeGreaterThanOrEqual(364);
  });

  it('judges the dates against the clock it is given, not the real one', async () => {
    const leaf = await factsOf('good');
    const validTo = Date.parse(leaf.validTo);
    const justExpired = analyseCertificate(session(leaf, null), SUBJECT, new Date(validTo + 2 * DAY_MS));
    expect(problems(justExpired)).toEqual(['tls.expiry.expired']);
    expect(justExpired.find((f) => f.id === 'tls.expiry.expired')?.title).toBe(
      'The certificate expired 2 days ago',
    );
    const soon = analyseCertificate(
      session(leaf, null),
      SUBJECT,
      new Date(validTo - (EXPIRY_WARNING_DAYS - 1) * DAY_MS),
    );
    expect(problems(soon)).toEqual(['tls.expiry.soon']);
    const notSoon = analyseCertificate(
      session(leaf, null),
      SUBJECT,
      new Date(validTo - (EXPIRY_WARNING_DAYS + 1) * DAY_MS),
    );
    expect(problems(notSoon)).toEqual([]);
  });

  it('reports an expired leaf once, as expired, not also as untrusted', async () => {
    const leaf = await factsOf('expired');
    const findings = analyseCertificate(session(leaf, 'CERT_HAS_EXPIRED'), SUBJECT, new Date());
    expect(problems(findings)).toEqual(['tls.expiry.expired']);
    expect(findings.find((f) => f.id === 'tls.expiry.expired')?.severity).toBe('high');
  });

  it('reports a leaf that is not valid yet', async () => {
    const leaf = await factsOf('not-yet-valid');
    const findings = analyseCertificate(session(leaf, 'CERT_NOT_YET_VALID'), SUBJECT, new Date());
    expect(problems(findings)).toEqual(['tls.expiry.not-yet-valid']);
  });

  it('warns about 10 days left', async () => {
    const leaf = await factsOf('expiring-soon');
    const findings = analyseCertificate(session(leaf, null), SUBJECT, new Date());
    expect(problems(findings)).toEqual(['tls.expiry.soon']);
    const soon = findings.find((f) => f.id === 'tls.expiry.soon');
    expect(soon?.severity).toBe('medium');
    expect(soon?.title).toMatch(/expires in (9|10) days/);
  });

  it('reports a wrong name while the chain itself is trusted', async () => {
    const leaf = await factsOf('wrong-name');
    const error = `ERR_TLS_CERT_ALTNAME_INVALID: Hostname/IP does not match certificate's altnames`;
    const findings = analyseCertificate(session(leaf, error), SUBJECT, new Date());
    expect(problems(findings)).toEqual(['tls.name.mismatch']);
    expect(findings.map((f) => f.id)).toContain('tls.chain.trusted');
    expect(findings.find((f) => f.id === 'tls.name.mismatch')?.evidence['certificateNames']).toBe(
      `not-${HOST}`,
    );
  });

  it('reports a self-signed leaf as self-signed, not as a generic trust failure', async () => {
    const leaf = await factsOf('self-signed');
    expect(leaf.selfSigned).toBe(true);
    const findings = analyseCertificate(session(leaf, 'DEPTH_ZERO_SELF_SIGNED_CERT'), SUBJECT, new Date());
    expect(problems(findings)).toEqual(['tls.certificate.self-signed']);
  });

  it('explains an unknown issuer in plain words and points at the trusted-certificates setting (--ca on the command line)', async () => {
    const leaf = await factsOf('good');
    const findings = analyseCertificate(
      session(leaf, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'),
      SUBJECT,
      new Date(),
    );
    expect(problems(findings)).toEqual(['tls.chain.untrusted']);
    const untrusted = findings.find((f) => f.id === 'tls.chain.untrusted');
    expect(untrusted?.explanation).toMatch(
      /^The certificate could not be traced to a trusted certificate authority/,
    );
    expect(untrusted?.fix.steps.join(' ')).toContain('Settings → Extra trusted certificates');
    expect(untrusted?.fix.steps.map(cliWording).join(' ')).toContain('--ca FILE');
  });

  it('reports both an untrusted chain and a wrong name when both are wrong', async () => {
    const leaf = await factsOf('wrong-name');
    const error = 'UNABLE_TO_VERIFY_LEAF_SIGNATURE; ERR_TLS_CERT_ALTNAME_INVALID: no match';
    const findings = analyseCertificate(session(leaf, error), SUBJECT, new Date());
    expect(problems(findings)).toEqual(['tls.chain.untrusted', 'tls.name.mismatch']);
  });

  it('finds the short RSA key, the SHA-1 signature, and accepts ECDSA P-256', async () => {
    const weakKey = analyseCertificate(session(await factsOf('rsa-1024'), null), SUBJECT, new Date());
    expect(problems(weakKey)).toEqual(['tls.key.weak']);
    expect(weakKey.find((f) => f.id === 'tls.key.weak')?.title).toContain('RSA 1024-bit');

    const sha1 = analyseCertificate(session(await factsOf('sha1'), 'UNSPECIFIED'), SUBJECT, new Date());
    expect(problems(sha1)).toEqual(['tls.chain.untrusted', 'tls.signature.sha1']);
    expect(sha1.find((f) => f.id === 'tls.chain.untrusted')?.explanation).toContain('SHA-1');

    const ecdsa = analyseCertificate(session(await factsOf('ecdsa-p256'), null), SUBJECT, new Date());
    expect(problems(ecdsa)).toEqual([]);
    expect(ecdsa.find((f) => f.id === 'tls.key.strong')?.title).toContain('ECDSA 256-bit');
  });

  it('reports a handshake without a certificate', () => {
    const findings = analyseCertificate(session(null, 'No certificate was sent.'), SUBJECT, new Date());
    expect(findings.map((f) => f.id)).toEqual(['tls.certificate.missing']);
  });
});
