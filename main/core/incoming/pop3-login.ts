/**
 * A real POP3 login over our own client: STLS (or implicit TLS), the TLS must verify, then USER/PASS
 * (RFC 1939 section 7) with the password redacted from the transcript, or for an OAuth sign-in AUTH
 * OAUTHBEARER (RFC 7628) or XOAUTH2 (RFC 5034) as CAPA lists them, then STAT for the count only
 * (RFC 1939 section 5) and QUIT. Never RETR, never DELE.
 */
import { resolveHost } from '../probes/resolve-host';
import type { IncomingProbeContext } from './incoming-context';
import {
  bearerAbortResponse,
  bearerErrorStatus,
  bearerInitialResponse,
  chooseBearerMechanism,
} from '../oauth/bearer-sasl';
import type { IncomingLoginOutcome, IncomingSecret } from './incoming-login-port';
import type { LineChannel } from './line-channel';
import { tlsOptions } from './open-dialect';
import { Pop3Session, type Pop3Response } from './pop3-session';

export interface Pop3LoginRequest {
  readonly port: number;
  readonly security: 'implicit-tls' | 'starttls';
  readonly username: string;
  readonly secret: IncomingSecret;
}

export async function pop3Login(
  ctx: IncomingProbeContext,
  request: Pop3LoginRequest,
): Promise<IncomingLoginOutcome> {
  const resolved = await resolveHost(ctx.resolver, ctx.host);
  if (resolved.kind === 'failure') return { kind: 'failure', message: resolved.message };
  const opened = await ctx.connector.open(
    { host: ctx.host, address: resolved.address, port: request.port },
    {
      security: request.security === 'implicit-tls' ? 'implicit-tls' : 'plain',
      literals: false,
      tls: tlsOptions(ctx),
      limits: ctx.limits,
      signal: ctx.signal,
    },
  );
  if (opened.kind === 'failure') return { kind: 'failure', message: opened.failure.message };
  const channel = opened.channel;
  try {
    return await session(channel, ctx, request);
  } finally {
    if (channel.send('QUIT') === null) await channel.readLine(1_000);
    channel.close();
  }
}

async function session(
  channel: LineChannel,
  ctx: IncomingProbeContext,
  request: Pop3LoginRequest,
): Promise<IncomingLoginOutcome> {
  let pop3 = new Pop3Session(channel, ctx.limits);
  const greeting = await pop3.greeting();
  if (greeting.kind !== 'ok') return { kind: 'failure', message: 'The server did not greet with +OK.' };
  if (request.security === 'starttls') {
    const stls = await pop3.command('STLS');
    if (stls.kind !== 'ok') return { kind: 'tls-unverified', message: 'The server did not agree to STLS.' };
    const upgraded = await channel.upgradeToTls(tlsOptions(ctx));
    if (upgraded.kind === 'failure') return { kind: 'tls-unverified', message: upgraded.failure.message };
    pop3 = new Pop3Session(channel, ctx.limits);
  }
  const session = channel.tlsSession();
  // RFC 8314 section 4.1: credentials only over TLS whose certificate verified.
  if (session?.authorized !== true)
    return {
      kind: 'tls-unverified',
      message: `The certificate did not verify (${session?.authorizationError ?? 'no TLS'}).`,
    };
  const loggedIn =
    request.secret.kind === 'password'
      ? await userPass(pop3, request.username, request.secret.password)
      : await bearerAuth(pop3, ctx.host, request, request.secret.token);
  if (loggedIn !== null) return loggedIn;
  const stat = await pop3.command('STAT');
  if (stat.kind !== 'ok')
    return { kind: 'mailbox-unavailable', reply: stat.kind === 'err' ? `-ERR ${stat.text}` : 'no answer' };
  // RFC 1939 section 5: "+OK nn mm", the message count and the size.
  const messages = Number(/^(\d+)/.exec(stat.text)?.[1] ?? Number.NaN);
  return Number.isInteger(messages)
    ? { kind: 'accepted', messages }
    : { kind: 'mailbox-unavailable', reply: `+OK ${stat.text}` };
}

/** RFC 1939 section 7: USER, then PASS; null once logged in. */
async function userPass(
  pop3: Pop3Session,
  username: string,
  password: string,
): Promise<IncomingLoginOutcome | null> {
  const user = await pop3.command(`USER ${username}`);
  if (user.kind === 'err') return { kind: 'rejected', reply: `-ERR ${user.text}` };
  if (user.kind !== 'ok') return { kind: 'failure', message: noAnswer('USER', user) };
  const pass = await pop3.command(`PASS ${password}`, { redactAs: 'PASS <redacted>' });
  if (pass.kind === 'err') return { kind: 'rejected', reply: `-ERR ${pass.text}` };
  if (pass.kind !== 'ok') return { kind: 'failure', message: noAnswer('PASS', pass) };
  return null;
}

/** What went wrong instead of a status line: the connection's own words (it closed, timed out...). */
function noAnswer(command: string, response: Pop3Response): string {
  return response.kind === 'failure'
    ? `No answer to ${command}: ${response.failure.message}`
    : `No answer to ${command}.`;
}

/**
 * AUTH with the access token, the mechanism chosen from CAPA's SASL line (RFC 2449 section 6.3), asked
 * inside TLS where the server lists what it offers there. The token goes as the answer to the empty
 * challenge rather than on the AUTH line: RFC 5034 section 4 caps that line at 255 octets, which a token
 * from Microsoft exceeds. A refusal may come as a challenge with the error (RFC 7628 section 3.2.2),
 * answered so the server can end with -ERR; one such round only. Null once logged in.
 */
async function bearerAuth(
  pop3: Pop3Session,
  host: string,
  request: Pop3LoginRequest,
  token: string,
): Promise<IncomingLoginOutcome | null> {
  const capa = await pop3.command('CAPA', { multiline: true });
  const offered =
    capa.kind === 'ok'
      ? capa.lines.flatMap((line) => {
          const [name = '', ...mechanisms] = line.trim().split(/\s+/);
          return name.toUpperCase() === 'SASL' ? mechanisms : [];
        })
      : [];
  const mechanism = chooseBearerMechanism(offered);
  if (mechanism === null)
    return {
      kind: 'failure',
      message: `The server offers no OAuth login (SASL OAUTHBEARER or XOAUTH2) over TLS${offered.length === 0 ? '' : `, only ${offered.join(', ')}`}.`,
    };
  const start = await pop3.saslStep(`AUTH ${mechanism}`, `AUTH ${mechanism}`);
  if (start.kind === 'err') return { kind: 'rejected', reply: `-ERR ${start.text}` };
  if (start.kind !== 'challenge')
    return { kind: 'failure', message: `No challenge after AUTH ${mechanism}.` };
  const payload = bearerInitialResponse(mechanism, request.username, token, { host, port: request.port });
  const answer = await pop3.saslStep(payload, '<redacted>');
  if (answer.kind === 'ok') return null;
  if (answer.kind === 'err') return { kind: 'rejected', reply: `-ERR ${answer.text}` };
  if (answer.kind !== 'challenge') return { kind: 'failure', message: `No answer to AUTH ${mechanism}.` };
  const status = bearerErrorStatus(answer.challenge);
  const final = await pop3.saslStep(bearerAbortResponse(mechanism), '<abort>');
  const said = status === null ? '' : ` (${status})`;
  if (final.kind === 'err') return { kind: 'rejected', reply: `-ERR ${final.text}${said}` };
  return { kind: 'failure', message: `AUTH ${mechanism} did not end after the server's refusal${said}.` };
}
