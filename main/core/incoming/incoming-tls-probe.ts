/**
 * The SMTP side's TLS probe, as it is, on an IMAP or POP3 port: each TLS version on its own connection,
 * the cipher-suite classes, DH and curve sizes, server order, the certificate (trust, expiry, name, key),
 * the certificate without SNI and RFC 5746 renegotiation. Only the way to the handshake differs
 * (incoming-tls-entry.ts); no password is ever sent.
 */
import { probeTlsVia } from '../probes/tls-probe';
import type { Finding } from '../../../preload/contract/findings';
import { incomingTlsFixSteps } from '../knowledge/incoming-fix-steps';
import type { ProbeResult } from '../smtp/probe-context';
import { PROTOCOL_NAME, type IncomingProbeContext } from './incoming-context';
import { incomingTlsEntry } from './incoming-tls-entry';

/** The dialogue check reports these as `imap.starttls.*` / `pop3.starttls.*`, with the server's words. */
const REPORTED_BY_DIALOGUE: ReadonlySet<string> = new Set([
  'tls.starttls.not-offered',
  'tls.starttls.refused',
]);

export function incomingTlsCheckId(ctx: IncomingProbeContext, port: number): string {
  return `${ctx.protocol}-tls:${ctx.host}:${String(port)}`;
}

export interface IncomingTlsTarget {
  readonly port: number;
  readonly security: 'starttls' | 'implicit-tls';
  /** What the port's greeting named (software-banner.ts): the fixes name its settings. */
  readonly software?: string | null;
}

/** Never throws; every handshake is under the line limits' deadlines. */
export async function probeIncomingTls(
  ctx: IncomingProbeContext,
  target: IncomingTlsTarget,
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
  const findings = result.findings
    .filter((finding) => !REPORTED_BY_DIALOGUE.has(finding.id))
    .map((finding) => inIncomingSettings(finding, PROTOCOL_NAME[ctx.protocol], target.software ?? null));
  return { ...result, findings };
}

/**
 * The SMTP side's words name Postfix and Exim settings; on an IMAP or POP3 port the fix names the incoming
 * server's own (the software in the evidence, so a report read later says why these steps).
 */
function inIncomingSettings(finding: Finding, name: string, software: string | null): Finding {
  const steps = incomingTlsFixSteps(finding.id, name, software);
  if (steps === null) return finding;
  return {
    ...finding,
    evidence: software === null ? finding.evidence : { ...finding.evidence, software },
    fix: { ...finding.fix, steps },
  };
}
