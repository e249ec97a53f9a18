/**
 * The conversation with one IMAP or POP3 port before any password: greeting (PREAUTH is critical), the
 * capabilities before and after STARTTLS / STLS, whether a password could be sent in the clear, software
 * disclosure. The TLS it reaches is judged by its own check (incoming-tls-probe.ts), once per port.
 *
 * No password is ever sent here: "login offered in the clear" is read from the capability list
 * (LOGINDISABLED, AUTH=PLAIN, USER, SASL PLAIN), never tried.
 */
import type { Finding } from '../../../preload/contract/findings';
import type {
  IncomingEvidence,
  IncomingFindingSuffix,
  IncomingLoginSuffix,
  IncomingServed,
} from '../knowledge/incoming-evidence';
import type { ProbeResult } from '../smtp/probe-context';
import type { TranscriptEntry } from '../smtp/smtp-channel';
import {
  dialogueFailureSuffix,
  failureEvidence,
  incomingFinding,
  type IncomingProbeContext,
  type IncomingSecurity,
} from './incoming-context';
import type { Dialect, DialectStep } from './incoming-dialect';
import type { LineFailure } from './line-channel';
import { anyVersionTls, openDialect } from './open-dialect';
import { softwareInGreeting } from './software-banner';

export interface DialogueTarget {
  readonly port: number;
  readonly security: IncomingSecurity;
}

export function dialogueCheckId(ctx: IncomingProbeContext, port: number): string {
  return `${ctx.protocol}-dialogue:${ctx.host}:${String(port)}`;
}

/** Never throws; every step is under the channel's deadlines and caps. */
/** The findings a dialogue sets: everything but the reachability probe's and the login's. */
type DialogueSuffix = Exclude<IncomingFindingSuffix, 'reach.ok' | 'reach.closed' | IncomingLoginSuffix>;

