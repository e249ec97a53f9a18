/**
 * Mailwarden's own TLS probe and login probe of one port, each timed alone, to set against testssl.sh and
 * swaks doing the same job on the same port.
 */
import { runAuthProbe } from '../main/core/probes/auth-probe';
import { probeTls } from '../main/core/probes/tls-probe';
import type { ProbeResult, SmtpProbeContext } from '../main/core/smtp/probe-context';
import { DEFAULT_SMTP_LIMITS } from '../main/core/smtp/smtp-channel';
import { createBenchDeps } from './audit-deps';
import { MAIL_HOST, type BenchServers } from './bench-servers';
import { summarize, timed, type Summary } from './stats';

export interface SingleProbeFigures {
  readonly wall: Summary;
  /** Finding ids of the last run, to show the probe did its job. */
  readonly lastFindingIds: readonly string[];
}

function context(servers: BenchServers): { ctx: SmtpProbeContext; deps: ReturnType<typeof createBenchDeps> } {
  const deps = createBenchDeps(servers.knot.server, servers.caPem);
  const ctx: SmtpProbeContext = {
    host: MAIL_HOST,
    resolver: deps.resolver,
    connector: deps.connector,
    limits: DEFAULT_SMTP_LIMITS,
    signal: new AbortController().signal,
    clock: deps.clock,
    extraCaPem: servers.caPem,
  };
  return { ctx, deps };
}

async function repeat(runs: number, once: () => Promise<ProbeResult>): Promise<SingleProbeFigures> {
  const samples: number[] = [];
  let last: ProbeResult | undefined;
  for (let run = 0; run < runs; run += 1) {
    const { ms, value } = await timed(once);
    samples.push(ms);
    last = value;
  }
  return { wall: summarize(samples), lastFindingIds: (last?.findings ?? []).map((f) => f.id) };
}

/**
 * TLS 1.0-1.3 enumeration plus certificate and cipher facts over STARTTLS on the submission port; with
 * `suites` (the default, as audits run it) also the cipher-suite classes, server order, no-SNI certificate
 * and TLS compression.
 */
export function benchTlsProbe(
  servers: BenchServers,
  runs: number,
  suites = true,
): Promise<SingleProbeFigures> {
  return repeat(runs, () =>
    probeTls(context(servers).ctx, {
      port: servers.postfix.ports.submission,
      security: 'starttls',
      suites,
    }),
  );
}

/** A real STARTTLS login with the test user's password on the submission port. */
export function benchLoginProbe(servers: BenchServers, runs: number): Promise<SingleProbeFigures> {
  return repeat(runs, () => {
    const { ctx, deps } = context(servers);
    return runAuthProbe(ctx, deps.login, {
      port: servers.postfix.ports.submission,
      security: 'starttls',
      username: servers.user.username,
      secret: { kind: 'password', password: servers.user.password },
    });
  });
}
