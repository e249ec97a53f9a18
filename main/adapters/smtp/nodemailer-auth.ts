/**
 * The one adapter around nodemailer's SMTPConnection: a real login, and nothing sent that should not be.
 *
 * We open the socket ourselves (to the address the core resolved, with one overall deadline and a byte
 * cap) and hand it to nodemailer, which runs EHLO, STARTTLS and the SASL mechanisms. Before nodemailer may
 * send credentials we look at the TLS it negotiated: unverified TLS (unless the user named the leaf's
 * fingerprint) or no TLS at all means the credentials are withheld. nodemailer keeps what we need in
 * underscore fields (`_ehloLines`, `_supportedAuth`, `_socket`, `_responseActions`, `_sendCommand`) and
 * overwrites the clear-text EHLO after STARTTLS, so that one is read from its transaction log; the
 * contract test in test/integration/adapters/smtp/nodemailer-auth.test.ts pins all of it.
 */
import { createConnection, type Socket } from 'node:net';
import { connect as tlsConnect, rootCertificates } from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { TranscriptEntry } from '../../core/smtp/smtp-channel';
import type {
  LoginAttempt,
  LoginFailure,
  LoginFailureKind,
  LoginMechanism,
  LoginReply,
  LoginRequest,
  LoginResult,
  LoginTlsFacts,
  SmtpLoginPort,
  WithheldReason,
} from '../../core/smtp/smtp-login';
import {
  authMechanisms,
  fingerprintAllowed,
  parseReply,
  seconds,
  stripControls,
  tlsFactsOf,
} from './nodemailer-auth-facts';
import { createRedactor } from './nodemailer-auth-redaction';
import { makeSession, politeQuit, type SmtpConnectionInternals } from './nodemailer-session';

export type { SmtpConnectionInternals };

/** RFC 5321 section 4.5.3.1.5 allows 512 octets a line; a whole EHLO reply stays far below this. */
const DEFAULT_MAX_RECEIVED_BYTES = 256 * 1024;
/** A single reply larger than this ends the session (nodemailer's maxResponseSize). */
const MAX_REPLY_BYTES = 64 * 1024;
/** LOGIN needs two 334 challenges and CRAM-MD5 one; more than this is a server stalling the exchange. */
const MAX_AUTH_CHALLENGES = 4;
const MAX_TRANSCRIPT_ENTRIES = 400;
const MAX_ENTRY_CHARS = 2_048;
/** Our EHLO name: RFC 5321 section 4.1.4 wants a domain or address literal; `.invalid` never resolves (RFC 6761). */
const CLIENT_NAME = 'mailwarden.invalid';

interface LogEntry {
  readonly tnx?: string;
}
type LogMethod = (entry: LogEntry, message?: unknown, ...args: unknown[]) => void;

/** nodemailer's client and server lines as the logger receives them, for the contract test. */
export function isTransactionLine(entry: LogEntry): entry is { tnx: 'client' | 'server' } {
  return entry.tnx === 'client' || entry.tnx === 'server';
}

export function createNodemailerLogin(): SmtpLoginPort {
  return { login: runLogin };
}

class SessionEnded extends Error {
  constructor(readonly failure: LoginFailure) {
    super(failure.message);
  }
}

