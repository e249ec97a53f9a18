/**
 * Whether an IMAP or POP3 server would compress TLS records (CRIME, CVE-2012-4929), asked as the SMTP side
 * asks it (tls-compression-probe.ts): one hand-built TLS 1.2 ClientHello offering DEFLATE, on its own
 * connection, and the compression method of the server's hello. On 993 / 995 the hello is the first byte
 * (RFC 8314 section 3.3); on 143 / 110 it follows the clear-text greeting, capabilities and the server's
 * go-ahead to STARTTLS / STLS. Only the ServerHello is read; no password, no key exchange.
 */
import { deadlineSignal } from '../deadline-signal';
import { askCompression } from '../probes/tls-compression-probe';
import { attemptDeadlineMs, type TlsProbeSecurity } from '../probes/tls-version-attempt';
import type { ProbeResult } from '../smtp/probe-context';
import type { SmtpTarget } from '../smtp/smtp-channel';
import type { TlsSubject } from '../tls/tls-finding';
import { imapDialect } from './imap-dialect';
import { clearTextSteps } from './incoming-starttls-steps';
import type { IncomingProtocol, LineConnector, LineLimits } from './line-channel';
import { pop3Dialect } from './pop3-dialect';

export interface IncomingCompressionContext {
  readonly protocol: IncomingProtocol;
  readonly connector: LineConnector;
  readonly limits: LineLimits;
  readonly host: string;
  readonly signal: AbortSignal;
}

/** Never throws; a server that refuses the hello or speaks only TLS 1.3 gets no finding here. */
export async function probeIncomingTlsCompression(
  ctx: IncomingCompressionContext,
  subject: TlsSubject,
  target: SmtpTarget,
  security: TlsProbeSecurity,
): Promise<ProbeResult> {
  const deadline = deadlineSignal(attemptDeadlineMs(ctx.limits, security));
  try {
    // Clear text even for implicit TLS: the hand-built hello is what starts TLS there.
    const opened = await ctx.connector.open(target, {
      security: 'plain',
      literals: ctx.protocol === 'imap',
      limits: ctx.limits,
      signal: AbortSignal.any([ctx.signal, deadline.signal]),
    });
    if (opened.kind === 'failure') return { findings: [], transcript: [] };
    const channel = opened.channel;
    try {
      if (security === 'starttls') {
        const dialect =
          ctx.protocol === 'imap' ? imapDialect(channel, ctx.limits) : pop3Dialect(channel, ctx.limits);
        // A refused or missing STARTTLS is the dialogue's and the TLS probe's finding, not this one's.
        if ((await clearTextSteps(dialect)) !== null)
          return { findings: [], transcript: [...channel.transcript] };
      }
      return await askCompression(channel, ctx, subject);
    } finally {
      channel.close();
    }
  } finally {
    deadline.clear();
  }
}
