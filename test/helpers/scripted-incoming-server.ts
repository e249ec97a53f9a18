/**
 * An IMAP or POP3 server on 127.0.0.1 that answers as a given product does: its greeting, its capability
 * list, and what it says to a password login and to opening the inbox. For the software Debian cannot run
 * here (Courier's and Exchange's own words, the big providers' refusals) and for logins that break off.
 *
 * Clear text, or TLS from the first byte with a test certificate. It keeps no line it received, so a
 * password sent to it is never stored; every line is capped.
 */
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

/** Far above any command the probes send; a client that sends more is cut off, not buffered. */
const MAX_LINE_BYTES = 8_192;

export interface IncomingScript {
  readonly protocol: 'imap' | 'pop3';
  /** The greeting after "* OK " (IMAP) or "+OK " (POP3), e.g. "Courier-IMAP ready." */
  readonly greeting: string;
  /** IMAP CAPABILITY words, or POP3 CAPA lines (RFC 2449), in the product's own order. */
  readonly capabilities: readonly string[];
  /** What a password login gets: accepted, refused with this line (no tag), or the connection closed. */
  readonly login: 'accept' | 'close' | { readonly refuse: string };
  /** What EXAMINE INBOX (IMAP) or STAT (POP3) gets: the count, or a refusal with this line (no tag). */
  readonly inbox: { readonly messages: number } | { readonly refuse: string };
  /** TLS from the first byte with this certificate; absent: clear text. */
  readonly tls?: { readonly certPem: string; readonly keyPem: string };
}

export interface ScriptedIncomingServer {
  readonly port: number;
  /** How many password (or token) logins arrived, whatever the script answered. */
  readonly logins: () => number;
  stop(): Promise<void>;
}

export async function startScriptedIncomingServer(script: IncomingScript): Promise<ScriptedIncomingServer> {
  const sockets = new Set<Socket>();
  let logins = 0;
  const counted = (): void => {
    logins += 1;
  };
  const serve = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (script.protocol === 'imap') serveImap(socket, script, counted);
    else servePop3(socket, script, counted);
  };
  const server: NetServer =
    script.tls === undefined
      ? createNetServer(serve)
      : createTlsServer({ cert: script.tls.certPem, key: script.tls.keyPem }, serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    logins: () => logins,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

function onLines(socket: Socket, handle: (line: string) => void): void {
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

const say = (socket: Socket, ...lines: string[]): void => {
  if (!socket.destroyed) socket.write(lines.map((line) => `${line}\r\n`).join(''));
};

/** RFC 9051: tagged commands; LOGIN, AUTHENTICATE and EXAMINE / SELECT as scripted, anything else OK. */
function serveImap(socket: Socket, script: IncomingScript, counted: () => void): void {
  say(socket, `* OK ${script.greeting}`);
  const login = (tag: string): void => {
    counted();
    if (script.login === 'close') socket.destroy();
    else if (script.login === 'accept') say(socket, `${tag} OK LOGIN completed.`);
    else say(socket, `${tag} ${script.login.refuse}`);
  };
  // AUTHENTICATE without an initial response (RFC 9051 section 6.2.2) gets "+" and then one more line.
  let pendingAuthTag: string | null = null;
  onLines(socket, (line) => {
    if (pendingAuthTag !== null) {
      login(pendingAuthTag);
      pendingAuthTag = null;
      return;
    }
    const [tag = '*', command = '', ...rest] = line.split(' ');
    switch (command.toUpperCase()) {
      case 'CAPABILITY':
        say(socket, `* CAPABILITY ${script.capabilities.join(' ')}`, `${tag} OK CAPABILITY completed.`);
        return;
      case 'LOGIN':
        login(tag);
        return;
      case 'AUTHENTICATE':
        if (rest.length >= 2) login(tag);
        else {
          pendingAuthTag = tag;
          say(socket, '+ ');
        }
        return;
      case 'EXAMINE':
      case 'SELECT':
        if ('refuse' in script.inbox) say(socket, `${tag} ${script.inbox.refuse}`);
        else
          say(
            socket,
            `* ${String(script.inbox.messages)} EXISTS`,
            '* 0 RECENT',
            '* OK [UIDVALIDITY 1] UIDs valid',
            '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)',
            `${tag} OK [READ-ONLY] ${command.toUpperCase()} completed.`,
          );
        return;
      case 'LOGOUT':
        say(socket, '* BYE logging out', `${tag} OK LOGOUT completed.`);
        socket.end();
        return;
      default:
        say(socket, `${tag} OK ${command.toUpperCase()} completed.`);
    }
  });
}

/** RFC 1939 with RFC 2449 CAPA: USER, then PASS as scripted, STAT as scripted. */
function servePop3(socket: Socket, script: IncomingScript, counted: () => void): void {
  say(socket, `+OK ${script.greeting}`);
  onLines(socket, (line) => {
    switch ((line.split(' ')[0] ?? '').toUpperCase()) {
      case 'CAPA':
        say(socket, '+OK Capability list follows', ...script.capabilities, '.');
        return;
      case 'USER':
        say(socket, '+OK send PASS');
        return;
      case 'PASS':
        counted();
        if (script.login === 'close') socket.destroy();
        else if (script.login === 'accept') say(socket, '+OK logged in.');
        else say(socket, script.login.refuse);
        return;
      case 'STAT':
        if ('refuse' in script.inbox) say(socket, script.inbox.refuse);
        else say(socket, `+OK ${String(script.inbox.messages)} ${String(script.inbox.messages * 512)}`);
        return;
      case 'QUIT':
        say(socket, '+OK bye.');
        socket.end();
        return;
      default:
        say(socket, '-ERR unknown command');
    }
  });
}