async function runLogin(
  request: LoginRequest,
  options: { readonly keepSession?: boolean } = {},
): Promise<LoginAttempt> {
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
  // Written by the transaction-log callback, read after awaits: an object, so the compiler does not
  // narrow these to their initial null.
  const seen: {
    lastServer: string | null;
    authReply: string | null;
    startTlsOffered: boolean | null;
    startTlsReply: string | null;
  } = { lastServer: null, authReply: null, startTlsOffered: null, startTlsReply: null };

  const record = (direction: TranscriptEntry['direction'], text: string): void => {
    if (transcript.length >= MAX_TRANSCRIPT_ENTRIES) return;
    transcript.push({
      at: new Date().toISOString(),
      elapsedMs: Date.now() - started,
      direction,
      text: redactor.scrub(stripControls(text)).slice(0, MAX_ENTRY_CHARS),
    });
  };

  // Everything that can end the session early funnels into this one promise.
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

  let socket: Socket | null = null;
  /** Read while the socket is alive: a destroyed TLS socket no longer has its certificate. */
  let knownTls: LoginTlsFacts | null = null;
  const opened: Socket[] = [];
  let connection: (SMTPConnection & SmtpConnectionInternals) | null = null;
  const teardown = (): void => {
    clearTimeout(deadline);
    request.signal?.removeEventListener('abort', onAbort);
    connection?.close();
    for (const each of opened) each.destroy();
    const current = connection?._socket;
    if (current) current.destroy();
  };

  // A hostile server could echo what it received; its words pass through the redactor too.
  const scrubReply = (reply: LoginReply): LoginReply => ({ ...reply, text: redactor.scrub(reply.text) });
  const finish = (
    outcome: LoginResult['outcome'],
    extra: {
      readonly withheldReason?: WithheldReason;
      readonly failure?: LoginFailure;
      readonly mechanism?: LoginMechanism;
      readonly reply?: string | null;
    } = {},
  ): LoginResult => {
    const before = ehloReplies.find((entry) => !entry.tls);
    const after = [...ehloReplies].reverse().find((entry) => entry.tls);
    return {
      outcome,
      withheldReason: extra.withheldReason ?? null,
      failure:
        extra.failure === undefined
          ? null
          : { ...extra.failure, message: redactor.scrub(extra.failure.message) },
      reply: extra.reply === undefined || extra.reply === null ? null : scrubReply(parseReply(extra.reply)),
      mechanism: extra.mechanism ?? null,
      mechanismsBeforeTls:
        request.security === 'implicit-tls'
          ? null
          : before === undefined
            ? null
            : authMechanisms(before.reply),
      mechanismsAfterTls: after === undefined ? null : authMechanisms(after.reply),
      startTlsOffered: seen.startTlsOffered,
      tls: knownTls,
      elapsedMs: Date.now() - started,
      transcript: [...transcript],
    };
  };

  if (request.signal?.aborted === true) {
    teardown();
    return {
      result: finish('failed', { failure: { kind: 'aborted', message: 'The check was cancelled.' } }),
      session: null,
    };
  }

  const logger = makeLogger((tnx, text) => {
    if (tnx === 'client') {
      lastClient = text;
      if (/^STARTTLS$/i.test(text)) {
        // RFC 3207 section 4.2: the reply to STARTTLS is the last clear-text byte we count on this socket.
        socket?.removeListener('data', countBytes);
      }
      if (/^AUTH\s/i.test(text)) {
        inAuth = true;
        record('client', redactor.authCommand(text));
      } else if (inAuth) {
        record('client', '<redacted>');
      } else {
        record('client', text);
      }
      return;
    }
    if (tnx === 'server') {
      seen.lastServer = text;
      record('server', text);
      if (/^EHLO\s/i.test(lastClient)) {
        ehloReplies.push({ tls: tlsActive, reply: text });
        if (!tlsActive) seen.startTlsOffered = /^\d{3}[ -]STARTTLS\b/im.test(text);
      }
      if (/^STARTTLS$/i.test(lastClient)) seen.startTlsReply = text;
      if (inAuth) {
        seen.authReply = text;
        if (/^334[ -]/.test(text)) {
          challenges += 1;
          if (challenges > MAX_AUTH_CHALLENGES) {
            endSession({
              kind: 'endless-challenges',
              message: `The server kept asking for more (${String(challenges)} "334" challenges) instead of answering the login.`,
            });
          }
        } else {
          inAuth = false;
        }
      }
      return;
    }
    if (tnx === 'upgraded') {
      tlsActive = true;
      const current = connection?._socket;
      if (current) current.on('data', countBytes);
      const facts = tlsFactsOf(current || null);
      knownTls = facts;
      record(
        'event',
        `TLS ${facts?.protocol ?? 'session'} established${facts?.authorized === true ? ', certificate verified' : ', certificate NOT verified'}`,
      );
    }
  });

  try {
    socket = await race(
      openSocket(request, countBytes, record, (each) => opened.push(each)),
      ended,
    );
    knownTls = tlsFactsOf(socket);
    const implicit = request.security === 'implicit-tls';
    const ca = request.extraCaPem === undefined ? undefined : [...rootCertificates, request.extraCaPem];
    connection = new SMTPConnection({
      connection: socket,
      secure: implicit,
      secured: implicit,
      requireTLS: request.security === 'starttls',
      opportunisticTLS: request.security === 'plain',
      host: request.target.address,
      servername: request.target.host,
      name: CLIENT_NAME,
      logger,
      transactionLog: true,
      greetingTimeout: request.deadlineMs,
      socketTimeout: request.deadlineMs,
      socketCloseTimeout: 0,
      maxResponseSize: MAX_REPLY_BYTES,
      tls: {
        servername: request.target.host,
        // The certificate is judged here, not by Node: AUTH is sent only when the chain verified or the
        // user named this certificate's fingerprint (the fingerprintAllowed check below), never otherwise.
        rejectUnauthorized: false,
        ...(ca === undefined ? {} : { ca }),
      },
    }) as SMTPConnection & SmtpConnectionInternals;
    const conn = connection;
    const connectError = await race(
      new Promise<Error | null>((resolve) => {
        conn.once('error', resolve);
        conn.connect((error) => {
          resolve(error ?? null);
        });
      }),
      ended,
    );
    if (connectError !== null) {
      const tlsFailed = /STARTTLS|TLS/.test(errorCode(connectError) + connectError.message);
      teardown();
      if (request.security !== 'implicit-tls' && seen.startTlsOffered === false) {
        return {
          result: finish('withheld', { withheldReason: 'no-tls', reply: seen.startTlsReply }),
          session: null,
        };
      }
      if (seen.startTlsReply !== null && !/^2/.test(seen.startTlsReply)) {
        return {
          result: finish('withheld', { withheldReason: 'no-tls', reply: seen.startTlsReply }),
          session: null,
        };
      }
      return {
        result: finish('failed', {
          failure: describeNodemailerError(connectError, tlsFailed),
          reply: seen.lastServer,
        }),
        session: null,
      };
    }

    const tlsFacts = tlsFactsOf(conn._socket || null);
    const secret = request.secret;
    if (secret === null) {
      await politeQuit(conn);
      teardown();
      return { result: finish('withheld', { withheldReason: 'inspect-only' }), session: null };
    }
    if (tlsFacts === null) {
      record('event', 'No TLS: credentials withheld');
      await politeQuit(conn);
      teardown();
      return { result: finish('withheld', { withheldReason: 'no-tls' }), session: null };
    }
    if (!tlsFacts.authorized && !fingerprintAllowed(tlsFacts, request.allowFingerprintSha256)) {
      record('event', 'Certificate not verified: credentials withheld');
      await politeQuit(conn);
      teardown();
      return { result: finish('withheld', { withheldReason: 'tls-unverified' }), session: null };
    }
    const mechanism = chooseMechanism(request, conn._supportedAuth, after(ehloReplies));
    if (mechanism === null) {
      record('event', 'No login mechanism in common: credentials withheld');
      await politeQuit(conn);
      teardown();
      return { result: finish('withheld', { withheldReason: 'no-common-mechanism' }), session: null };
    }

    const loginError = await race(
      new Promise<Error | null>((resolve) => {
        conn.login(authData(request.username, secret, mechanism), (error) => {
          resolve(error ?? null);
        });
      }),
      ended,
    );
    const reply = seen.authReply ?? seen.lastServer;
    if (loginError === null) {
      if (options.keepSession === true) {
        clearTimeout(deadline);
        request.signal?.removeEventListener('abort', onAbort);
        return {
          result: finish('accepted', { mechanism, reply }),
          session: makeSession(conn, transcript, record, teardown),
        };
      }
      await politeQuit(conn);
      teardown();
      return { result: finish('accepted', { mechanism, reply }), session: null };
    }
    await politeQuit(conn);
    teardown();
    if (reply !== null && /^[45]\d\d/.test(reply)) {
      return { result: finish('rejected', { mechanism, reply }), session: null };
    }
    return {
      result: finish('failed', { mechanism, reply, failure: describeNodemailerError(loginError, false) }),
      session: null,
    };
  } catch (error) {
    teardown();
    if (error instanceof SessionEnded) {
      record('event', error.failure.message);
      return { result: finish('failed', { failure: error.failure, reply: seen.authReply }), session: null };
    }
    const failure: LoginFailure = {
      kind: 'protocol',
      message: redactor.scrub(error instanceof Error ? error.message : String(error)),
    };
    return { result: finish('failed', { failure }), session: null };
  }
}

