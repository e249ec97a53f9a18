/**
 * The core's port to an SMTP server: one connection, read replies, send commands, upgrade to TLS.
 *
 * Every server is hostile input. The adapter (main/adapters/smtp/) enforces a deadline on every step
 * and byte caps on every reply, and reports what went wrong as data (a ChannelFailure), never by
 * throwing or hanging, so each probe can turn it into a finding.
 */

export type SmtpTransportSecurity = 'plain' | 'implicit-tls';

export interface SmtpTarget {
  /** The name the user gave (used for SNI and certificate name checks). */
  readonly host: string;
  /** The address to connect to, resolved by the core through the user's DnsResolver. */
  readonly address: string;
  readonly port: number;
}

/** RFC 5321 section 4.5.3.1 sizes, with tolerance for real servers that exceed them a little. */
export interface SmtpLimits {
  readonly connectTimeoutMs: number;
  /** RFC 5321 section 4.5.3.2.1 suggests 5 minutes; a probe cannot wait that long. */
  readonly greetingTimeoutMs: number;
  readonly replyTimeoutMs: number;
  readonly tlsHandshakeTimeoutMs: number;
  /** RFC 5321 section 4.5.3.1.5: 512 octets per reply line including CRLF. */
  readonly maxReplyLineBytes: number;
  readonly maxReplyLines: number;
  readonly maxReplyBytes: number;
}

export const DEFAULT_SMTP_LIMITS: SmtpLimits = {
  connectTimeoutMs: 10_000,
  greetingTimeoutMs: 15_000,
  replyTimeoutMs: 15_000,
  tlsHandshakeTimeoutMs: 10_000,
  maxReplyLineBytes: 2_048,
  maxReplyLines: 200,
  maxReplyBytes: 64 * 1024,
};

export interface SmtpReply {
  readonly code: number;
  /** RFC 3463 enhanced status code from the first line, e.g. "5.7.8", when the server sends one. */
  readonly enhancedCode: string | null;
  /** The text of each line after the code and separator, control characters removed. */
  readonly lines: readonly string[];
}

export type ChannelFailureKind =
  | 'connect-refused'
  | 'connect-timeout'
  | 'connect-failed'
  | 'timeout'
  | 'closed'
  | 'reset'
  | 'line-too-long'
  | 'too-many-lines'
  | 'reply-too-large'
  | 'malformed-reply'
  | 'tls-handshake-failed'
  | 'tls-handshake-timeout'
  /** RFC 3207 section 4.2 / CVE-2011-0411: bytes arrived after "220 Ready to start TLS" before the handshake. */
  | 'plaintext-after-starttls'
  | 'aborted';

export interface ChannelFailure {
  readonly kind: ChannelFailureKind;
  /** Plain words, e.g. "No reply within 15 s." Never contains a secret. */
  readonly message: string;
  readonly elapsedMs: number;
  /** What had arrived of an incomplete reply, control characters removed, capped. */
  readonly partial?: string;
  /**
   * A failed TLS handshake's error code as Node names OpenSSL's reason (e.g. ERR_SSL_DH_KEY_TOO_SMALL),
   * when it gave one: what the client itself refused, as opposed to what the server broke off.
   */
  readonly tlsErrorCode?: string;
}

export type ReplyOutcome =
  | { readonly kind: 'reply'; readonly reply: SmtpReply }
  | { readonly kind: 'failure'; readonly failure: ChannelFailure };

export interface TlsClientOptions {
  /** SNI and the name the certificate must match. */
  readonly servername: string;
  readonly minVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  readonly maxVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  /** Extra trusted CA certificates (PEM), added to the system store (the user's --ca). */
  readonly extraCaPem?: string;
  /**
   * UNSAFE for anything but a probe: the OpenSSL cipher list offered for TLS 1.2 and older, at OpenSSL
   * security level 0 so that suites a server should no longer accept (NULL, anonymous, static RSA) can be
   * offered to find out whether it does. A login never sets it (its own adapter builds its TLS options).
   */
  readonly UNSAFE_probeCipherList?: string;
  /** False: send no SNI, as many sending MTAs do, to see which certificate the server presents then. */
  readonly sendSni?: boolean;
}

/** The ephemeral key exchange of a handshake (DH group or elliptic curve), when there was one. */
export interface EphemeralKeyFacts {
  /** 'DH' or 'ECDH' (X25519 and the NIST curves are ECDH). */
  readonly type: string;
  /** Curve name (e.g. "X25519", "prime256v1"); null for finite-field DH. */
  readonly name: string | null;
  /** Bits of the DH modulus or of the curve. */
  readonly bits: number | null;
}

