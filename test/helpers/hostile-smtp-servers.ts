/**
 * Raw node:net SMTP servers that misbehave byte-exactly, one behaviour each, on 127.0.0.1 and port 0.
 *
 * Every server remembers its sockets and close() destroys them, so a test never waits on a client that a
 * hostile server kept open. The behaviours are the list (connect that hangs, no greeting, one byte
 * a second, a line with no CRLF that never ends, endless 250- continuation, malformed codes, STARTTLS
 * refused, plaintext injected after "220 Ready to start TLS" or sent instead of TLS, 421 mid-session, reset mid-reply, endless 334
 * challenges, a TLS handshake that stalls) plus the greetings the reachability probe tells apart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

const HOST = '127.0.0.1';
const CLOSE_DEADLINE_MS = 2_000;
/** The endless senders write this often, so a test sees a stream without flooding the loopback. */
const FLOOD_INTERVAL_MS = 5;
const FLOOD_CHUNK = 'A'.repeat(1_024);

export const HOSTILE_BEHAVIOURS = [
  /** Accepts, never writes. */
  'no-greeting',
  /** "220 slow.test ESMTP\r\n", one byte per `byteIntervalMs` (default 1 s). */
  'one-byte-a-second',
  /** "220 " then 'A's without a CRLF, for ever. */
  'endless-line',
  /** A normal greeting; EHLO is answered with "250-..." lines for ever. */
  'endless-continuation',
  /** Greets with "2500 four digits". */
  'malformed-code',
  /** Greets with "hello, this is not SMTP". */
  'text-reply',
  /** A normal greeting; EHLO answered "250-first" then "251 second": the code changes mid-reply. */
  'mismatched-codes',
  /** EHLO offers STARTTLS; STARTTLS is answered 454 4.7.0. */
  'starttls-454',
  /** EHLO offers STARTTLS; STARTTLS is answered 502 5.5.1. */
  'starttls-502',
  /** STARTTLS answered "220 Ready to start TLS" plus a plaintext "250 injected" line, then silence. */
  'starttls-injection',
  /** STARTTLS answered 220, then the server never answers the ClientHello. */
  'starttls-stall',
  /** STARTTLS answered 220, then the ClientHello is answered with a plain-text SMTP line, not TLS. */
  'starttls-plaintext',
  /** STARTTLS answered 220, then the server hangs up as the ClientHello arrives. */
  'starttls-hangup',
  /** Greets and answers EHLO; the next command gets "421 4.3.2 shutting down" and the connection closes. */
  'mid-session-421',
  /** Greets; EHLO gets half a reply, then a TCP reset (socket.resetAndDestroy()). */
  'reset-mid-reply',
  /** Offers AUTH PLAIN LOGIN; AUTH and every line after it get another "334" challenge, for ever. */
  'endless-334',
  /** For implicit TLS: accepts, reads the ClientHello, never answers. */
  'tls-stall',
  /** Greets "421 4.3.2 Too busy, try later" and closes. */
  'greeting-421',
  /** Greets "554 5.7.1 No SMTP service here" and stays until QUIT. */
  'greeting-554',
  /** A normal SMTP server whose greeting comes after `greetingDelayMs` (a tarpit). */
  'slow-greeting',
  /** Answers EHLO with 502 and HELO with 250 (RFC 821 only). */
  'helo-only',
  /** Answers both EHLO and HELO with 550: no conversation can start. */
  'hello-refused',
  /** Greets with terminal escapes, a bell, a NUL and a bidi override in the text. */
  'control-characters',
] as const;
export type HostileBehaviour = (typeof HOSTILE_BEHAVIOURS)[number];

export interface HostileServerOptions {
  readonly byteIntervalMs?: number;
  readonly greetingDelayMs?: number;
}

export interface HostileServer {
  readonly address: string;
  readonly port: number;
  /** Lines the server received, across connections, as text. */
  readonly received: readonly string[];
  close(): Promise<void>;
}

type LineHandler = (line: string, socket: Socket) => void;

