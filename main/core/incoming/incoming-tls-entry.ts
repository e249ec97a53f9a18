/**
 * How an IMAP or POP3 connection reaches its TLS handshake, for the SMTP side's TLS probe: TLS from the
 * first byte on 993 / 995 (RFC 8314 section 3.3), or greeting, capabilities and STARTTLS (RFC 9051
 * section 6.2.1) / STLS (RFC 2595 section 4) in clear text first. No password is ever sent.
 */
import type { ChannelFailure } from '../smtp/smtp-channel';
import {
  handshakeOutcome,
  isHandshakeFailure,
  type AttemptOutcome,
  type TlsEntry,
  type TlsProbeConnection,
} from '../probes/tls-version-attempt';
import type { Dialect } from './incoming-dialect';
import { imapDialect } from './imap-dialect';
import type { IncomingProtocol, LineConnector, LineFailure, LineLimits } from './line-channel';
import { pop3Dialect } from './pop3-dialect';

export function incomingTlsEntry(
  protocol: IncomingProtocol,
  connector: LineConnector,
  limits: LineLimits,
): TlsEntry {
  return {
    limits,
    async reach(target, security, tls, signal) {
      const opened = await connector.open(target, {
        security: security === 'implicit-tls' ? 'implicit-tls' : 'plain',
        literals: protocol === 'imap',
        tls,
        limits,
        signal,
      });
      if (opened.kind === 'failure') {
        const failure = asChannelFailure(opened.failure);
        const outcome: AttemptOutcome =
          security === 'implicit-tls' && isHandshakeFailure(failure)
            ? handshakeOutcome(failure)
            : { kind: 'no-tls-attempt', reason: failure.message, failure };
        return { outcome, channel: null };
      }
      const dialect =
        protocol === 'imap' ? imapDialect(opened.channel, limits) : pop3Dialect(opened.channel, limits);
      const done = (outcome: AttemptOutcome) => ({ outcome, channel: politeConnection(dialect) });
      if (security === 'implicit-tls') {
        const session = dialect.channel.tlsSession();
        return done(
          session === null
            ? {
                kind: 'no-tls-attempt',
                reason: 'The connection did not report a TLS session.',
                failure: null,
              }
            : { kind: 'tls', session },
        );
      }
      const before = await clearTextSteps(dialect);
      if (before !== null) return done(before);
      const upgraded = await dialect.channel.upgradeToTls(tls);
      if (upgraded.kind === 'tls') return done({ kind: 'tls', session: upgraded.session });
      // Bytes slipped in after the server's go-ahead are the dialogue check's finding; TLS itself worked.
      const session = dialect.channel.tlsSession();
      if (upgraded.failure.kind === 'plaintext-after-starttls' && session !== null)
        return done({ kind: 'tls', session });
      const failure = asChannelFailure(upgraded.failure);
      return done(
        isHandshakeFailure(failure)
          ? handshakeOutcome(failure)
          : { kind: 'no-tls-attempt', reason: failure.message, failure },
      );
    },
  };
}

/** Greeting, capabilities, STARTTLS / STLS; null when the server agreed and the handshake can start. */
async function clearTextSteps(dialect: Dialect): Promise<AttemptOutcome | null> {
  const word = dialect.startTlsWord;
  const greeting = await dialect.greeting();
  if (greeting.kind === 'failure') return stepFailure('Waiting for the greeting', greeting.failure);
  if (greeting.kind === 'refused' || greeting.value.status !== 'ok') {
    const text = greeting.kind === 'refused' ? greeting.reply : greeting.value.text;
    return {
      kind: 'no-tls-attempt',
      reason: `The greeting was not one a session can go on from: "${text}".`,
      failure: null,
    };
  }
  // RFC 9051 section 7.1: a CAPABILITY response code in the greeting saves the round trip.
  const asked =
    greeting.value.capabilities === null
      ? await capabilityWords(dialect)
      : { kind: 'words' as const, words: greeting.value.capabilities };
  if (asked.kind !== 'words') return asked;
  const listed = asked.words;
  if (!listed.includes(word)) return { kind: 'starttls-not-offered', capabilities: listed };
  const agreed = await dialect.startTls();
  if (agreed.kind === 'failure') return stepFailure(`After ${word}`, agreed.failure);
  if (agreed.kind === 'refused')
    return { kind: 'starttls-refused', replyCode: null, enhancedCode: null, replyText: agreed.reply };
  return null;
}

type Words = { readonly kind: 'words'; readonly words: readonly string[] };

async function capabilityWords(dialect: Dialect): Promise<Words | AttemptOutcome> {
  const asked = await dialect.capabilities();
  switch (asked.kind) {
    case 'ok':
      return { kind: 'words', words: asked.value };
    case 'refused':
      // A POP3 server without CAPA (RFC 2449 is an extension) cannot say it has STLS.
      return { kind: 'words', words: [] };
    case 'failure':
      return stepFailure('Asking for the capabilities', asked.failure);
  }
}

function stepFailure(step: string, failure: LineFailure): AttemptOutcome {
  const channelFailure = asChannelFailure(failure);
  return { kind: 'no-tls-attempt', reason: `${step}: ${failure.message}`, failure: channelFailure };
}

/** The two line-only caps read as the SMTP side's "reply too large". */
function asChannelFailure(failure: LineFailure): ChannelFailure {
  const kind =
    failure.kind === 'literal-too-large' || failure.kind === 'response-too-large'
      ? 'reply-too-large'
      : failure.kind;
  return { ...failure, kind };
}

/** LOGOUT / QUIT, then close (the dialect keeps the goodbye under a second). */
function politeConnection(dialect: Dialect): TlsProbeConnection {
  return {
    get transcript() {
      return dialect.channel.transcript;
    },
    closePolitely: () => dialect.logout(),
  };
}
