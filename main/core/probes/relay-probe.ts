/**
 * The open-relay probe: without logging in, would the server accept mail from an outside address to another
 * outside address? Port 25 and each submission port, each on its own connection.
 *
 * MAIL FROM and RCPT TO only, then RSET and QUIT: never DATA, never a message (DESIGN.md, security model).
 * STARTTLS is used when offered, because a spammer can use it too; the certificate does not matter here,
 * as nothing secret is sent.
 */
import type { Finding } from '../../../preload/contract/findings';
import { findingFactory } from '../findings/finding-factory';
import type { RelayTarget } from '../knowledge/relay-evidence';
import { RELAY_KNOWLEDGE } from '../knowledge/relay-knowledge';
import type { ReplyEvidence } from '../knowledge/reply-evidence';
import type { ProbeResult, SmtpProbeContext } from '../smtp/probe-context';
import type { SmtpChannel, SmtpReply, TranscriptEntry } from '../smtp/smtp-channel';
import { resolveHost } from './resolve-host';
import { PROBE_EHLO_NAME, starttlsPreamble } from './starttls-preamble';

const finding = findingFactory(RELAY_KNOWLEDGE);

/** RFC 2606 / RFC 6761: `.invalid` can never be anyone's real domain, so no third party is ever named. */
export const RELAY_TEST_FROM = 'probe@mailwarden-relay-test.invalid';
export const RELAY_TEST_TO = 'relay-test@another-outside.invalid';

export interface RelayPort {
  readonly port: number;
  /** `implicit-tls` for 465; otherwise clear text, upgraded with STARTTLS when offered. */
  readonly security: 'plain' | 'implicit-tls';
}

export interface RelayProbeOptions {
  /** The user can switch the relay test off; then one info finding says so. */
  readonly enabled: boolean;
  readonly ports: readonly RelayPort[];
}

export async function runRelayProbe(ctx: SmtpProbeContext, options: RelayProbeOptions): Promise<ProbeResult> {
  if (!options.enabled) {
    return { findings: [finding('relay.skipped', `relay:${ctx.host}`, { host: ctx.host })], transcript: [] };
  }
  const resolved = await resolveHost(ctx.resolver, ctx.host);
  if (resolved.kind === 'failure') {
    return {
      findings: options.ports.map((each) =>
        finding('relay.unreachable', checkIdOf(ctx.host, each.port), {
          host: ctx.host,
          port: each.port,
          reason: resolved.message,
        }),
      ),
      transcript: [],
    };
  }
  // Independent ports are probed concurrently, each under the channel's own deadlines.
  const results = await Promise.all(options.ports.map((each) => probePort(ctx, resolved.address, each)));
  return {
    findings: results.flatMap((each) => each.findings),
    transcript: results.flatMap((each) => each.transcript),
  };
}

function checkIdOf(host: string, port: number): string {
  return `relay:${host}:${String(port)}`;
}

async function probePort(
  ctx: SmtpProbeContext,
  address: string,
  relayPort: RelayPort,
): Promise<{ findings: Finding[]; transcript: readonly TranscriptEntry[] }> {
  const checkId = checkIdOf(ctx.host, relayPort.port);
  const started = ctx.clock.now().getTime();
  ctx.onProgress?.({
    type: 'check-started',
    checkId,
    title: `Open relay test on port ${String(relayPort.port)}`,
  });
  const base: RelayTarget = {
    host: ctx.host,
    address,
    port: relayPort.port,
    from: RELAY_TEST_FROM,
    to: RELAY_TEST_TO,
  };
  const tls = {
    servername: ctx.host,
    ...(ctx.extraCaPem === undefined ? {} : { extraCaPem: ctx.extraCaPem }),
  };
  const opened = await ctx.connector.open(
    { host: ctx.host, address, port: relayPort.port },
    { security: relayPort.security, tls, limits: ctx.limits, signal: ctx.signal },
  );
  const done = (
    findings: Finding[],
    transcript: readonly TranscriptEntry[],
  ): {
    findings: Finding[];
    transcript: readonly TranscriptEntry[];
  } => {
    ctx.onProgress?.({
      type: 'check-finished',
      checkId,
      findings: findings.length,
      elapsedMs: ctx.clock.now().getTime() - started,
    });
    return { findings, transcript };
  };
  if (opened.kind === 'failure') {
    return done([finding('relay.unreachable', checkId, { ...base, reason: opened.failure.message })], []);
  }
  const channel = opened.channel;
  try {
    const ready = await startSession(channel, relayPort, tls);
    if (typeof ready === 'string') {
      return done([finding('relay.unreachable', checkId, { ...base, reason: ready })], channel.transcript);
    }
    const verdict = await tryRelay(channel, base, checkId, ready);
    return done([verdict], channel.transcript);
  } finally {
    channel.close();
  }
}

