/**
 * Everything one login session watches while nodemailer talks: the redacted transcript, the EHLO replies
 * before and after TLS, the STARTTLS and AUTH replies, the byte cap, the endless-challenge guard, the
 * deadline and the user's cancel. Whatever ends the session early rejects one promise, `ended`, which the
 * login races every step against.
 */
import { visibleText } from '../../../preload/contract/untrusted-text';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { TranscriptEntry } from '../../core/smtp/smtp-channel';
import type {
  LoginFailure,
  LoginMechanism,
  LoginReply,
  LoginRequest,
  LoginResult,
  LoginTlsFacts,
  WithheldReason,
} from '../../core/smtp/smtp-login';
import { authMechanisms, parseReply, seconds, tlsFactsOf } from './nodemailer-auth-facts';
import { createRedactor } from './nodemailer-auth-redaction';
import type { SmtpConnectionInternals } from './nodemailer-session';

/** RFC 5321 section 4.5.3.1.5 allows 512 octets a line; a whole EHLO reply stays far below this. */
const DEFAULT_MAX_RECEIVED_BYTES = 256 * 1024;
/** LOGIN needs two 334 challenges and CRAM-MD5 one; more than this is a server stalling the exchange. */
const MAX_AUTH_CHALLENGES = 4;
const MAX_TRANSCRIPT_ENTRIES = 400;
export const MAX_ENTRY_CHARS = 2_048;

interface LogEntry {
  readonly tnx?: string;
}
type LogMethod = (entry: LogEntry, message?: unknown, ...args: unknown[]) => void;

/** nodemailer's client and server lines as the logger receives them, for the contract test. */
export function isTransactionLine(entry: LogEntry): entry is { tnx: 'client' | 'server' } {
  return entry.tnx === 'client' || entry.tnx === 'server';
}

/** The session ended before its natural end: deadline, cancel, byte cap, stalling server, failed connect. */
export class SessionEnded extends Error {
  constructor(readonly failure: LoginFailure) {
    super(failure.message);
  }
}

/** The part of a socket the byte count needs. */
export interface CountedSocket {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  removeListener(event: 'data', listener: (chunk: Buffer) => void): unknown;
}

export interface ResultDetails {
  readonly withheldReason?: WithheldReason;
  readonly failure?: LoginFailure;
  readonly mechanism?: LoginMechanism;
  readonly reply?: string | null;
}

export interface LoginWatch {
  /** Rejects with SessionEnded when anything ends the session early; never resolves. */
  readonly ended: Promise<never>;
  /** Adds a redacted, control-free line to the transcript (up to a cap). */
  readonly record: (direction: TranscriptEntry['direction'], text: string) => void;
  /** Counts the bytes this clear-text or implicit-TLS socket receives; past the cap the session ends. */
  countOn(socket: CountedSocket): void;
  /** The logger nodemailer writes its transaction log to. */
  logger(connection: () => (SMTPConnection & SmtpConnectionInternals) | null): Record<string, LogMethod>;
  /** The socket's TLS facts, read while it is alive (a destroyed TLS socket forgets its certificate). */
  noteTls(facts: LoginTlsFacts | null): void;
  /** The last reply to AUTH, else the last server line. */
  lastReply(): string | null;
  readonly seen: {
    readonly lastServer: string | null;
    readonly authReply: string | null;
    readonly startTlsOffered: boolean | null;
    readonly startTlsReply: string | null;
  };
  /** The AUTH mechanisms of the last EHLO reply over TLS. */
  mechanismsAfterTls(): readonly string[] | null;
  /** Stops the deadline and stops listening for cancel (the session may live on for the spoofing probe). */
  stopWatching(): void;
  readonly transcript: readonly TranscriptEntry[];
  result(outcome: LoginResult['outcome'], details?: ResultDetails): LoginResult;
}

