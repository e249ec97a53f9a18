/**
 * A small scripted SMTP server (raw node:net, then node:tls on the same socket) that either keeps or drops
 * the plaintext a client sent behind STARTTLS: the server side of CVE-2011-0411, byte for byte.
 *
 * `keepsPlaintext: true` is the vulnerable server: lines that arrived in the same read as STARTTLS are
 * answered once TLS is up. `false` discards them at the upgrade, as RFC 3207 section 4.2 requires.
 * Listens on 127.0.0.1 port 0; close() destroys every socket it still holds.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

const HOST = '127.0.0.1';
const CLOSE_DEADLINE_MS = 2_000;
/** A scripted server reads at most this much before a line ends; more is a broken client. */
const MAX_BUFFER_BYTES = 4_096;

export interface BufferingStarttlsServer {
  readonly address: string;
  readonly port: number;
  /** Every line received, prefixed "plain: " or "tls: ". */
  readonly received: readonly string[];
  close(): Promise<void>;
}

export async function startBufferingStarttlsServer(options: {
  readonly keepsPlaintext: boolean;
  readonly certPem: string;
  readonly keyPem: string;
}): Promise<BufferingStarttlsServer> {
  const received: string[] = [];
  const sockets = new Set<Socket>();

  const onConnection = (plain: Socket): void => {
    sockets.add(plain);
    plain.on('error', () => undefined);
    plain.on('close', () => sockets.delete(plain));
    let buffer = '';
    let stream: Socket = plain;
    let secure = false;

    const answer = (line: string): 'upgrade' | 'go-on' => {
      received.push(`${secure ? 'tls' : 'plain'}: ${line}`);
      const verb = (line.split(' ')[0] ?? '').toUpperCase();
      if (verb === 'EHLO') stream.write('250-buffer.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n');
      else if (verb === 'STARTTLS' && !secure) {
        stream.write('220 2.0.0 Ready to start TLS\r\n');
        return 'upgrade';
      } else if (verb === 'QUIT') {
        stream.write('221 2.0.0 Bye\r\n');
        stream.end();
      } else if (verb === 'NOOP' || verb === 'RSET') stream.write('250 2.0.0 Ok\r\n');
      else stream.write('502 5.5.2 Not here\r\n');
      return 'go-on';
    };

    /** Answers every complete line; stops at STARTTLS and upgrades, keeping or dropping what is left. */
    const drain = (): void => {
      let index = buffer.indexOf('\n');
      while (index !== -1) {
        const line = buffer.slice(0, index).replace(/\r$/, '');
        buffer = buffer.slice(index + 1);
        if (answer(line) === 'upgrade') {
          upgrade();
          return;
        }
        index = buffer.indexOf('\n');
      }
      if (buffer.length > MAX_BUFFER_BYTES) stream.destroy();
    };

    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('latin1');
      drain();
    };

    const upgrade = (): void => {
      plain.removeListener('data', onData);
      // The flaw: lines read together with STARTTLS survive the upgrade in the application's own buffer.
      const kept = options.keepsPlaintext ? buffer : '';
      buffer = '';
      const tls = new TLSSocket(plain, { isServer: true, cert: options.certPem, key: options.keyPem });
      tls.on('error', () => undefined);
      tls.once('secure', () => {
        secure = true;
        stream = tls;
        tls.on('data', onData);
        buffer = kept;
        drain();
      });
    };

    plain.on('data', onData);
    plain.write('220 buffer.test ESMTP\r\n');
  };

  const server = createServer(onConnection);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      resolve();
    });
  });
  const bound = server.address();
  if (typeof bound !== 'object' || bound === null) throw new Error('The server has no port.');
  return {
    address: HOST,
    port: bound.port,
    received,
    close: () => closeAll(server, sockets),
  };
}

function closeAll(server: Server, sockets: ReadonlySet<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, CLOSE_DEADLINE_MS);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
