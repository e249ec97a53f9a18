import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { connect, createServer } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { signatureAlgorithmOf } from '../../../main/adapters/smtp/der-signature-algorithm';
import {
  EXPIRING_SOON_DAYS,
  getTestPki,
  LEAF_KINDS,
  TEST_CA_NAME,
  type TestCertificate,
} from '../../helpers/test-certificates';

const NAME = 'mail.pki.test';
const DAY_MS = 86_400_000;
const HANDSHAKE_DEADLINE_MS = 5_000;

function x509(leaf: TestCertificate): X509Certificate {
  return new X509Certificate(leaf.certPem);
}

/** Serves `leaf` on loopback and reports what a client trusting only the test CA sees. */
async function handshake(
  leaf: TestCertificate,
  caPem: string,
): Promise<{ authorized: boolean; error: string | null }> {
  const server = createServer({ key: leaf.keyPem, cert: leaf.certPem }, (socket) => socket.end());
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  try {
    return await new Promise((resolve, reject) => {
      const socket = connect({
        host: '127.0.0.1',
        port: address.port,
        servername: NAME,
        ca: [caPem],
        rejectUnauthorized: false,
      });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error('handshake timed out'));
      }, HANDSHAKE_DEADLINE_MS);
      socket.once('secureConnect', () => {
        clearTimeout(timer);
        // Node types it as an Error; at run time it is the verification code, a string.
        const error: unknown = socket.authorizationError;
        resolve({
          authorized: socket.authorized,
          error: typeof error === 'string' ? error : error instanceof Error ? error.message : null,
        });
        socket.destroy();
      });
      socket.once('error', (error: Error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  }
}

describe('getTestPki', () => {
  it('makes one CA per process and caches each leaf', async () => {
    const [pki, again] = await Promise.all([getTestPki(), getTestPki()]);
    expect(again).toBe(pki);
    const ca = new X509Certificate(pki.caPem);
    expect(ca.ca).toBe(true);
    expect(ca.subject).toBe(`CN=${TEST_CA_NAME}`);
    expect(await readFile(pki.caPath, 'utf8')).toBe(pki.caPem);
    const [first, second] = await Promise.all([pki.leaf('good', NAME), pki.leaf('good', NAME)]);
    expect(second).toBe(first);
    expect(await readFile(first.certPath, 'utf8')).toBe(first.certPem);
    expect(await readFile(first.keyPath, 'utf8')).toBe(first.keyPem);
  });

  it('makes a good leaf a TLS client trusting the CA accepts for the name', async () => {
    const pki = await getTestPki();
    const good = await pki.leaf('good', NAME);
    const cert = x509(good);
    expect(cert.subjectAltName).toBe(`DNS:${NAME}, IP Address:127.0.0.1`);
    expect(cert.checkIssued(new X509Certificate(pki.caPem))).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2_048);
    expect(signatureAlgorithmOf(cert.raw)).toBe('sha256WithRSAEncryption');
    expect(await handshake(good, pki.caPem)).toEqual({ authorized: true, error: null });
  });

  it('makes each faulty leaf faulty in exactly its own way', async () => {
    const pki = await getTestPki();
    const leaves = Object.fromEntries(
      await Promise.all(LEAF_KINDS.map(async (kind) => [kind, x509(await pki.leaf(kind, NAME))] as const)),
    );
    const now = Date.now();
    expect(Date.parse(leaves['expired']?.validTo ?? '')).toBeLessThan(now);
    expect(Date.parse(leaves['not-yet-valid']?.validFrom ?? '')).toBeGreaterThan(now);
    const daysLeft = (Date.parse(leaves['expiring-soon']?.validTo ?? '') - now) / DAY_MS;
    expect(daysLeft).toBeGreaterThan(EXPIRING_SOON_DAYS - 1);
    expect(daysLeft).toBeLessThanOrEqual(EXPIRING_SOON_DAYS);
    expect(leaves['wrong-name']?.subjectAltName).toBe(`DNS:not-${NAME}`);
    expect(leaves['self-signed']?.checkIssued(new X509Certificate(pki.caPem))).toBe(false);
    expect(leaves['self-signed']?.verify(leaves['self-signed'].publicKey)).toBe(true);
    expect(leaves['rsa-1024']?.publicKey.asymmetricKeyDetails?.modulusLength).toBe(1_024);
    expect(signatureAlgorithmOf(leaves['sha1']?.raw ?? Buffer.alloc(0))).toBe('sha1WithRSAEncryption');
    expect(signatureAlgorithmOf(leaves['md5']?.raw ?? Buffer.alloc(0))).toBe('md5WithRSAEncryption');
    expect(leaves['ecdsa-p256']?.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('gives real TLS clients the verification errors the checks expect', async () => {
    const pki = await getTestPki();
    const error = async (kind: 'expired' | 'self-signed' | 'not-yet-valid'): Promise<string | null> =>
      (await handshake(await pki.leaf(kind, NAME), pki.caPem)).error;
    expect(await error('expired')).toBe('CERT_HAS_EXPIRED');
    expect(await error('not-yet-valid')).toBe('CERT_NOT_YET_VALID');
    expect(await error('self-signed')).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});