export async function startHostileServer(
  behaviour: HostileBehaviour,
  options: HostileServerOptions = {},
): Promise<HostileServer> {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const every = (ms: number, tick: () => void): void => {
    const timer = setInterval(tick, ms);
    timers.add(timer);
  };
  const after = (ms: number, run: () => void): void => {
    const timer = setTimeout(run, ms);
    timers.add(timer);
  };
  const onConnection = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    /** Set once the client is expected to speak TLS: its bytes are no longer SMTP lines. */
    const state = { silenced: false };
    const silenced = (): boolean => state.silenced;
    const lines = (handler: LineHandler): void => {
      let buffer = '';
      socket.on('data', (chunk: Buffer) => {
        if (silenced()) {
          received.push(`<${String(chunk.length)} bytes>`);
          return;
        }
        buffer += chunk.toString('latin1');
        let index = buffer.indexOf('\n');
        while (index !== -1 && !silenced()) {
          const line = buffer.slice(0, index).replace(/\r$/, '');
          buffer = buffer.slice(index + 1);
          received.push(line);
          handler(line, socket);
          index = buffer.indexOf('\n');
        }
      });
    };
    const write = (text: string): void => {
      if (!socket.destroyed) socket.write(text);
    };
    const polite = (extra: (line: string) => boolean): LineHandler => {
      return (line) => {
        const verb = line.split(' ')[0]?.toUpperCase() ?? '';
        if (extra(line)) return;
        if (verb === 'QUIT') {
          write('221 2.0.0 Bye\r\n');
          socket.end();
        } else if (verb === 'EHLO') {
          write('250-hostile.test\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n');
        } else if (verb === 'HELO') {
          write('250 hostile.test\r\n');
        } else {
          write('250 2.0.0 OK\r\n');
        }
      };
    };
    const greet = (): void => {
      write('220 hostile.test ESMTP\r\n');
    };
    switch (behaviour) {
      case 'no-greeting':
      case 'tls-stall':
        socket.on('data', (chunk: Buffer) => received.push(`<${String(chunk.length)} bytes>`));
        return;
      case 'one-byte-a-second': {
        const text = Buffer.from('220 slow.test ESMTP\r\n');
        let next = 0;
        every(options.byteIntervalMs ?? 1_000, () => {
          if (next < text.length) write(text.subarray(next, next + 1).toString('latin1'));
          next += 1;
        });
        return;
      }
      case 'endless-line':
        write('220 ');
        every(FLOOD_INTERVAL_MS, () => {
          write(FLOOD_CHUNK);
        });
        return;
      case 'endless-continuation':
        greet();
        lines(
          polite((line) => {
            if (!/^EHLO/i.test(line)) return false;
            let count = 0;
            every(FLOOD_INTERVAL_MS, () => {
              const batch: string[] = [];
              for (let index = 0; index < 20; index += 1)
                batch.push(`250-X-ENDLESS-${String((count += 1))}\r\n`);
              write(batch.join(''));
            });
            return true;
          }),
        );
        return;
      case 'malformed-code':
        write('2500 four digits is not a reply code\r\n');
        return;
      case 'text-reply':
        write('hello, this is not SMTP\r\n');
        return;
      case 'mismatched-codes':
        greet();
        lines(
          polite((line) => {
            if (!/^EHLO/i.test(line)) return false;
            write('250-first\r\n251 second\r\n');
            return true;
          }),
        );
        return;
      case 'starttls-454':
      case 'starttls-502':
      case 'starttls-injection':
      case 'starttls-stall':
      case 'starttls-plaintext':
      case 'starttls-hangup':
        greet();
        lines(
          polite((line) => {
            if (!/^STARTTLS$/i.test(line)) return false;
            if (behaviour === 'starttls-454')
              write('454 4.7.0 TLS not available due to temporary reason\r\n');
            else if (behaviour === 'starttls-502') write('502 5.5.1 STARTTLS not implemented\r\n');
            else if (behaviour === 'starttls-injection') {
              // One write: the injected line travels in the same segment as the 220, as in CVE-2011-0411.
              write('220 2.0.0 Ready to start TLS\r\n250 injected\r\n');
              state.silenced = true;
            } else {
              write('220 2.0.0 Ready to start TLS\r\n');
              state.silenced = true;
              // After the 220 (and only once the ClientHello is in), so none of this is an injection.
              if (behaviour === 'starttls-plaintext')
                socket.once('data', () => {
                  write('500 5.5.1 Command unrecognized\r\n');
                });
              else if (behaviour === 'starttls-hangup')
                socket.once('data', () => {
                  socket.destroy();
                });
            }
            return true;
          }),
        );
        return;
      case 'mid-session-421': {
        greet();
        let commands = 0;
        lines(
          polite((line) => {
            commands += 1;
            if (commands === 1 || /^QUIT/i.test(line)) return false;
            write('421 4.3.2 Service shutting down, closing transmission channel\r\n');
            socket.end();
            return true;
          }),
        );
        return;
      }
      case 'reset-mid-reply':
        greet();
        lines(
          polite((line) => {
            if (!/^EHLO/i.test(line)) return false;
            socket.write('250-hostile.test\r\n250-PIPEL', () => {
              after(20, () => socket.resetAndDestroy());
            });
            return true;
          }),
        );
        return;
      case 'endless-334': {
        greet();
        let authenticating = false;
        lines(
          polite((line) => {
            if (/^AUTH /i.test(line)) authenticating = true;
            if (!authenticating || /^QUIT/i.test(line)) return false;
            write('334 VXNlcm5hbWU6\r\n');
            return true;
          }),
        );
        return;
      }
      case 'greeting-421':
        write('421 4.3.2 Too busy, try later\r\n');
        socket.end();
        return;
      case 'greeting-554':
        write('554 5.7.1 No SMTP service here\r\n');
        lines(polite(() => false));
        return;
      case 'slow-greeting':
        after(options.greetingDelayMs ?? 6_000, greet);
        lines(polite(() => false));
        return;
      case 'control-characters':
        write('220 evil\u001b[31m red\u0007 bell\u0000 \u202Egnp.exe\r\n');
        lines(polite(() => false));
        return;
      case 'hello-refused':
        greet();
        lines(
          polite((line) => {
            if (!/^(EHLO|HELO)/i.test(line)) return false;
            write('550 5.7.1 Access denied: your network is not welcome here\r\n');
            return true;
          }),
        );
        return;
      case 'helo-only':
        greet();
        lines(
          polite((line) => {
            if (!/^EHLO/i.test(line)) return false;
            write('502 5.5.2 Command not recognized\r\n');
            return true;
          }),
        );
        return;
    }
  };
  const server = createServer(onConnection);
  await listen(server);
  const port = addressPort(server);
  return {
    address: HOST,
    port,
    received,
    async close() {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await closeServer(server);
    },
  };
}

