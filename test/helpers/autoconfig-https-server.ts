/**
 * One HTTPS server on a loopback address that serves mail autoconfig files by host name and path.
 *
 * Each host gets its own certificate through SNI (from the test PKI) and a route per path: a file, a
 * redirect, or an endless body. Point a fetcher at `address`/`port` and make each host resolve to `address`
 * in a Knot zone, as the real lookup would.
 */
import { createServer, type Server } from 'node:https';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { Socket } from 'node:net';

export type AutoconfigRoute =
  | { readonly kind: 'file'; readonly body: string; readonly status?: number }
  | { readonly kind: 'redirect'; readonly location: string }
  /** Sends this many bytes of XML-looking filler without a Content-Length. */
  | { readonly kind: 'large'; readonly bytes: number };

export interface AutoconfigHost {
  readonly certPem: string;
  readonly keyPem: string;
  /** Path (e.g. "/mail/config-v1.1.xml") to route; anything else is a 404. */
  readonly routes: Readonly<Record<string, AutoconfigRoute>>;
}

export interface AutoconfigHttpsServer {
  readonly address: string;
  readonly port: number;
  /** "host path" of every request that arrived, in order. */
  requests(): readonly string[];
  /** "user-agent | accept" of every request that arrived, in order. */
  requestHeaders(): readonly string[];
  stop(): Promise<void>;
}

const CHUNK_BYTES = 16_384;

/** Start the server on `address` (a 127.0.0.x of the test's choosing). */
export async function startAutoconfigHttpsServer(
  address: string,
  hosts: Readonly<Record<string, AutoconfigHost>>,
): Promise<AutoconfigHttpsServer> {
  const contexts = new Map<string, SecureContext>(
    Object.entries(hosts).map(([name, host]) => [
      name,
      createSecureContext({ cert: host.certPem, key: host.keyPem }),
    ]),
  );
  const [firstHost] = Object.values(hosts);
  if (firstHost === undefined) throw new Error('startAutoconfigHttpsServer needs at least one host');
  const seen: string[] = [];
  const seenHeaders: string[] = [];
  const sockets = new Set<Socket>();
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
      const path = req.url ?? '';
      seen.push(`${host} ${path}`);
      seenHeaders.push(`${req.headers['user-agent'] ?? ''} | ${req.headers.accept ?? ''}`);
      const route = hosts[host]?.routes[path];
      if (route === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      switch (route.kind) {
        case 'file':
          res.writeHead(route.status ?? 200, { 'content-type': 'text/xml' }).end(route.body);
          return;
        case 'redirect':
          res.writeHead(302, { location: route.location }).end();
          return;
        case 'large': {
          res.writeHead(200, { 'content-type': 'text/xml' });
          res.on('error', () => undefined);
          let sent = 0;
          const chunk = `<!-- ${'x'.repeat(CHUNK_BYTES - 9)} -->`;
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
          pump();
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
    server.listen(0, address, resolve);
  });
  const bound = server.address();
  const port = typeof bound === 'object' && bound !== null ? bound.port : 0;
  return {
    address,
    port,
    requests: () => [...seen],
    requestHeaders: () => [...seenHeaders],
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
