/**
 * The SMTP dialogue on one port, as a careful postmaster would hold it: banner, EHLO (or HELO), the
 * capability list before and after STARTTLS, the extensions that matter, VRFY and EXPN, then QUIT.
 *
 * EHLO name: `mailwarden.invalid` (PROBE_EHLO_NAME). RFC 5321 section 4.1.4 asks for the client's FQDN, or
 * an address literal when it has none. A desktop behind NAT has no FQDN, and its local address literal
 * would be a private address, meaningless to the server and a leak of the user's network layout; the
 * reserved `.invalid` name (RFC 2606, RFC 6761) says honestly that there is no name, and is syntactically
 * a domain, so servers that only check the syntax accept it.
 */
import type { Finding } from '../../../preload/contract/findings';
import type { Dialogue, SmtpEvidence } from '../knowledge/smtp-evidence';
import type { ProbeResult, SmtpProbeContext } from '../smtp/probe-context';
import type { SmtpChannel, SmtpReply, SmtpTransportSecurity } from '../smtp/smtp-channel';
import { resolveHost } from './resolve-host';
import { smtpFinding } from './smtp-finding';
import { STANDARD_SMTP_PORTS } from './smtp-ports';
import { ehloKeywords, PROBE_EHLO_NAME } from './starttls-preamble';

export type DialogueSecurity = 'starttls' | 'implicit-tls' | 'plain';
export type DialogueRole = 'submission' | 'mx';

export interface DialogueTarget {
  readonly port: number;
  /** Default: implicit TLS on 465, STARTTLS elsewhere. */
  readonly security?: DialogueSecurity;
  /** Default: 'mx' on port 25, 'submission' elsewhere; decides how grave a missing STARTTLS is. */
  readonly role?: DialogueRole;
}

/** QUIT is a courtesy: a server that does not answer it quickly is simply disconnected. */
const QUIT_TIMEOUT_MS = 1_000;
/** RFC 5321 section 4.5.1: every server must accept mail for postmaster, so it is a fair thing to ask about. */
const PROBE_MAILBOX = 'postmaster';

/** The extensions reported one by one, and the knowledge ids of each. */
const EXTENSIONS = [
  ['SIZE', 'smtp.ext.size.offered', 'smtp.ext.size.absent'],
  ['PIPELINING', 'smtp.ext.pipelining.offered', 'smtp.ext.pipelining.absent'],
  ['8BITMIME', 'smtp.ext.8bitmime.offered', 'smtp.ext.8bitmime.absent'],
  ['SMTPUTF8', 'smtp.ext.smtputf8.offered', 'smtp.ext.smtputf8.absent'],
  ['CHUNKING', 'smtp.ext.chunking.offered', 'smtp.ext.chunking.absent'],
  ['DSN', 'smtp.ext.dsn.offered', 'smtp.ext.dsn.absent'],
  ['REQUIRETLS', 'smtp.ext.requiretls.offered', 'smtp.ext.requiretls.absent'],
  ['ENHANCEDSTATUSCODES', 'smtp.ext.enhancedstatuscodes.offered', 'smtp.ext.enhancedstatuscodes.absent'],
] as const;

export function defaultDialogueSecurity(port: number): DialogueSecurity {
  return port === STANDARD_SMTP_PORTS.submissions ? 'implicit-tls' : 'starttls';
}

/** The dialogue probe of `target.port` on ctx.host; never throws, never outlives the channel's deadlines. */
export async function probeDialogue(ctx: SmtpProbeContext, target: DialogueTarget): Promise<ProbeResult> {
  const checkId = `smtp-dialogue:${ctx.host}:${String(target.port)}`;
  const startedMs = ctx.clock.now().getTime();
  ctx.onProgress?.({
    type: 'check-started',
    checkId,
    title: `SMTP conversation with ${ctx.host} port ${String(target.port)}`,
  });
  const session = new DialogueSession(ctx, target, checkId);
  await session.run();
  ctx.onProgress?.({
    type: 'check-finished',
    checkId,
    findings: session.findings.length,
    elapsedMs: ctx.clock.now().getTime() - startedMs,
  });
  return { findings: session.findings, transcript: session.transcript };
}

/** The ids a dialogue emits: every SMTP finding but the reachability and STARTTLS-injection ones. */
type DialogueFindingId = Exclude<
  keyof SmtpEvidence,
  `smtp.reach.${string}` | `smtp.starttls.command-injection${string}`
>;

/** What one dialogue finding adds to the port's own fields (host, address, port, security, role). */
type Added<Id extends DialogueFindingId> = Omit<SmtpEvidence[Id], keyof Dialogue>;

/** One dialogue: collects findings as it goes and stops at the first step that fails. */
class DialogueSession {
  readonly findings: Finding[] = [];
  transcript: ProbeResult['transcript'] = [];
  private readonly security: DialogueSecurity;
  private readonly role: DialogueRole;
  /** The port's own fields; the address joins them once the host resolved. */
  private base: Omit<Dialogue, 'address'> & { readonly address?: string };

