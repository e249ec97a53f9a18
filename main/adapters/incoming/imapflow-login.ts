/**
 * The IMAP login port on imapflow: connect over TLS that must verify, log in, EXAMINE INBOX, log out.
 *
 * imapflow gets the options every session shares (imapflow-client-options.ts): verified TLS only, the
 * logger off, lines, literals and responses capped; an overall deadline closes the client whatever it is
 * doing.
 */
import { ImapFlow } from 'imapflow';
import type {
  IncomingLoginOutcome,
  IncomingLoginPort,
  IncomingLoginRequest,
} from '../../core/incoming/incoming-login-port';
import { visibleLine } from '../../../preload/contract/untrusted-text';
import { capText } from '../smtp/plain-text';
import { imapflowClientOptions } from './imapflow-client-options';

const MAX_LITERAL_BYTES = 64 * 1024;
const MAX_RESPONSE_BYTES = 1024 * 1024;
const MAX_REPLY_CHARS = 300;

interface ImapFlowError {
  readonly authenticationFailed?: boolean;
  readonly responseText?: string;
  readonly code?: string;
  readonly message?: string;
}

export function createImapflowLogin(): IncomingLoginPort {
  return { login };
}

async function login(request: IncomingLoginRequest): Promise<IncomingLoginOutcome> {
  const client = new ImapFlow(
    imapflowClientOptions({
      host: request.host,
      address: request.address,
      port: request.port,
      security: request.security,
      // With a token imapflow picks AUTHENTICATE OAUTHBEARER (RFC 7628), else XOAUTH2, from CAPABILITY.
      auth:
        request.secret.kind === 'password'
          ? { user: request.username, pass: request.secret.password }
          : { user: request.username, accessToken: request.secret.token },
      extraCaPem: request.extraCaPem,
      connectionTimeoutMs: request.timeoutMs,
      greetingTimeoutMs: request.timeoutMs,
      socketTimeoutMs: request.timeoutMs,
      maxLiteralBytes: MAX_LITERAL_BYTES,
      maxResponseBytes: MAX_RESPONSE_BYTES,
    }),
  );
  // imapflow emits 'error' for socket trouble after connect; the outcome already says what went wrong.
  client.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const stop = (): void => {
    client.close();
  };
  request.signal.addEventListener('abort', stop, { once: true });
  const deadline = new Promise<IncomingLoginOutcome>((resolve) => {
    timer = setTimeout(() => {
      client.close();
      resolve({
        kind: 'failure',
        message: `The login did not finish within ${String(request.timeoutMs / 1000)} s.`,
      });
    }, request.timeoutMs);
  });
  try {
    return await Promise.race([run(client), deadline]);
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', stop);
    client.close();
  }
}

async function run(client: ImapFlow): Promise<IncomingLoginOutcome> {
  try {
    await client.connect();
  } catch (error) {
    return connectFailure(error as ImapFlowError);
  }
  try {
    // RFC 9051 section 6.3.3: EXAMINE is SELECT without the right to change anything.
    const mailbox = await client.mailboxOpen('INBOX', { readOnly: true });
    await client.logout().catch(() => undefined);
    return { kind: 'accepted', messages: mailbox.exists };
  } catch (error) {
    return { kind: 'mailbox-unavailable', reply: replyText(error as ImapFlowError) };
  }
}

function connectFailure(error: ImapFlowError): IncomingLoginOutcome {
  if (error.authenticationFailed === true) return { kind: 'rejected', reply: replyText(error) };
  const message = replyText(error);
  // imapflow's "Unexpected close" (ClosedAfterConnectTLS / ClosedAfterConnectText): the server hung up
  // mid-session, e.g. at LOGIN. Its code names the transport, not a TLS failure, so it is tested first.
  if (error.code?.startsWith('ClosedAfterConnect') === true)
    return { kind: 'failure', message: `The server closed the connection mid-session (${message}).` };
  // Node's verification codes and imapflow's own STARTTLS refusal: the password was never sent.
  if (
    /certificate|self[- ]signed|altnames|UNABLE_TO|CERT_|DEPTH_ZERO|STARTTLS|TLS|SSL/i.test(
      `${error.code ?? ''} ${message}`,
    )
  )
    return { kind: 'tls-unverified', message };
  return { kind: 'failure', message };
}

function replyText(error: ImapFlowError): string {
  return capText(visibleLine(error.responseText ?? error.message ?? 'unknown error'), MAX_REPLY_CHARS);
}
