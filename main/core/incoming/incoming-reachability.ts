/**
 * Reachability of the incoming server's standard ports (IMAP 143 and 993, POP3 110 and 995; RFC 8314
 * section 3.3 for the implicit-TLS ones) and the account's own, all at once: a greeting within the
 * deadline, or the reason there was none.
 */
import type { Finding } from '../../../preload/contract/findings';
import type { IncomingNotConnected, IncomingReached } from '../knowledge/incoming-evidence';
import type { ProbeResult } from '../smtp/probe-context';
import { failureEvidence, incomingFinding, type IncomingProbeContext } from './incoming-context';
import type { IncomingProtocol, LineTransportSecurity } from './line-channel';
import { anyVersionTls, openDialect } from './open-dialect';

export interface IncomingPort {
  readonly port: number;
  readonly security: LineTransportSecurity;
  readonly isAccountPort: boolean;
}

/** Where the standard ports really are: the defaults, or the loopback ports of test servers. */
export interface StandardIncomingPorts {
  readonly plain: number;
  readonly implicitTls: number;
}

export const STANDARD_INCOMING_PORTS: Readonly<Record<IncomingProtocol, StandardIncomingPorts>> = {
  imap: { plain: 143, implicitTls: 993 },
  pop3: { plain: 110, implicitTls: 995 },
};

export function planIncomingPorts(
  standard: StandardIncomingPorts,
  account: { readonly port: number; readonly security: LineTransportSecurity },
): IncomingPort[] {
  const byPort = new Map<number, IncomingPort>([
    [standard.plain, { port: standard.plain, security: 'plain', isAccountPort: false }],
    [standard.implicitTls, { port: standard.implicitTls, security: 'implicit-tls', isAccountPort: false }],
  ]);
  byPort.set(account.port, { ...account, isAccountPort: true });
  return [...byPort.values()];
}

export async function probeIncomingReachability(
  ctx: IncomingProbeContext,
  ports: readonly IncomingPort[],
): Promise<ProbeResult> {
  const checkId = `${ctx.protocol}-reach:${ctx.host}`;
  const results = await Promise.all(ports.map((planned) => reach(ctx, planned, checkId)));
  return { findings: results.flatMap((r) => r.findings), transcript: results.flatMap((r) => r.transcript) };
}

async function reach(
  ctx: IncomingProbeContext,
  planned: IncomingPort,
  checkId: string,
): Promise<ProbeResult> {
  const base: IncomingReached = {
    host: ctx.host,
    port: planned.port,
    security: planned.security,
    accountPort: planned.isAccountPort,
  };
  const unreachable = (evidence: IncomingNotConnected): Finding[] => [
    incomingFinding(ctx.protocol, 'reach.closed', checkId, { ...base, ...evidence }),
    ...(planned.isAccountPort
      ? [incomingFinding(ctx.protocol, 'reach.account-port-unreachable', checkId, { ...base, ...evidence })]
      : []),
  ];
  const started = ctx.clock.now().getTime();
  const opened = await openDialect(ctx, planned.port, planned.security, { tls: anyVersionTls(ctx) });
  if (opened.kind === 'unresolved')
    return { findings: unreachable({ message: opened.message }), transcript: [] };
  if (opened.kind === 'failure')
    return { findings: unreachable(failureEvidence(opened.failure)), transcript: [] };
  const greeting = await opened.dialect.greeting();
  const greetingMs = ctx.clock.now().getTime() - started;
  await opened.dialect.logout();
  const transcript = opened.dialect.channel.transcript;
  if (greeting.kind === 'failure')
    return { findings: unreachable(failureEvidence(greeting.failure)), transcript };
  if (greeting.kind === 'refused') return { findings: unreachable({ message: greeting.reply }), transcript };
  return {
    findings: [
      incomingFinding(ctx.protocol, 'reach.ok', checkId, {
        ...base,
        greetingMs,
        greeting: greeting.value.text,
      }),
    ],
    transcript,
  };
}