  constructor(
    private readonly ctx: SmtpProbeContext,
    private readonly target: DialogueTarget,
    private readonly checkId: string,
  ) {
    this.security = target.security ?? defaultDialogueSecurity(target.port);
    this.role = target.role ?? (target.port === STANDARD_SMTP_PORTS.smtp ? 'mx' : 'submission');
    this.base = { host: ctx.host, port: target.port, security: this.security, role: this.role };
  }

  async run(): Promise<void> {
    const resolution = await resolveHost(this.ctx.resolver, this.ctx.host);
    if (resolution.kind === 'failure') {
      this.add('smtp.dialogue.unresolved', {
        resolver: this.ctx.resolver.description,
        reason: resolution.message,
        code: resolution.code,
      });
      return;
    }
    this.base = { ...this.base, address: resolution.address };
    const transport: SmtpTransportSecurity = this.security === 'implicit-tls' ? 'implicit-tls' : 'plain';
    const opened = await this.ctx.connector.open(
      { host: this.ctx.host, address: resolution.address, port: this.target.port },
      { security: transport, tls: this.tlsOptions(), limits: this.ctx.limits, signal: this.ctx.signal },
    );
    if (opened.kind === 'failure') {
      const { kind, message, elapsedMs } = opened.failure;
      this.add('smtp.dialogue.unreachable', { step: 'connect', failure: kind, message, elapsedMs });
      return;
    }
    const channel = opened.channel;
    try {
      await this.converse(channel);
      await channel.command('QUIT', { timeoutMs: QUIT_TIMEOUT_MS });
    } finally {
      channel.close();
      this.transcript = [...channel.transcript];
    }
  }

  private async converse(channel: SmtpChannel): Promise<void> {
    const greeting = await channel.readReply();
    if (greeting.kind === 'failure') {
      const { kind, message, elapsedMs } = greeting.failure;
      this.add('smtp.dialogue.unreachable', {
        step: 'greeting',
        failure: kind,
        message,
        elapsedMs,
        ...(greeting.failure.partial === undefined ? {} : { partial: greeting.failure.partial }),
      });
      return;
    }
    const banner = greeting.reply.lines.join(' ');
    if (greeting.reply.code !== 220) {
      this.add('smtp.dialogue.unreachable', {
        step: 'greeting',
        failure: 'refused',
        message: `greeted with ${String(greeting.reply.code)} "${banner}"`,
        code: greeting.reply.code,
        elapsedMs: 0,
      });
      return;
    }
    this.add('smtp.dialogue.banner', { banner, code: 220 });

    let ehlo = await this.hello(channel);
    if (ehlo === 'stop') return;
    const tlsFromStart = this.security === 'implicit-tls';
    if (ehlo !== 'helo-only') {
      this.addCapabilities(
        ehlo,
        tlsFromStart ? 'smtp.dialogue.capabilities-tls' : 'smtp.dialogue.capabilities-plain',
      );
    }
    if (this.security === 'starttls') {
      const upgraded = await this.startTls(channel, ehlo);
      if (upgraded === 'stop') return;
      if (upgraded !== null) ehlo = upgraded;
    }
    if (ehlo !== 'helo-only') this.addExtensions(ehlo);
    if ((await this.disclosure(channel, 'VRFY')) === 'stop') return;
    await this.disclosure(channel, 'EXPN');
  }

  /** EHLO, or HELO for a server that does not know EHLO (RFC 5321 section 4.1.4). */
  private async hello(channel: SmtpChannel): Promise<SmtpReply | 'helo-only' | 'stop'> {
    const ehlo = await this.step(channel, `EHLO ${PROBE_EHLO_NAME}`, 'EHLO');
    if (ehlo === null) return 'stop';
    if (ehlo.code === 250) return ehlo;
    const helo = await this.step(channel, `HELO ${PROBE_EHLO_NAME}`, 'HELO');
    if (helo === null) return 'stop';
    if (helo.code !== 250) {
      this.add('smtp.dialogue.ehlo-refused', {
        ehloCode: ehlo.code,
        heloCode: helo.code,
        text: helo.lines.join(' '),
      });
      return 'stop';
    }
    this.add('smtp.dialogue.helo-only', { ehloCode: ehlo.code, ehloText: ehlo.lines.join(' ') });
    return 'helo-only';
  }

