/**
 * Reads the lines of one response under one deadline and the response caps, for both grammars.
 *
 * The channel caps each line; this caps the response: a server that floods untagged lines, or drips them
 * one just inside each line deadline, ends in `response-too-large` or `timeout` instead of holding the probe.
 */
import type { LineChannel, LineFailure, LineLimits } from './line-channel';

export type ResponseStep =
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'failure'; readonly failure: LineFailure };

export class ResponseBudget {
  private lines = 0;
  private bytes = 0;
  private readonly deadline: number;

  constructor(
    private readonly channel: LineChannel,
    private readonly limits: LineLimits,
    timeoutMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.deadline = this.now() + timeoutMs;
  }

  async next(): Promise<ResponseStep> {
    const left = Math.max(1, Math.round(this.deadline - this.now()));
    const outcome = await this.channel.readLine(left);
    if (outcome.kind === 'failure') return outcome;
    this.lines += 1;
    this.bytes += outcome.text.length + 2;
    if (this.lines > this.limits.maxResponseLines || this.bytes > this.limits.maxResponseBytes) {
      this.channel.close();
      return {
        kind: 'failure',
        failure: {
          kind: 'response-too-large',
          message: `The server sent more than ${String(this.limits.maxResponseLines)} lines or ${String(
            Math.round(this.limits.maxResponseBytes / 1024),
          )} KB in one response.`,
          elapsedMs: 0,
        },
      };
    }
    return outcome;
  }
}