export interface CertificateFacts {
  /** DER, base64: kept as evidence so a report can be re-judged offline. */
  readonly derBase64: string;
  readonly subject: string;
  readonly issuer: string;
  readonly subjectAltNames: readonly string[];
  readonly validFrom: string;
  readonly validTo: string;
  readonly serialNumber: string;
  readonly fingerprintSha256: string;
  readonly keyType: string | null;
  readonly keyBits: number | null;
  readonly signatureAlgorithm: string | null;
  readonly selfSigned: boolean;
}

export interface TlsSessionFacts {
  readonly protocol: string | null;
  readonly cipherName: string | null;
  readonly cipherStandardName: string | null;
  /** True when the chain verified against the system store (plus any extra CA) AND the name matched. */
  readonly authorized: boolean;
  readonly authorizationError: string | null;
  /** Leaf first. */
  readonly peerChain: readonly CertificateFacts[];
  /** The key exchange's ephemeral key; absent in reports made before it was recorded. */
  readonly ephemeralKey?: EphemeralKeyFacts | null;
}

export type TlsOutcome =
  | { readonly kind: 'tls'; readonly session: TlsSessionFacts }
  | { readonly kind: 'failure'; readonly failure: ChannelFailure };

/**
 * The server's answer to a hand-built ClientHello: its first TLS record, as base64 (a ServerHello or an
 * alert), at most RAW_TLS_RECORD_MAX_BYTES.
 */
export type RawHelloOutcome =
  | { readonly kind: 'record'; readonly recordBase64: string }
  | { readonly kind: 'failure'; readonly failure: ChannelFailure };

/** RFC 5246 section 6.2.1: a record header and at most 2^14 bytes of plaintext fragment. */
export const RAW_TLS_RECORD_MAX_BYTES = 5 + 16_384;

export interface TranscriptEntry {
  /** ISO 8601 time. */
  readonly at: string;
  readonly elapsedMs: number;
  readonly direction: 'client' | 'server' | 'event';
  /** Secrets already replaced by a placeholder such as "AUTH PLAIN <redacted>". */
  readonly text: string;
}

export interface CommandOptions {
  readonly redactAs?: string;
  readonly timeoutMs?: number;
  /** Lines sent in the same write after the command; never secrets (they are recorded as they are). */
  readonly pipelined?: readonly string[];
}

/** How a command is kept as evidence: as the transcript shows it, pipelined lines joined after it. */
export function commandEvidenceLine(line: string, options?: CommandOptions): string {
  const shown = options?.redactAs ?? line;
  const pipelined = options?.pipelined ?? [];
  return pipelined.length === 0 ? shown : [shown, ...pipelined].join(' + ');
}

export interface SmtpChannel {
  readonly target: SmtpTarget;
  /** Reads one complete (possibly multi-line) reply: the greeting, or after a command. */
  readReply(timeoutMs?: number): Promise<ReplyOutcome>;
  /**
   * Sends one command line (CRLF added) and reads its reply. `redactAs` replaces the line in the transcript.
   * `pipelined` lines go out in the same write, after `line` (RFC 2920 section 3.1); their replies are not
   * read here but left for readReply, so a probe can see where (and whether) each arrives.
   */
  command(line: string, options?: CommandOptions): Promise<ReplyOutcome>;
  /** After a 220 to STARTTLS: discards anything buffered (RFC 3207 section 4.2) and performs the handshake. */
  upgradeToTls(options: TlsClientOptions): Promise<TlsOutcome>;
  /**
   * On a clear connection (from the first byte, or after a 220 to STARTTLS, discarding what was buffered
   * as upgradeToTls does): sends `hello`, a ClientHello built by the caller, and reads the server's first
   * TLS record under the TLS handshake deadline, then closes. No handshake is ever completed: for probes
   * that only need what the server chose (RFC 5246 section 7.4.1.3). `label` names the exchange in the
   * transcript and in a report's evidence, since the hello's random bytes differ each time.
   */
  exchangeRawHello(hello: Uint8Array, label: string): Promise<RawHelloOutcome>;
  /** The TLS facts of an implicit-TLS connection, or after upgradeToTls; null on a plain connection. */
  tlsSession(): TlsSessionFacts | null;
  readonly transcript: readonly TranscriptEntry[];
  /** Closes the socket (callers send QUIT first where polite). Idempotent. */
  close(): void;
}

export type OpenOutcome =
  | { readonly kind: 'open'; readonly channel: SmtpChannel }
  | { readonly kind: 'failure'; readonly failure: ChannelFailure };

export interface SmtpConnector {
  open(
    target: SmtpTarget,
    options: {
      readonly security: SmtpTransportSecurity;
      readonly tls?: TlsClientOptions;
      readonly limits?: Partial<SmtpLimits>;
      readonly signal?: AbortSignal;
    },
  ): Promise<OpenOutcome>;
}
