import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateFacts } from '../../../../main/adapters/smtp/certificate-facts';
import { getTestPki, type LeafKind, type TestPki } from '../../../helpers/test-certificates';

const NAME = 'mail.facts.test';
let pki: TestPki;

beforeAll(async () => {
  pki = await getTestPki();
});

async function factsOf(kind: LeafKind): Promise<ReturnType<typeof certificateFacts>> {
  const leaf = await pki.leaf(kind, NAME);
  return certificateFacts(Buffer.from(new X509Certificate(leaf.certPem).raw));
}

describe('certificateFacts on certificates made by openssl', () => {
  it('reads a CA-signed RSA-2048 SHA-256 leaf', async () => {
    const facts = await factsOf('good');
    expect(facts).toMatchObject({
      keyType: 'rsa',
      keyBits: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      selfSigned: false,
    });
    expect(facts.subject).toContain(`CN=${NAME}`);
    expect(facts.issuer).toContain('Mailwarden Test Root CA');
    expect(facts.subjectAltNames).toContain(`DNS:${NAME}`);
    expect(facts.validTo).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(facts.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(Buffer.from(facts.derBase64, 'base64').length).toBeGreaterThan(500);
  });

  it('names the weaknesses a user must hear about: SHA-1, RSA-1024, self-signed', async () => {
    expect((await factsOf('sha1')).signatureAlgorithm).toBe('sha1WithRSAEncryption');
    expect((await factsOf('rsa-1024')).keyBits).toBe(1024);
    expect((await factsOf('self-signed')).selfSigned).toBe(true);
  });

  it('reads an ECDSA P-256 key', async () => {
    expect(await factsOf('ecdsa-p256')).toMatchObject({ keyType: 'ec', keyBits: 256 });
  });
});
