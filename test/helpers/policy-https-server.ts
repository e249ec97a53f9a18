/**
 * One HTTPS server on 127.0.0.1 that serves MTA-STS policy scenarios by host name.
 *
 * Each host gets its own certificate through SNI (from the test PKI, or whatever the scenario says) and its own
 * behaviour: a policy, a redirect, an oversized body, a slow answer, or any status and content type. Point a
 * fetcher at `port` and make each host resolve to 127.0.0.1 in a Knot zone.
 */
import { createServer, type Server } from 'node:https';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { Socket } from 'node:net';

export type PolicyRoute =
  | { readonly kind: 'body'; readonly body: string; readonly contentType?: string; readonly status?: number }
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'large'; readonly bytes: number }
  | { readonly kind: 'slow'; readonly delayMs: number };

export interface PolicyHost {
  readonly certPem: string;
  readonly keyPem: string;
  readonly route: PolicyRoute;
}

export interface PolicyHttpsServer {
  readonly port: number;
  /** Host names whose requests arrived, in order (proof the right SNI and Host were sent). */
  requests(): readonly string[];
  stop(): Promise<void>;
}

const ADDRESS = '127.0.0.1';
const CHUNK_BYTES = 16_384;

/** Start the server; `hosts` maps a host name to its certificate and behaviour. */
export async function startPolicyHttpsServer(hosts: Record<string, PolicyHost>): Promise<PolicyHttpsServer> {
  const contexts = new Map<string, SecureContext>(
    Object.entries(hosts).map(([name, host]) => [
      name,
      createSecureContext({ cert: host.certPem, key: host.keyPem }),
    ]),
  );
  const [firstHost] = Object.values(hosts);
  if (firstHost === undefined) throw new Error('startPolicyHttpsServer needs at least one host');
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer(
    {
      cert: firstHost.certPem,
      key: firstHost.keyPem,
      SNICallback: (name, done) => {
        done(null, contexts.get(name.toLowerCase()));
      },
    },
    (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      seen.push(host);
      const route = hosts[host]?.route;
      if (route === undefined || req.url !== '/.well-known/mta-sts.txt') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      switch (route.kind) {
        case 'body':
          res
            .writeHead(route.status ?? 200, { 'content-type': route.contentType ?? 'text/plain' })
            .end(route.body);
          return;
        case 'redirect':
          res.writeHead(301, { location: route.location }).end();
          return;
        case 'large': {
          // No Content-Length: the fetcher must count the bytes itself.
          res.writeHead(200, { 'content-type': 'text/plain' });
          let sent = 0;
          const chunk = `mx: ${'a'.repeat(CHUNK_BYTES - 6)}\n`;
          const pump = (): void => {
            while (sent < route.bytes) {
              sent += chunk.length;
              if (!res.write(chunk)) {
                res.once('drain', pump);
                return;
              }
            }
            res.end();
          };
          res.on('error', () => undefined);
          pump();
          return;
        }
        case 'slow': {
          const timer = setTimeout(() => {
            timers.delete(timer);
            res.writeHead(200, { 'content-type': 'text/plain' }).end('version: STSv1\n');
          }, route.delayMs);
          timers.add(timer);
          return;
        }
      }
    },
  );
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, ADDRESS, resolve);
  });
  const bound = server.address();
  const port = typeof bound === 'object' && bound !== null ? bound.port : 0;
  return {
    port,
    requests: () => [...seen],
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
