/**
 * How strong a certificate's key and signature are: RSA under 2048 bits and SHA-1 or MD5 signatures are
 * findings (RFC 9325 section 4.5, RFC 9155).
 */

/** RFC 9325 section 4.5: RSA (and finite-field DSA/DH) keys of at least 2048 bits. */
export const MIN_RSA_BITS = 2_048;
/** RFC 9325 section 4.5: elliptic-curve keys of at least 224 bits; P-256 is the common floor. */
export const MIN_EC_BITS = 256;

export type KeyVerdict = 'strong' | 'weak' | 'unknown';

export interface KeyJudgement {
  readonly verdict: KeyVerdict;
  /** e.g. "RSA 2048-bit", "ECDSA 256-bit", "Ed25519". */
  readonly description: string;
}

export function judgeKey(keyType: string | null, keyBits: number | null): KeyJudgement {
  const type = (keyType ?? '').toLowerCase();
  const bits = keyBits === null ? '' : ` ${String(keyBits)}-bit`;
  if (type === 'rsa' || type === 'rsa-pss' || type === 'dsa') {
    const description = `${type === 'dsa' ? 'DSA' : 'RSA'}${bits}`;
    if (keyBits === null) return { verdict: 'unknown', description };
    return { verdict: keyBits >= MIN_RSA_BITS ? 'strong' : 'weak', description };
  }
  if (type === 'ec' || type === 'ecdsa') {
    const description = `ECDSA${bits}`;
    if (keyBits === null) return { verdict: 'unknown', description };
    return { verdict: keyBits >= MIN_EC_BITS ? 'strong' : 'weak', description };
  }
  if (type === 'ed25519') return { verdict: 'strong', description: 'Ed25519' };
  if (type === 'ed448') return { verdict: 'strong', description: 'Ed448' };
  return { verdict: 'unknown', description: keyType ?? 'unknown key' };
}

export type SignatureVerdict = 'strong' | 'sha1' | 'md5' | 'unknown';

/** Judges names such as "sha256WithRSAEncryption", "ecdsa-with-SHA1", "md5WithRSAEncryption", "ed25519". */
export function judgeSignature(signatureAlgorithm: string | null): SignatureVerdict {
  if (signatureAlgorithm === null) return 'unknown';
  const name = signatureAlgorithm.toLowerCase();
  if (/md[245]/.test(name)) return 'md5';
  if (/sha-?1(?![0-9])/.test(name)) return 'sha1';
  if (/sha-?(224|256|384|512)|sha3|ed25519|ed448|rsassa-pss/.test(name)) return 'strong';
  return 'unknown';
}
