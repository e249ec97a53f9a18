/**
 * Reachability of the SMTP ports (25, 465, 587 and the account's own), all at once.
 *
 * For each port it tells apart what a user would otherwise only see as "cannot send": refused, timed out,
 * connected but silent, turned away with 421/554 (RFC 5321 section 3.1), a slow (tarpit) greeting, or a
 * working 220 with the connect time and the greeting delay.
 */
import type { Finding } from '../../../preload/contract/findings';
import type { ProbeResult, SmtpProbeContext } from '../smtp/probe-context';
import type { ChannelFailure, SmtpChannel, TranscriptEntry } from '../smtp/smtp-channel';
import { resolveHost } from './resolve-host';
import { smtpFinding } from './smtp-finding';
import type { GreetingFailed, ReachFailed, Reached } from '../knowledge/smtp-evidence';
import { planPorts, type AccountPort, type PlannedPort, type StandardSmtpPorts } from './smtp-ports';

/** A greeting slower than this is reported as a tarpit (postscreen's default greet wait is 6 s). */
export const SLOW_GREETING_MS = 5_000;
/** QUIT is a courtesy: a server that does not answer it quickly is simply disconnected. */
const QUIT_TIMEOUT_MS = 1_000;

export interface ReachabilityOptions {
  /** Defaults to 25, 465 and 587. */
  readonly ports?: Partial<StandardSmtpPorts>;
  /** The account's own port and how it connects; tried too, and its failure is a finding of its own. */
  readonly account?: AccountPort;
  readonly slowGreetingMs?: number;
}

interface PortResult {
  readonly findings: Finding[];
  readonly transcript: readonly TranscriptEntry[];
}

/** Probes every planned port concurrently; never throws, never outlives the channel's deadlines. */
export async function probeReachability(
  ctx: SmtpProbeContext,
  options: ReachabilityOptions = {},
): Promise<ProbeResult> {
  const plan = planPorts(options.ports, options.account);
  const resolution = await resolveHost(ctx.resolver, ctx.host);
  if (resolution.kind === 'failure') {
    const checkId = `smtp-reach:${ctx.host}`;
    const startedMs = ctx.clock.now().getTime();
    ctx.onProgress?.({ type: 'check-started', checkId, title: `Reaching ${ctx.host}` });
    const finding = smtpFinding('smtp.reach.unresolved', checkId, {
      host: ctx.host,
      resolver: ctx.resolver.description,
      reason: resolution.message,
      code: resolution.code,
    });
    ctx.onProgress?.({
      type: 'check-finished',
      checkId,
      findings: 1,
      elapsedMs: ctx.clock.now().getTime() - startedMs,
    });
    return { findings: [finding], transcript: [] };
  }
  const results = await Promise.all(
    plan.map((planned) =>
      probePort(ctx, planned, resolution.address, options.slowGreetingMs ?? SLOW_GREETING_MS),
    ),
  );
  return {
    findings: results.flatMap((result) => result.findings),
    transcript: results.flatMap((result) => result.transcript),
  };
}

async function probePort(
  ctx: SmtpProbeContext,
  planned: PlannedPort,
  address: string,
  slowGreetingMs: number,
): Promise<PortResult> {
  const checkId = `smtp-reach:${ctx.host}:${String(planned.port)}`;
  const startedMs = ctx.clock.now().getTime();
  ctx.onProgress?.({
    type: 'check-started',
    checkId,
    title: `Reaching ${ctx.host} port ${String(planned.port)}`,
  });
  const base: Reached = {
    host: ctx.host,
    address,
    port: planned.port,
    role: planned.role,
    security: planned.security,
    accountPort: planned.isAccountPort,
  };
  const { finding, transcript } = await reach(ctx, planned, address, slowGreetingMs, base, checkId);
  const findings = [finding];
  if (planned.isAccountPort && finding.id !== 'smtp.reach.ok' && finding.id !== 'smtp.reach.slow-greeting') {
    findings.push(
      smtpFinding('smtp.reach.account-port-unreachable', checkId, {
        ...base,
        reason: `${finding.title}.`,
        cause: finding.id,
      }),
    );
  }
  ctx.onProgress?.({
    type: 'check-finished',
    checkId,
    findings: findings.length,
    elapsedMs: ctx.clock.now().getTime() - startedMs,
  });
  const header: TranscriptEntry = {
    at: new Date(startedMs).toISOString(),
    elapsedMs: 0,
    direction: 'event',
    text: `Reachability of ${ctx.host} port ${String(planned.port)}`,
  };
  return { findings, transcript: [header, ...transcript] };
}

