/**
 * A raw `net` server on 127.0.0.1 that answers a TLS ClientHello (implicit TLS, from the first byte) with
 * one hand-built TLS 1.2 ServerHello, then closes: the bytes of an old appliance that Node's OpenSSL
 * cannot be made to send.
 *
 * The ServerHello carries no extensions at all, so no renegotiation_info (RFC 5746 section 3.6: a server
 * that supports secure renegotiation MUST include it), and the compression method the test asks for
 * (RFC 5246 section 7.4.1.3; 1 is DEFLATE, RFC 3749). It picks the first TLS 1.2 suite the client
 * offered, so a client gets as far as reading the hello and judging it. Nothing of the server's memory
 * or any secret is involved: no certificate or key exchange ever follows.
 *
 * With `imapStarttls` it is an IMAP server first (RFC 9051 section 6.2.1): a greeting listing STARTTLS,
 * CAPABILITY, and "OK Begin TLS" to STARTTLS, after which the client's hello gets the same answer.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { readFirstTlsRecord } from './first-tls-record';

/** A connection idle this long is dropped, so a stuck client never keeps the test server open. */
const IDLE_TIMEOUT_MS = 10_000;
const HANDSHAKE = 0x16;
const SERVER_HELLO = 0x02;
const TLS12 = [0x03, 0x03] as const;
/** TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746 section 3.3): a signal, never a suite to pick. */
const RENEGOTIATION_SCSV = 0x00ff;
/** TLS_FALLBACK_SCSV (RFC 7507). */
const FALLBACK_SCSV = 0x5600;

export interface LegacyServerHelloServer {
  readonly port: number;
  /** The compression methods each ClientHello offered, in order of arrival. */
  readonly offeredCompression: readonly (readonly number[])[];
  stop(): Promise<void>;
}

/** Far above any IMAP command a probe sends before STARTTLS. */
const MAX_COMMAND_BYTES = 4_096;

export async function startLegacyServerHello(options: {
  readonly compressionMethod: number;
  readonly imapStarttls?: boolean;
}): Promise<LegacyServerHelloServer> {
  const sockets = new Set<Socket>();
  const offeredCompression: number[][] = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const answerHello = (): void => {
      readFirstTlsRecord(socket, IDLE_TIMEOUT_MS, ({ body }) => {
        const hello = readClientHello(body);
        if (hello === null) {
          socket.destroy();
          return;
        }
        offeredCompression.push(hello.compressionMethods);
        socket.end(serverHello(hello.suite, options.compressionMethod));
      });
    };
    if (options.imapStarttls === true) speakImapUntilStarttls(socket, answerHello);
    else answerHello();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    offeredCompression,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** The clear-text IMAP steps a client takes before STARTTLS; `then` once the go-ahead is written. */
function speakImapUntilStarttls(socket: Socket, then: () => void): void {
  socket.write('* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] legacy appliance ready\r\n');
  let buffered = '';
  const onData = (chunk: Buffer): void => {
    buffered += chunk.toString('latin1');
    if (buffered.length > MAX_COMMAND_BYTES) {
      socket.destroy();
      return;
    }
    for (let end = buffered.indexOf('\r\n'); end >= 0; end = buffered.indexOf('\r\n')) {
      const [tag = '*', command = ''] = buffered.slice(0, end).split(' ');
      buffered = buffered.slice(end + 2);
      if (command.toUpperCase() === 'STARTTLS') {
        socket.removeListener('data', onData);
        socket.write(`${tag} OK Begin TLS negotiation now\r\n`);
        then();
        return;
      }
      if (command.toUpperCase() === 'CAPABILITY')
        socket.write(`* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n${tag} OK CAPABILITY completed\r\n`);
      else if (command.toUpperCase() === 'LOGOUT') socket.end(`* BYE\r\n${tag} OK LOGOUT completed\r\n`);
      else socket.write(`${tag} BAD not before TLS\r\n`);
    }
  };
  socket.on('data', onData);
}

/** RFC 5246 section 7.4.1.2: the first TLS 1.2 suite offered, and the compression methods offered. */
function readClientHello(body: Buffer): { suite: number; compressionMethods: number[] } | null {
  // msg_type(1) length(3) client_version(2) random(32)
  let at = 4 + 2 + 32;
  if (body[0] !== 0x01 || body.length < at + 1) return null;
  at += 1 + (body[at] ?? 0); // session_id
  if (body.length < at + 2) return null;
  const suitesLength = body.readUInt16BE(at);
  at += 2;
  let suite: number | null = null;
  for (let i = 0; i + 1 < suitesLength && at + i + 1 < body.length; i += 2) {
    const candidate = body.readUInt16BE(at + i);
    // TLS 1.3 suites (0x13xx) cannot be chosen in a TLS 1.2 ServerHello; signalling values are no suites.
    if ((candidate & 0xff00) === 0x1300 || candidate === RENEGOTIATION_SCSV || candidate === FALLBACK_SCSV)
      continue;
    suite = candidate;
    break;
  }
  at += suitesLength;
  const methodsLength = body[at] ?? 0;
  const compressionMethods = [...body.subarray(at + 1, at + 1 + methodsLength)];
  return suite === null ? null : { suite, compressionMethods };
}

function serverHello(suite: number, compressionMethod: number): Buffer {
  const body = Buffer.concat([
    Buffer.from(TLS12),
    randomBytes(32),
    Buffer.from([0x00]), // no session id
    Buffer.from([suite >> 8, suite & 0xff]),
    Buffer.from([compressionMethod]),
    // No extensions block at all (RFC 5246 section 7.4.1.3 allows that): no renegotiation_info.
  ]);
  const handshake = Buffer.concat([
    Buffer.from([SERVER_HELLO, 0x00, body.length >> 8, body.length & 0xff]),
    body,
  ]);
  return Buffer.concat([
    Buffer.from([HANDSHAKE, ...TLS12, handshake.length >> 8, handshake.length & 0xff]),
    handshake,
  ]);
}
