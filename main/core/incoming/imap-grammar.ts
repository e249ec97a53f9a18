/**
 * The few pieces of IMAP grammar a probe reads (RFC 9051 section 9, RFC 3501 section 9): response kinds,
 * tags, status, capability lists and the ID response.
 */

export type ImapStatus = 'OK' | 'NO' | 'BAD' | 'PREAUTH' | 'BYE';

export type ImapLine =
  | { readonly kind: 'untagged'; readonly status: ImapStatus | null; readonly text: string }
  | {
      readonly kind: 'tagged';
      readonly tag: string;
      readonly status: ImapStatus | null;
      readonly text: string;
    }
  | { readonly kind: 'continuation'; readonly text: string }
  | { readonly kind: 'malformed'; readonly text: string };

const STATUS = /^(OK|NO|BAD|PREAUTH|BYE)(?:\s+(.*))?$/i;
/** RFC 9051 section 9: tag = 1*<any ASTRING-CHAR except "+">. */
const TAGGED = /^([!#$&'*+,\-./0-9:;<=>?@A-Z^_`a-z|~]+)\s+(.*)$/;

export function parseImapLine(line: string): ImapLine {
  if (line.startsWith('+')) return { kind: 'continuation', text: line.slice(1).trim() };
  if (line.startsWith('* ')) {
    const rest = line.slice(2);
    const status = STATUS.exec(rest);
    return status === null
      ? { kind: 'untagged', status: null, text: rest }
      : { kind: 'untagged', status: status[1]?.toUpperCase() as ImapStatus, text: status[2] ?? '' };
  }
  const tagged = TAGGED.exec(line);
  if (tagged?.[1] === undefined || tagged[1] === '*') return { kind: 'malformed', text: line };
  const status = STATUS.exec(tagged[2] ?? '');
  return {
    kind: 'tagged',
    tag: tagged[1],
    status: status === null ? null : (status[1]?.toUpperCase() as ImapStatus),
    text: status === null ? (tagged[2] ?? '') : (status[2] ?? ''),
  };
}

/** RFC 9051 section 7.2.2: `* CAPABILITY a b c`, or a `[CAPABILITY a b c]` response code; upper-cased. */
export function capabilitiesIn(lines: readonly string[]): string[] | null {
  for (const line of lines) {
    const untagged = /^\*\s+CAPABILITY\s+(.*)$/i.exec(line);
    const code = /\[CAPABILITY\s+([^\]]*)\]/i.exec(line);
    const list = untagged?.[1] ?? code?.[1];
    if (list !== undefined)
      return list
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((word) => word.toUpperCase());
  }
  return null;
}

/** RFC 2971 section 3.3: `* ID ("name" "Dovecot" "version" "2.3")` as field/value pairs; null for NIL. */
export function idFields(lines: readonly string[]): Record<string, string> | null {
  for (const line of lines) {
    const match = /^\*\s+ID\s+\((.*)\)\s*$/i.exec(line);
    if (match?.[1] === undefined) continue;
    const strings = [...match[1].matchAll(/"((?:[^"\\]|\\.)*)"|NIL/gi)].map((m) => m[1] ?? null);
    const fields: Record<string, string> = {};
    for (let i = 0; i + 1 < strings.length; i += 2) {
      const key = strings[i];
      const value = strings[i + 1];
      if (key !== null && key !== undefined && value !== null && value !== undefined)
        fields[key.toLowerCase()] = value;
    }
    return fields;
  }
  return null;
}