async function reach(
  ctx: SmtpProbeContext,
  planned: PlannedPort,
  address: string,
  slowGreetingMs: number,
  base: Reached,
  checkId: string,
): Promise<{ finding: Finding; transcript: readonly TranscriptEntry[] }> {
  const connectStarted = ctx.clock.now().getTime();
  const opened = await ctx.connector.open(
    { host: ctx.host, address, port: planned.port },
    {
      security: planned.security,
      tls: { servername: ctx.host, ...(ctx.extraCaPem === undefined ? {} : { extraCaPem: ctx.extraCaPem }) },
      limits: ctx.limits,
      signal: ctx.signal,
    },
  );
  if (opened.kind === 'failure') {
    return {
      finding: connectFailure(opened.failure, base, checkId, ctx.limits.connectTimeoutMs),
      transcript: [],
    };
  }
  const channel = opened.channel;
  const connectMs = ctx.clock.now().getTime() - connectStarted;
  const greetingStarted = ctx.clock.now().getTime();
  const greeting = await channel.readReply(ctx.limits.greetingTimeoutMs);
  const greetingMs = ctx.clock.now().getTime() - greetingStarted;
  let finding: Finding;
  if (greeting.kind === 'failure') {
    finding = greetingFailure(
      greeting.failure,
      { ...base, connectMs },
      checkId,
      ctx.limits.greetingTimeoutMs,
    );
  } else {
    const evidence = {
      ...base,
      connectMs,
      greetingMs,
      code: greeting.reply.code,
      greeting: greeting.reply.lines.join(' '),
    };
    if (greeting.reply.code !== 220) {
      // RFC 5321 section 3.1: 554 instead of 220 means no service; 421 (section 3.8) means try later.
      finding = smtpFinding('smtp.reach.greeting-refused', checkId, evidence);
    } else if (greetingMs > slowGreetingMs) {
      finding = smtpFinding('smtp.reach.slow-greeting', checkId, {
        ...evidence,
        slowThresholdMs: slowGreetingMs,
      });
    } else {
      finding = smtpFinding('smtp.reach.ok', checkId, evidence);
    }
  }
  await quit(channel);
  return { finding, transcript: channel.transcript };
}

function connectFailure(failure: ChannelFailure, base: Reached, checkId: string, timeoutMs: number): Finding {
  const evidence: ReachFailed = {
    ...base,
    failure: failure.kind,
    message: failure.message,
    elapsedMs: failure.elapsedMs,
  };
  switch (failure.kind) {
    case 'connect-refused':
      return smtpFinding('smtp.reach.refused', checkId, evidence);
    case 'connect-timeout':
      return smtpFinding('smtp.reach.connect-timeout', checkId, { ...evidence, timeoutMs });
    case 'aborted':
      return smtpFinding('smtp.reach.cancelled', checkId, evidence);
    default:
      return smtpFinding('smtp.reach.connect-failed', checkId, evidence);
  }
}

function greetingFailure(
  failure: ChannelFailure,
  base: Reached & { readonly connectMs: number },
  checkId: string,
  timeoutMs: number,
): Finding {
  const evidence: GreetingFailed = {
    ...base,
    failure: failure.kind,
    message: failure.message,
    elapsedMs: failure.elapsedMs,
    ...(failure.partial === undefined ? {} : { partial: failure.partial }),
  };
  switch (failure.kind) {
    case 'timeout':
      return smtpFinding('smtp.reach.no-greeting', checkId, { ...evidence, timeoutMs });
    case 'aborted':
      return smtpFinding('smtp.reach.cancelled', checkId, evidence);
    default:
      return smtpFinding('smtp.reach.greeting-broken', checkId, evidence);
  }
}

/** RFC 5321 section 4.1.1.10: end politely, then close whatever the server does. */
async function quit(channel: SmtpChannel): Promise<void> {
  await channel.command('QUIT', { timeoutMs: QUIT_TIMEOUT_MS });
  channel.close();
}
