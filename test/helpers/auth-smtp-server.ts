/**
 * An smtp-server on 127.0.0.1 that checks logins like a real submission server, for the login tests.
 *
 * It records every command it received (as smtp-server logs them, credentials redacted by smtp-server) and
 * every log line, so tests can assert that no AUTH arrived and that a canary password appears nowhere.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerOptions } from 'smtp-server';

export interface AuthServerUser {
  readonly username: string;
  readonly password: string;
  /** Accepted as an XOAUTH2 bearer token. */
  readonly token?: string;
}

export interface AuthSmtpServer {
  readonly port: number;
  /** Command names received, in order ("EHLO", "STARTTLS", "AUTH", ...). */
  readonly commands: readonly string[];
  /** Every line smtp-server logged, formatted. */
  readonly log: readonly string[];
  /** Mechanisms of the AUTH attempts the server evaluated. */
  readonly authAttempts: readonly string[];
  close(): Promise<void>;
}

export interface AuthSmtpServerOptions {
  readonly user: AuthServerUser;
  readonly certPem: string;
  readonly keyPem: string;
  /** Offer AUTH on the clear-text connection (RFC 4954 section 4 says a server SHOULD NOT). */
  readonly allowInsecureAuth?: boolean;
  readonly authMethods?: readonly string[];
  /** Extra smtp-server options (onMailFrom, onRcptTo, ...). */
  readonly extra?: Partial<SMTPServerOptions>;
}

const CLOSE_DEADLINE_MS = 3_000;

export async function startAuthSmtpServer(options: AuthSmtpServerOptions): Promise<AuthSmtpServer> {
  const commands: string[] = [];
  const log: string[] = [];
  const authAttempts: string[] = [];
  const write =
    (level: string) =>
    (entry: unknown, message?: unknown, ...args: unknown[]): void => {
      const fields = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
      if (fields['tnx'] === 'command' && typeof fields['command'] === 'string')
        commands.push(fields['command']);
      log.push(`${level} ${JSON.stringify(fields)} ${[message, ...args].map(String).join(' ')}`);
    };
  const logger = {
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    fatal: write('fatal'),
  };
  const { user } = options;
  const server = new SMTPServer({
    name: 'mail.test',
    key: options.keyPem,
    cert: options.certPem,
    authMethods: [...(options.authMethods ?? ['PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2'])],
    allowInsecureAuth: options.allowInsecureAuth ?? false,
    disableReverseLookup: true,
    // RFC 2034 enhanced status codes (5.7.8 and friends), which real submission servers send.
    hideENHANCEDSTATUSCODES: false,
    logger: logger as unknown as SMTPServerOptions['logger'],
    onAuth(auth: SMTPServerAuthentication, _session, callback) {
      authAttempts.push(auth.method);
      const ok =
        auth.username === user.username &&
        (auth.method === 'XOAUTH2'
          ? user.token !== undefined && auth.accessToken === user.token
          : auth.method === 'CRAM-MD5'
            ? auth.validatePassword(user.password)
            : auth.password === user.password);
      if (ok) {
        callback(null, { user: user.username });
        return;
      }
      if (auth.method === 'XOAUTH2') {
        callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' } });
        return;
      }
      callback(new Error('Error: authentication failed'));
    },
    onData(stream, _session, callback) {
      // Never expected: the probes must not send DATA. Drain and refuse.
      stream.resume();
      stream.on('end', () => {
        callback(new Error('No messages accepted in tests'));
      });
    },
    ...options.extra,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    commands,
    log,
    authAttempts,
    close: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, CLOSE_DEADLINE_MS);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
