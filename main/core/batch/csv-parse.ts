/**
 * CSV text to records, each tagged with the line it starts on, following RFC 4180.
 *
 * Consultants export these files from spreadsheets, so the parser takes what spreadsheets write: quoted
 * fields with embedded commas, doubled quotes and line breaks, CRLF or LF line ends, and a UTF-8 byte order
 * mark. A malformed record becomes an error for its line and parsing carries on with the next line, so
 * one typo never costs the other rows.
 */

/** More rows than a consultant audits in a day; a bigger file is almost certainly the wrong file. */
export const MAX_BATCH_ROWS = 10_000;

const BYTE_ORDER_MARK = '\uFEFF';
const QUOTE = '"';
const COMMA = ',';
const CR = '\r';
const LF = '\n';

export interface CsvRecord {
  readonly kind: 'record';
  /** 1-based line of the file where the record starts (a quoted line break makes a record span lines). */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CsvRecordError {
  readonly kind: 'error';
  readonly line: number;
  readonly message: string;
}

export type CsvParse =
  | { readonly ok: true; readonly records: readonly (CsvRecord | CsvRecordError)[] }
  | { readonly ok: false; readonly message: string };

/**
 * Parses `text` into records; blank lines are skipped. Fails as a whole only when there are more than
 * `maxRecords` non-blank records (the header included).
 */
export function parseCsv(text: string, maxRecords = MAX_BATCH_ROWS + 1): CsvParse {
  const source = text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text;
  const records: (CsvRecord | CsvRecordError)[] = [];
  let index = 0;
  let line = 1;

  /** Consumes one line break at `index` (CRLF, LF or a lone CR) and returns true, or returns false. */
  const lineBreak = (): boolean => {
    const char = source.charAt(index);
    if (char === CR) {
      index += source.charAt(index + 1) === LF ? 2 : 1;
      line += 1;
      return true;
    }
    if (char === LF) {
      index += 1;
      line += 1;
      return true;
    }
    return false;
  };

  /** After a mistake, skips to the start of the next physical line. */
  const skipRestOfLine = (): void => {
    while (index < source.length && !lineBreak()) index += 1;
  };

  while (index < source.length) {
    const startLine = line;
    const fields: string[] = [];
    let problem: string | null = null;
    let field = '';
    let ended = false;
    while (!ended) {
      if (source.charAt(index) === QUOTE) {
        // RFC 4180 section 2.5-2.7: a quoted field runs to the next lone quote; "" stands for one quote.
        const openedOn = line;
        index += 1;
        let closed = false;
        while (index < source.length) {
          const char = source.charAt(index);
          if (char === QUOTE) {
            if (source.charAt(index + 1) === QUOTE) {
              field += QUOTE;
              index += 2;
              continue;
            }
            index += 1;
            closed = true;
            break;
          }
          if (char === CR || char === LF) {
            const before = index;
            lineBreak();
            field += source.slice(before, index);
            continue;
          }
          field += char;
          index += 1;
        }
        if (!closed) {
          problem = `the quote that opens a field on line ${String(openedOn)} is never closed, so the rest of the file was read as one field; close it with a double quote`;
          break;
        }
        const next = source.charAt(index);
        if (index < source.length && next !== COMMA && next !== CR && next !== LF) {
          problem =
            'there is text after a closing quote; a quoted field must end at a comma or the end of the line (RFC 4180 section 2.7: write a quote inside a field as "")';
          skipRestOfLine();
          break;
        }
      } else {
        while (index < source.length) {
          const char = source.charAt(index);
          if (char === COMMA || char === CR || char === LF) break;
          if (char === QUOTE) {
            problem =
              'a field has a double quote but does not start with one; put the whole field in double quotes and write the quote as "" (RFC 4180 section 2.5)';
            break;
          }
          field += char;
          index += 1;
        }
        if (problem !== null) {
          skipRestOfLine();
          break;
        }
      }
      fields.push(field);
      field = '';
      if (source.charAt(index) === COMMA) index += 1;
      else {
        lineBreak();
        ended = true;
      }
    }
    if (problem !== null) {
      records.push({ kind: 'error', line: startLine, message: problem });
    } else if (!(fields.length === 1 && fields[0] === '')) {
      records.push({ kind: 'record', line: startLine, fields });
    }
    if (records.length > maxRecords) {
      return {
        ok: false,
        message: `The file has more than ${(maxRecords - 1).toLocaleString('en-US')} rows after the header (the limit); split it into smaller files.`,
      };
    }
  }
  return { ok: true, records };
}
