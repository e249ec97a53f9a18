/**
 * An incremental splitter of IMAP/POP3 bytes into logical lines, with hard caps.
 *
 * A line that never ends fails as soon as it crosses the line cap. With literals on, a line ending in
 * `{N}` or `{N+}` (RFC 9051 section 4.3, RFC 7888) is followed by N octets that belong to the same logical
 * line; an announced N over the literal cap fails at the announcement, before a single octet is waited for.
 */
import type { LineFailureKind, LineLimits } from '../../core/incoming/line-channel';
import { capText, plainText } from '../smtp/plain-text';

const MAX_PARTIAL_CHARS = 1_024;
const LF = 0x0a;
const LITERAL_ANNOUNCEMENT = /\{(\d{1,20})\+?\}\r?$/;

export type LineReaderLimits = Pick<LineLimits, 'maxLineBytes' | 'maxLiteralBytes'>;

export type LineReaderEvent =
  | { readonly kind: 'line'; readonly text: string; readonly bytes: number }
  | {
      readonly kind: 'failure';
      readonly failure: {
        readonly kind: LineFailureKind;
        readonly message: string;
        readonly partial?: string;
      };
    };

export class LineReader {
  private chunks: Buffer[] = [];
  private lineBytes = 0;
  /** Octets of a literal still to come, and the text of the logical line so far. */
  private literalLeft = 0;
  private logical: string[] = [];
  private logicalBytes = 0;
  private failed = false;

  constructor(
    private readonly limits: LineReaderLimits,
    private readonly literals: boolean,
  ) {}

  push(chunk: Buffer): LineReaderEvent[] {
    const events: LineReaderEvent[] = [];
    let start = 0;
    while (!this.failed && start < chunk.length) {
      if (this.literalLeft > 0) {
        const take = Math.min(this.literalLeft, chunk.length - start);
        this.logical.push(plainText(chunk.subarray(start, start + take)));
        this.logicalBytes += take;
        this.literalLeft -= take;
        start += take;
        continue;
      }
      const newline = chunk.indexOf(LF, start);
      const end = newline === -1 ? chunk.length : newline;
      const piece = chunk.subarray(start, end);
      if (this.lineBytes + piece.length + 1 > this.limits.maxLineBytes) {
        this.chunks.push(piece.subarray(0, Math.max(0, this.limits.maxLineBytes - this.lineBytes)));
        events.push(
          this.fail(
            'line-too-long',
            `The server sent a line longer than ${String(this.limits.maxLineBytes)} bytes.`,
          ),
        );
        break;
      }
      this.chunks.push(piece);
      this.lineBytes += piece.length;
      if (newline === -1) break;
      start = newline + 1;
      const raw = Buffer.concat(this.chunks).toString('latin1');
      const bytes = this.lineBytes + 1;
      this.chunks = [];
      this.lineBytes = 0;
      const announced = this.literals ? LITERAL_ANNOUNCEMENT.exec(raw) : null;
      this.logical.push(plainText(Buffer.from(raw.replace(/\r$/, ''), 'latin1')));
      this.logicalBytes += bytes;
      if (announced?.[1] !== undefined) {
        const size = Number(announced[1]);
        if (size > this.limits.maxLiteralBytes) {
          events.push(
            this.fail(
              'literal-too-large',
              `The server announced a literal of ${announced[1]} bytes; at most ${String(this.limits.maxLiteralBytes)} are read.`,
            ),
          );
          break;
        }
        // The literal's octets, then the rest of the line up to its CRLF, belong to this logical line.
        this.literalLeft = size;
        continue;
      }
      {
        events.push({ kind: 'line', text: this.logical.join(''), bytes: this.logicalBytes });
        this.logical = [];
        this.logicalBytes = 0;
      }
    }
    return events;
  }

  pendingBytes(): number {
    return this.lineBytes + this.logicalBytes;
  }

  partial(): string | undefined {
    const text = [...this.logical, plainText(Buffer.concat(this.chunks))].join('');
    return text === '' ? undefined : capText(text, MAX_PARTIAL_CHARS);
  }

  /** Drops whatever is buffered; returns its text, if any. */
  discard(): string | undefined {
    const text = this.partial();
    this.chunks = [];
    this.lineBytes = 0;
    this.logical = [];
    this.logicalBytes = 0;
    this.literalLeft = 0;
    return text;
  }

  private fail(kind: LineFailureKind, message: string): LineReaderEvent {
    this.failed = true;
    const partial = this.partial();
    this.chunks = [];
    return {
      kind: 'failure',
      failure: partial === undefined ? { kind, message } : { kind, message, partial },
    };
  }
}
