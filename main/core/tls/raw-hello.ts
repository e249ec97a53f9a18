/**
 * A hand-built TLS 1.2 ClientHello that offers DEFLATE compression, and a reader for the first record the
 * server sends back: for the one question Node's OpenSSL cannot ask, whether the server would compress.
 *
 * RFC 5246 section 7.4.1.2 (ClientHello) and 7.4.1.3 (ServerHello); RFC 3749 assigns DEFLATE the
 * compression method 1. Only the server's hello is ever read: no key exchange, no application data, and
 * nothing that could make a server reveal its memory.
 */

/** RFC 3749 section 2: the DEFLATE compression method. */
export const DEFLATE = 1;
/** RFC 5246 section 7.4.1.2: CompressionMethod null. */
export const NO_COMPRESSION = 0;

const HANDSHAKE_RECORD = 0x16;
const ALERT_RECORD = 0x15;
const CLIENT_HELLO = 0x01;
const SERVER_HELLO = 0x02;
const TLS12 = [0x03, 0x03];
/** RFC 5246 appendix E.1: older servers expect TLS 1.0 in the record layer of the first hello. */
const RECORD_VERSION = [0x03, 0x01];

/**
 * ECDHE and RSA suites with AES-GCM, ChaCha20 and AES-CBC: what a TLS 1.2 server of any age will take,
 * plus TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746 section 3.3).
 */
const CIPHER_SUITES = [
  0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc009, 0xc013, 0xc00a, 0xc014, 0x009c, 0x009d, 0x002f,
  0x0035, 0x00ff,
];
/** RFC 8422 section 5.1.1 / RFC 7748: x25519, secp256r1, secp384r1. */
const SUPPORTED_GROUPS = [0x001d, 0x0017, 0x0018];
/** RFC 5246 section 7.4.1.4.1 and RFC 8446 section 4.2.3: modern first, SHA-1 last for old servers. */
const SIGNATURE_ALGORITHMS = [0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601, 0x0203, 0x0201];

const u16 = (value: number): number[] => [(value >> 8) & 0xff, value & 0xff];
const u24 = (value: number): number[] => [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
const withU16Length = (bytes: readonly number[]): number[] => [...u16(bytes.length), ...bytes];
const extension = (type: number, body: readonly number[]): number[] => [...u16(type), ...withU16Length(body)];

/** RFC 6066 section 3: SNI carries a host name, never an IP literal. */
function serverName(host: string): number[] {
  if (host === '' || /^[\d.]+$/.test(host) || host.includes(':')) return [];
  const name = [...new TextEncoder().encode(host.replace(/\.$/, ''))];
  return extension(0x0000, withU16Length([0x00, ...withU16Length(name)]));
}

/** A complete TLS record holding a ClientHello that offers DEFLATE before null compression. */
export function clientHelloOfferingDeflate(host: string, random: Uint8Array): Uint8Array {
  const extensions = [
    ...serverName(host),
    ...extension(0x000a, withU16Length(SUPPORTED_GROUPS.flatMap(u16))),
    ...extension(0x000b, [0x01, 0x00]), // ec_point_formats: uncompressed
    ...extension(0x000d, withU16Length(SIGNATURE_ALGORITHMS.flatMap(u16))),
  ];
  const body = [
    ...TLS12,
    ...random.subarray(0, 32),
    0x00, // no session id
    ...withU16Length(CIPHER_SUITES.flatMap(u16)),
    0x02,
    DEFLATE,
    NO_COMPRESSION,
    ...withU16Length(extensions),
  ];
  const handshake = [CLIENT_HELLO, ...u24(body.length), ...body];
  return Uint8Array.from([HANDSHAKE_RECORD, ...RECORD_VERSION, ...u16(handshake.length), ...handshake]);
}

export type ServerAnswer =
  | {
      readonly kind: 'server-hello';
      /** "3.3" for TLS 1.2. */
      readonly version: string;
      readonly cipherSuite: number;
      readonly compressionMethod: number;
    }
  /** RFC 5246 section 7.2: the server refused the hello. */
  | { readonly kind: 'alert'; readonly level: number; readonly description: number }
  | { readonly kind: 'unreadable' };

/** Reads the first record a server answered with: its ServerHello's choices, or its alert. */
export function readServerAnswer(record: Uint8Array): ServerAnswer {
  const type = record[0];
  if (type === ALERT_RECORD && record.length >= 7)
    return { kind: 'alert', level: record[5] ?? 0, description: record[6] ?? 0 };
  if (type !== HANDSHAKE_RECORD || record[5] !== SERVER_HELLO) return { kind: 'unreadable' };
  // Record header (5), handshake header (4), server_version (2), random (32), session_id.
  const versionAt = 9;
  const sessionIdAt = versionAt + 2 + 32;
  const sessionIdLength = record[sessionIdAt];
  if (sessionIdLength === undefined) return { kind: 'unreadable' };
  const suiteAt = sessionIdAt + 1 + sessionIdLength;
  const compressionAt = suiteAt + 2;
  const high = record[suiteAt];
  const low = record[suiteAt + 1];
  const compressionMethod = record[compressionAt];
  const major = record[versionAt];
  const minor = record[versionAt + 1];
  if (
    high === undefined ||
    low === undefined ||
    compressionMethod === undefined ||
    major === undefined ||
    minor === undefined
  )
    return { kind: 'unreadable' };
  return {
    kind: 'server-hello',
    version: `${String(major)}.${String(minor)}`,
    cipherSuite: (high << 8) | low,
    compressionMethod,
  };
}
