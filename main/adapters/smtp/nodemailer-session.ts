/**
 * An authenticated nodemailer session kept open for the sender-spoofing probe, and a polite QUIT.
 */
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { TranscriptEntry } from '../../core/smtp/smtp-channel';
import type {
  EnvelopeTrial,
  LoginFailure,
  SubmissionSession,
  SubmissionTrial,
} from '../../core/smtp/smtp-login';
import { parseReply, seconds } from './nodemailer-auth-facts';

const QUIT_GRACE_MS = 1_000;

/** The fields and methods of nodemailer's SMTPConnection this adapter relies on; pinned by the contract test. */
export interface SmtpConnectionInternals {
  _ehloLines?: string[];
  _supportedAuth: string[];
  _socket: Socket | TLSSocket | false | null;
  _responseActions: ((reply: string) => void)[];
  _sendCommand(line: string, logLine?: string): void;
}

/** QUIT and wait briefly for the 221 (RFC 5321 section 4.1.1.10), then the caller destroys the socket. */
export async function politeQuit(conn: SMTPConnection & SmtpConnectionInternals): Promise<void> {
  if (conn.destroyed) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, QUIT_GRACE_MS);
    conn._responseActions.push(() => {
      clearTimeout(timer);
      resolve();
    });
    conn._sendCommand('QUIT');
  });
}

/** Addresses go into a command line: no CR, LF or angle brackets may slip through (RFC 5321 section 4.1.2). */
function envelopeAddress(address: string): string {
  return address.replace(/[\r\n<>]/g, '');
}

/**
 * The session kept after an accepted login, for envelope trials (MAIL FROM, RCPT TO, RSET: never DATA).
 *
 * nodemailer has no public call for a bare MAIL or RCPT, so commands go through `_sendCommand` with a reply
 * handler on `_responseActions`, the same pair its own commands use (pinned by the contract test).
 */
export function makeSession(
  conn: SMTPConnection & SmtpConnectionInternals,
  transcript: readonly TranscriptEntry[],
  record: (direction: TranscriptEntry['direction'], text: string) => void,
  teardown: () => void,
): SubmissionSession {
  let closed = false;
  const send = (line: string, timeoutMs: number): Promise<string | LoginFailure> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        resolve({
          kind: 'timeout',
          message: `No reply to ${line.split(':')[0] ?? line} within ${seconds(timeoutMs)}.`,
        });
      }, timeoutMs);
      const onEnd = (): void => {
        clearTimeout(timer);
        resolve({ kind: 'closed', message: 'The server closed the connection.' });
      };
      conn.once('end', onEnd);
      conn._responseActions.push((reply) => {
        clearTimeout(timer);
        conn.removeListener('end', onEnd);
        resolve(reply);
      });
      conn._sendCommand(line);
    });
  return {
    async tryEnvelope(from, to, timeoutMs): Promise<EnvelopeTrial> {
      if (closed)
        return { mailFrom: null, rcptTo: null, failure: { kind: 'closed', message: 'Session closed.' } };
      // RFC 5321 section 3.3: MAIL, RCPT, then RSET (section 4.1.1.5); never DATA, so nothing is sent.
      const mail = await send(`MAIL FROM:<${envelopeAddress(from)}>`, timeoutMs);
      if (typeof mail !== 'string') return { mailFrom: null, rcptTo: null, failure: mail };
      let rcpt: string | LoginFailure | null = null;
      if (/^2/.test(mail)) rcpt = await send(`RCPT TO:<${envelopeAddress(to)}>`, timeoutMs);
      if (rcpt !== null && typeof rcpt !== 'string') {
        return { mailFrom: parseReply(mail), rcptTo: null, failure: rcpt };
      }
      const reset = await send('RSET', timeoutMs);
      return {
        mailFrom: parseReply(mail),
        rcptTo: rcpt === null ? null : parseReply(rcpt),
        failure: typeof reset === 'string' ? null : reset,
      };
    },
    submit(from, to, message, timeoutMs) {
      if (closed)
        return Promise.resolve({
          outcome: 'failed',
          reply: null,
          refusedAt: null,
          failure: { kind: 'closed', message: 'Session closed.' },
        });
      return submitMessage(conn, envelopeAddress(from), envelopeAddress(to), message, timeoutMs);
    },
    transcript: () => [...transcript],
    async close() {
      if (closed) return;
      closed = true;
      await politeQuit(conn);
      record('event', 'Session closed');
      teardown();
    },
  };
}

interface SendError {
  readonly responseCode?: number;
  readonly response?: string;
  readonly command?: string;
  readonly code?: string;
  readonly message?: string;
}

/** nodemailer's public send (MAIL, RCPT, DATA with dot-stuffing), bounded by its own deadline. */
function submitMessage(
  conn: SMTPConnection,
  from: string,
  to: string,
  message: Uint8Array,
  timeoutMs: number,
): Promise<SubmissionTrial> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      conn.close();
      resolve({
        outcome: 'failed',
        reply: null,
        refusedAt: null,
        failure: { kind: 'timeout', message: `The message was not accepted within ${seconds(timeoutMs)}.` },
      });
    }, timeoutMs);
    conn.send({ from, to: [to] }, Buffer.from(message), (error, info) => {
      clearTimeout(timer);
      if (error === null) {
        resolve({ outcome: 'accepted', reply: parseReply(info.response), refusedAt: null, failure: null });
        return;
      }
      const failed = error as SendError;
      if (typeof failed.response === 'string' && /^[45]\d\d/.test(failed.response)) {
        resolve({
          outcome: 'refused',
          reply: parseReply(failed.response),
          refusedAt: failed.command ?? null,
          failure: null,
        });
        return;
      }
      resolve({
        outcome: 'failed',
        reply: null,
        refusedAt: null,
        failure: { kind: failed.code === 'ETIMEDOUT' ? 'timeout' : 'closed', message: error.message },
      });
    });
  });
}
