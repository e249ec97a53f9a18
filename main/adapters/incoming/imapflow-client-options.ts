/**
 * The imapflow options every IMAP session of Mailwarden uses (the login check, prove's mailbox watch): TLS
 * that must verify (rejectUnauthorized) and STARTTLS insisted on (doSTARTTLS), so the password or token
 * only ever leaves over verified TLS (RFC 8314 section 4.1); the logger off, so no command (with the
 * secret in it) is written anywhere; no COMPRESS (RFC 4978: compression under TLS invites CRIME-like
 * attacks) and no automatic IDLE; and every line, literal and response capped.
 */
import type { ImapFlow } from 'imapflow';
import { clientSecureContext } from '../smtp/secure-context-cache';

export type ImapflowOptions = NonNullable<ConstructorParameters<typeof ImapFlow>[0]>;

/** Far above a capability or status line; a server that sends more is cut off. */
export const IMAPFLOW_MAX_LINE_BYTES = 8_192;

export interface ImapflowSession {
  /** The name TLS verifies (SNI and the certificate). */
  readonly host: string;
  /** The address already resolved, so imapflow does no lookup of its own. */
  readonly address: string;
  readonly port: number;
  readonly security: 'implicit-tls' | 'starttls';
  readonly auth: ImapflowOptions['auth'];
  readonly extraCaPem?: string | undefined;
  readonly connectionTimeoutMs: number;
  readonly greetingTimeoutMs: number;
  readonly socketTimeoutMs: number;
  readonly maxLiteralBytes: number;
  readonly maxResponseBytes: number;
}

export function imapflowClientOptions(session: ImapflowSession): ImapflowOptions {
  return {
    host: session.address,
    port: session.port,
    secure: session.security === 'implicit-tls',
    doSTARTTLS: session.security === 'starttls',
    servername: session.host,
    auth: session.auth,
    logger: false,
    disableAutoIdle: true,
    disableCompression: true,
    tls: {
      rejectUnauthorized: true,
      servername: session.host,
      // The bundled roots plus the user's extra CA, built once per process (secure-context-cache.ts).
      secureContext: clientSecureContext({ extraCaPem: session.extraCaPem }),
    },
    connectionTimeout: session.connectionTimeoutMs,
    greetingTimeout: session.greetingTimeoutMs,
    socketTimeout: session.socketTimeoutMs,
    maxLineLength: IMAPFLOW_MAX_LINE_BYTES,
    maxLiteralSize: session.maxLiteralBytes,
    maxResponseSize: session.maxResponseBytes,
  };
}
