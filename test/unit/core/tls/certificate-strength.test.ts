import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateFacts } from '../../../../main/adapters/smtp/certificate-facts';
import { judgeKey, judgeSignature } from '../../../../main/core/tls/certificate-strength';
import { getTestPki, type LeafKind } from '../../../helpers/test-certificates';

async function facts(kind: LeafKind) {
  const pki = await getTestPki();
  const leaf = await pki.leaf(kind, 'mail.strength.test');
  return certificateFacts(new X509Certificate(leaf.certPem).raw);
}

describe('judgeKey', () => {
  it('judges the generated certificates: RSA 2048 and P-256 strong, RSA 1024 weak', async () => {
    const good = await facts('good');
    expect(judgeKey(good.keyType, good.keyBits)).toEqual({ verdict: 'strong', description: 'RSA 2048-bit' });
    const short = await facts('rsa-1024');
    expect(judgeKey(short.keyType, short.keyBits)).toEqual({ verdict: 'weak', description: 'RSA 1024-bit' });
    const ec = await facts('ecdsa-p256');
    expect(judgeKey(ec.keyType, ec.keyBits)).toEqual({ verdict: 'strong', description: 'ECDSA 256-bit' });
  });

  it('knows Edwards keys and admits what it does not know', () => {
    expect(judgeKey('ed25519', 256).verdict).toBe('strong');
    expect(judgeKey('ec', 192).verdict).toBe('weak');
    expect(judgeKey('x448', null)).toEqual({ verdict: 'unknown', description: 'x448' });
    expect(judgeKey(null, null).verdict).toBe('unknown');
  });
});

describe('judgeSignature', () => {
  it('judges the generated certificates: SHA-256 strong, SHA-1 found', async () => {
    expect(judgeSignature((await facts('good')).signatureAlgorithm)).toBe('strong');
    expect(judgeSignature((await facts('sha1')).signatureAlgorithm)).toBe('sha1');
    expect(judgeSignature((await facts('ecdsa-p256')).signatureAlgorithm)).toBe('strong');
  });

  it('tells MD5 and SHA-1 apart from SHA-2 in the usual spellings', () => {
    expect(judgeSignature('md5WithRSAEncryption')).toBe('md5');
    expect(judgeSignature('ecdsa-with-SHA1')).toBe('sha1');
    expect(judgeSignature('RSA-SHA1')).toBe('sha1');
    expect(judgeSignature('sha512WithRSAEncryption')).toBe('strong');
    expect(judgeSignature('ed25519')).toBe('strong');
    expect(judgeSignature('1.2.3.4')).toBe('unknown');
    expect(judgeSignature(null)).toBe('unknown');
  });
});
