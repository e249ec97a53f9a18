/**
 * The extra-CA checker against real certificates made by Debian's openssl (test/helpers/test-certificates),
 * with openssl's own reading of each certificate as the reference for the summaries.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCaPemChecker, MAX_CA_CERTIFICATES } from '../../../main/adapters/ca-certificates';
import { getTestPki, TEST_CA_NAME, type TestPki } from '../../helpers/test-certificates';

const run = promisify(execFile);
const check = createCaPemChecker();

/** openssl's SHA-256 fingerprint of the certificate in `path`, as "AB:CD:...". */
async function opensslFingerprint(path: string): Promise<string> {
  const { stdout } = await run(
    '/usr/bin/openssl',
    ['x509', '-in', path, '-noout', '-fingerprint', '-sha256'],
    {
      timeout: 10_000,
    },
  );
  return stdout.trim().replace(/^.*Fingerprint=/i, '');
}

/** openssl's notAfter of the certificate in `path`, as a Date. */
async function opensslNotAfter(path: string): Promise<Date> {
  const { stdout } = await run('/usr/bin/openssl', ['x509', '-in', path, '-noout', '-enddate'], {
    timeout: 10_000,
  });
  return new Date(stdout.trim().replace(/^notAfter=/, ''));
}

function accepted(text: string) {
  const result = check(text);
  if (!result.ok) throw new Error(`expected to be accepted, got: ${result.message}`);
  return result;
}

function refusal(text: string): string {
  const result = check(text);
  if (result.ok) throw new Error('expected to be refused');
  return result.message;
}

describe('extra trusted CA certificates', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await getTestPki();
  });

  it('summarises a CA as openssl reads it: subject, issuer, expiry, SHA-256 fingerprint, no warning', async () => {
    const { certificates, pem } = accepted(pki.caPem);
    expect(certificates).toEqual([
      {
        subject: expect.stringContaining(`CN=${TEST_CA_NAME}`) as unknown,
        issuer: expect.stringContaining(`CN=${TEST_CA_NAME}`) as unknown,
        validFrom: expect.any(String) as unknown,
        validTo: (await opensslNotAfter(pki.caPath)).toISOString(),
        fingerprintSha256: await opensslFingerprint(pki.caPath),
        warnings: [],
      },
    ]);
    // What is stored is the certificate itself, re-encoded: the same fingerprint on a second reading.
    expect(accepted(pem).certificates).toEqual(certificates);
  });

  it('accepts a leaf, an expired and a not-yet-valid certificate, each with the warning the user must see', async () => {
    const good = await pki.leaf('good', 'mail.test');
    const expired = await pki.leaf('expired', 'mail.test');
    const future = await pki.leaf('not-yet-valid', 'mail.test');
    const { certificates } = accepted([pki.caPem, good.certPem, expired.certPem, future.certPem].join('\n'));
    expect(certificates.map((c) => c.warnings)).toEqual([
      [],
      ['not-a-ca'],
      ['not-a-ca', 'expired'],
      ['not-a-ca', 'not-yet-valid'],
    ]);
    expect(certificates[1]?.issuer).toContain(`CN=${TEST_CA_NAME}`);
    expect(certificates[1]?.subject).not.toContain(TEST_CA_NAME);
  });

  it('keeps a bundle’s comments out, and a certificate pasted twice once', () => {
    const { certificates, pem } = accepted(`# Our company CA\n${pki.caPem}\nsubject=whatever\n${pki.caPem}`);
    expect(certificates).toHaveLength(1);
    expect(pem).not.toContain('#');
    expect(pem.match(/BEGIN CERTIFICATE/g)).toHaveLength(1);
  });

  it('refuses a private key, whatever surrounds it, and never echoes it', async () => {
    const leaf = await pki.leaf('good', 'mail.test');
    for (const text of [leaf.keyPem, `${pki.caPem}${leaf.keyPem}`, `${leaf.keyPem}${pki.caPem}`]) {
      const message = refusal(text);
      expect(message).toContain('private key');
      expect(message).not.toContain(leaf.keyPem.split('\n')[1]);
    }
  });

  it('refuses other PEM blocks, cut-short and damaged certificates, and too many certificates', () => {
    const body = pki.caPem.split('\n').slice(1, -2).join('\n');
    expect(refusal(`-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----\n`)).toBe(
      'This block is a "PUBLIC KEY", not a certificate. Paste the CA certificate (-----BEGIN CERTIFICATE-----).',
    );
    expect(refusal(pki.caPem.replace(/-----END CERTIFICATE-----\s*$/, ''))).toContain('cut short');
    expect(refusal(`-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n`)).toBe(
      'This certificate could not be read: it is damaged or incomplete.',
    );
    expect(refusal(`${pki.caPem}-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n`)).toBe(
      'Certificate 2 could not be read: it is damaged or incomplete.',
    );
    expect(refusal(pki.caPem.repeat(MAX_CA_CERTIFICATES + 1))).toContain('at most 50');
  });

  it('property: arbitrary text is refused without throwing unless it holds a real certificate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2_000 }), (text) => {
        expect(check(text).ok).toBe(false);
      }),
    );
  });

  it('property: a CA with any comment text around it is accepted as that one CA', () => {
    const fingerprint = accepted(pki.caPem).certificates[0]?.fingerprintSha256;
    const comment = fc.string({ maxLength: 200 }).filter((text) => !text.includes('-----'));
    fc.assert(
      fc.property(comment, comment, (before, after) => {
        const result = accepted(`${before}\n${pki.caPem}\n${after}`);
        expect(result.certificates.map((c) => c.fingerprintSha256)).toEqual([fingerprint]);
      }),
    );
  });

  it('property: a certificate cut anywhere inside its body is refused, never half-trusted', () => {
    const lines = pki.caPem.trim().split('\n');
    const body = lines.slice(1, -1).join('');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: body.length - 8 }), (cut) => {
        const text = `${lines[0] ?? ''}\n${body.slice(0, cut)}\n${lines.at(-1) ?? ''}\n`;
        expect(check(text).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
