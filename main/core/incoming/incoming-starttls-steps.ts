/**
 * The clear-text start of an IMAP or POP3 session up to the go-ahead for TLS: greeting, capabilities,
 * STARTTLS (RFC 9051 section 6.2.1) / STLS (RFC 2595 section 4). Shared by every TLS check that needs TLS
 * on 143 or 110, so their steps and outcomes are told apart the same way. No password is ever sent.
 */
import type { AttemptOutcome } from '../probes/tls-version-attempt';
import type { Dialect } from './incoming-dialect';
import { asChannelFailure, type LineFailure } from './line-channel';

/** Greeting, capabilities, STARTTLS / STLS; null when the server agreed and the handshake can start. */
export async function clearTextSteps(dialect: Dialect): Promise<AttemptOutcome | null> {
  const word = dialect.startTlsWord;
  const greeting = await dialect.greeting();
  if (greeting.kind === 'failure') return stepFailure('Waiting for the greeting', greeting.failure);
  if (greeting.kind === 'refused' || greeting.value.status !== 'ok') {
    const text = greeting.kind === 'refused' ? greeting.reply : greeting.value.text;
    return {
      kind: 'no-tls-attempt',
      reason: `The greeting was not one a session can go on from: "${text}".`,
      failure: null,
    };
  }
  // RFC 9051 section 7.1: a CAPABILITY response code in the greeting saves the round trip.
  const asked =
    greeting.value.capabilities === null
      ? await capabilityWords(dialect)
      : { kind: 'words' as const, words: greeting.value.capabilities };
  if (asked.kind !== 'words') return asked;
  const listed = asked.words;
  if (!listed.includes(word)) return { kind: 'starttls-not-offered', capabilities: listed };
  const agreed = await dialect.startTls();
  if (agreed.kind === 'failure') return stepFailure(`After ${word}`, agreed.failure);
  if (agreed.kind === 'refused')
    return { kind: 'starttls-refused', replyCode: null, enhancedCode: null, replyText: agreed.reply };
  return null;
}

type Words = { readonly kind: 'words'; readonly words: readonly string[] };

async function capabilityWords(dialect: Dialect): Promise<Words | AttemptOutcome> {
  const asked = await dialect.capabilities();
  switch (asked.kind) {
    case 'ok':
      return { kind: 'words', words: asked.value };
    case 'refused':
      // A POP3 server without CAPA (RFC 2449 is an extension) cannot say it has STLS.
      return { kind: 'words', words: [] };
    case 'failure':
      return stepFailure('Asking for the capabilities', asked.failure);
  }
}

function stepFailure(step: string, failure: LineFailure): AttemptOutcome {
  const channelFailure = asChannelFailure(failure);
  return { kind: 'no-tls-attempt', reason: `${step}: ${failure.message}`, failure: channelFailure };
}
