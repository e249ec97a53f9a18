/**
 * POP3 commands and their responses (RFC 1939 section 3): a status line `+OK` or `-ERR`, and for some
 * commands (CAPA, RFC 2449 section 5) a multi-line body ending in a line of one ".".
 */
import type { LineChannel, LineFailure, LineLimits } from './line-channel';
import { ResponseBudget } from './response-reader';

export type Pop3Response =
  | { readonly kind: 'ok'; readonly text: string; readonly lines: readonly string[] }
  | { readonly kind: 'err'; readonly text: string }
  | { readonly kind: 'malformed'; readonly line: string }
  | { readonly kind: 'failure'; readonly failure: LineFailure };

const STATUS = /^(\+OK|-ERR)(?:\s(.*))?$/i;
/** RFC 5034 section 4: a SASL continuation, "+" and a space, then a base64 challenge (maybe empty). */
const CONTINUATION = /^\+(?: (.*))?$/;

/** The answer to one step of AUTH (RFC 5034): a status, or a continuation with the server's challenge. */
export type Pop3SaslResponse = Pop3Response | { readonly kind: 'challenge'; readonly challenge: string };

export class Pop3Session {
  constructor(
    readonly channel: LineChannel,
    private readonly limits: LineLimits,
  ) {}

  /** RFC 1939 section 4: the greeting is a positive (or negative) status line. */
  greeting(): Promise<Pop3Response> {
    return this.read(false, this.limits.greetingTimeoutMs);
  }

  async command(
    line: string,
    options: { readonly multiline?: boolean; readonly redactAs?: string } = {},
  ): Promise<Pop3Response> {
    const failed = this.channel.send(
      line,
      options.redactAs === undefined ? {} : { redactAs: options.redactAs },
    );
    if (failed !== null) return { kind: 'failure', failure: failed };
    return this.read(options.multiline === true, this.limits.replyTimeoutMs);
  }

  /** One line of a SASL exchange (the AUTH command, or an answer to a challenge), never recorded as sent. */
  async saslStep(line: string, redactAs: string): Promise<Pop3SaslResponse> {
    const failed = this.channel.send(line, { redactAs });
    if (failed !== null) return { kind: 'failure', failure: failed };
    return this.read(false, this.limits.replyTimeoutMs, true);
  }

  private async read(multiline: boolean, timeoutMs: number): Promise<Pop3Response>;
  private async read(multiline: boolean, timeoutMs: number, sasl: true): Promise<Pop3SaslResponse>;
  private async read(multiline: boolean, timeoutMs: number, sasl = false): Promise<Pop3SaslResponse> {
    const budget = new ResponseBudget(this.channel, this.limits, timeoutMs);
    const first = await budget.next();
    if (first.kind === 'failure') return first;
    const continuation = sasl ? CONTINUATION.exec(first.text) : null;
    if (continuation !== null) return { kind: 'challenge', challenge: continuation[1] ?? '' };
    const status = STATUS.exec(first.text);
    if (status === null) {
      this.channel.close();
      return { kind: 'malformed', line: first.text };
    }
    const text = status[2] ?? '';
    if (status[1]?.toUpperCase() === '-ERR') return { kind: 'err', text };
    if (!multiline) return { kind: 'ok', text, lines: [] };
    const lines: string[] = [];
    for (;;) {
      const step = await budget.next();
      if (step.kind === 'failure') return step;
      if (step.text === '.') return { kind: 'ok', text, lines };
      // RFC 1939 section 3: a line starting with "." has it doubled ("byte-stuffed").
      lines.push(step.text.startsWith('.') ? step.text.slice(1) : step.text);
    }
  }
}
