/**
 * Reads a message's header section with limits, before any library sees it.
 *
 * RFC 5322 section 2.1: a message is header fields, then optionally an empty line and a body. Section
 * 2.2.3: a field may be folded over several lines, each continuation starting with a space or tab. The
 * reader counts what it refuses to keep (fields past the limit, over-long lines, lines that are not
 * fields) so the judgement can say what was wrong instead of trusting it.
 */
import {
  MAX_HEADER_FIELD_CHARS,
  MAX_HEADER_FIELDS,
  MAX_HEADER_LINE_CHARS,
  MAX_MESSAGE_BYTES,
} from './message-limits';

export interface HeaderField {
  /** Lower case, e.g. "received". */
  readonly name: string;
  /** Unfolded (RFC 5322 section 2.2.3), without the name and colon, trimmed. */
  readonly value: string;
}

export type MessageRead =
  { readonly kind: 'too-large'; readonly maxBytes: number } | { readonly kind: 'no-header' } | ReadHeader;

export interface ReadHeader {
  readonly kind: 'read';
  /** The fields kept, top first (the top one was added last, by the final receiver). */
  readonly fields: readonly HeaderField[];
  /** Every field in the header section, kept or not. */
  readonly fieldCount: number;
  /** False for a header paste: no empty line ends the header section. */
  readonly hasBody: boolean;
  /** Where the body starts in the bytes, or the length when there is none. */
  readonly bodyOffset: number;
  /** Names of fields with a line over RFC 5322's 998 characters. */
  readonly longLineFields: readonly string[];
  /** 1-based line numbers of header lines that are neither a field nor a continuation. */
  readonly malformedLines: readonly number[];
  /** Fields longer than MAX_HEADER_FIELD_CHARS after unfolding (cut, so not trusted). */
  readonly oversizedFields: readonly string[];
}

/** Field names: printable US-ASCII except colon (RFC 5322 section 2.2). */
const FIELD_LINE = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:(.*)$/s;
/** Kept for evidence, so a long list of bad lines does not become a long report. */
const MAX_LINES_LISTED = 20;

export function readMessage(bytes: Uint8Array): MessageRead {
  if (bytes.length > MAX_MESSAGE_BYTES) return { kind: 'too-large', maxBytes: MAX_MESSAGE_BYTES };
  const { headerEnd, bodyOffset, hasBody } = findHeaderEnd(bytes);
  // latin1 maps each byte to one char, so offsets stay byte offsets; 8-bit header text is decoded later.
  const headerText = Buffer.from(bytes.buffer, bytes.byteOffset, headerEnd).toString('latin1');
  const lines = headerText.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();

  const fields: HeaderField[] = [];
  const longLineFields = new Set<string>();
  const malformedLines: number[] = [];
  const oversizedFields = new Set<string>();
  let fieldCount = 0;
  let current: { name: string; parts: string[]; chars: number; kept: boolean } | null = null;

  const close = (): void => {
    if (current?.kept === true)
      fields.push({ name: current.name, value: decodeHeader(current.parts.join('')).trim() });
    current = null;
  };

  lines.forEach((line, index) => {
    const continuation = line.startsWith(' ') || line.startsWith('\t');
    if (continuation && current !== null) {
      if (line.length > MAX_HEADER_LINE_CHARS) longLineFields.add(current.name);
      if (current.chars + line.length > MAX_HEADER_FIELD_CHARS) oversizedFields.add(current.name);
      else {
        current.parts.push(line);
        current.chars += line.length;
      }
      return;
    }
    const match = continuation ? null : FIELD_LINE.exec(line);
    if (match === null) {
      if (malformedLines.length < MAX_LINES_LISTED) malformedLines.push(index + 1);
      return;
    }
    close();
    fieldCount += 1;
    const name = (match[1] ?? '').toLowerCase();
    const value = match[2] ?? '';
    if (line.length > MAX_HEADER_LINE_CHARS) longLineFields.add(name);
    const tooLong = value.length > MAX_HEADER_FIELD_CHARS;
    if (tooLong) oversizedFields.add(name);
    current = {
      name,
      parts: [tooLong ? value.slice(0, MAX_HEADER_FIELD_CHARS) : value],
      chars: Math.min(value.length, MAX_HEADER_FIELD_CHARS),
      kept: fieldCount <= MAX_HEADER_FIELDS,
    };
  });
  close();
  if (fieldCount === 0) return { kind: 'no-header' };
  return {
    kind: 'read',
    fields,
    fieldCount,
    hasBody,
    bodyOffset,
    longLineFields: [...longLineFields],
    malformedLines,
    oversizedFields: [...oversizedFields],
  };
}

/** The first empty line ends the header section (RFC 5322 section 2.1); CRLF and bare LF both count. */
function findHeaderEnd(bytes: Uint8Array): { headerEnd: number; bodyOffset: number; hasBody: boolean } {
  const LF = 0x0a;
  const CR = 0x0d;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] !== LF) continue;
    const lineLength = i - lineStart - (i > lineStart && bytes[i - 1] === CR ? 1 : 0);
    // An empty line with nothing after it is a header paste too: there is no body to hash.
    if (lineLength === 0) return { headerEnd: lineStart, bodyOffset: i + 1, hasBody: i + 1 < bytes.length };
    lineStart = i + 1;
  }
  return { headerEnd: bytes.length, bodyOffset: bytes.length, hasBody: false };
}

/** Header bytes as text: UTF-8 where they are (RFC 6532 section 3.2), else the bytes as Latin-1. */
function decodeHeader(latin1: string): string {
  const bytes = Buffer.from(latin1, 'latin1');
  const utf8 = bytes.toString('utf8');
  return utf8.includes('\ufffd') ? latin1 : utf8;
}

/** The first field with this name, or undefined. */
export function firstField(fields: readonly HeaderField[], name: string): string | undefined {
  return fields.find((field) => field.name === name)?.value;
}

/** Every field with this name, top first. */
export function allFields(fields: readonly HeaderField[], name: string): string[] {
  return fields.filter((field) => field.name === name).map((field) => field.value);
}
