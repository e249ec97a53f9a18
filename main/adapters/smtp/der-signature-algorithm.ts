/**
 * The signature algorithm of an X.509 certificate, read from its DER.
 *
 * Node's X509Certificate does not expose it, and it is what tells a SHA-1 signed certificate apart.
 * RFC 5280 section 4.1: Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm AlgorithmIdentifier,
 * signatureValue }; AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }.
 */

const TAG_SEQUENCE = 0x30;
const TAG_OID = 0x06;

/** Common signature OIDs (RFC 8017, RFC 5758, RFC 8410, RFC 4055) and the names people know them by. */
const SIGNATURE_ALGORITHMS: { readonly [oid: string]: string } = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassa-pss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
  '1.3.101.112': 'ed25519',
  '1.3.101.113': 'ed448',
};

interface Element {
  readonly tag: number;
  /** Offset of the contents. */
  readonly start: number;
  /** Offset just past the contents. */
  readonly end: number;
}

/** The signature algorithm's name (or dotted OID when unknown); null when the DER cannot be read. */
export function signatureAlgorithmOf(der: Buffer): string | null {
  const certificate = readElement(der, 0, der.length);
  if (certificate?.tag !== TAG_SEQUENCE) return null;
  const tbs = readElement(der, certificate.start, certificate.end);
  if (tbs?.tag !== TAG_SEQUENCE) return null;
  const algorithm = readElement(der, tbs.end, certificate.end);
  if (algorithm?.tag !== TAG_SEQUENCE) return null;
  const oid = readElement(der, algorithm.start, algorithm.end);
  if (oid?.tag !== TAG_OID) return null;
  const dotted = decodeOid(der.subarray(oid.start, oid.end));
  if (dotted === null) return null;
  return SIGNATURE_ALGORITHMS[dotted] ?? dotted;
}

/** One DER tag-length-value at `offset` (single-byte tags, definite lengths), or null if it overruns `limit`. */
function readElement(der: Buffer, offset: number, limit: number): Element | null {
  if (offset + 2 > limit) return null;
  const tag = der[offset] ?? 0;
  const first = der[offset + 1] ?? 0;
  let length = first;
  let start = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    // X.509 certificates never need more than 4 length octets; 0 would be BER's indefinite form.
    if (count === 0 || count > 4 || start + count > limit) return null;
    length = 0;
    for (let index = 0; index < count; index += 1) length = length * 256 + (der[start + index] ?? 0);
    start += count;
  }
  const end = start + length;
  return end > limit ? null : { tag, start, end };
}

/** X.690 section 8.19: the first octet packs two arcs, then base-128 arcs with a continuation bit. */
function decodeOid(bytes: Buffer): string | null {
  if (bytes.length === 0 || bytes.length > 64) return null;
  const arcs: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (arcs.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        arcs.push(first, value - first * 40);
      } else {
        arcs.push(value);
      }
      value = 0;
    }
  }
  return arcs.join('.');
}