export interface BlackholeListener {
  readonly address: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A listening port whose connect never completes: a honest "connect that hangs" on loopback.
 *
 * A SYN to loopback is always answered, so a hang cannot come from an unreachable host. Instead a child
 * Node process listens with a backlog of 1 and then blocks its event loop, so it never accepts; the test
 * fills the accept queue, after which Linux drops further SYNs (net/ipv4/tcp_input.c, listen overflow)
 * and the next connect waits until its deadline. The child exits on its own after CHILD_LIFETIME_MS.
 */
export async function startBlackholeListener(): Promise<BlackholeListener> {
  const childLifetimeMs = 60_000;
  const script = [
    "const s = require('node:net').createServer();",
    `s.listen({ port: 0, host: '${HOST}', backlog: 1 }, () => {`,
    '  process.stdout.write(String(s.address().port) + "\\n");',
    `  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${String(childLifetimeMs)});`,
    '  process.exit(0);',
    '});',
  ].join('\n');
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await readPort(child);
  const fillers: Socket[] = [];
  // Fill the accept queue: connect until one does not complete quickly.
  for (let attempt = 0; attempt < 16; attempt += 1) {
    const socket = createConnection({ host: HOST, port });
    socket.on('error', () => undefined);
    fillers.push(socket);
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        resolve(false);
      }, 300);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!connected) break;
  }
  return {
    address: HOST,
    port,
    close() {
      for (const socket of fillers) socket.destroy();
      child.kill('SIGKILL');
      return Promise.resolve();
    },
  };
}

function readPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('The blackhole listener did not start within 5 s.'));
    }, 5_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = /^(\d+)\n/.exec(text);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      resolve();
    });
  });
}

function addressPort(server: Server): number {
  const bound = server.address();
  if (typeof bound !== 'object' || bound === null) throw new Error('The server has no port.');
  return bound.port;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, CLOSE_DEADLINE_MS);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
