/**
 * TLSA records read and matched against the certificates a mail server presented.
 *
 * RFC 6698 section 2.1 (fields), RFC 7672 section 3.1 (which usages SMTP uses), RFC 7671 (operational
 * rules). node:crypto is pure computation here (hashing and X.509 parsing); it touches nothing outside.
 */
import { X509Certificate, createHash } from 'node:crypto';
import type { CertificateFacts } from '../../smtp/smtp-channel';

/** RFC 6698 section 2.1.1 and RFC 7218 acronyms. */
export const TLSA_USAGE_NAMES: Readonly<Record<number, string>> = {
  0: 'PKIX-TA',
  1: 'PKIX-EE',
  2: 'DANE-TA',
  3: 'DANE-EE',
};
/** RFC 6698 section 2.1.2: 0 = the whole certificate, 1 = its SubjectPublicKeyInfo. */
const SELECTOR_FULL = 0;
const SELECTOR_SPKI = 1;
/** RFC 6698 section 2.1.3: 0 = exact data, 1 = SHA-256, 2 = SHA-512. */
const MATCHING_FULL = 0;
const MATCHING_SHA256 = 1;
const MATCHING_SHA512 = 2;
const SHA256_BYTES = 32;
const SHA512_BYTES = 64;
const HEX_CHARS_PER_BYTE = 2;
const USAGE_DANE_TA = 2;
const USAGE_DANE_EE = 3;

export interface TlsaParameters {
  readonly usage: number;
  readonly selector: number;
  readonly matchingType: number;
  readonly dataHex: string;
}

export type TlsaUsability =
  | { readonly usable: true }
  | { readonly usable: false; readonly reason: 'pkix-usage' | 'malformed'; readonly problem: string };

/** The record as zone files write it: "3 1 1 ab12...". */
export function tlsaText(record: TlsaParameters): string {
  return `${String(record.usage)} ${String(record.selector)} ${String(record.matchingType)} ${record.dataHex}`;
}

/** Whether a sender following RFC 7672 can use this record, and why not. */
export function tlsaUsability(record: TlsaParameters): TlsaUsability {
  if (record.usage === 0 || record.usage === 1) {
    return { usable: false, reason: 'pkix-usage', problem: 'PKIX usages are unusable for SMTP' };
  }
  if (record.usage !== USAGE_DANE_TA && record.usage !== USAGE_DANE_EE) {
    return malformed(`certificate usage ${String(record.usage)} is not defined (RFC 6698 section 2.1.1)`);
  }
  if (record.selector !== SELECTOR_FULL && record.selector !== SELECTOR_SPKI) {
    return malformed(`selector ${String(record.selector)} is not defined (RFC 6698 section 2.1.2)`);
  }
  const expectedBytes =
    record.matchingType === MATCHING_SHA256
      ? SHA256_BYTES
      : record.matchingType === MATCHING_SHA512
        ? SHA512_BYTES
        : null;
  if (record.matchingType !== MATCHING_FULL && expectedBytes === null) {
    return malformed(`matching type ${String(record.matchingType)} is not defined (RFC 6698 section 2.1.3)`);
  }
  if (expectedBytes !== null && record.dataHex.length !== expectedBytes * HEX_CHARS_PER_BYTE) {
    return malformed(
      `the data is ${String(record.dataHex.length / HEX_CHARS_PER_BYTE)} bytes, but a ${record.matchingType === MATCHING_SHA256 ? 'SHA-256' : 'SHA-512'} digest is ${String(expectedBytes)}`,
    );
  }
  if (record.dataHex.length === 0) return malformed('the association data is empty');
  return { usable: true };
}

export interface TlsaMatch {
  /** 0 for the server's own certificate (leaf), 1 and up for the chain above it. */
  readonly certificateIndex: number;
}

/**
 * Which certificate of `chain` (leaf first) a usable record matches, or null.
 *
 * DANE-EE (3) matches the leaf only (RFC 7672 section 3.1.1); DANE-TA (2) any certificate the server sent,
 * since it must include its trust anchor in the chain (RFC 7672 section 3.1.2).
 */
export function matchTlsa(record: TlsaParameters, chain: readonly CertificateFacts[]): TlsaMatch | null {
  const candidates = record.usage === USAGE_DANE_EE ? chain.slice(0, 1) : chain;
  const wanted = record.dataHex.toLowerCase();
  for (const [index, certificate] of candidates.entries()) {
    const data = associationData(certificate, record.selector, record.matchingType);
    if (data !== null && data === wanted) return { certificateIndex: index };
  }
  return null;
}

/** The association data a record with these fields would hold for `certificate`, as hex; null if unreadable. */
export function associationData(
  certificate: CertificateFacts,
  selector: number,
  matchingType: number,
): string | null {
  const der = Buffer.from(certificate.derBase64, 'base64');
  let selected: Buffer;
  if (selector === SELECTOR_FULL) {
    selected = der;
  } else {
    const spki = spkiOf(der);
    if (spki === null) return null;
    selected = spki;
  }
  switch (matchingType) {
    case MATCHING_FULL:
      return selected.toString('hex');
    case MATCHING_SHA256:
      return createHash('sha256').update(selected).digest('hex');
    case MATCHING_SHA512:
      return createHash('sha512').update(selected).digest('hex');
    default:
      return null;
  }
}

/** The "3 1 1" record RFC 7671 section 8.1 recommends, for the leaf the server presented; null if none. */
export function suggestedTlsa(chain: readonly CertificateFacts[]): string | null {
  const leaf = chain[0];
  if (leaf === undefined) return null;
  const data = associationData(leaf, SELECTOR_SPKI, MATCHING_SHA256);
  return data === null
    ? null
    : `${String(USAGE_DANE_EE)} ${String(SELECTOR_SPKI)} ${String(MATCHING_SHA256)} ${data}`;
}

/** Whether the leaf certificate names `host` (RFC 7672 section 3.2.2 for DANE-TA); null if unreadable. */
export function leafNamesHost(chain: readonly CertificateFacts[], host: string): boolean | null {
  const leaf = chain[0];
  if (leaf === undefined) return null;
  try {
    return new X509Certificate(Buffer.from(leaf.derBase64, 'base64')).checkHost(host) !== undefined;
  } catch {
    return null;
  }
}

function spkiOf(der: Buffer): Buffer | null {
  try {
    return new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
  } catch {
    return null;
  }
}

function malformed(problem: string): TlsaUsability {
  return { usable: false, reason: 'malformed', problem };
}
