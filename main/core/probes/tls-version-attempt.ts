/**
 * One TLS version tried on its own connection (minimum = maximum = that version), for the TLS probe.
 *
 * STARTTLS ports go greeting, EHLO, STARTTLS, 220, handshake (RFC 3207); implicit TLS handshakes at once
 * (RFC 8314 section 3.3). Every way it can end is data, so the probe can tell "refused this version" from
 * "never got that far".
 */
import { deadlineSignal } from '../deadline-signal';
import type { SmtpProbeContext } from '../smtp/probe-context';
import type {
  ChannelFailure,
  SmtpChannel,
  SmtpLimits,
  SmtpReply,
  SmtpTarget,
  TlsClientOptions,
  TlsSessionFacts,
} from '../smtp/smtp-channel';
import type { TlsVersion } from '../tls/protocol-support';
import { starttlsPreamble } from './starttls-preamble';

export type TlsProbeSecurity = 'starttls' | 'implicit-tls';

/** QUIT is a courtesy: a server that does not answer it quickly is simply disconnected. */
const QUIT_TIMEOUT_MS = 1_000;

export type AttemptOutcome =
  | { readonly kind: 'tls'; readonly session: TlsSessionFacts }
  /** The connection or the clear-text dialogue failed before any TLS was tried. */
  | { readonly kind: 'no-tls-attempt'; readonly reason: string; readonly failure: ChannelFailure | null }
  | { readonly kind: 'starttls-not-offered'; readonly ehlo: SmtpReply }
  | { readonly kind: 'starttls-refused'; readonly reply: SmtpReply }
  /** The server refused or broke the handshake. */
  | { readonly kind: 'handshake-failed'; readonly failure: ChannelFailure }
  | { readonly kind: 'handshake-timeout'; readonly failure: ChannelFailure };

export interface Attempt {
  readonly version: TlsVersion;
  readonly outcome: AttemptOutcome;
  readonly channel: SmtpChannel | null;
  readonly elapsedMs: number;
}

/** One TLS version on its own connection: greeting, EHLO, STARTTLS (when asked), handshake. */
export async function tryVersion(
  ctx: SmtpProbeContext,
  target: SmtpTarget,
  security: TlsProbeSecurity,
  version: TlsVersion,
): Promise<Attempt> {
  const tls = {
    servername: ctx.host,
    minVersion: version,
    maxVersion: version,
    ...(ctx.extraCaPem === undefined ? {} : { extraCaPem: ctx.extraCaPem }),
  };
  return { version, ...(await tryHandshake(ctx, target, security, tls)) };
}

/** One handshake with the given TLS options on its own connection (STARTTLS first when asked). */
export async function tryHandshake(
  ctx: SmtpProbeContext,
  target: SmtpTarget,
  security: TlsProbeSecurity,
  tls: TlsClientOptions,
): Promise<Omit<Attempt, 'version'>> {
  const started = ctx.clock.now().getTime();
  // Each attempt's own deadline, on top of the per-step deadlines the channel keeps. Not cleared: the
  // channel may go on using the signal after this returns; the unref'd timer ends on its own.
  const signal = AbortSignal.any([
    ctx.signal,
    deadlineSignal(attemptDeadlineMs(ctx.limits, security)).signal,
  ]);
  const done = (outcome: AttemptOutcome, channel: SmtpChannel | null): Omit<Attempt, 'version'> => ({
    outcome,
    channel,
    elapsedMs: ctx.clock.now().getTime() - started,
  });

  const opened = await ctx.connector.open(target, {
    security: security === 'implicit-tls' ? 'implicit-tls' : 'plain',
    tls,
    limits: ctx.limits,
    signal,
  });
  if (opened.kind === 'failure') {
    return done(
      security === 'implicit-tls' && isHandshakeFailure(opened.failure)
        ? handshakeOutcome(opened.failure)
        : { kind: 'no-tls-attempt', reason: opened.failure.message, failure: opened.failure },
      null,
    );
  }
  const channel = opened.channel;
  if (security === 'implicit-tls') {
    const session = channel.tlsSession();
    return done(
      session === null
        ? { kind: 'no-tls-attempt', reason: 'The connection did not report a TLS session.', failure: null }
        : { kind: 'tls', session },
      channel,
    );
  }

  const preamble = await starttlsPreamble(channel);
  switch (preamble.kind) {
    case 'failure':
      return done(
        {
          kind: 'no-tls-attempt',
          reason: `${preambleStepWords(preamble.step)}: ${preamble.failure.message}`,
          failure: preamble.failure,
        },
        channel,
      );
    case 'unexpected-reply':
      return done(
        {
          kind: 'no-tls-attempt',
          reason: `${preambleStepWords(preamble.step)}, the server answered "${replyText(preamble.reply)}".`,
          failure: null,
        },
        channel,
      );
    case 'not-offered':
      return done({ kind: 'starttls-not-offered', ehlo: preamble.ehlo }, channel);
    case 'refused':
      return done({ kind: 'starttls-refused', reply: preamble.reply }, channel);
    case 'ready':
      break;
  }
  const upgraded = await channel.upgradeToTls(tls);
  if (upgraded.kind === 'failure') {
    return done(
      isHandshakeFailure(upgraded.failure)
        ? handshakeOutcome(upgraded.failure)
        : { kind: 'no-tls-attempt', reason: upgraded.failure.message, failure: upgraded.failure },
      channel,
    );
  }
  return done({ kind: 'tls', session: upgraded.session }, channel);
}

function isHandshakeFailure(failure: ChannelFailure): boolean {
  return failure.kind === 'tls-handshake-failed' || failure.kind === 'tls-handshake-timeout';
}

function handshakeOutcome(failure: ChannelFailure): AttemptOutcome {
  return failure.kind === 'tls-handshake-timeout'
    ? { kind: 'handshake-timeout', failure }
    : { kind: 'handshake-failed', failure };
}

/** Every step of one attempt at its longest: connect, greeting, EHLO, STARTTLS, handshake. */
export function attemptDeadlineMs(limits: SmtpLimits, security: TlsProbeSecurity): number {
  const clearText = security === 'starttls' ? limits.greetingTimeoutMs + 2 * limits.replyTimeoutMs : 0;
  return limits.connectTimeoutMs + clearText + limits.tlsHandshakeTimeoutMs;
}

function preambleStepWords(step: 'greeting' | 'ehlo' | 'starttls'): string {
  switch (step) {
    case 'greeting':
      return 'Waiting for the greeting';
    case 'ehlo':
      return 'After EHLO';
    case 'starttls':
      return 'After STARTTLS';
  }
}

function replyText(reply: SmtpReply): string {
  return `${String(reply.code)} ${reply.lines.join(' ')}`.trim();
}

/** QUIT, then close; a dead channel answers QUIT at once with its failure. */
export async function closePolitely(channel: SmtpChannel | null): Promise<void> {
  if (channel === null) return;
  await channel.command('QUIT', { timeoutMs: QUIT_TIMEOUT_MS });
  channel.close();
}

/** Why an attempt gave no TLS session, in plain words; null when it did. */
export function outcomeReason(outcome: AttemptOutcome): string | null {
  switch (outcome.kind) {
    case 'tls':
      return null;
    case 'no-tls-attempt':
      return outcome.reason;
    case 'starttls-not-offered':
      return 'The server did not offer STARTTLS.';
    case 'starttls-refused':
      return `The server refused STARTTLS: "${replyText(outcome.reply)}".`;
    case 'handshake-failed':
    case 'handshake-timeout':
      return outcome.failure.message;
  }
}
