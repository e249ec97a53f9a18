/**
 * The core's port to an IMAP or POP3 server: one connection that yields capped lines, sends lines and can
 * upgrade to TLS.
 *
 * Both grammars are line-based (RFC 9051 section 2.2, RFC 1939 section 3). IMAP adds literals: a line that
 * ends in `{N}` is followed by N octets (RFC 9051 section 4.3). The adapter reads an announced literal into
 * the logical line, refusing at once one larger than the cap, so a hostile `{999999999}` costs nothing.
 * Every failure is data (a LineFailure), never an exception or a hang, as for the SMTP channel.
 */
import type {
  ChannelFailure,
  ChannelFailureKind,
  RawHelloOutcome,
  SmtpTarget,
  TlsClientOptions,
  TlsSessionFacts,
  TranscriptEntry,
} from '../smtp/smtp-channel';

export type IncomingProtocol = 'imap' | 'pop3';
export type LineTransportSecurity = 'plain' | 'implicit-tls';

export interface LineLimits {
  readonly connectTimeoutMs: number;
  readonly greetingTimeoutMs: number;
  readonly replyTimeoutMs: number;
  readonly tlsHandshakeTimeoutMs: number;
  /** RFC 2683 section 3.2.1.5 recommends clients accept 8000-octet lines; POP3 is 512 (RFC 2449 section 4). */
  readonly maxLineBytes: number;
  /** The largest literal read into a line; a probe reads capability and status lines, never messages. */
  readonly maxLiteralBytes: number;
  /** Lines of one response (untagged lines before the tagged one, a POP3 multi-line answer). */
  readonly maxResponseLines: number;
  readonly maxResponseBytes: number;
}

export const DEFAULT_LINE_LIMITS: LineLimits = {
  connectTimeoutMs: 10_000,
  greetingTimeoutMs: 15_000,
  replyTimeoutMs: 15_000,
  tlsHandshakeTimeoutMs: 10_000,
  maxLineBytes: 8_192,
  maxLiteralBytes: 16 * 1024,
  maxResponseLines: 500,
  maxResponseBytes: 128 * 1024,
};

export type LineFailureKind = ChannelFailureKind | 'literal-too-large' | 'response-too-large';

export interface LineFailure {
  readonly kind: LineFailureKind;
  /** Plain words; never contains a secret. */
  readonly message: string;
  readonly elapsedMs: number;
  /** What had arrived of an incomplete line, control characters removed, capped. */
  readonly partial?: string;
}

/** The two line-only caps read as the SMTP side's "reply too large", for the TLS checks shared with it. */
export function asChannelFailure(failure: LineFailure): ChannelFailure {
  const kind =
    failure.kind === 'literal-too-large' || failure.kind === 'response-too-large'
      ? 'reply-too-large'
      : failure.kind;
  return { ...failure, kind };
}

export type LineOutcome =
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'failure'; readonly failure: LineFailure };

export type LineTlsOutcome =
  | { readonly kind: 'tls'; readonly session: TlsSessionFacts }
  | { readonly kind: 'failure'; readonly failure: LineFailure };

export interface LineChannel {
  readonly target: SmtpTarget;
  /** The next logical line (IMAP literals inlined), control characters removed. */
  readLine(timeoutMs?: number): Promise<LineOutcome>;
  /** Sends one line (CRLF added); `redactAs` replaces it in the transcript. Throws on CR or LF in `line`. */
  send(line: string, options?: { readonly redactAs?: string }): LineFailure | null;
  /**
   * After the server agreed to STARTTLS / STLS: discards anything it sent since (RFC 3501 section 6.2.1,
   * RFC 2595 section 4) and performs the handshake. Bytes discarded give a `plaintext-after-starttls`
   * failure even when TLS then worked (tlsSession() then has the facts).
   */
  upgradeToTls(options: TlsClientOptions): Promise<LineTlsOutcome>;
  /**
   * Instead of a handshake: sends a hand-built ClientHello raw (on a clear connection, at once or after
   * STARTTLS / STLS was agreed) and reads the server's first TLS record; the connection then ends. For the
   * TLS compression probe, which asks what Node's OpenSSL never offers.
   */
  exchangeRawHello(hello: Uint8Array, label: string): Promise<RawHelloOutcome>;
  tlsSession(): TlsSessionFacts | null;
  readonly transcript: readonly TranscriptEntry[];
  close(): void;
}

export type LineOpenOutcome =
  | { readonly kind: 'open'; readonly channel: LineChannel }
  | { readonly kind: 'failure'; readonly failure: LineFailure };

export interface LineConnector {
  open(
    target: SmtpTarget,
    options: {
      readonly security: LineTransportSecurity;
      /** IMAP: read `{N}` literals into the line. POP3 has none. */
      readonly literals: boolean;
      readonly tls?: TlsClientOptions;
      readonly limits?: Partial<LineLimits>;
      readonly signal?: AbortSignal;
    },
  ): Promise<LineOpenOutcome>;
}
