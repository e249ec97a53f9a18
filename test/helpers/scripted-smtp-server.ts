/**
 * A byte-exact SMTP server on 127.0.0.1 whose every reply a test scripts, with a real STARTTLS upgrade.
 *
 * For replies smtp-server cannot produce (Gmail's multi-line 534-5.7.9, endless 334 challenges, a reply
 * that never ends). It keeps every line it received, so tests can prove what was and was not sent.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

export interface ScriptState {
  readonly tls: boolean;
  /** Lines received on this connection so far, this one included. */
  readonly lines: readonly string[];
}

/** A reply (CRLF added to each line), several lines, or an action: say nothing, or close. */
export type ScriptedReply = string | readonly string[] | { readonly action: 'silence' | 'close' };

export interface ScriptedSmtpServerOptions {
  readonly certPem: string;
  readonly keyPem: string;
  /** Default: "220 mail.test ESMTP". null: never greet. */
  readonly greeting?: string | null;
  /** Capabilities after "250-mail.test", before and inside TLS. */
  readonly ehlo?: { readonly plain: readonly string[]; readonly tls: readonly string[] };
  /** Called for every line except EHLO, STARTTLS and QUIT; undefined falls back to "250 2.0.0 OK". */
  readonly respond?: (line: string, state: ScriptState) => ScriptedReply | undefined;
}

export interface ScriptedSmtpServer {
  readonly port: number;
  /** Every line received on every connection, in order. */
  readonly received: readonly string[];
  close(): Promise<void>;
}

const DEFAULT_EHLO = {
  plain: ['PIPELINING', 'STARTTLS', 'ENHANCEDSTATUSCODES'],
  tls: ['PIPELINING', 'AUTH PLAIN LOGIN', 'ENHANCEDSTATUSCODES'],
};

export async function startScriptedSmtpServer(
  options: ScriptedSmtpServerOptions,
): Promise<ScriptedSmtpServer> {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const ehlo = options.ehlo ?? DEFAULT_EHLO;
  const server = createServer((raw) => {
    sockets.add(raw);
    raw.on('close', () => sockets.delete(raw));
    raw.on('error', () => undefined);
    const lines: string[] = [];
    let tls = false;
    const serve = (socket: Socket): void => {
      let buffer = '';
      const onData = (chunk: Buffer): void => {
        buffer += chunk.toString('latin1');
        for (;;) {
          const end = buffer.indexOf('\r\n');
          if (end < 0) return;
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          lines.push(line);
          received.push(line);
          const send = (reply: readonly string[]): void => {
            socket.write(reply.map((each) => `${each}\r\n`).join(''));
          };
          const verb = line.split(' ')[0]?.toUpperCase() ?? '';
          if (verb === 'EHLO') {
            const caps = tls ? ehlo.tls : ehlo.plain;
            send(
              ['mail.test', ...caps].map(
                (each, index, all) => `250${index === all.length - 1 ? ' ' : '-'}${each}`,
              ),
            );
          } else if (verb === 'STARTTLS' && !tls && !ehlo.plain.includes('STARTTLS')) {
            send(['502 5.5.1 STARTTLS not available']);
          } else if (verb === 'STARTTLS' && !tls) {
            socket.removeListener('data', onData);
            socket.write('220 2.0.0 Ready to start TLS\r\n');
            const secure = new TLSSocket(socket, {
              isServer: true,
              key: options.keyPem,
              cert: options.certPem,
            });
            secure.on('error', () => undefined);
            sockets.add(secure);
            tls = true;
            serve(secure);
            return;
          } else if (verb === 'QUIT') {
            socket.end('221 2.0.0 Bye\r\n');
            return;
          } else {
            const reply = options.respond?.(line, { tls, lines }) ?? '250 2.0.0 OK';
            if (typeof reply === 'object' && 'action' in reply) {
              if (reply.action === 'close') {
                socket.destroy();
                return;
              }
            } else {
              send(typeof reply === 'string' ? [reply] : reply);
            }
          }
        }
      };
      socket.on('data', onData);
    };
    if (options.greeting !== null) raw.write(`${options.greeting ?? '220 mail.test ESMTP'}\r\n`);
    serve(raw);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
