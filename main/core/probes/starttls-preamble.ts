/**
 * The clear-text start of an SMTP session up to "220 Ready to start TLS": greeting, EHLO, STARTTLS.
 *
 * Shared by every probe that needs TLS on a submission or MX port, so the steps and their outcomes are told
 * apart the same way everywhere. The caller then calls channel.upgradeToTls(), which discards anything the
 * server sent after the 220 (RFC 3207 section 4.2).
 */
import type { ChannelFailure, SmtpChannel, SmtpReply } from '../smtp/smtp-channel';

/** RFC 5321 section 4.1.1.1 wants a name for the client; ".invalid" (RFC 2606) says honestly that it has none. */
export const PROBE_EHLO_NAME = 'mailwarden.invalid';

export type PreambleStep = 'greeting' | 'ehlo' | 'starttls';

export type StarttlsPreamble =
  /** The server answered 220 to STARTTLS: upgrade now. `ehlo` is the clear-text capability list. */
  | { readonly kind: 'ready'; readonly greeting: SmtpReply; readonly ehlo: SmtpReply }
  /** The connection broke, timed out or sent something unreadable at `step`. */
  | { readonly kind: 'failure'; readonly step: PreambleStep; readonly failure: ChannelFailure }
  /** A reply other than the expected one at `step` (e.g. a 421/554 greeting, a 502 to EHLO). */
  | { readonly kind: 'unexpected-reply'; readonly step: PreambleStep; readonly reply: SmtpReply }
  /** EHLO succeeded but did not list STARTTLS. */
  | { readonly kind: 'not-offered'; readonly greeting: SmtpReply; readonly ehlo: SmtpReply }
  /** STARTTLS was offered but refused (RFC 3207 section 4: 454 TLS not available, 502, ...). */
  | { readonly kind: 'refused'; readonly ehlo: SmtpReply; readonly reply: SmtpReply };

/** RFC 5321 section 4.1.1.1: the capability keywords of an EHLO reply (its lines after the first). */
export function ehloKeywords(ehlo: SmtpReply): string[] {
  return ehlo.lines.slice(1).map((line) => (line.trim().split(/\s+/)[0] ?? '').toUpperCase());
}

/** Greeting, EHLO, STARTTLS; each step under the channel's own deadlines. */
export async function starttlsPreamble(
  channel: SmtpChannel,
  ehloName: string = PROBE_EHLO_NAME,
): Promise<StarttlsPreamble> {
  const greeting = await channel.readReply();
  if (greeting.kind === 'failure') return { kind: 'failure', step: 'greeting', failure: greeting.failure };
  // RFC 5321 section 4.2: 220 is the only greeting that lets a session go on.
  if (greeting.reply.code !== 220) {
    return { kind: 'unexpected-reply', step: 'greeting', reply: greeting.reply };
  }
  const ehlo = await channel.command(`EHLO ${ehloName}`);
  if (ehlo.kind === 'failure') return { kind: 'failure', step: 'ehlo', failure: ehlo.failure };
  if (ehlo.reply.code !== 250) return { kind: 'unexpected-reply', step: 'ehlo', reply: ehlo.reply };
  if (!ehloKeywords(ehlo.reply).includes('STARTTLS')) {
    return { kind: 'not-offered', greeting: greeting.reply, ehlo: ehlo.reply };
  }
  const starttls = await channel.command('STARTTLS');
  if (starttls.kind === 'failure') return { kind: 'failure', step: 'starttls', failure: starttls.failure };
  // RFC 3207 section 4: 220 Ready to start TLS; anything else means no TLS on this connection.
  if (starttls.reply.code !== 220) return { kind: 'refused', ehlo: ehlo.reply, reply: starttls.reply };
  return { kind: 'ready', greeting: greeting.reply, ehlo: ehlo.reply };
}