/** Opens TCP (and for implicit TLS the handshake) to the address the core resolved. */
async function openSocket(
  request: LoginRequest,
  countBytes: (chunk: Buffer) => void,
  record: (direction: TranscriptEntry['direction'], text: string) => void,
  track: (socket: Socket) => void,
): Promise<Socket> {
  const { address, port, host } = request.target;
  const plain = await new Promise<Socket>((resolve, reject) => {
    const socket = createConnection({ host: address, port, noDelay: true });
    track(socket);
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      socket.destroy();
      reject(
        new SessionEnded({
          kind: error.code === 'ECONNREFUSED' ? 'connect-refused' : 'connect-failed',
          message: `Could not connect to ${address} port ${String(port)} (${error.code ?? 'error'}).`,
        }),
      );
    });
  });
  record('event', `Connected to ${address} port ${String(port)}`);
  if (request.security !== 'implicit-tls') {
    plain.on('data', countBytes);
    return plain;
  }
  const ca = request.extraCaPem === undefined ? undefined : [...rootCertificates, request.extraCaPem];
  return new Promise<Socket>((resolve, reject) => {
    const secure = tlsConnect({
      socket: plain,
      servername: host,
      // As above: a bad certificate must be seen to be reported; credentials wait for `authorized`.
      rejectUnauthorized: false,
      ...(ca === undefined ? {} : { ca }),
    });
    track(secure);
    secure.once('secureConnect', () => {
      secure.removeAllListeners('error');
      secure.on('data', countBytes);
      const facts = tlsFactsOf(secure);
      record(
        'event',
        `TLS ${facts?.protocol ?? 'session'} established${facts?.authorized === true ? ', certificate verified' : ', certificate NOT verified'}`,
      );
      resolve(secure);
    });
    secure.once('error', (error: Error) => {
      secure.destroy();
      reject(new SessionEnded({ kind: 'tls-failed', message: `The TLS handshake failed: ${error.message}` }));
    });
  });
}

