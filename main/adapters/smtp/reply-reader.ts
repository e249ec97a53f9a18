/**
 * An incremental parser of SMTP replies from raw bytes, with hard caps.
 *
 * Bytes are pushed in as they arrive; complete replies and the first protocol failure come out. Memory is
 * bounded by the caps: a line that never ends fails as soon as it crosses `maxReplyLineBytes`, not at the
 * read deadline, and nothing after a failure is kept.
 */
import type { SmtpLimits, SmtpReply } from '../../core/smtp/smtp-channel';
import { capText, plainText } from './plain-text';

/** What a failed reply had received so far is kept as evidence up to this many characters. */
const MAX_PARTIAL_CHARS = 1_024;
const LF = 0x0a;
const CR = 0x0d;

export type ReaderLimits = Pick<SmtpLimits, 'maxReplyLineBytes' | 'maxReplyLines' | 'maxReplyBytes'>;

export type ReaderFailureKind = 'line-too-long' | 'too-many-lines' | 'reply-too-large' | 'malformed-reply';

export interface ReaderFailure {
  readonly kind: ReaderFailureKind;
  readonly message: string;
  readonly partial?: string;
}

/** One parsed reply and its lines as received (control characters removed), for the transcript. */
export interface ParsedReply {
  readonly reply: SmtpReply;
  readonly rawLines: readonly string[];
  readonly bytes: number;
}

export type ReaderEvent =
  | { readonly kind: 'reply'; readonly parsed: ParsedReply }
  | { readonly kind: 'failure'; readonly failure: ReaderFailure };

/**
 * RFC 5321 section 4.2: Reply-line = *( Reply-code "-" [ textstring ] CRLF ) Reply-code [ SP textstring ] CRLF,
 * Reply-code = %x32-35 %x30-35 %x30-39. A bare code with nothing after it is accepted as a last line.
 */
const REPLY_LINE = /^([2-5][0-5][0-9])(?:([ -])(.*))?$/s;
/** RFC 3463 section 2: class.subject.detail at the start of the text. */
const ENHANCED_CODE = /^([245])\.(\d{1,3})\.(\d{1,3})(?=\s|$)/;

export class ReplyReader {
  private readonly limits: ReaderLimits;
  /** Bytes of the line being received (without its terminator). Never longer than the line cap. */
  private lineChunks: Buffer[] = [];
  private lineBytes = 0;
  /** Lines of the reply being received. */
  private code: number | null = null;
  private texts: string[] = [];
  private rawLines: string[] = [];
  private replyBytes = 0;
  private failed = false;

  constructor(limits: ReaderLimits) {
    this.limits = limits;
  }

  /** Parses `chunk`; returns every reply it completes and, at most once, a failure (after which it stops). */
  push(chunk: Buffer): ReaderEvent[] {
    const events: ReaderEvent[] = [];
    let start = 0;
    while (!this.failed && start < chunk.length) {
      const newline = chunk.indexOf(LF, start);
      const end = newline === -1 ? chunk.length : newline;
      const piece = chunk.subarray(start, end);
      // The cap counts the CRLF too (RFC 5321 section 4.5.3.1.5). The held bytes include any CR, so the
      // line on the wire is what is held plus the LF still to come.
      if (this.lineBytes + piece.length + 1 > this.limits.maxReplyLineBytes) {
        this.lineChunks.push(piece.subarray(0, Math.max(0, this.limits.maxReplyLineBytes - this.lineBytes)));
        events.push(
          this.fail(
            'line-too-long',
            `The server sent a reply line longer than ${String(this.limits.maxReplyLineBytes)} bytes.`,
          ),
        );
        break;
      }
      this.lineChunks.push(piece);
      this.lineBytes += piece.length;
      if (newline === -1) break;
      start = newline + 1;
      const event = this.endLine();
      if (event !== null) events.push(event);
    }
    return events;
  }

  /** Bytes held for a reply not yet complete; non-zero means the server is mid-reply. */
  pendingBytes(): number {
    return this.lineBytes + this.replyBytes;
  }

  /** What has arrived of the reply being received, as plain text, capped; undefined when nothing has. */
  partial(): string | undefined {
    const current = plainText(Buffer.concat(this.lineChunks));
    const text = [...this.rawLines, ...(current === '' ? [] : [current])].join('\n');
    return text === '' ? undefined : capText(text, MAX_PARTIAL_CHARS);
  }

  /** Forgets everything held (RFC 3207 section 4.2 at a TLS upgrade); returns the text that was dropped. */
  discard(): string | undefined {
    const dropped = this.partial();
    this.resetLine();
    this.resetReply();
    return dropped;
  }

  private endLine(): ReaderEvent | null {
    let line = Buffer.concat(this.lineChunks, this.lineBytes);
    // RFC 5321 says CRLF; a bare LF is tolerated because real servers send it and it is unambiguous.
    if (line.length > 0 && line[line.length - 1] === CR) line = line.subarray(0, line.length - 1);
    const lineOnWire = this.lineBytes + 1;
    this.resetLine();
    const text = plainText(line);
    this.rawLines.push(text);
    this.replyBytes += lineOnWire;
    if (this.replyBytes > this.limits.maxReplyBytes) {
      return this.fail(
        'reply-too-large',
        `The server sent a reply larger than ${String(this.limits.maxReplyBytes)} bytes.`,
      );
    }
    if (this.rawLines.length > this.limits.maxReplyLines) {
      return this.fail(
        'too-many-lines',
        `The server sent a reply of more than ${String(this.limits.maxReplyLines)} lines.`,
      );
    }
    // The code is matched on the raw bytes: a control character inside it must not make it valid.
    const match = REPLY_LINE.exec(line.toString('latin1'));
    if (match === null) {
      return this.fail(
        'malformed-reply',
        'The server sent a line that is not an SMTP reply (RFC 5321 section 4.2: three digits, then a space or a hyphen).',
      );
    }
    const code = Number(match[1]);
    if (this.code !== null && code !== this.code) {
      return this.fail(
        'malformed-reply',
        `The server changed its reply code from ${String(this.code)} to ${String(code)} in the middle of a multi-line reply (RFC 5321 section 4.2.1).`,
      );
    }
    this.code = code;
    this.texts.push(text.slice(match[2] === undefined ? 3 : 4));
    if (match[2] === '-') return null;
    const lines = this.texts;
    const enhanced = ENHANCED_CODE.exec(lines[0] ?? '');
    const enhancedCode = enhanced !== null && enhanced[1] === String(code).charAt(0) ? enhanced[0] : null;
    const parsed: ParsedReply = {
      reply: { code, enhancedCode, lines },
      rawLines: this.rawLines,
      bytes: this.replyBytes,
    };
    this.resetReply();
    return { kind: 'reply', parsed };
  }

  private fail(kind: ReaderFailureKind, message: string): ReaderEvent {
    const partial = this.partial();
    this.failed = true;
    this.resetLine();
    this.resetReply();
    return {
      kind: 'failure',
      failure: partial === undefined ? { kind, message } : { kind, message, partial },
    };
  }

  private resetLine(): void {
    this.lineChunks = [];
    this.lineBytes = 0;
  }

  private resetReply(): void {
    this.code = null;
    this.texts = [];
    this.rawLines = [];
    this.replyBytes = 0;
  }
}
