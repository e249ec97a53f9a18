/**
 * Whether a server would compress TLS records (the CRIME attack, CVE-2012-4929): one hand-built TLS 1.2
 * ClientHello offering DEFLATE before null compression, on its own connection, and the compression
 * method the server's hello picks. Node's OpenSSL never offers compression, so it cannot ask this itself.
 *
 * RFC 9325 section 3.3: TLS 1.2 deployments SHOULD NOT support TLS-level compression. Only the
 * ServerHello is read, then the connection is closed: no key exchange, and nothing that could make the
 * server reveal its memory. A server that refuses the hello, or speaks only TLS 1.3 (which has no
 * compression, RFC 8446 section 4.1.2), gets no finding here; the TLS probe says what it does accept.
 */
import type { Finding } from '../../../preload/contract/findings';
import { deadlineSignal } from '../deadline-signal';
import type { ProbeResult, SmtpProbeContext } from '../smtp/probe-context';
import type { RawHelloOutcome, SmtpTarget, TranscriptEntry } from '../smtp/smtp-channel';
import { clientHelloOfferingDeflate, NO_COMPRESSION, readServerAnswer } from '../tls/raw-hello';
import { subjectEvidence, tlsFinding, type TlsSubject } from '../tls/tls-finding';
import { starttlsPreamble } from './starttls-preamble';
import { attemptDeadlineMs, type TlsProbeSecurity } from './tls-version-attempt';

/** Names the exchange in the transcript and in a report's evidence (the hello's random differs each run). */
export const COMPRESSION_HELLO_LABEL = 'TLS compression probe (DEFLATE offered)';

/** RFC 3749 and the IANA TLS Compression Method registry. */
const METHOD_NAMES: { readonly [method: number]: string } = { 1: 'DEFLATE', 64: 'LZS' };

/** What the SMTP compression probe needs (incoming-tls-compression.ts does the same over IMAP / POP3). */
export type CompressionProbeContext = Pick<SmtpProbeContext, 'host' | 'signal' | 'connector' | 'limits'>;

export async function probeTlsCompression(
  ctx: CompressionProbeContext,
  subject: TlsSubject,
  target: SmtpTarget,
  security: TlsProbeSecurity,
): Promise<ProbeResult> {
  const deadline = deadlineSignal(attemptDeadlineMs(ctx.limits, security));
  try {
    const opened = await ctx.connector.open(target, {
      security: 'plain',
      limits: ctx.limits,
      signal: AbortSignal.any([ctx.signal, deadline.signal]),
    });
    if (opened.kind === 'failure') return { findings: [], transcript: [] };
    const channel = opened.channel;
    try {
      if (security === 'starttls' && (await starttlsPreamble(channel)).kind !== 'ready')
        return { findings: [], transcript: [...channel.transcript] };
      return await askCompression(channel, ctx, subject);
    } finally {
      channel.close();
    }
  } finally {
    deadline.clear();
  }
}

/** A channel that can send the hand-built hello: the SMTP one, or the IMAP / POP3 line channel. */
export interface RawHelloChannel {
  exchangeRawHello(hello: Uint8Array, label: string): Promise<RawHelloOutcome>;
  readonly transcript: readonly TranscriptEntry[];
}

/**
 * Sends the DEFLATE-offering hello on a channel that is ready for TLS to start (clear text, after any
 * STARTTLS go-ahead) and judges the server's answer. Shared with incoming-tls-compression.ts.
 */
export async function askCompression(
  channel: RawHelloChannel,
  ctx: Pick<CompressionProbeContext, 'host' | 'signal'>,
  subject: TlsSubject,
): Promise<ProbeResult> {
  const random = crypto.getRandomValues(new Uint8Array(32));
  const answer = await channel.exchangeRawHello(
    clientHelloOfferingDeflate(ctx.host, random),
    COMPRESSION_HELLO_LABEL,
  );
  const findings =
    answer.kind === 'record' && !ctx.signal.aborted ? compressionFindings(subject, answer) : [];
  return { findings, transcript: [...channel.transcript] };
}

/**
 * The compression method the server's hello picked, as a finding; none when its answer was no ServerHello
 * (an alert, TLS 1.3 only). Shared with the IMAP/POP3 compression probe, which reaches the hello its own way.
 */
export function compressionFindings(
  subject: TlsSubject,
  answer: Extract<RawHelloOutcome, { kind: 'record' }>,
): Finding[] {
  const hello = readServerAnswer(Uint8Array.from(atob(answer.recordBase64), (c) => c.charCodeAt(0)));
  if (hello.kind !== 'server-hello') return [];
  const evidence = {
    ...subjectEvidence(subject),
    compressionMethod: hello.compressionMethod,
    methodName: METHOD_NAMES[hello.compressionMethod] ?? `method ${String(hello.compressionMethod)}`,
  };
  return [
    tlsFinding(
      hello.compressionMethod === NO_COMPRESSION ? 'tls.compression.off' : 'tls.compression.enabled',
      subject.checkId,
      evidence,
    ),
  ];
}
