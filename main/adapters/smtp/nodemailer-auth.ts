/**
 * The one adapter around nodemailer's SMTPConnection: a real login, and nothing sent that should not be.
 *
 * We open the socket ourselves (to the address the core resolved, with one overall deadline and a byte
 * cap) and hand it to nodemailer, which runs EHLO, STARTTLS and the SASL mechanisms. Before nodemailer may
 * send credentials we look at the TLS it negotiated: unverified TLS (unless the user named the leaf's
 * fingerprint) or no TLS at all means the credentials are withheld. nodemailer keeps what we need in
 * underscore fields (`_ehloLines`, `_supportedAuth`, `_socket`, `_responseActions`, `_sendCommand`) and
 * overwrites the clear-text EHLO after STARTTLS, so that one is read from its transaction log; the
 * contract test in test/integration/adapters/smtp/nodemailer-auth.test.ts pins all of it. nodemailer knows
 * XOAUTH2 but not OAUTHBEARER (RFC 7628): that one runs as its `customAuth` handler, on the same session.
 */
import { visibleText } from '../../../preload/contract/untrusted-text';
import type { Socket } from 'node:net';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type {
  LoginAttempt,
  LoginFailure,
  LoginFailureKind,
  LoginMechanism,
  LoginRequest,
  LoginResult,
  SmtpLoginPort,
  SmtpSubmissionPort,
  SubmissionSession,
} from '../../core/smtp/smtp-login';
import {
  bearerAbortResponse,
  BEARER_MECHANISMS,
  chooseBearerMechanism,
  oauthBearerInitialResponse,
} from '../../core/oauth/bearer-sasl';
import { fingerprintAllowed, tlsFactsOf } from './nodemailer-auth-facts';
import { openLoginSocket, trustedContext } from './nodemailer-login-socket';
import { tlsIdentity } from './tls-identity';
import { MAX_ENTRY_CHARS, SessionEnded, watchLogin, type LoginWatch } from './nodemailer-login-watch';
import { makeSession, politeQuit, type SmtpConnectionInternals } from './nodemailer-session';

export type { SmtpConnectionInternals };
export { isTransactionLine } from './nodemailer-login-watch';

/** A single reply larger than this ends the session (nodemailer's maxResponseSize). */
const MAX_REPLY_BYTES = 64 * 1024;
/** Our EHLO name: RFC 5321 section 4.1.4 wants a domain or address literal; `.invalid` never resolves (RFC 6761). */
const CLIENT_NAME = 'mailwarden.invalid';

export function createNodemailerLogin(): SmtpLoginPort {
  return { login: runLogin };
}

/** The same login, keeping the session so that `mailwarden prove` can send its one message. */
export function createNodemailerSubmission(): SmtpSubmissionPort {
  return { login: (request) => runLogin(request, { keepSession: true }) };
}

async function runLogin(
  request: LoginRequest,
  options: { readonly keepSession?: boolean } = {},
): Promise<LoginAttempt & { readonly session: SubmissionSession | null }> {
  const watch = watchLogin(request);
  const opened: Socket[] = [];
  let connection: (SMTPConnection & SmtpConnectionInternals) | null = null;
  const teardown = (): void => {
    watch.stopWatching();
    connection?.close();
    for (const each of opened) each.destroy();
    const current = connection?._socket;
    if (current) current.destroy();
  };
  /** Says goodbye when there is someone to say it to, then lets go of everything. */
  const end = async (result: LoginResult): Promise<LoginAttempt & { readonly session: null }> => {
    if (connection !== null) await politeQuit(connection);
    teardown();
    return { result, session: null };
  };

  if (request.signal?.aborted === true) {
    teardown();
    return {
      result: watch.result('failed', { failure: { kind: 'aborted', message: 'The check was cancelled.' } }),
      session: null,
    };
  }

  try {
    const socket = await race(
      openLoginSocket(request, watch, (each) => opened.push(each)),
      watch.ended,
    );
    watch.noteTls(tlsFactsOf(socket));
    const implicit = request.security === 'implicit-tls';
    const secureContext = trustedContext(request.extraCaPem);
    const identity = tlsIdentity(request.target.host);
    const conn = new SMTPConnection({
      connection: socket,
      secure: implicit,
      secured: implicit,
      requireTLS: request.security === 'starttls',
      opportunisticTLS: request.security === 'plain',
      host: request.target.address,
      // SNI only for a host name (RFC 6066 section 3); nodemailer passes this on to the STARTTLS upgrade.
      ...(identity.servername === undefined ? {} : { servername: identity.servername }),
      name: CLIENT_NAME,
      logger: watch.logger(() => connection),
      transactionLog: true,
      greetingTimeout: request.deadlineMs,
      socketTimeout: request.deadlineMs,
      socketCloseTimeout: 0,
      maxResponseSize: MAX_REPLY_BYTES,
      ...(request.secret?.kind === 'xoauth2'
        ? {
            customAuth: {
              OAUTHBEARER: oauthBearerLogin(request.username, request.secret.token, request.target),
            },
          }
        : {}),
      tls: {
        ...identity,
        // The certificate is judged here, not by Node: AUTH is sent only when the chain verified or the
        // user named this certificate's fingerprint (the fingerprintAllowed check below), never otherwise.
        rejectUnauthorized: false,
        ...(secureContext === undefined ? {} : { secureContext }),
      },
    }) as SMTPConnection & SmtpConnectionInternals;
    connection = conn;
    const connectError = await race(
      new Promise<Error | null>((resolve) => {
        conn.once('error', resolve);
        conn.connect((error) => {
          resolve(error ?? null);
        });
      }),
      watch.ended,
    );
    if (connectError !== null) {
      teardown();
      return { result: connectFailed(request, watch, connectError), session: null };
    }

    const tlsFacts = tlsFactsOf(conn._socket || null);
    const secret = request.secret;
    if (secret === null) return await end(watch.result('withheld', { withheldReason: 'inspect-only' }));
    if (tlsFacts === null) {
      watch.record('event', 'No TLS: credentials withheld');
      return await end(watch.result('withheld', { withheldReason: 'no-tls' }));
    }
    if (!tlsFacts.authorized && !fingerprintAllowed(tlsFacts, request.allowFingerprintSha256)) {
      watch.record('event', 'Certificate not verified: credentials withheld');
      return await end(watch.result('withheld', { withheldReason: 'tls-unverified' }));
    }
    const mechanism = chooseMechanism(request, conn._supportedAuth, watch.mechanismsAfterTls());
    if (mechanism === null) {
      watch.record('event', 'No login mechanism in common: credentials withheld');
      return await end(watch.result('withheld', { withheldReason: 'no-common-mechanism' }));
    }

    const loginError = await race(
      new Promise<Error | null>((resolve) => {
        // A server that hangs up in the middle of AUTH reaches nodemailer's 'error' event, never the
        // login callback: without this the login would wait for its whole deadline.
        conn.once('error', resolve);
        conn.login(authData(request.username, secret, mechanism), (error) => {
          resolve(error ?? null);
        });
      }),
      watch.ended,
    );
    const reply = watch.lastReply();
    if (loginError === null) {
      const accepted = watch.result('accepted', { mechanism, reply });
      if (options.keepSession !== true) return await end(accepted);
      watch.stopWatching();
      return { result: accepted, session: makeSession(conn, watch.transcript, watch.record, teardown) };
    }
    if (reply !== null && /^[45]\d\d/.test(reply))
      return await end(watch.result('rejected', { mechanism, reply }));
    // Only a reply to AUTH itself is evidence here: a server that hangs up mid-AUTH would otherwise be
    // quoted by its EHLO answer, as if "250" had been its verdict on the login.
    return await end(
      watch.result('failed', {
        mechanism,
        reply: watch.seen.authReply,
        failure: describeNodemailerError(loginError, false),
      }),
    );
  } catch (error) {
    teardown();
    if (error instanceof SessionEnded) {
      watch.record('event', error.failure.message);
      return {
        result: watch.result('failed', { failure: error.failure, reply: watch.seen.authReply }),
        session: null,
      };
    }
    const failure: LoginFailure = {
      kind: 'protocol',
      message: error instanceof Error ? error.message : String(error),
    };
    return { result: watch.result('failed', { failure }), session: null };
  }
}