  /** STARTTLS and the EHLO after it: the new capability list, null when TLS did not happen, or 'stop'. */
  private async startTls(
    channel: SmtpChannel,
    ehlo: SmtpReply | 'helo-only',
  ): Promise<SmtpReply | null | 'stop'> {
    const keywords = ehlo === 'helo-only' ? [] : ehloKeywords(ehlo);
    if (!keywords.includes('STARTTLS')) {
      const id = this.role === 'mx' ? 'smtp.starttls.not-offered-port25' : 'smtp.starttls.not-offered';
      this.add(id, { capabilities: keywords });
      return null;
    }
    const reply = await this.step(channel, 'STARTTLS', 'STARTTLS');
    if (reply === null) return 'stop';
    // RFC 3207 section 4: 220 to go ahead; 454 (TLS not available) or anything else means no TLS.
    if (reply.code !== 220) {
      this.add('smtp.starttls.refused', {
        code: reply.code,
        enhancedCode: reply.enhancedCode,
        text: reply.lines.join(' '),
      });
      return null;
    }
    const outcome = await channel.upgradeToTls(this.tlsOptions());
    if (outcome.kind === 'failure') {
      const { kind, message, partial } = outcome.failure;
      if (kind !== 'plaintext-after-starttls') {
        this.add('smtp.starttls.failed', { failure: kind, message });
        return 'stop';
      }
      // RFC 3207 section 4.2: the adapter discarded it; the server (or a box in between) is at fault.
      this.add('smtp.starttls.injection', { message, discarded: partial ?? '' });
      if (channel.tlsSession() === null) return 'stop';
    }
    this.add('smtp.starttls.offered', { protocol: channel.tlsSession()?.protocol ?? null });
    // RFC 3207 section 4.2: forget everything learnt before TLS and ask again.
    const after = await this.step(channel, `EHLO ${PROBE_EHLO_NAME}`, 'EHLO after STARTTLS');
    if (after === null) return 'stop';
    if (after.code !== 250) {
      this.add('smtp.dialogue.interrupted', {
        step: 'EHLO after STARTTLS',
        message: `answered ${String(after.code)} "${after.lines.join(' ')}"`,
      });
      return 'stop';
    }
    this.addCapabilities(after, 'smtp.dialogue.capabilities-tls');
    return after;
  }

  /** VRFY or EXPN of postmaster: 250/251 disclose (RFC 5321 section 7.3); 252, 502 and refusals are fine. */
  private async disclosure(channel: SmtpChannel, verb: 'VRFY' | 'EXPN'): Promise<'stop' | 'done'> {
    const reply = await this.step(channel, `${verb} ${PROBE_MAILBOX}`, verb);
    if (reply === null) return 'stop';
    const evidence = {
      query: PROBE_MAILBOX,
      code: reply.code,
      enhancedCode: reply.enhancedCode,
      text: reply.lines.join(' | '),
    };
    const discloses = reply.code === 250 || reply.code === 251;
    if (verb === 'VRFY') this.add(discloses ? 'smtp.vrfy.discloses' : 'smtp.vrfy.closed', evidence);
    else this.add(discloses ? 'smtp.expn.discloses' : 'smtp.expn.closed', evidence);
    return 'done';
  }

  /** One command; a channel failure or a 421 (RFC 5321 section 3.8) ends the dialogue with a finding. */
  private async step(channel: SmtpChannel, line: string, step: string): Promise<SmtpReply | null> {
    const outcome = await channel.command(line);
    if (outcome.kind === 'failure') {
      const { kind, message, elapsedMs, partial } = outcome.failure;
      if (kind === 'aborted') return null;
      this.add('smtp.dialogue.interrupted', {
        step,
        failure: kind,
        message: lowerFirst(message),
        elapsedMs,
        ...(partial === undefined ? {} : { partial }),
      });
      return null;
    }
    if (outcome.reply.code === 421) {
      this.add('smtp.dialogue.interrupted', {
        step,
        failure: 'closing',
        code: 421,
        message: `ended the session with 421 "${outcome.reply.lines.join(' ')}"`,
      });
      return null;
    }
    return outcome.reply;
  }

  private addCapabilities(
    ehlo: SmtpReply,
    id: 'smtp.dialogue.capabilities-plain' | 'smtp.dialogue.capabilities-tls',
  ): void {
    const capabilities = ehlo.lines.slice(1);
    this.add(id, { capabilities, count: capabilities.length, greetingLine: ehlo.lines[0] ?? '' });
  }

  private addExtensions(ehlo: SmtpReply): void {
    const lines = ehlo.lines.slice(1);
    for (const [keyword, offeredId, absentId] of EXTENSIONS) {
      const line = lines.find((text) => (text.trim().split(/\s+/)[0] ?? '').toUpperCase() === keyword);
      if (line === undefined) {
        this.add(absentId, { keyword });
        continue;
      }
      const evidence = { keyword, line };
      if (keyword === 'SIZE') {
        // RFC 1870 section 4: SIZE [limit in octets]; 0 or absent means no fixed limit.
        const limit = Number(line.trim().split(/\s+/)[1] ?? '0');
        this.add('smtp.ext.size.offered', { ...evidence, limit: Number.isFinite(limit) ? limit : 0 });
      } else {
        this.add(offeredId, evidence);
      }
    }
  }

  private tlsOptions(): { servername: string; extraCaPem?: string } {
    return this.ctx.extraCaPem === undefined
      ? { servername: this.ctx.host }
      : { servername: this.ctx.host, extraCaPem: this.ctx.extraCaPem };
  }

  private add<Id extends DialogueFindingId>(id: Id, evidence: Added<Id>): void {
    // The base holds the Dialogue fields Added<Id> leaves out (all but the address when the host did not
    // resolve, which smtp.dialogue.unresolved does not declare); TypeScript cannot follow a spread into
    // an Omit of a generic type, so one cast joins them back.
    const full = { ...this.base, ...evidence } as unknown as SmtpEvidence[DialogueFindingId];
    this.findings.push(smtpFinding<DialogueFindingId>(id, this.checkId, full));
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