export async function probeIncomingDialogue(
  ctx: IncomingProbeContext,
  target: DialogueTarget,
): Promise<ProbeResult> {
  const checkId = dialogueCheckId(ctx, target.port);
  let base: IncomingServed = { host: ctx.host, port: target.port, security: target.security };
  const findings: Finding[] = [];
  const found = <S extends DialogueSuffix>(
    suffix: S,
    evidence: Omit<IncomingEvidence[S], keyof IncomingServed>,
  ): void => {
    // TypeScript cannot follow the spread into an Omit of a generic type: base adds back what Omit left out.
    const full = { ...base, ...evidence } as IncomingEvidence[S];
    findings.push(incomingFinding(ctx.protocol, suffix, checkId, full));
  };
  const broken = (failure: LineFailure, greeting: boolean, grammar?: 'bye' | 'wrong-tag'): void => {
    const suffix =
      grammar === 'bye' ? 'dialogue.bye' : grammar === 'wrong-tag' ? 'dialogue.wrong-tag' : undefined;
    found(suffix ?? dialogueFailureSuffix(failure, greeting), failureEvidence(failure));
  };

  const opened = await openDialect(
    ctx,
    target.port,
    target.security === 'implicit-tls' ? 'implicit-tls' : 'plain',
    { tls: anyVersionTls(ctx) },
  );
  if (opened.kind === 'unresolved') {
    found('reach.account-port-unreachable', { message: opened.message });
    return { findings, transcript: [] };
  }
  if (opened.kind === 'failure') {
    found('reach.account-port-unreachable', failureEvidence(opened.failure));
    return { findings, transcript: [] };
  }
  const dialect = opened.dialect;
  const transcript = (): readonly TranscriptEntry[] => dialect.channel.transcript;
  try {
    const greeting = await dialect.greeting();
    if (greeting.kind !== 'ok') {
      if (greeting.kind === 'failure') broken(greeting.failure, true);
      return { findings, transcript: transcript() };
    }
    const software = softwareInGreeting(greeting.value.text);
    // Every later finding names the software, so its fix can name that software's settings.
    if (software !== null) base = { ...base, software };
    if (greeting.value.status === 'preauth') {
      // RFC 9051 section 7.1.4: the connection is already authenticated; nothing more to ask.
      found('greeting.preauth', { greeting: greeting.value.text });
      return { findings, transcript: transcript() };
    }
    if (greeting.value.status === 'bye') {
      found('greeting.refused', { greeting: greeting.value.text });
      return { findings, transcript: transcript() };
    }

    const before = await capabilities(dialect, greeting.value.capabilities);
    if (before.kind === 'failure') {
      broken(before.failure, false, before.grammar);
      return { findings, transcript: transcript() };
    }
    const beforeWords = before.kind === 'ok' ? before.value : null;
    const named = base.software === undefined ? dialect.softwareIn(beforeWords ?? []) : null;
    if (named !== null) base = { ...base, software: named };
    if (dialect.channel.tlsSession() === null) {
      // RFC 8314 section 4.1 / RFC 2595 section 4: no password before TLS.
      const methods =
        beforeWords === null
          ? // RFC 1939 makes USER/PASS the base of POP3; a server without CAPA is assumed to take it.
            ctx.protocol === 'pop3'
            ? ['USER/PASS (the server does not answer CAPA)']
            : []
          : dialect.passwordMethods(beforeWords);
      if (methods.length > 0)
        found('login.cleartext-offered', { cleartextMethods: methods, capabilities: beforeWords ?? [] });
      else found('login.disabled-before-tls', { capabilities: (beforeWords ?? []).join(' ') });

      if (beforeWords === null || !beforeWords.includes(dialect.startTlsWord)) {
        found('starttls.not-offered', { capabilities: beforeWords ?? [] });
        return { findings, transcript: transcript() };
      }
      const agreed = await dialect.startTls();
      if (agreed.kind === 'refused') {
        found('starttls.refused', { reply: agreed.reply });
        return { findings, transcript: transcript() };
      }
      if (agreed.kind === 'failure') {
        broken(agreed.failure, false, agreed.grammar);
        return { findings, transcript: transcript() };
      }
      const upgraded = await dialect.channel.upgradeToTls(anyVersionTls(ctx));
      if (upgraded.kind === 'failure') {
        if (upgraded.failure.kind === 'plaintext-after-starttls')
          found('starttls.plaintext-injected', failureEvidence(upgraded.failure));
        else found('starttls.failed', failureEvidence(upgraded.failure));
        if (dialect.channel.tlsSession() === null) return { findings, transcript: transcript() };
      }
      // RFC 9051 section 6.2.1, RFC 2595 section 4: forget the clear-text capabilities; ask again.
      const after = await dialect.capabilities();
      if (after.kind === 'failure') broken(after.failure, false, after.grammar);
      else if (after.kind === 'ok')
        found('capability.after-tls', { before: beforeWords, after: after.value });
      await softwareFinding(dialect, after.kind === 'ok' ? after.value : [], software, found);
    } else {
      await softwareFinding(dialect, beforeWords ?? [], software, found);
    }
    return { findings, transcript: transcript() };
  } finally {
    await dialect.logout();
  }
}

async function capabilities(
  dialect: Dialect,
  fromGreeting: readonly string[] | null,
): Promise<DialectStep<readonly string[]>> {
  // RFC 9051 section 7.1: a CAPABILITY response code in the greeting saves the round trip.
  if (fromGreeting !== null) return { kind: 'ok', value: fromGreeting };
  return dialect.capabilities();
}

async function softwareFinding(
  dialect: Dialect,
  words: readonly string[],
  fromGreeting: string | null,
  found: (suffix: 'software.disclosed', evidence: { software: string; source: string }) => void,
): Promise<void> {
  const fromId = await dialect.softwareId(words);
  const software = fromId ?? fromGreeting;
  if (software !== null)
    found('software.disclosed', { software, source: fromId === null ? 'greeting' : dialect.softwareSource });
}