/** Why nodemailer could not get as far as a login: STARTTLS missing or refused, or the session broke. */
function connectFailed(request: LoginRequest, watch: LoginWatch, error: Error): LoginResult {
  const { seen } = watch;
  if (request.security !== 'implicit-tls' && seen.startTlsOffered === false)
    return watch.result('withheld', { withheldReason: 'no-tls', reply: seen.startTlsReply });
  if (seen.startTlsReply !== null && !/^2/.test(seen.startTlsReply))
    return watch.result('withheld', { withheldReason: 'no-tls', reply: seen.startTlsReply });
  const tlsFailed = /STARTTLS|TLS/.test(errorCode(error) + error.message);
  return watch.result('failed', {
    failure: describeNodemailerError(error, tlsFailed),
    reply: seen.lastServer,
  });
}

function authData(
  username: string,
  secret: NonNullable<LoginRequest['secret']>,
  mechanism: LoginMechanism,
): SMTPConnection.AuthenticationType {
  // The token itself reaches oauthBearerLogin through customAuth, never these credentials.
  if (secret.kind === 'xoauth2' && mechanism === 'OAUTHBEARER') return { method: mechanism, user: username };
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

/**
 * SASL OAUTHBEARER (RFC 7628 section 3.1) as a nodemailer customAuth handler: the token in the initial
 * response (RFC 4954 section 4); a refusal comes as a 334 with the error JSON (section 3.2.2), answered
 * with ^A so the server ends with its 535, which nodemailer's error then carries.
 */
function oauthBearerLogin(
  username: string,
  token: string,
  target: LoginRequest['target'],
): NonNullable<SMTPConnection.Options['customAuth']>[string] {
  return async (ctx) => {
    const payload = oauthBearerInitialResponse(username, token, { host: target.host, port: target.port });
    const first = await ctx.sendCommand(`AUTH OAUTHBEARER ${payload}`);
    if (first.status === 235) return;
    if (first.status !== 334) throw new Error(first.response);
    const final = await ctx.sendCommand(bearerAbortResponse('OAUTHBEARER'));
    throw new Error(final.response);
  };
}

function chooseMechanism(
  request: LoginRequest,
  supported: readonly string[],
  advertised: readonly string[] | null,
): LoginMechanism | null {
  const offered = new Set([...supported, ...(advertised ?? [])].map((name) => name.toUpperCase()));
  const bearer = (BEARER_MECHANISMS as readonly string[]).includes(request.mechanism ?? '');
  if (request.secret?.kind === 'xoauth2') {
    if (request.mechanism === undefined) return chooseBearerMechanism(offered);
    return bearer && offered.has(request.mechanism) ? request.mechanism : null;
  }
  if (request.mechanism !== undefined) {
    if (bearer) return null;
    return offered.has(request.mechanism) ? request.mechanism : null;
  }
  for (const name of ['PLAIN', 'LOGIN', 'CRAM-MD5'] as const) if (offered.has(name)) return name;
  return null;
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
  return { kind, message: visibleText(error.message).slice(0, MAX_ENTRY_CHARS) };
}

function errorCode(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

async function race<T>(work: Promise<T>, ended: Promise<never>): Promise<T> {
  return Promise.race([work, ended]);
}
