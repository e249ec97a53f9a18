import { describe, expect, it } from 'vitest';
import { signatureAlgorithmOf } from '../../../../main/adapters/smtp/der-signature-algorithm';

/** DER TLV with a short or long length. */
function tlv(tag: number, content: Buffer): Buffer {
  const length =
    content.length < 128
      ? Buffer.from([content.length])
      : Buffer.from([0x82, content.length >> 8, content.length & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, content]);
}

/** A skeleton Certificate: SEQUENCE { tbs SEQUENCE, AlgorithmIdentifier { OID, NULL }, BIT STRING }. */
function certificate(oidBytes: number[], tbsSize = 10): Buffer {
  const tbs = tlv(0x30, Buffer.alloc(tbsSize, 0x05));
  const algorithm = tlv(0x30, Buffer.concat([tlv(0x06, Buffer.from(oidBytes)), Buffer.from([0x05, 0x00])]));
  return tlv(0x30, Buffer.concat([tbs, algorithm, tlv(0x03, Buffer.from([0x00, 0x01]))]));
}

const SHA1_WITH_RSA = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05];
const SHA256_WITH_RSA = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b];
const ECDSA_SHA256 = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02];
const ED25519 = [0x2b, 0x65, 0x70];

describe('signatureAlgorithmOf', () => {
  it.each([
    [SHA1_WITH_RSA, 'sha1WithRSAEncryption'],
    [SHA256_WITH_RSA, 'sha256WithRSAEncryption'],
    [ECDSA_SHA256, 'ecdsa-with-SHA256'],
    [ED25519, 'ed25519'],
  ])('names the signature OID %j', (oid, name) => {
    expect(signatureAlgorithmOf(certificate(oid))).toBe(name);
  });

  it('reads past a tbsCertificate with a long-form length', () => {
    expect(signatureAlgorithmOf(certificate(SHA1_WITH_RSA, 600))).toBe('sha1WithRSAEncryption');
  });

  it('gives the dotted OID of an algorithm it does not know', () => {
    expect(signatureAlgorithmOf(certificate([0x2a, 0x03, 0x04]))).toBe('1.2.3.4');
  });

  it('returns null for truncated or non-certificate bytes instead of throwing', () => {
    const good = certificate(SHA256_WITH_RSA);
    expect(signatureAlgorithmOf(good.subarray(0, good.length - 8))).toBeNull();
    expect(signatureAlgorithmOf(Buffer.from('not a certificate'))).toBeNull();
    expect(signatureAlgorithmOf(Buffer.alloc(0))).toBeNull();
  });
});
