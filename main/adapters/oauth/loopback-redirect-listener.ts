/**
 * The LoopbackRedirectListener port on node:http: RFC 8252 section 7.3's loopback redirect.
 *
 * Bound to 127.0.0.1 only (section 8.3: never to all interfaces, where another machine could answer), on
 * an ephemeral port chosen by the OS, for exactly one request to `/`: the browser's redirect. Then the
 * listener closes. Request heads are capped, and a connection that dawdles is dropped.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoopbackRedirect, LoopbackRedirectListener } from '../../core/oauth/oauth-ports';

const LOOPBACK = '127.0.0.1';
/** A redirect carries a code and a state; 8 KB is Node's default head cap and far more than enough. */
const MAX_HEADER_BYTES = 8 * 1024;
const HEADERS_TIMEOUT_MS = 10_000;

/** What the browser shows once the redirect arrived: the person goes back to Mailwarden. */
const DONE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mailwarden</title></head>
<body><h1>You can close this tab</h1><p>Mailwarden received the answer from your provider. Go back to Mailwarden to see the result.</p></body></html>
`;

export function createLoopbackRedirectListener(): LoopbackRedirectListener {
  return {
    async open(): Promise<LoopbackRedirect> {
      let arrived: ((url: URL) => void) | null = null;
      let early: URL | null = null;
      const server = createServer(
        {
          maxHeaderSize: MAX_HEADER_BYTES,
          headersTimeout: HEADERS_TIMEOUT_MS,
          requestTimeout: HEADERS_TIMEOUT_MS,
        },
        (req: IncomingMessage, res: ServerResponse) => {
          const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
          // A browser may also ask for /favicon.ico; only the redirect to / counts.
          if (req.method !== 'GET' || url.pathname !== '/') {
            res.writeHead(404, { 'content-type': 'text/plain', connection: 'close' }).end('Not found');
            return;
          }
          res
            .writeHead(200, {
              'content-type': 'text/html; charset=utf-8',
              'cache-control': 'no-store',
              'content-security-policy': "default-src 'none'",
              connection: 'close',
            })
            .end(DONE_PAGE);
          close();
          if (arrived !== null) arrived(url);
          else early ??= url;
        },
      );
      function close(): void {
        server.close();
        server.closeAllConnections();
      }
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host: LOOPBACK, port: 0, exclusive: true }, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const { port } = server.address() as AddressInfo;
      return {
        redirectUri: `http://${LOOPBACK}:${String(port)}/`,
        next(signal: AbortSignal): Promise<URL> {
          return new Promise((resolve, reject) => {
            if (early !== null) {
              resolve(early);
              return;
            }
            const onAbort = (): void => {
              close();
              reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
            };
            if (signal.aborted) {
              onAbort();
              return;
            }
            signal.addEventListener('abort', onAbort, { once: true });
            arrived = (url) => {
              signal.removeEventListener('abort', onAbort);
              resolve(url);
            };
          });
        },
        close,
      };
    },
  };
}
