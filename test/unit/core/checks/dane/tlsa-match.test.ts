import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  associationData,
  matchTlsa,
  suggestedTlsa,
  tlsaUsability,
} from '../../../../../main/core/checks/dane/tlsa-match';
import type { CertificateFacts } from '../../../../../main/core/smtp/smtp-channel';
import { getTestPki, type TestCertificate } from '../../../../helpers/test-certificates';

function facts(pem: string): CertificateFacts {
  const cert = new X509Certificate(pem);
  return {
    derBase64: cert.raw.toString('base64'),
    subject: cert.subject,
    issuer: cert.issuer,
    subjectAltNames: [],
    validFrom: cert.validFrom,
    validTo: cert.validTo,
    serialNumber: cert.serialNumber,
    fingerprintSha256: cert.fingerprint256,
    keyType: null,
    keyBits: null,
    signatureAlgorithm: null,
    selfSigned: false,
  };
}

/** The SPKI digest computed by openssl itself, the way DANE guides tell operators to. */
function opensslSpkiDigest(certPath: string, digest: 'sha256' | 'sha512'): Promise<string> {
  const script = `openssl x509 -in "$1" -noout -pubkey | openssl pkey -pubin -outform DER | openssl dgst -${digest} -r`;
  return new Promise((resolve, reject) => {
    execFile('/bin/sh', ['-c', script, 'sh', certPath], { timeout: 10_000 }, (error, stdout) => {
      if (error !== null) reject(new Error(`openssl failed: ${error.message}`));
      else resolve(stdout.split(' ')[0] ?? '');
    });
  });
}

let leaf: TestCertificate;
let ecdsa: TestCertificate;

beforeAll(async () => {
  const pki = await getTestPki();
  [leaf, ecdsa] = await Promise.all([
    pki.leaf('good', 'mx.tlsa.test'),
    pki.leaf('ecdsa-p256', 'mx.tlsa.test'),
  ]);
});

describe('associationData', () => {
  it('computes the SPKI digests openssl computes (selector 1, SHA-256 and SHA-512)', async () => {
    for (const certificate of [leaf, ecdsa]) {
      expect(associationData(facts(certificate.certPem), 1, 1)).toBe(
        await opensslSpkiDigest(certificate.certPath, 'sha256'),
      );
      expect(associationData(facts(certificate.certPem), 1, 2)).toBe(
        await opensslSpkiDigest(certificate.certPath, 'sha512'),
      );
    }
  });

  it('hashes the whole certificate for selector 0', () => {
    const fingerprint = new X509Certificate(leaf.certPem).fingerprint256.replace(/:/g, '').toLowerCase();
    expect(associationData(facts(leaf.certPem), 0, 1)).toBe(fingerprint);
  });

  it('returns null, never throws, for bytes that are not a certificate', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 0, max: 3 }), (bytes, matching) => {
        const garbage = { ...facts(leaf.certPem), derBase64: Buffer.from(bytes).toString('base64') };
        const data = associationData(garbage, 1, matching);
        expect(data).toBeNull();
      }),
    );
  });
});

describe('matchTlsa and suggestedTlsa', () => {
  it('matches DANE-EE only against the leaf, and suggests a 3 1 1 record that matches', () => {
    const chain = [facts(leaf.certPem)];
    const suggested = suggestedTlsa(chain) ?? '';
    const [usage, selector, matchingType, dataHex = ''] = suggested.split(' ');
    expect([usage, selector, matchingType]).toEqual(['3', '1', '1']);
    expect(matchTlsa({ usage: 3, selector: 1, matchingType: 1, dataHex }, chain)).toEqual({
      certificateIndex: 0,
    });
    expect(matchTlsa({ usage: 3, selector: 1, matchingType: 1, dataHex }, [facts(ecdsa.certPem)])).toBeNull();
    expect(suggestedTlsa([])).toBeNull();
  });
});

describe('tlsaUsability', () => {
  it('accepts DANE-EE and DANE-TA, refuses PKIX usages and malformed records (RFC 7672 section 3.1.3)', () => {
    const digest = 'ab'.repeat(32);
    expect(tlsaUsability({ usage: 3, selector: 1, matchingType: 1, dataHex: digest })).toEqual({
      usable: true,
    });
    expect(tlsaUsability({ usage: 1, selector: 1, matchingType: 1, dataHex: digest })).toMatchObject({
      reason: 'pkix-usage',
    });
    expect(tlsaUsability({ usage: 3, selector: 1, matchingType: 2, dataHex: digest })).toMatchObject({
      reason: 'malformed',
    });
    expect(tlsaUsability({ usage: 4, selector: 1, matchingType: 1, dataHex: digest })).toMatchObject({
      reason: 'malformed',
    });
  });

  it('judges every combination of fields without throwing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.uint8Array({ maxLength: 80 }),
        (usage, selector, matchingType, bytes) => {
          const verdict = tlsaUsability({
            usage,
            selector,
            matchingType,
            dataHex: Buffer.from(bytes).toString('hex'),
          });
          if (verdict.usable) expect([2, 3]).toContain(usage);
          else expect(verdict.problem.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