export function watchLogin(request: LoginRequest): LoginWatch {
  const started = Date.now();
  const secrets = request.secret === null ? [] : [secretText(request.secret)];
  const redactor = createRedactor(secrets, request.username);
  const transcript: TranscriptEntry[] = [];
  const maxBytes = request.maxReceivedBytes ?? DEFAULT_MAX_RECEIVED_BYTES;
  let received = 0;
  let tlsActive = request.security === 'implicit-tls';
  const ehloReplies: { readonly tls: boolean; readonly reply: string }[] = [];
  let lastClient = '';
  let inAuth = false;
  let challenges = 0;
  let knownTls: LoginTlsFacts | null = null;
  const seen: {
    lastServer: string | null;
    authReply: string | null;
    startTlsOffered: boolean | null;
    startTlsReply: string | null;
  } = { lastServer: null, authReply: null, startTlsOffered: null, startTlsReply: null };
  /** Sockets whose bytes are counted; a clear-text one only until STARTTLS. */
  const counted = new Set<CountedSocket>();

  const record = (direction: TranscriptEntry['direction'], text: string): void => {
    if (transcript.length >= MAX_TRANSCRIPT_ENTRIES) return;
    transcript.push({
      at: new Date().toISOString(),
      elapsedMs: Date.now() - started,
      direction,
      text: visibleText(redactor.scrub(text)).slice(0, MAX_ENTRY_CHARS),
    });
  };

  let endSession: (failure: LoginFailure) => void = () => undefined;
  const ended = new Promise<never>((_resolve, reject) => {
    endSession = (failure) => {
      reject(new SessionEnded(failure));
    };
  });
  ended.catch(() => undefined);
  const deadline = setTimeout(() => {
    endSession({
      kind: 'timeout',
      message: `The login did not finish within ${seconds(request.deadlineMs)}.`,
    });
  }, request.deadlineMs);
  const onAbort = (): void => {
    endSession({ kind: 'aborted', message: 'The check was cancelled.' });
  };
  request.signal?.addEventListener('abort', onAbort, { once: true });

  const countBytes = (chunk: Buffer): void => {
    received += chunk.length;
    if (received > maxBytes) {
      endSession({
        kind: 'too-much-data',
        message: `The server sent more than ${String(maxBytes)} bytes; the session was cut.`,
      });
    }
  };

  const onClientLine = (text: string) => {
    lastClient = text;
    if (/^STARTTLS$/i.test(text)) {
      // RFC 3207 section 4.2: the reply to STARTTLS is the last clear-text byte we count on this socket;
      // the TLS socket nodemailer layers on top is counted from the upgrade on.
      for (const socket of counted) socket.removeListener('data', countBytes);
      counted.clear();
    }
    if (/^AUTH\s/i.test(text)) {
      inAuth = true;
      record('client', redactor.authCommand(text));
    } else if (inAuth) {
      record('client', '<redacted>');
    } else {
      record('client', text);
    }
  };

  const onServerLine = (text: string) => {
    seen.lastServer = text;
    record('server', text);
    if (/^EHLO\s/i.test(lastClient)) {
      ehloReplies.push({ tls: tlsActive, reply: text });
      if (!tlsActive) seen.startTlsOffered = /^\d{3}[ -]STARTTLS\b/im.test(text);
    }
    if (/^STARTTLS$/i.test(lastClient)) seen.startTlsReply = text;
    if (!inAuth) return;
    seen.authReply = text;
    if (!/^334[ -]/.test(text)) {
      inAuth = false;
      return;
    }
    challenges += 1;
    if (challenges > MAX_AUTH_CHALLENGES) {
      endSession({
        kind: 'endless-challenges',
        message: `The server kept asking for more (${String(challenges)} "334" challenges) instead of answering the login.`,
      });
    }
  };

  const onUpgraded = (connection: (SMTPConnection & SmtpConnectionInternals) | null) => {
    tlsActive = true;
    const current = connection?._socket;
    if (current) current.on('data', countBytes);
    const facts = tlsFactsOf(current || null);
    knownTls = facts;
    record('event', tlsEstablishedLine(facts));
  };

  // A hostile server could echo what it received; its words pass through the redactor too.
  const scrubReply = (reply: LoginReply): LoginReply => ({ ...reply, text: redactor.scrub(reply.text) });

  return {
    ended,
    record,
    countOn(socket) {
      counted.add(socket);
      socket.on('data', countBytes);
    },
    seen,
    transcript,
    logger: (connection) =>
      makeLogger({
        client: onClientLine,
        server: onServerLine,
        upgraded: () => {
          onUpgraded(connection());
        },
      }),
    noteTls(facts) {
      knownTls = facts;
    },
    lastReply: () => seen.authReply ?? seen.lastServer,
    mechanismsAfterTls() {
      const last = [...ehloReplies].reverse().find((entry) => entry.tls);
      return last === undefined ? null : authMechanisms(last.reply);
    },
    stopWatching() {
      clearTimeout(deadline);
      request.signal?.removeEventListener('abort', onAbort);
    },
    result(outcome, details = {}) {
      const before = ehloReplies.find((entry) => !entry.tls);
      const after = [...ehloReplies].reverse().find((entry) => entry.tls);
      return {
        outcome,
        withheldReason: details.withheldReason ?? null,
        failure:
          details.failure === undefined
            ? null
            : { ...details.failure, message: redactor.scrub(details.failure.message) },
        reply:
          details.reply === undefined || details.reply === null
            ? null
            : scrubReply(parseReply(details.reply)),
        mechanism: details.mechanism ?? null,
        mechanismsBeforeTls:
          request.security === 'implicit-tls' || before === undefined ? null : authMechanisms(before.reply),
        mechanismsAfterTls: after === undefined ? null : authMechanisms(after.reply),
        startTlsOffered: seen.startTlsOffered,
        tls: knownTls,
        elapsedMs: Date.now() - started,
        transcript: [...transcript],
      };
    },
  };
}

/** The transcript's line for a finished TLS handshake. */
export function tlsEstablishedLine(facts: LoginTlsFacts | null): string {
  return `TLS ${facts?.protocol ?? 'session'} established${facts?.authorized === true ? ', certificate verified' : ', certificate NOT verified'}`;
}

function makeLogger(on: {
  readonly client: (text: string) => void;
  readonly server: (text: string) => void;
  readonly upgraded: () => void;
}): Record<string, LogMethod> {
  const method: LogMethod = (entry, message, ...args) => {
    if (isTransactionLine(entry)) {
      const text = typeof message === 'string' ? message : String(message);
      if (entry.tnx === 'client') on.client(text);
      else on.server(text);
      return;
    }
    if (entry.tnx === 'smtp' && message === 'Connection upgraded with STARTTLS' && args.length === 0) {
      on.upgraded();
    }
  };
  return { trace: method, debug: method, info: method, warn: method, error: method, fatal: method };
}

function secretText(secret: NonNullable<LoginRequest['secret']>): string {
  return secret.kind === 'password' ? secret.password : secret.token;
}
