/**
 * An implicit-TLS mail server of the Logjam era (weakdh.org): ordinary clients get a real ECDHE handshake
 * from Node's TLS server, but a client offering only DHE suites gets a hand-built TLS 1.2 flight with a
 * 512-bit DH group, which OpenSSL 3 refuses to serve (so no real server here can send one).
 *
 * A raw `net` server reads each ClientHello. When it offers TLS 1.2 and a DHE_RSA suite but none of the
 * real path's (ECDHE with AES-GCM, TLS 1.3), the answer is ServerHello (with RFC 5746 renegotiation_info, which OpenSSL 3 clients
 * require), Certificate (a test certificate), ServerKeyExchange (RFC 5246 section 7.4.3: p of 512 bits,
 * g = 2, Ys, signed with the certificate's key) and ServerHelloDone. Any other hello is handed, bytes
 * unread, to a Node TLS server limited to ECDHE, which greets with "220" and closes.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { X509Certificate, generatePrimeSync, randomBytes, sign } from 'node:crypto';
import { readFirstTlsRecord } from './first-tls-record';
import type { TestCertificate } from './test-certificates';

/** A connection idle this long is dropped, so a stuck client never keeps the test server open. */
const IDLE_TIMEOUT_MS = 10_000;
const HANDSHAKE_RECORD = 0x16;
const TLS12 = 0x0303;
const CLIENT_HELLO = 0x01;
const SERVER_HELLO = 0x02;
const CERTIFICATE = 0x0b;
const SERVER_KEY_EXCHANGE = 0x0c;
const SERVER_HELLO_DONE = 0x0e;
/** RFC 5246 section 7.4.1.4.1: rsa_pkcs1_sha256. */
const RSA_PKCS1_SHA256 = [0x04, 0x01] as const;
/** The broken group's size: the export-grade size Logjam downgraded to. */
const BROKEN_DH_BITS = 512;
/** TLS_DHE_RSA_* suites (IANA TLS Cipher Suites registry) the raw path may pick. */
const DHE_RSA_SUITES: ReadonlySet<number> = new Set([
  0x0033, 0x0039, 0x0067, 0x006b, 0x009e, 0x009f, 0xccaa, 0xc09e, 0xc09f, 0xc0a2, 0xc0a3,
]);
/**
 * The suites the real (ECDHE) path accepts: TLS 1.3's and TLS_ECDHE_{RSA,ECDSA}_WITH_AES_*_GCM_*. A hello
 * offering one of them is an ordinary client's and gets the real server.
 */
const MODERN_SUITES: ReadonlySet<number> = new Set([
  0x1301, 0x1302, 0x1303, 0x1304, 0x1305, 0xc02b, 0xc02c, 0xc02f, 0xc030,
]);

export interface WeakDhServer {
  readonly port: number;
  /** How many hellos got the 512-bit group. */
  readonly brokenGroupsSent: () => number;
  stop(): Promise<void>;
}

export async function startWeakDhServer(leaf: TestCertificate): Promise<WeakDhServer> {
  const group = brokenGroup();
  const certificateDer = new X509Certificate(leaf.certPem).raw;
  const sockets = new Set<Socket>();
  let sent = 0;
  const modern = createTlsServer({
    cert: leaf.certPem,
    key: leaf.keyPem,
    minVersion: 'TLSv1.2',
    // No DHE at all on the real path: only the hand-built path has a DH group.
    ciphers: 'ECDHE+AESGCM',
  });
  modern.on('secureConnection', (socket: TLSSocket) => {
    socket.on('error', () => undefined);
    socket.end('220 dh512.test ESMTP\r\n');
  });
  modern.on('tlsClientError', () => undefined);
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    readFirstTlsRecord(socket, IDLE_TIMEOUT_MS, ({ body, received }) => {
      socket.pause();
      const hello = readClientHello(body);
      const suite = hello === null ? undefined : dheOnlySuite(hello);
      if (hello === null || suite === undefined) {
        // Not a DHE-only hello: the real server takes the connection from its first byte.
        socket.unshift(received);
        modern.emit('connection', socket);
        return;
      }
      sent += 1;
      socket.resume();
      // The client's alert and close follow; nothing it sends is read.
      socket.on('data', () => undefined);
      socket.end(dheFlight(hello.random, suite, certificateDer, group, leaf.keyPem));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    brokenGroupsSent: () => sent,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        modern.close();
        server.close(() => {
          resolve();
        });
      }),
  };
}

