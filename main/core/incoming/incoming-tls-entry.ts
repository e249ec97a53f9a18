/**
 * How an IMAP or POP3 connection reaches its TLS handshake, for the SMTP side's TLS probe: TLS from the
 * first byte on 993 / 995 (RFC 8314 section 3.3), or greeting, capabilities and STARTTLS (RFC 9051
 * section 6.2.1) / STLS (RFC 2595 section 4) in clear text first; and the compression hello the same two
 * ways (incoming-tls-compression.ts). No password is ever sent.
 */
import {
  handshakeOutcome,
  isHandshakeFailure,
  type AttemptOutcome,
  type TlsEntry,
  type TlsProbeConnection,
} from '../probes/tls-version-attempt';
import type { Dialect } from './incoming-dialect';
import { imapDialect } from './imap-dialect';
import { asChannelFailure, type IncomingProtocol, type LineConnector, type LineLimits } from './line-channel';
import { clearTextSteps } from './incoming-starttls-steps';
import { probeIncomingTlsCompression } from './incoming-tls-compression';
import { pop3Dialect } from './pop3-dialect';

export function incomingTlsEntry(
  protocol: IncomingProtocol,
  connector: LineConnector,
  limits: LineLimits,
): TlsEntry {
  return {
    limits,
    probeCompression: (host, subject, target, security, signal) =>
      probeIncomingTlsCompression({ protocol, connector, limits, host, signal }, subject, target, security),
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

/** LOGOUT / QUIT, then close (the dialect keeps the goodbye under a second). */
function politeConnection(dialect: Dialect): TlsProbeConnection {
  return {
    get transcript() {
      return dialect.channel.transcript;
    },
    closePolitely: () => dialect.logout(),
  };
}
