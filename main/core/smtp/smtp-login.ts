/**
 * The core's port to a real SMTP login (nodemailer's SMTPConnection in main/adapters/smtp/).
 *
 * A login is one session: connect, EHLO, STARTTLS, EHLO, then AUTH only when the TLS verified (or the user
 * named the certificate's fingerprint). The outcome is data, never an exception, and the transcript is
 * already redacted: no password, token or AUTH payload ever leaves the adapter.
 */
import type { SmtpTarget, TranscriptEntry } from './smtp-channel';

/** `implicit-tls`: TLS from the first byte (RFC 8314); `starttls`: upgrade required (RFC 3207); `plain`: upgrade if offered. */
export type LoginSecurity = 'implicit-tls' | 'starttls' | 'plain';

/**
 * The SASL mechanisms Mailwarden can log in with (RFC 4616, draft LOGIN, RFC 2195, RFC 7628 OAUTHBEARER,
 * Google/Microsoft XOAUTH2).
 */
export const LOGIN_MECHANISMS = ['PLAIN', 'LOGIN', 'CRAM-MD5', 'OAUTHBEARER', 'XOAUTH2'] as const;
export type LoginMechanism = (typeof LOGIN_MECHANISMS)[number];

export type LoginSecret =
  | { readonly kind: 'password'; readonly password: string }
  | { readonly kind: 'xoauth2'; readonly token: string };

export interface LoginReply {
  readonly code: number;
  /** RFC 3463 enhanced status code of the first line, e.g. "5.7.8". */
  readonly enhancedCode: string | null;
  /** Every line's text after the code, joined with a space, control characters removed. */
  readonly text: string;
}

export interface LoginTlsFacts {
  readonly protocol: string | null;
  /** Chain verified against the system store (plus the extra CA) and the name matched. */
  readonly authorized: boolean;
  readonly authorizationError: string | null;
  /** The leaf certificate's SHA-256 fingerprint, "AB:CD:..." as Node prints it. */
  readonly fingerprintSha256: string | null;
  readonly subject: string | null;
}

/**
 * `accepted`: 235. `rejected`: the server answered AUTH with a failure reply. `withheld`: the credentials
 * were not sent (no TLS, unverified TLS, no mechanism in common, or only inspecting). `failed`: the session
 * broke (timeout, connection, protocol, endless challenges) before a verdict.
 */
export type LoginOutcome = 'accepted' | 'rejected' | 'withheld' | 'failed';

export type WithheldReason = 'inspect-only' | 'no-tls' | 'tls-unverified' | 'no-common-mechanism';

export type LoginFailureKind =
  | 'connect-refused'
  | 'connect-timeout'
  | 'connect-failed'
  | 'tls-failed'
  | 'timeout'
  | 'closed'
  | 'protocol'
  | 'too-much-data'
  | 'endless-challenges'
  | 'aborted';

export interface LoginFailure {
  readonly kind: LoginFailureKind;
  /** Plain words; never contains a secret. */
  readonly message: string;
}

export interface LoginResult {
  readonly outcome: LoginOutcome;
  readonly withheldReason: WithheldReason | null;
  readonly failure: LoginFailure | null;
  /** The server's last answer to the AUTH exchange (or to STARTTLS when that failed). */
  readonly reply: LoginReply | null;
  readonly mechanism: LoginMechanism | null;
  /** AUTH mechanisms advertised on the clear-text connection; null when there was none (implicit TLS). */
  readonly mechanismsBeforeTls: readonly string[] | null;
  /** AUTH mechanisms advertised inside TLS; null when TLS was never reached. */
  readonly mechanismsAfterTls: readonly string[] | null;
  /** Whether the clear-text EHLO offered STARTTLS; null for implicit TLS. */
  readonly startTlsOffered: boolean | null;
  readonly tls: LoginTlsFacts | null;
  readonly elapsedMs: number;
  /** Redacted. */
  readonly transcript: readonly TranscriptEntry[];
}

export interface LoginRequest {
  readonly target: SmtpTarget;
  readonly security: LoginSecurity;
  readonly username: string;
  /** null: connect, read the mechanisms, and never send AUTH. */
  readonly secret: LoginSecret | null;
  /**
   * Default: the first of PLAIN, LOGIN, CRAM-MD5 the server offers; for a token OAUTHBEARER where
   * offered (RFC 7628), else XOAUTH2.
   */
  readonly mechanism?: LoginMechanism;
  /** Extra trusted CA certificates (PEM). */
  readonly extraCaPem?: string;
  /** Send the credentials over unverified TLS only when the leaf's SHA-256 fingerprint is this one. */
  readonly allowFingerprintSha256?: string;
  /** The whole session, connect to verdict. */
  readonly deadlineMs: number;
  /** Total bytes the server may send before the session is cut. */
  readonly maxReceivedBytes?: number;
  readonly signal?: AbortSignal;
}

/** MAIL FROM and (when accepted) RCPT TO on an authenticated session, followed by RSET; never DATA. */
export interface EnvelopeTrial {
  readonly mailFrom: LoginReply | null;
  readonly rcptTo: LoginReply | null;
  readonly failure: LoginFailure | null;
}

/** A session kept open after a successful login, for the sender-spoofing probe. */
export interface AuthenticatedSession {
  tryEnvelope(from: string, to: string, timeoutMs: number): Promise<EnvelopeTrial>;
  /** Redacted, the whole session so far. */
  transcript(): readonly TranscriptEntry[];
  /** QUIT and close. Idempotent. */
  close(): Promise<void>;
}

export interface LoginAttempt {
  readonly result: LoginResult;
  /** Only when asked to keep it and the login was accepted. */
  readonly session: AuthenticatedSession | null;
}

export interface SmtpLoginPort {
  login(request: LoginRequest, options?: { readonly keepSession?: boolean }): Promise<LoginAttempt>;
}

/**
 * One message sent on an authenticated session (MAIL, RCPT, DATA: RFC 5321 section 3.3). Only `mailwarden
 * prove` sends a message, with the user's consent; every other use of a session stops before DATA.
 */
export interface SubmissionTrial {
  /** `accepted`: 250 after the data; `refused`: a 4xx/5xx reply; `failed`: no reply (timeout, closed). */
  readonly outcome: 'accepted' | 'refused' | 'failed';
  /** The last reply: the 250 (often with the queue id) when accepted, the refusal otherwise. */
  readonly reply: LoginReply | null;
  /** The command that was refused: 'MAIL FROM', 'RCPT TO' or 'DATA'. */
  readonly refusedAt: string | null;
  readonly failure: LoginFailure | null;
}

/** A session that may send one message (`mailwarden prove`). */
export interface SubmissionSession extends AuthenticatedSession {
  submit(from: string, to: string, message: Uint8Array, timeoutMs: number): Promise<SubmissionTrial>;
}

/** The login of `SmtpLoginPort`, keeping a session that can submit a message. */
export interface SmtpSubmissionPort {
  login(
    request: LoginRequest,
  ): Promise<{ readonly result: LoginResult; readonly session: SubmissionSession | null }>;
}
