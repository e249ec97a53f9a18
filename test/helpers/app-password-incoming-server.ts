/**
 * An IMAP or POP3 server over implicit TLS on 127.0.0.1 that answers every password login with Google's
 * own refusal, byte for byte: "NO [ALERT] Application-specific password required: ... (Failure)" (IMAP)
 * and "-ERR [AUTH] Application-specific password required: ..." (POP3).
 *
 * The bytes are Google's own, so a scripted server sends them exactly, where Dovecot would frame a refusal
 * in its own words. Everything else gets a plain success, enough for the dialogue and login probes to
 * reach the login. It keeps no line it received: the password is never stored.
 */
import { createServer, type Server, type TLSSocket } from 'node:tls';

const GOOGLE_HELP = 'https://support.google.com/accounts/answer/185833';
export const GOOGLE_IMAP_REFUSAL = `NO [ALERT] Application-specific password required: ${GOOGLE_HELP} (Failure)`;
export const GOOGLE_POP3_REFUSAL = `-ERR [AUTH] Application-specific password required: ${GOOGLE_HELP}`;

/** Far above any command the probes send; a client that sends more is cut off, not buffered. */
const MAX_LINE_BYTES = 8_192;

export interface AppPasswordIncomingServer {
  readonly port: number;
  /** How many logins were refused. */
  readonly refusals: () => number;
  stop(): Promise<void>;
}

export async function startAppPasswordIncomingServer(options: {
  readonly protocol: 'imap' | 'pop3';
  readonly certPem: string;
  readonly keyPem: string;
}): Promise<AppPasswordIncomingServer> {
  const sockets = new Set<TLSSocket>();
  let refusals = 0;
  const refuse = (): void => {
    refusals += 1;
  };
  const server: Server = createServer({ cert: options.certPem, key: options.keyPem }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (options.protocol === 'imap') serveImap(socket, refuse);
    else servePop3(socket, refuse);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    refusals: () => refusals,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

function onLines(socket: TLSSocket, handle: (line: string) => void): void {
  let buffer = '';
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    if (buffer.length > MAX_LINE_BYTES) {
      socket.destroy();
      return;
    }
    for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      handle(line);
    }
  });
}

const say = (socket: TLSSocket, ...lines: string[]): void => {
  if (!socket.destroyed) socket.write(lines.map((line) => `${line}\r\n`).join(''));
};

/** RFC 9051 tagged commands; AUTHENTICATE without an initial response gets a "+" and one more line. */
function serveImap(socket: TLSSocket, refuse: () => void): void {
  say(socket, '* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=XOAUTH2] Gimap ready');
  let pendingAuthTag: string | null = null;
  onLines(socket, (line) => {
    if (pendingAuthTag !== null) {
      refuse();
      say(socket, `${pendingAuthTag} ${GOOGLE_IMAP_REFUSAL}`);
      pendingAuthTag = null;
      return;
    }
    const [tag = '*', command = '', ...rest] = line.split(' ');
    switch (command.toUpperCase()) {
      case 'CAPABILITY':
        say(socket, '* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=XOAUTH2', `${tag} OK Success`);
        return;
      case 'LOGIN':
        refuse();
        say(socket, `${tag} ${GOOGLE_IMAP_REFUSAL}`);
        return;
      case 'AUTHENTICATE':
        if (rest.length >= 2) {
          refuse();
          say(socket, `${tag} ${GOOGLE_IMAP_REFUSAL}`);
        } else {
          pendingAuthTag = tag;
          say(socket, '+ ');
        }
        return;
      case 'LOGOUT':
        say(socket, '* BYE LOGOUT Requested', `${tag} OK 73 good day (Success)`);
        socket.end();
        return;
      default:
        say(socket, `${tag} OK Success`);
    }
  });
}

/** RFC 1939 with RFC 2449 CAPA; PASS gets Google's refusal. */
function servePop3(socket: TLSSocket, refuse: () => void): void {
  say(socket, '+OK Gpop ready');
  onLines(socket, (line) => {
    const command = (line.split(' ')[0] ?? '').toUpperCase();
    switch (command) {
      case 'CAPA':
        say(socket, '+OK Capability list follows', 'USER', 'RESP-CODES', 'UIDL', 'SASL PLAIN XOAUTH2', '.');
        return;
      case 'USER':
        say(socket, '+OK send PASS');
        return;
      case 'PASS':
        refuse();
        say(socket, GOOGLE_POP3_REFUSAL);
        return;
      case 'QUIT':
        say(socket, '+OK Farewell.');
        socket.end();
        return;
      default:
        say(socket, '+OK');
    }
  });
}