interface ClientHello {
  readonly version: number;
  readonly random: Buffer;
  readonly suites: readonly number[];
}

/** RFC 5246 section 7.4.1.2: client_version, random and cipher_suites; null for anything else. */
function readClientHello(body: Buffer): ClientHello | null {
  // msg_type(1) length(3) client_version(2) random(32) session_id<0..32>
  if (body[0] !== CLIENT_HELLO || body.length < 4 + 2 + 32 + 1) return null;
  const version = body.readUInt16BE(4);
  const random = Buffer.from(body.subarray(6, 38));
  let at = 38;
  at += 1 + (body[at] ?? 0);
  if (body.length < at + 2) return null;
  const suitesLength = body.readUInt16BE(at);
  at += 2;
  if (body.length < at + suitesLength) return null;
  const suites: number[] = [];
  for (let i = 0; i + 1 < suitesLength; i += 2) suites.push(body.readUInt16BE(at + i));
  return { version, random, suites };
}

/** The DHE_RSA suite to pick for a TLS 1.2 hello that offers DHE and none of the real path's suites. */
function dheOnlySuite(hello: ClientHello): number | undefined {
  if (hello.version !== TLS12 || hello.suites.some((suite) => MODERN_SUITES.has(suite))) return undefined;
  return hello.suites.find((suite) => DHE_RSA_SUITES.has(suite));
}

interface DhGroup {
  readonly p: Buffer;
  readonly g: Buffer;
  readonly ys: Buffer;
}

/** A 512-bit safe prime, g = 2 and Ys = g^x mod p for a random x: a group OpenSSL's checks accept as DH. */
function brokenGroup(): DhGroup {
  const p = generatePrimeSync(BROKEN_DH_BITS, { safe: true, bigint: true });
  const x = BigInt(`0x${randomBytes(32).toString('hex')}`);
  return { p: toBytes(p), g: Buffer.from([2]), ys: toBytes(modPow(2n, x, p)) };
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if ((e & 1n) === 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

function toBytes(value: bigint): Buffer {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex');
}

/** ServerHello, Certificate, ServerKeyExchange and ServerHelloDone in one handshake record. */
function dheFlight(
  clientRandom: Buffer,
  suite: number,
  certificateDer: Buffer,
  group: DhGroup,
  keyPem: string,
): Buffer {
  const serverRandom = randomBytes(32);
  const serverHello = handshake(
    SERVER_HELLO,
    Buffer.concat([
      u16(TLS12),
      serverRandom,
      Buffer.from([0x00]), // no session id
      u16(suite),
      Buffer.from([0x00]), // no compression
      // extensions: renegotiation_info, empty (RFC 5746 section 3.6)
      withLength16(Buffer.from([0xff, 0x01, 0x00, 0x01, 0x00])),
    ]),
  );
  const certificate = handshake(CERTIFICATE, withLength24(withLength24(certificateDer)));
  // RFC 5246 section 7.4.3: ServerDHParams, then the signature over both randoms and the params.
  const params = Buffer.concat([withLength16(group.p), withLength16(group.g), withLength16(group.ys)]);
  const signature = sign('sha256', Buffer.concat([clientRandom, serverRandom, params]), keyPem);
  const keyExchange = handshake(
    SERVER_KEY_EXCHANGE,
    Buffer.concat([params, Buffer.from(RSA_PKCS1_SHA256), withLength16(signature)]),
  );
  const done = handshake(SERVER_HELLO_DONE, Buffer.alloc(0));
  const messages = Buffer.concat([serverHello, certificate, keyExchange, done]);
  return Buffer.concat([Buffer.from([HANDSHAKE_RECORD]), u16(TLS12), u16(messages.length), messages]);
}

function handshake(type: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([type]), withLength24(body)]);
}

function u16(value: number): Buffer {
  return Buffer.from([(value >> 8) & 0xff, value & 0xff]);
}

function withLength16(body: Buffer): Buffer {
  return Buffer.concat([u16(body.length), body]);
}

function withLength24(body: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from([(body.length >> 16) & 0xff, (body.length >> 8) & 0xff, body.length & 0xff]),
    body,
  ]);
}
