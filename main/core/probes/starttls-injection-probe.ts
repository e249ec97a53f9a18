/**
 * Server-side STARTTLS command injection (the CVE-2011-0411 class): does the server keep plaintext it
 * received before the TLS handshake and act on it inside the TLS session?
 *
 * The probe sends `STARTTLS` and `NOOP` in one write, completes the handshake, then sends `QUIT` inside
 * TLS and reads the first reply. A server that discards its input buffer at the upgrade (RFC 3207
 * section 4.2: "the server MUST discard any knowledge obtained from the client" before TLS) answers the
 * QUIT with 221. A vulnerable one answers the NOOP first, inside TLS: an attacker on the path could then
 * append commands (say, a RCPT TO of its own) to a client's STARTTLS and have them run as if encrypted.
 *
 * QUIT is the probe's only command inside TLS because its reply code (221) differs from NOOP's (250),
 * so the first reply alone tells the two apart, without waiting for silence. Nothing is ever sent but
 * EHLO, STARTTLS, NOOP and QUIT.
 */
import type { Finding } from '../../../preload/contract/findings';
import type { ProbeResult, SmtpProbeContext } from '../smtp/probe-context';
import type { SmtpChannel, SmtpReply } from '../smtp/smtp-channel';
import { resolveHost } from './resolve-host';
import { smtpFinding } from './smtp-finding';
import type { Injection } from '../knowledge/smtp-evidence';
import { ehloKeywords, PROBE_EHLO_NAME } from './starttls-preamble';

/** The harmless command slipped in behind STARTTLS: RFC 5321 section 4.1.1.9, no effect on the session. */
export const INJECTED_COMMAND = 'NOOP';
/** RFC 5321 section 4.1.1.10: QUIT is answered 221, never 250, so it cannot be mistaken for the NOOP's reply. */
const QUIT_REPLY = 221;

type Verdict =
  | { readonly kind: 'vulnerable'; readonly reply: SmtpReply }
  | { readonly kind: 'safe'; readonly reply: SmtpReply }
  | { readonly kind: 'inconclusive'; readonly step: string; readonly reason: string }
  /** STARTTLS missing, refused, or the port unreachable: other checks report that; nothing to add. */
  | { readonly kind: 'not-applicable' };

/** The injection probe of one STARTTLS port; never throws, bounded by the channel's deadlines. */
export async function probeStarttlsInjection(ctx: SmtpProbeContext, port: number): Promise<ProbeResult> {
  const checkId = `smtp-starttls-injection:${ctx.host}:${String(port)}`;
  const base: Injection = { host: ctx.host, port, injected: INJECTED_COMMAND };
  const resolved = await resolveHost(ctx.resolver, ctx.host);
  if (resolved.kind === 'failure') return { findings: [], transcript: [] };
  const opened = await ctx.connector.open(
    { host: ctx.host, address: resolved.address, port },
    {
      security: 'plain',
      tls: tlsOptions(ctx),
      limits: ctx.limits,
      signal: ctx.signal,
    },
  );
  if (opened.kind === 'failure') return { findings: [], transcript: [] };
  const channel = opened.channel;
  let verdict: Verdict;
  try {
    verdict = await converse(channel, ctx);
  } finally {
    channel.close();
  }
  const transcript = [...channel.transcript];
  return { findings: verdictFindings(verdict, checkId, base), transcript };
}

async function converse(channel: SmtpChannel, ctx: SmtpProbeContext): Promise<Verdict> {
  const greeting = await channel.readReply();
  if (greeting.kind === 'failure' || greeting.reply.code !== 220) return { kind: 'not-applicable' };
  const ehlo = await channel.command(`EHLO ${PROBE_EHLO_NAME}`);
  if (ehlo.kind === 'failure' || ehlo.reply.code !== 250) return { kind: 'not-applicable' };
  if (!ehloKeywords(ehlo.reply).includes('STARTTLS')) return { kind: 'not-applicable' };

  // RFC 2920 section 3.1 makes STARTTLS the last command of a group: what follows in the same write is
  // exactly what an attacker would append.
  const starttls = await channel.command('STARTTLS', { pipelined: [INJECTED_COMMAND] });
  if (starttls.kind === 'failure') {
    return { kind: 'inconclusive', step: 'STARTTLS', reason: starttls.failure.message };
  }
  // No TLS on this connection (RFC 3207 section 4: 454, 502, ...): the dialogue check reports that.
  if (starttls.reply.code !== 220) return { kind: 'not-applicable' };
  const upgraded = await channel.upgradeToTls(tlsOptions(ctx));
  if (upgraded.kind === 'failure' && channel.tlsSession() === null) {
    return { kind: 'inconclusive', step: 'TLS handshake', reason: upgraded.failure.message };
  }
  if (upgraded.kind === 'failure') {
    // The NOOP was answered in plain text, between the 220 and the handshake: not the flaw tested here,
    // and the dialogue check reports plaintext after STARTTLS on its own connection.
    return { kind: 'inconclusive', step: 'TLS handshake', reason: upgraded.failure.message };
  }
  const first = await channel.command('QUIT');
  if (first.kind === 'failure') {
    return { kind: 'inconclusive', step: 'QUIT inside TLS', reason: first.failure.message };
  }
  if (first.reply.code === QUIT_REPLY) return { kind: 'safe', reply: first.reply };
  return { kind: 'vulnerable', reply: first.reply };
}

function verdictFindings(verdict: Verdict, checkId: string, base: Injection): Finding[] {
  switch (verdict.kind) {
    case 'not-applicable':
      return [];
    case 'inconclusive':
      return [
        smtpFinding('smtp.starttls.command-injection-untested', checkId, {
          ...base,
          step: verdict.step,
          reason: verdict.reason,
        }),
      ];
    case 'safe':
      return [
        smtpFinding('smtp.starttls.command-injection-safe', checkId, {
          ...base,
          code: verdict.reply.code,
          text: verdict.reply.lines.join(' '),
        }),
      ];
    case 'vulnerable':
      return [
        smtpFinding('smtp.starttls.command-injection', checkId, {
          ...base,
          code: verdict.reply.code,
          text: verdict.reply.lines.join(' '),
        }),
      ];
  }
}

function tlsOptions(ctx: SmtpProbeContext): { servername: string; extraCaPem?: string } {
  return ctx.extraCaPem === undefined
    ? { servername: ctx.host }
    : { servername: ctx.host, extraCaPem: ctx.extraCaPem };
}
