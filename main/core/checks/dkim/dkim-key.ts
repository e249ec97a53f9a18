/**
 * Reads one DKIM key record (RFC 6376 section 3.6.1) and judges the key itself.
 *
 * The RSA size comes from the key, not from the length of the text: `p=` is decoded and parsed with
 * node:crypto (pure computation, no I/O). Never throws: every problem is returned as data.
 */
import { createPublicKey } from 'node:crypto';
import { parseTagList, type TagListProblem } from './tag-list';

/** RFC 8301 section 3.2: verifiers MUST NOT accept RSA keys under 1024 bits. */
export const RSA_MIN_BITS = 1_024;
/** RFC 8301 section 3.2: signers SHOULD use at least 2048 bits. */
export const RSA_RECOMMENDED_BITS = 2_048;
/** RFC 8463 section 4.2: an Ed25519 public key is 32 raw octets. */
const ED25519_KEY_OCTETS = 32;
/** The SubjectPublicKeyInfo header for Ed25519 (RFC 8410 section 4), placed before the 32 raw octets. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** RFC 6376 section 2.4 base64string, folding whitespace removed. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export type DkimKeyProblem =
  | 'syntax'
  /** Only empty entries (";;"): outside RFC 6376's grammar, but verifiers skip them, so DKIM still works. */
  | 'empty-entries'
  | 'bad-version'
  | 'no-public-key'
  | 'unknown-key-type'
  | 'bad-base64'
  | 'unreadable-key'
  | 'key-type-mismatch'
  | 'sha1-only'
  /**
   * An RSA key published as a bare PKCS#1 RSAPublicKey instead of SubjectPublicKeyInfo (RFC 6376 section
   * 3.6.1 asks for the latter). dkimpy and go-msgauth accept it, so it works with many verifiers: a note.
   */
  | 'pkcs1-key';

export interface DkimKey {
  /** 'rsa' or 'ed25519' when readable, else the `k=` text. */
  readonly keyType: string;
  /** The `k=` value as written (lower-cased), "rsa" when absent. */
  readonly declaredType: string;
  /** RSA modulus length; null for Ed25519 or an unreadable key. */
  readonly bits: number | null;
  /** `t=y` (RFC 6376 section 3.6.1): receivers treat failures as if unsigned. */
  readonly testing: boolean;
  /** Empty `p=` (RFC 6376 section 3.6.1): the key has been revoked. */
  readonly revoked: boolean;
  /** `h=` hash algorithms, empty when absent (all allowed). */
  readonly hashes: readonly string[];
  readonly problems: readonly DkimKeyProblem[];
  readonly syntaxProblems: readonly TagListProblem[];
}

/** Judges one DKIM key record. */
export function readDkimKey(record: string): DkimKey {
  const list = parseTagList(record);
  const problems: DkimKeyProblem[] = [];
  if (list.problems.length > 0)
    problems.push(list.problems.every((p) => p.code === 'empty-tag-spec') ? 'empty-entries' : 'syntax');
  const tag = (name: string): string | undefined => list.tags.find((t) => t.name === name)?.value;

  // RFC 6376 section 3.6.1: v= is optional, but when present it MUST be first and equal to "DKIM1".
  const version = tag('v');
  if (version !== undefined && (version !== 'DKIM1' || list.tags[0]?.name !== 'v'))
    problems.push('bad-version');

  const declaredType = (tag('k') ?? 'rsa').toLowerCase();
  // RFC 8463 adds ed25519 to RFC 6376's rsa.
  if (declaredType !== 'rsa' && declaredType !== 'ed25519') problems.push('unknown-key-type');

  const hashes = (tag('h') ?? '')
    .split(':')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  // RFC 8301 section 3.1: sha1 MUST NOT be used for signing or verifying.
  if (hashes.length > 0 && hashes.every((h) => h === 'sha1')) problems.push('sha1-only');

  const flags = (tag('t') ?? '').split(':').map((flag) => flag.trim());
  const testing = flags.includes('y');

  const rawKey = tag('p');
  const base = { testing, hashes, syntaxProblems: list.problems, declaredType };
  if (rawKey === undefined) {
    problems.push('no-public-key');
    return { ...base, keyType: declaredType, bits: null, revoked: false, problems };
  }
  const key = rawKey.replace(/[ \t\r\n]/g, '');
  if (key === '') return { ...base, keyType: declaredType, bits: null, revoked: true, problems };
  if (!BASE64.test(key)) {
    problems.push('bad-base64');
    return { ...base, keyType: declaredType, bits: null, revoked: false, problems };
  }
  const read = readPublicKey(Buffer.from(key, 'base64'), declaredType);
  if (read === null) {
    problems.push('unreadable-key');
    return { ...base, keyType: declaredType, bits: null, revoked: false, problems };
  }
  if (!problems.includes('unknown-key-type') && read.type !== declaredType) {
    problems.push('key-type-mismatch');
  }
  if (read.pkcs1) problems.push('pkcs1-key');
  return { ...base, keyType: read.type, bits: read.bits, revoked: false, problems };
}

interface ReadKey {
  readonly type: string;
  readonly bits: number | null;
  /** Read as PKCS#1 RSAPublicKey (RFC 8017 appendix A.1.1), not SubjectPublicKeyInfo. */
  readonly pkcs1: boolean;
}

/** Parses the decoded `p=`: SubjectPublicKeyInfo for RSA (RFC 6376 section 3.6.1), raw 32 octets for Ed25519. */
function readPublicKey(der: Buffer, declaredType: string): ReadKey | null {
  const spki =
    declaredType === 'ed25519' && der.length === ED25519_KEY_OCTETS
      ? Buffer.concat([ED25519_SPKI_PREFIX, der])
      : der;
  for (const type of declaredType === 'rsa' ? (['spki', 'pkcs1'] as const) : (['spki'] as const)) {
    try {
      const key = createPublicKey({ key: spki, format: 'der', type });
      const keyType = key.asymmetricKeyType ?? 'unknown';
      const bits = keyType === 'rsa' ? (key.asymmetricKeyDetails?.modulusLength ?? null) : null;
      return { type: keyType, bits, pkcs1: type === 'pkcs1' };
    } catch {
      // Not this encoding; try the next.
    }
  }
  return null;
}
