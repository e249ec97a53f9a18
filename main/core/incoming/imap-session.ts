/**
 * One IMAP command and its response (RFC 9051 section 2.2.2): untagged lines until the line with our tag.
 *
 * What a hostile server can do instead is data: a tagged line with a tag we never sent, an untagged BYE
 * (RFC 9051 section 7.1.5) before our tag, a flood, silence.
 */
import { parseImapLine, type ImapStatus } from './imap-grammar';
import type { LineChannel, LineFailure, LineLimits } from './line-channel';
import { ResponseBudget } from './response-reader';

export type ImapResponse =
  | {
      readonly kind: 'done';
      readonly status: 'OK' | 'NO' | 'BAD';
      readonly text: string;
      readonly untagged: readonly string[];
    }
  | { readonly kind: 'bye'; readonly text: string }
  | { readonly kind: 'wrong-tag'; readonly sent: string; readonly line: string }
  | { readonly kind: 'malformed'; readonly line: string }
  | { readonly kind: 'failure'; readonly failure: LineFailure };

export type ImapGreeting =
  | {
      readonly kind: 'greeting';
      readonly status: 'OK' | 'PREAUTH' | 'BYE';
      readonly text: string;
      readonly line: string;
    }
  | { readonly kind: 'malformed'; readonly line: string }
  | { readonly kind: 'failure'; readonly failure: LineFailure };

export class ImapSession {
  private counter = 0;

  constructor(
    readonly channel: LineChannel,
    private readonly limits: LineLimits,
  ) {}

  /** RFC 9051 section 7.1: the greeting is one untagged OK, PREAUTH or BYE. */
  async greeting(): Promise<ImapGreeting> {
    const outcome = await this.channel.readLine(this.limits.greetingTimeoutMs);
    if (outcome.kind === 'failure') return outcome;
    const parsed = parseImapLine(outcome.text);
    if (
      parsed.kind === 'untagged' &&
      (parsed.status === 'OK' || parsed.status === 'PREAUTH' || parsed.status === 'BYE')
    )
      return { kind: 'greeting', status: parsed.status, text: parsed.text, line: outcome.text };
    return { kind: 'malformed', line: outcome.text };
  }

  /** Sends `command` with a fresh tag; `redactAs` is what the transcript shows instead. */
  async command(command: string, redactAs?: string): Promise<ImapResponse> {
    this.counter += 1;
    const tag = `mw${String(this.counter)}`;
    const failed = this.channel.send(
      `${tag} ${command}`,
      redactAs === undefined ? {} : { redactAs: `${tag} ${redactAs}` },
    );
    if (failed !== null) return { kind: 'failure', failure: failed };
    const budget = new ResponseBudget(this.channel, this.limits, this.limits.replyTimeoutMs);
    const untagged: string[] = [];
    let bye: string | null = null;
    for (;;) {
      const step = await budget.next();
      if (step.kind === 'failure') {
        // RFC 9051 section 7.1.5: BYE then close is how a server ends a session; say so, not "closed".
        if (bye !== null && (step.failure.kind === 'closed' || step.failure.kind === 'reset'))
          return { kind: 'bye', text: bye };
        return step;
      }
      const parsed = parseImapLine(step.text);
      switch (parsed.kind) {
        case 'untagged':
          if (parsed.status === 'BYE') bye = parsed.text;
          untagged.push(step.text);
          continue;
        case 'tagged':
          if (parsed.tag !== tag) {
            this.channel.close();
            return { kind: 'wrong-tag', sent: tag, line: step.text };
          }
          if (!isFinal(parsed.status)) {
            this.channel.close();
            return { kind: 'malformed', line: step.text };
          }
          return { kind: 'done', status: parsed.status, text: parsed.text, untagged };
        case 'continuation':
        case 'malformed':
          this.channel.close();
          return { kind: 'malformed', line: step.text };
      }
    }
  }
}

function isFinal(status: ImapStatus | null): status is 'OK' | 'NO' | 'BAD' {
  return status === 'OK' || status === 'NO' || status === 'BAD';
}
