/**
 * A real POP3 login over our own client: STLS (or implicit TLS), the TLS must verify, then USER/PASS
 * (RFC 1939 section 7) with the password redacted from the transcript, then STAT for the count only
 * (RFC 1939 section 5) and QUIT. Never RETR, never DELE.
 */
import { resolveHost } from '../probes/resolve-host';
import type { IncomingProbeContext } from './incoming-context';
import type { IncomingLoginOutcome } from './incoming-login-port';
import type { LineChannel } from './line-channel';
import { tlsOptions } from './open-dialect';
import { Pop3Session } from './pop3-session';

export interface Pop3LoginRequest {
  readonly port: number;
  readonly security: 'implicit-tls' | 'starttls';
  readonly username: string;
  readonly password: string;
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
  const user = await pop3.command(`USER ${request.username}`);
  if (user.kind === 'err') return { kind: 'rejected', reply: `-ERR ${user.text}` };
  if (user.kind !== 'ok') return { kind: 'failure', message: 'No answer to USER.' };
  const pass = await pop3.command(`PASS ${request.password}`, { redactAs: 'PASS <redacted>' });
  if (pass.kind === 'err') return { kind: 'rejected', reply: `-ERR ${pass.text}` };
  if (pass.kind !== 'ok') return { kind: 'failure', message: 'No answer to PASS.' };
  const stat = await pop3.command('STAT');
  if (stat.kind !== 'ok')
    return { kind: 'mailbox-unavailable', reply: stat.kind === 'err' ? `-ERR ${stat.text}` : 'no answer' };
  // RFC 1939 section 5: "+OK nn mm", the message count and the size.
  const messages = Number(/^(\d+)/.exec(stat.text)?.[1] ?? Number.NaN);
  return Number.isInteger(messages)
    ? { kind: 'accepted', messages }
    : { kind: 'mailbox-unavailable', reply: `+OK ${stat.text}` };
}
