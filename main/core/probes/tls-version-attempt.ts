/**
 * One TLS version tried on its own connection (minimum = maximum = that version), for the TLS probe.
 *
 * How a connection reaches its handshake depends on the protocol (a TlsEntry): SMTP goes greeting, EHLO,
 * STARTTLS, 220 (RFC 3207); IMAP STARTTLS (RFC 9051 section 6.2.1) and POP3 STLS (RFC 2595 section 4)
 * have their own dialects; implicit TLS handshakes at once (RFC 8314 section 3.3). Every way it can end
 * is data, so the probe can tell "refused this version" from "never got that far".
 */
import { deadlineSignal } from '../deadline-signal';
import type { DnsResolver } from '../ports';
import type { ProbeProgressEvent, ProbeResult } from '../smtp/probe-context';
import type { TlsSubject } from '../tls/tls-finding';
import type {
  ChannelFailure,
  SmtpTarget,
  TlsClientOptions,
  TlsSessionFacts,
  TranscriptEntry,
} from '../smtp/smtp-channel';
import type { TlsVersion } from '../tls/protocol-support';

export type TlsProbeSecurity = 'starttls' | 'implicit-tls';

export type AttemptOutcome =
  | { readonly kind: 'tls'; readonly session: TlsSessionFacts }
  /** The connection or the clear-text dialogue failed before any TLS was tried. */
  | { readonly kind: 'no-tls-attempt'; readonly reason: string; readonly failure: ChannelFailure | null }
  /** The clear-text capabilities (EHLO keywords, IMAP CAPABILITY, POP3 CAPA) did not list STARTTLS / STLS. */
  | { readonly kind: 'starttls-not-offered'; readonly capabilities: readonly string[] }
  /** The server said no to STARTTLS / STLS; `replyCode` is SMTP's, null for IMAP and POP3. */
  | {
      readonly kind: 'starttls-refused';
      readonly replyCode: number | null;
      readonly enhancedCode: string | null;
      readonly replyText: string;
    }
  /** The server refused or broke the handshake. */
  | { readonly kind: 'handshake-failed'; readonly failure: ChannelFailure }
  | { readonly kind: 'handshake-timeout'; readonly failure: ChannelFailure };

/** A connection the TLS probe opened: what it said, for the transcript, and a polite goodbye. */
export interface TlsProbeConnection {
  readonly transcript: readonly TranscriptEntry[];
  /** QUIT or LOGOUT under a short deadline, then close; a dead connection just closes. */
  closePolitely(): Promise<void>;
}

export interface Attempt {
  readonly version: TlsVersion;
  readonly outcome: AttemptOutcome;
  readonly channel: TlsProbeConnection | null;
  readonly elapsedMs: number;
}

/** The waits of one attempt (both the SMTP and the IMAP/POP3 limits have them). */
export interface TlsTimeouts {
  readonly connectTimeoutMs: number;
  readonly greetingTimeoutMs: number;
  readonly replyTimeoutMs: number;
  readonly tlsHandshakeTimeoutMs: number;
}

/** How one connection of a protocol reaches the TLS handshake. */
export interface TlsEntry {
  readonly limits: TlsTimeouts;
  /**
   * Connects (TLS from the first byte for implicit-tls) or runs the clear-text steps up to STARTTLS / STLS
   * and the handshake; never throws, and every step stays under `signal` and the channel's own deadlines.
   */
  reach(
    target: SmtpTarget,
    security: TlsProbeSecurity,
    tls: TlsClientOptions,
    signal: AbortSignal,
  ): Promise<{ readonly outcome: AttemptOutcome; readonly channel: TlsProbeConnection | null }>;
  /**
   * Offers TLS compression in a hand-built hello and judges the server's answer (CRIME), on a connection
   * of its own reached the protocol's way (SMTP STARTTLS, IMAP STARTTLS, POP3 STLS, or implicit TLS).
   */
  readonly probeCompression?: (
    host: string,
    subject: TlsSubject,
    target: SmtpTarget,
    security: TlsProbeSecurity,
    signal: AbortSignal,
  ) => Promise<ProbeResult>;
}

/** What the TLS probe needs, whatever the protocol in front of the handshake. */
export interface TlsProbeContext {
  /** ASCII (punycode) host: SNI and the certificate's name. */
  readonly host: string;
  readonly resolver: DnsResolver;
  readonly entry: TlsEntry;
  readonly signal: AbortSignal;
  readonly extraCaPem?: string;
  readonly clock: { now(): Date };
  readonly onProgress?: (event: ProbeProgressEvent) => void;
}

/** One TLS version on its own connection: the protocol's clear-text steps (when asked), the handshake. */
export async function tryVersion(
  ctx: TlsProbeContext,
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
  ctx: TlsProbeContext,
  target: SmtpTarget,
  security: TlsProbeSecurity,
  tls: TlsClientOptions,
): Promise<Omit<Attempt, 'version'>> {
  const started = ctx.clock.now().getTime();
  // Each attempt's own deadline, on top of the per-step deadlines the channel keeps. Not cleared: the
  // channel may go on using the signal after this returns; the unref'd timer ends on its own.
  const signal = AbortSignal.any([
    ctx.signal,
    deadlineSignal(attemptDeadlineMs(ctx.entry.limits, security)).signal,
  ]);
  const reached = await ctx.entry.reach(target, security, tls, signal);
  return { ...reached, elapsedMs: ctx.clock.now().getTime() - started };
}

export function isHandshakeFailure(failure: ChannelFailure): boolean {
  return failure.kind === 'tls-handshake-failed' || failure.kind === 'tls-handshake-timeout';
}

export function handshakeOutcome(failure: ChannelFailure): AttemptOutcome {
  return failure.kind === 'tls-handshake-timeout'
    ? { kind: 'handshake-timeout', failure }
    : { kind: 'handshake-failed', failure };
}

/** Every step of one attempt at its longest: connect, greeting, EHLO, STARTTLS, handshake. */
export function attemptDeadlineMs(limits: TlsTimeouts, security: TlsProbeSecurity): number {
  // Greeting, capabilities and STARTTLS in every protocol (SMTP: EHLO; IMAP: CAPABILITY; POP3: CAPA).
  const clearText = security === 'starttls' ? limits.greetingTimeoutMs + 2 * limits.replyTimeoutMs : 0;
  return limits.connectTimeoutMs + clearText + limits.tlsHandshakeTimeoutMs;
}

/** Closes every connection an attempt left open, politely. */
export async function closePolitely(channel: TlsProbeConnection | null): Promise<void> {
  if (channel === null) return;
  await channel.closePolitely();
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
      return `The server refused STARTTLS: "${
        outcome.replyCode === null
          ? outcome.replyText
          : `${String(outcome.replyCode)} ${outcome.replyText}`.trim()
      }".`;
    case 'handshake-failed':
    case 'handshake-timeout':
      return outcome.failure.message;
  }
}