function makeLogger(onLine: (tnx: string, text: string) => void): Record<string, LogMethod> {
  const method: LogMethod = (entry, message, ...args) => {
    const tnx = entry.tnx ?? '';
    if (isTransactionLine(entry)) {
      onLine(tnx, typeof message === 'string' ? message : String(message));
      return;
    }
    if (tnx === 'smtp' && message === 'Connection upgraded with STARTTLS' && args.length === 0) {
      onLine('upgraded', '');
    }
  };
  return { trace: method, debug: method, info: method, warn: method, error: method, fatal: method };
}

function authData(
  username: string,
  secret: NonNullable<LoginRequest['secret']>,
  mechanism: LoginMechanism,
): SMTPConnection.AuthenticationType {
  if (secret.kind === 'xoauth2') {
    const token = secret.token;
    return {
      method: 'XOAUTH2',
      user: username,
      oauth2: {
        // A retry after a rejected token would send the same token again: report the rejection instead.
        getToken(isRetry: boolean, callback: (error: Error | null, token?: string) => void) {
          if (isRetry) callback(new Error('The server rejected the token.'));
          else callback(null, token);
        },
        buildXOAuth2Token(accessToken: string) {
          // https://developers.google.com/gmail/imap/xoauth2-protocol#the_sasl_xoauth2_mechanism
          return Buffer.from(`user=${username}\x01auth=Bearer ${accessToken}\x01\x01`, 'utf8').toString(
            'base64',
          );
        },
      } as unknown as SMTPConnection.AuthenticationType['oauth2'],
    };
  }
  return { method: mechanism, user: username, pass: secret.password };
}

function chooseMechanism(
  request: LoginRequest,
  supported: readonly string[],
  advertised: readonly string[] | null,
): LoginMechanism | null {
  const offered = new Set([...supported, ...(advertised ?? [])].map((name) => name.toUpperCase()));
  if (request.secret?.kind === 'xoauth2') return offered.has('XOAUTH2') ? 'XOAUTH2' : null;
  if (request.mechanism !== undefined) {
    if (request.mechanism === 'XOAUTH2') return null;
    return offered.has(request.mechanism) ? request.mechanism : null;
  }
  for (const name of ['PLAIN', 'LOGIN', 'CRAM-MD5'] as const) if (offered.has(name)) return name;
  return null;
}

function after(
  replies: readonly { readonly tls: boolean; readonly reply: string }[],
): readonly string[] | null {
  const last = [...replies].reverse().find((entry) => entry.tls);
  return last === undefined ? null : authMechanisms(last.reply);
}

function describeNodemailerError(error: Error, tlsFailed: boolean): LoginFailure {
  const code = errorCode(error);
  const kind: LoginFailureKind =
    code === 'ETIMEDOUT'
      ? 'timeout'
      : tlsFailed || code === 'ETLS'
        ? 'tls-failed'
        : code === 'ECONNECTION'
          ? 'closed'
          : /exceeds maximum allowed size/.test(error.message)
            ? 'too-much-data'
            : 'protocol';
  // nodemailer's messages carry the server reply, never the credentials (it logs "/* secret */").
  return { kind, message: stripControls(error.message).slice(0, MAX_ENTRY_CHARS) };
}

function errorCode(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

function secretText(secret: NonNullable<LoginRequest['secret']>): string {
  return secret.kind === 'password' ? secret.password : secret.token;
}

async function race<T>(work: Promise<T>, ended: Promise<never>): Promise<T> {
  return Promise.race([work, ended]);
}
