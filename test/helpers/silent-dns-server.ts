/**
 * A DNS server that never answers: it reads UDP queries and ignores them, and accepts TCP connections and
 * stays silent. Resolvers pointed at it must give up on their own deadline.
 */
import { createSocket } from 'node:dgram';
import { createServer, type Socket } from 'node:net';

export interface SilentDnsServer {
  /** `127.0.0.1:PORT`, on the same port for UDP and TCP. */
  readonly server: string;
  readonly port: number;
  /** How many UDP queries arrived (proof the resolver really asked). */
  queriesSeen(): number;
  stop(): Promise<void>;
}

const ADDRESS = '127.0.0.1';
const MAX_PORT_ATTEMPTS = 20;

/** Start a silent server on 127.0.0.1, UDP and TCP on one free port. */
export async function startSilentDnsServer(): Promise<SilentDnsServer> {
  for (let attempt = 0; attempt < MAX_PORT_ATTEMPTS; attempt += 1) {
    const tcp = createServer();
    const connections = new Set<Socket>();
    tcp.on('connection', (socket) => {
      connections.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => connections.delete(socket));
      socket.resume(); // read and ignore
    });
    await new Promise<void>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen(0, ADDRESS, resolve);
    });
    const bound = tcp.address();
    const port = typeof bound === 'object' && bound !== null ? bound.port : 0;

    const udp = createSocket('udp4');
    let queries = 0;
    udp.on('message', () => {
      queries += 1;
    });
    const udpBound = await new Promise<boolean>((resolve) => {
      udp.once('error', () => {
        resolve(false);
      });
      udp.bind(port, ADDRESS, () => {
        resolve(true);
      });
    });
    if (!udpBound) {
      await new Promise<void>((resolve) =>
        tcp.close(() => {
          resolve();
        }),
      );
      continue;
    }

    return {
      server: `${ADDRESS}:${String(port)}`,
      port,
      queriesSeen: () => queries,
      stop: async () => {
        for (const socket of connections) socket.destroy();
        await Promise.all([
          new Promise<void>((resolve) =>
            tcp.close(() => {
              resolve();
            }),
          ),
          new Promise<void>((resolve) =>
            udp.close(() => {
              resolve();
            }),
          ),
        ]);
      },
    };
  }
  throw new Error(`No port on ${ADDRESS} was free for both UDP and TCP.`);
}
