import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDkimKey } from '../../../../../main/core/checks/dkim/dkim-key';

const spki = (type: 'rsa' | 'ed25519', bits = 2048): Buffer => {
  const { publicKey } =
    type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: bits }) : generateKeyPairSync('ed25519');
  return publicKey.export({ type: 'spki', format: 'der' });
};
const RSA_2048 = spki('rsa').toString('base64');
const ED25519_RAW = spki('ed25519').subarray(12).toString('base64');
const EC_P256 = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');

describe('readDkimKey', () => {
  it('reads the RSA size from the key itself, with folded whitespace in p=', () => {
    const folded = `${RSA_2048.slice(0, 50)} \r\n ${RSA_2048.slice(50)}`;
    expect(readDkimKey(`v=DKIM1; k=rsa; p=${folded}`)).toMatchObject({
      keyType: 'rsa',
      bits: 2048,
      problems: [],
    });
  });

  it('reads a raw 32-octet Ed25519 key (RFC 8463 section 4.2)', () => {
    expect(readDkimKey(`v=DKIM1; k=ed25519; p=${ED25519_RAW}`)).toMatchObject({
      keyType: 'ed25519',
      bits: null,
      problems: [],
    });
  });

  it('catches a version that is not first, an EC key posing as RSA, and sha1-only hashing', () => {
    expect(readDkimKey(`k=rsa; v=DKIM1; p=${RSA_2048}`).problems).toEqual(['bad-version']);
    expect(readDkimKey(`p=${EC_P256}`).problems).toEqual(['key-type-mismatch']);
    expect(readDkimKey(`h=sha1; p=${RSA_2048}`).problems).toEqual(['sha1-only']);
    expect(readDkimKey(`h=sha1:sha256; p=${RSA_2048}`).problems).toEqual([]);
  });

  it('tells a harmless ";;" apart from real syntax errors', () => {
    expect(readDkimKey(`v=DKIM1;; k=rsa; p=${RSA_2048}`)).toMatchObject({
      problems: ['empty-entries'],
      keyType: 'rsa',
      bits: 2048,
    });
    expect(readDkimKey(`v=DKIM1;; k; p=${RSA_2048}`).problems).toEqual(['syntax']);
  });

  it('tells revoked, missing, non-base64 and unreadable keys apart', () => {
    expect(readDkimKey('v=DKIM1; p=')).toMatchObject({ revoked: true, problems: [] });
    expect(readDkimKey('v=DKIM1; t=y').problems).toEqual(['no-public-key']);
    expect(readDkimKey('p=abc$').problems).toEqual(['bad-base64']);
    expect(readDkimKey('p=QUJD').problems).toEqual(['unreadable-key']);
    expect(readDkimKey(`t=y:s; p=${RSA_2048}`).testing).toBe(true);
  });

  it('never throws on any text, and only names known problems (property)', () => {
    const known = new Set([
      'syntax',
      'empty-entries',
      'bad-version',
      'no-public-key',
      'unknown-key-type',
      'bad-base64',
      'unreadable-key',
      'key-type-mismatch',
      'sha1-only',
    ]);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 1_000 }),
          fc.string({ maxLength: 200 }).map((tail) => `v=DKIM1; k=rsa; p=${RSA_2048.slice(0, 120)}${tail}`),
          fc.base64String({ maxLength: 600 }).map((p) => `p=${p}`),
        ),
        (text) => {
          const key = readDkimKey(text);
          for (const problem of key.problems) expect(known.has(problem)).toBe(true);
          expect(key.problems.length).toBeLessThanOrEqual(known.size);
        },
      ),
      { numRuns: 300 },
    );
  });
});
