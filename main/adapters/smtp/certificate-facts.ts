/**
 * CertificateFacts from a peer certificate's DER: what the TLS probe judges and a report keeps as evidence.
 */
import { X509Certificate } from 'node:crypto';
import type { CertificateFacts } from '../../core/smtp/smtp-channel';
import { signatureAlgorithmOf } from './der-signature-algorithm';

/** Bits of the named curves a server certificate may use (RFC 8422, RFC 8410). */
const CURVE_BITS: { readonly [curve: string]: number } = {
  prime256v1: 256,
  'P-256': 256,
  secp384r1: 384,
  'P-384': 384,
  secp521r1: 521,
  'P-521': 521,
  secp256k1: 256,
};

const EDWARDS_BITS: { readonly [type: string]: number } = { ed25519: 256, ed448: 456 };

/**
 * A TLS probe sees the same chain on a dozen handshakes per port; parsing it (and verifying a self-signed
 * signature) once is enough. Facts are plain data and never change for the same bytes.
 */
const MAX_REMEMBERED = 64;
const remembered = new Map<string, CertificateFacts>();

export function certificateFacts(der: Buffer): CertificateFacts {
  const derBase64 = der.toString('base64');
  const known = remembered.get(derBase64);
  if (known !== undefined) return known;
  const facts = parseFacts(der, derBase64);
  remembered.set(derBase64, facts);
  // Oldest first out: a consultant's batch meets many chains, each needed only during its own audit.
  if (remembered.size > MAX_REMEMBERED) {
    const oldest = remembered.keys().next();
    if (oldest.done !== true) remembered.delete(oldest.value);
  }
  return facts;
}

function parseFacts(der: Buffer, derBase64: string): CertificateFacts {
  const x509 = new X509Certificate(der);
  const key = x509.publicKey;
  const keyType = key.asymmetricKeyType ?? null;
  const details = key.asymmetricKeyDetails;
  let keyBits: number | null = null;
  if (details?.modulusLength !== undefined) keyBits = details.modulusLength;
  else if (details?.namedCurve !== undefined) keyBits = CURVE_BITS[details.namedCurve] ?? null;
  else if (keyType !== null) keyBits = EDWARDS_BITS[keyType] ?? null;
  return {
    derBase64,
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    subjectAltNames: splitAltNames(x509.subjectAltName),
    validFrom: isoDate(x509.validFrom),
    validTo: isoDate(x509.validTo),
    serialNumber: x509.serialNumber,
    fingerprintSha256: x509.fingerprint256,
    keyType,
    keyBits,
    signatureAlgorithm: signatureAlgorithmOf(der),
    selfSigned: isSelfSigned(x509),
  };
}

/** Issuer equals subject and the certificate's signature verifies with its own key. */
function isSelfSigned(x509: X509Certificate): boolean {
  // Not checkIssued(): OpenSSL also demands keyCertSign there, which a self-signed server leaf often lacks.
  if (x509.subject !== x509.issuer) return false;
  try {
    return x509.verify(x509.publicKey);
  } catch {
    return false;
  }
}

/** Node gives "CN=a\nO=b"; evidence reads better as "CN=a, O=b". */
function oneLine(name: string): string {
  return name
    .split('\n')
    .filter((part) => part !== '')
    .join(', ');
}

/** "DNS:a.example, IP Address:127.0.0.1" -> ["DNS:a.example", "IP Address:127.0.0.1"]. */
function splitAltNames(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  return text.split(', ').filter((part) => part !== '');
}

/** "Nov 27 22:53:10 2026 GMT" -> ISO 8601; the original text when it does not parse. */
function isoDate(text: string): string {
  const time = Date.parse(text);
  return Number.isNaN(time) ? text : new Date(time).toISOString();
}
