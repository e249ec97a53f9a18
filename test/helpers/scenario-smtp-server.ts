/**
 * An smtp-server on 127.0.0.1 and port 0 for the SMTP channel and dialogue tests: plain with STARTTLS, or
 * implicit TLS, with the certificate the test passes.
 *
 * close() relies on smtp-server's own short closeTimeout to end clients still connected. Destroying the raw
 * sockets ourselves is NOT safe: smtp-server wraps them in TLS sockets, and destroying the wrapped socket
 * under them crashed the Vitest worker (a segmentation fault at exit) in our runs.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

const CLOSE_DEADLINE_MS = 3_000;
/** How long smtp-server waits for open clients before it closes them itself. */
const CLIENT_CLOSE_TIMEOUT_MS = 300;

export interface ScenarioSmtpServer {
  readonly address: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startScenarioSmtpServer(
  options: Partial<SMTPServerOptions> = {},
): Promise<ScenarioSmtpServer> {
  const server = new SMTPServer({
    authOptional: true,
    banner: 'Mailwarden scenario server',
    logger: false,
    closeTimeout: CLIENT_CLOSE_TIMEOUT_MS,
    ...options,
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    address: '127.0.0.1',
    port,
    close() {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, CLOSE_DEADLINE_MS);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
