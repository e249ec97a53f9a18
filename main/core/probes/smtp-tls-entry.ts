/**
 * How an SMTP connection reaches its TLS handshake, for the TLS probe: implicit TLS from the first byte
 * (RFC 8314 section 3.3), or greeting, EHLO, STARTTLS and "220 Ready to start TLS" (RFC 3207).
 */
import type { SmtpChannel, SmtpConnector, SmtpLimits, SmtpReply } from '../smtp/smtp-channel';
import { ehloKeywords, starttlsPreamble } from './starttls-preamble';
import { probeTlsCompression } from './tls-compression-probe';
import {
  handshakeOutcome,
  isHandshakeFailure,
  type AttemptOutcome,
  type TlsEntry,
  type TlsProbeConnection,
} from './tls-version-attempt';

/** QUIT is a courtesy: a server that does not answer it quickly is simply disconnected. */
const QUIT_TIMEOUT_MS = 1_000;

export function smtpTlsEntry(connector: SmtpConnector, limits: SmtpLimits): TlsEntry {
  return {
    limits,
    probeCompression: (host, subject, target, security, signal) =>
      probeTlsCompression({ host, signal, connector, limits }, subject, target, security),
    async reach(target, security, tls, signal) {
      const opened = await connector.open(target, {
        security: security === 'implicit-tls' ? 'implicit-tls' : 'plain',
        tls,
        limits,
        signal,
      });
      if (opened.kind === 'failure') {
        const outcome: AttemptOutcome =
          security === 'implicit-tls' && isHandshakeFailure(opened.failure)
            ? handshakeOutcome(opened.failure)
            : { kind: 'no-tls-attempt', reason: opened.failure.message, failure: opened.failure };
        return { outcome, channel: null };
      }
      const channel = opened.channel;
      const connection = politeConnection(channel);
      const done = (outcome: AttemptOutcome) => ({ outcome, channel: connection });
      if (security === 'implicit-tls') {
        const session = channel.tlsSession();
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

      const preamble = await starttlsPreamble(channel);
      switch (preamble.kind) {
        case 'failure':
          return done({
            kind: 'no-tls-attempt',
            reason: `${preambleStepWords(preamble.step)}: ${preamble.failure.message}`,
            failure: preamble.failure,
          });
        case 'unexpected-reply':
          return done({
            kind: 'no-tls-attempt',
            reason: `${preambleStepWords(preamble.step)}, the server answered "${replyText(preamble.reply)}".`,
            failure: null,
          });
        case 'not-offered':
          return done({ kind: 'starttls-not-offered', capabilities: ehloKeywords(preamble.ehlo) });
        case 'refused':
          return done({
            kind: 'starttls-refused',
            replyCode: preamble.reply.code,
            enhancedCode: preamble.reply.enhancedCode,
            replyText: preamble.reply.lines.join(' '),
          });
        case 'ready':
          break;
      }
      const upgraded = await channel.upgradeToTls(tls);
      if (upgraded.kind === 'failure') {
        return done(
          isHandshakeFailure(upgraded.failure)
            ? handshakeOutcome(upgraded.failure)
            : { kind: 'no-tls-attempt', reason: upgraded.failure.message, failure: upgraded.failure },
        );
      }
      return done({ kind: 'tls', session: upgraded.session });
    },
  };
}

/** QUIT, then close; a dead channel answers QUIT at once with its failure. */
function politeConnection(channel: SmtpChannel): TlsProbeConnection {
  return {
    get transcript() {
      return channel.transcript;
    },
    async closePolitely() {
      await channel.command('QUIT', { timeoutMs: QUIT_TIMEOUT_MS });
      channel.close();
    },
  };
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
