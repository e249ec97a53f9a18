/**
 * Raw `net` servers that break the IMAP or POP3 grammar on purpose, one behaviour each, on port 0 of
 * 127.0.0.1. Each writes exactly the bytes that make its point and never reads a password.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { IncomingProtocol } from '../../main/core/incoming/line-channel';

export const HOSTILE_INCOMING_BEHAVIOURS = [
  'no-greeting',
  'endless-line',
  'endless-literal',
  'untagged-flood',
  'wrong-tag',
  'bye-mid-session',
  'starttls-refused',
  'plaintext-after-starttls',
  'refusing-greeting',
  'no-starttls',
  'garbage-for-handshake',
  'garbage-reply',
  'silent-after-greeting',
  'close-after-greeting',
] as const;
export type HostileIncomingBehaviour = (typeof HOSTILE_INCOMING_BEHAVIOURS)[number];

export interface HostileIncomingServer {
  readonly port: number;
  stop(): Promise<void>;
}

const CHUNK = 'x';

export async function startHostileIncomingServer(
  protocol: IncomingProtocol,
  behaviour: HostileIncomingBehaviour,
): Promise<HostileIncomingServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    serve(protocol, behaviour, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/**
 * Writes `unit` over and over until the peer goes away, 64 KB a write: the server shares the test's event
 * loop, so many tiny synchronous writes would stall the very client under test.
 */
function pour(socket: Socket, unit: Buffer | string): void {
  const chunk = Buffer.from(String(unit).repeat(Math.ceil(65_536 / Buffer.byteLength(unit))));
  const more = (): void => {
    while (!socket.destroyed && socket.write(chunk));
    if (!socket.destroyed) socket.once('drain', more);
  };
  more();
}

function serve(protocol: IncomingProtocol, behaviour: HostileIncomingBehaviour, socket: Socket): void {
  const imap = protocol === 'imap';
  if (behaviour === 'no-greeting') return;
  if (behaviour === 'endless-line') {
    pour(socket, CHUNK);
    return;
  }
  if (behaviour === 'refusing-greeting') {
    // RFC 9051 section 7.1.5 / RFC 1939 section 4: a server that will not serve says so and closes.
    socket.end(imap ? '* BYE too busy, come back later\r\n' : '-ERR too busy, come back later\r\n');
    return;
  }
  socket.write(
    imap
      ? `* OK [CAPABILITY IMAP4rev1 ${behaviour === 'no-starttls' ? '' : 'STARTTLS '}LOGINDISABLED] hostile ready\r\n`
      : '+OK hostile ready\r\n',
  );
  let handshaking = false;
  let buffered = '';
  socket.on('data', (data: Buffer) => {
    if (handshaking) {
      // The client's TLS hello gets clear text back: the handshake cannot complete.
      socket.end('this is not TLS\r\n');
      return;
    }
    buffered += data.toString('latin1');
    for (;;) {
      const end = buffered.indexOf('\r\n');
      if (end === -1) return;
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      if (answer(imap, behaviour, socket, line) === 'handshake') handshaking = true;
    }
  });
}

/** Writes the answer to one line; 'handshake' when the client's next bytes are its TLS hello. */
function answer(
  imap: boolean,
  behaviour: HostileIncomingBehaviour,
  socket: Socket,
  line: string,
): 'handshake' | undefined {
  const [tag = '', command = ''] = imap ? line.split(' ') : ['', line.split(' ')[0] ?? ''];
  const verb = command.toUpperCase();
  const ok = (text: string): string => (imap ? `${tag} OK ${text}\r\n` : `+OK ${text}\r\n`);
  switch (behaviour) {
    case 'endless-literal':
      // RFC 9051 section 4.3: a literal announces its size; this one never arrives.
      socket.write('* CAPABILITY {999999999}\r\n');
      pour(socket, CHUNK);
      return;
    case 'untagged-flood':
      if (!imap) socket.write('+OK capabilities follow\r\n');
      pour(socket, imap ? '* OK flood\r\n' : 'FLOOD\r\n');
      return;
    case 'wrong-tag':
      socket.write(imap ? `zz999 OK not yours\r\n` : '?? what\r\n');
      return;
    case 'bye-mid-session':
      // RFC 3206 section 4: SYS/TEMP, a system failure; RFC 1939 section 3 lets the server close after it.
      socket.end(imap ? '* BYE going away\r\n' : '-ERR [SYS/TEMP] going away\r\n');
      return;
    case 'starttls-refused':
    case 'plaintext-after-starttls':
      if (verb === 'CAPABILITY')
        socket.write(`* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n${ok('done')}`);
      else if (verb === 'CAPA') socket.write('+OK\r\nSTLS\r\n.\r\n');
      else if (verb === 'STARTTLS' || verb === 'STLS') {
        if (behaviour === 'starttls-refused')
          socket.write(imap ? `${tag} NO TLS is broken\r\n` : '-ERR TLS is broken\r\n');
        // RFC 3501 section 6.2.1 / RFC 2595 section 4: nothing may follow the OK before TLS.
        else
          socket.write(
            `${ok('Begin TLS')}${imap ? '* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN]' : '+OK USER welcome'}\r\n`,
          );
      } else socket.write(imap ? `${tag} BAD unknown\r\n` : '-ERR unknown\r\n');
      return;
    case 'no-starttls':
      if (verb === 'CAPA') socket.write('+OK\r\nUSER\r\n.\r\n');
      else socket.write(imap ? `${tag} BAD unknown\r\n` : '-ERR unknown\r\n');
      return;
    case 'garbage-for-handshake':
      if (verb === 'CAPA') socket.write('+OK\r\nSTLS\r\n.\r\n');
      else if (verb === 'STARTTLS' || verb === 'STLS') {
        socket.write(ok('Begin TLS'));
        return 'handshake';
      } else socket.write(imap ? `${tag} BAD unknown\r\n` : '-ERR unknown\r\n');
      return;
    case 'garbage-reply':
      socket.write('%%% garbage %%%\r\n');
      return;
    case 'close-after-greeting':
      socket.destroy();
      return;
    case 'silent-after-greeting':
    case 'refusing-greeting':
    case 'no-greeting':
    case 'endless-line':
      return;
  }
  return undefined;
}
