/**
 * The SMTP side's TLS probe, as it is, on an IMAP or POP3 port: each TLS version on its own connection,
 * the cipher-suite classes, DH and curve sizes, server order, the certificate (trust, expiry, name, key),
 * the certificate without SNI and RFC 5746 renegotiation. Only the way to the handshake differs
 * (incoming-tls-entry.ts); no password is ever sent.
 */
import { probeTlsVia } from '../probes/tls-probe';
import type { ProbeResult } from '../smtp/probe-context';
import type { IncomingProbeContext } from './incoming-context';
import { incomingTlsEntry } from './incoming-tls-entry';

/** The dialogue check reports these as `imap.starttls.*` / `pop3.starttls.*`, with the server's words. */
const REPORTED_BY_DIALOGUE: ReadonlySet<string> = new Set([
  'tls.starttls.not-offered',
  'tls.starttls.refused',
]);

export function incomingTlsCheckId(ctx: IncomingProbeContext, port: number): string {
  return `${ctx.protocol}-tls:${ctx.host}:${String(port)}`;
}

/** Never throws; every handshake is under the line limits' deadlines. */
export async function probeIncomingTls(
  ctx: IncomingProbeContext,
  target: { readonly port: number; readonly security: 'starttls' | 'implicit-tls' },
): Promise<ProbeResult> {
  const result = await probeTlsVia(
    {
      host: ctx.host,
      resolver: ctx.resolver,
      entry: incomingTlsEntry(ctx.protocol, ctx.connector, ctx.limits),
      signal: ctx.signal,
      clock: ctx.clock,
      ...(ctx.extraCaPem === undefined ? {} : { extraCaPem: ctx.extraCaPem }),
    },
    { port: target.port, security: target.security, checkId: incomingTlsCheckId(ctx, target.port) },
  );
  return { ...result, findings: result.findings.filter((finding) => !REPORTED_BY_DIALOGUE.has(finding.id)) };
}