/** Greeting and EHLO (and STARTTLS when offered). Returns whether TLS is on, or why the session failed. */
async function startSession(
  channel: SmtpChannel,
  relayPort: RelayPort,
  tls: { readonly servername: string; readonly extraCaPem?: string },
): Promise<boolean | string> {
  if (relayPort.security === 'implicit-tls') {
    const greeting = await channel.readReply();
    if (greeting.kind === 'failure') return greeting.failure.message;
    if (greeting.reply.code !== 220) return `The server greeted with "${replyText(greeting.reply)}".`;
    const ehlo = await channel.command(`EHLO ${PROBE_EHLO_NAME}`);
    if (ehlo.kind === 'failure') return ehlo.failure.message;
    return true;
  }
  const preamble = await starttlsPreamble(channel);
  switch (preamble.kind) {
    case 'failure':
      return `${preamble.failure.message} (at ${preamble.step})`;
    case 'unexpected-reply':
      return `The server answered ${preamble.step} with "${replyText(preamble.reply)}".`;
    case 'not-offered':
    case 'refused':
      // A spammer would carry on in clear text: so do we.
      return false;
    case 'ready': {
      const upgraded = await channel.upgradeToTls(tls);
      if (upgraded.kind === 'failure') return upgraded.failure.message;
      // RFC 3207 section 4.2: forget the clear-text session and start again with EHLO.
      const ehlo = await channel.command(`EHLO ${PROBE_EHLO_NAME}`);
      if (ehlo.kind === 'failure') return ehlo.failure.message;
      return true;
    }
  }
}

async function tryRelay(
  channel: SmtpChannel,
  base: RelayTarget,
  checkId: string,
  tls: boolean,
): Promise<Finding> {
  const evidence = { ...base, tls };
  const mail = await channel.command(`MAIL FROM:<${RELAY_TEST_FROM}>`);
  if (mail.kind === 'failure')
    return finding('relay.unreachable', checkId, { ...evidence, reason: mail.failure.message });
  const mailReply = replyEvidence(mail.reply);
  if (mail.reply.code >= 400) {
    await goodbye(channel);
    return finding(mail.reply.code < 500 ? 'relay.inconclusive' : 'relay.closed', checkId, {
      ...evidence,
      mailReply,
    });
  }
  const rcpt = await channel.command(`RCPT TO:<${RELAY_TEST_TO}>`);
  // RFC 5321 section 4.1.1.5: RSET ends the transaction; DATA is never sent.
  await goodbye(channel);
  if (rcpt.kind === 'failure') {
    return finding('relay.unreachable', checkId, { ...evidence, mailReply, reason: rcpt.failure.message });
  }
  const rcptReply = replyEvidence(rcpt.reply);
  const id =
    rcpt.reply.code === 250 || rcpt.reply.code === 251
      ? 'relay.open'
      : rcpt.reply.code >= 400 && rcpt.reply.code < 500
        ? 'relay.inconclusive'
        : 'relay.closed';
  return finding(id, checkId, { ...evidence, mailReply, rcptReply });
}

async function goodbye(channel: SmtpChannel): Promise<void> {
  await channel.command('RSET');
  await channel.command('QUIT');
}

function replyEvidence(reply: SmtpReply): ReplyEvidence {
  return { code: reply.code, enhancedCode: reply.enhancedCode, text: reply.lines.join(' ') };
}

function replyText(reply: SmtpReply): string {
  return `${String(reply.code)} ${reply.lines.join(' ')}`.trim();
}
