/**
 * Untrusted text (anything a server, a DNS record, an input file or a person typed) made safe for each
 * place it is shown: one rule for which characters are dangerous, one policy per output.
 *
 * The rule: control characters (C0, DEL, C1), Unicode direction marks, embeddings, overrides and isolates,
 * the line and paragraph separators, invisible format characters and lone surrogates are never passed on.
 * They are shown as a visible code point, `⟨U+202E⟩`, so a reader sees that something was there
 * (Unicode Technical Report 36 section 2.4 and CVE-2021-42574 "Trojan Source": direction overrides can
 * reorder what a reader sees; ECMA-48 escape sequences can rewrite a terminal).
 *
 * This file lives in preload/contract because both main (reports, CLI) and the renderer (the app) use it.
 */

/**
 * C0 controls except tab and line feed, DEL, C1 controls, the Arabic letter mark, LRM/RLM, bidi embeddings,
 * overrides and isolates, line/paragraph separators, zero-width space, word joiner, BOM, lone surrogates.
 */
const HIDDEN_OR_CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]|\p{Cs}/gu;
/** The same set plus tab and line feed: for outputs that are one line. */
const HIDDEN_OR_CONTROL_OR_BREAK =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]|\p{Cs}/gu;

/** "⟨U+001B⟩": a code point shown instead of being acted on. */
function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0xfffd;
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** Every control and hidden character shown as ⟨U+XXXX⟩; tabs and line breaks kept (CRLF and CR become LF). */
export function visibleText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(HIDDEN_OR_CONTROL, visible);
}

/** One line: every control and hidden character shown as ⟨U+XXXX⟩, tabs and line breaks included. */
export function visibleLine(text: string): string {
  return text.replace(HIDDEN_OR_CONTROL_OR_BREAK, visible);
}

/** A one-line excerpt for a message or evidence: controls visible, cut at `maxChars` with "…". */
export function excerpt(text: string, maxChars: number): string {
  // Cut before making characters visible, so a long run of controls cannot grow the excerpt 8-fold.
  const cut = text.length > maxChars;
  const head = cut ? text.slice(0, maxChars).replace(/[\ud800-\udbff]$/, '') : text;
  return `${visibleLine(head)}${cut ? '…' : ''}`;
}

/** Bytes from the network decoded as UTF-8; invalid sequences become U+FFFD (WHATWG Encoding, "replacement"). */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

// ---- Terminal -------------------------------------------------------------------------------------------

/** Terminal output: nothing that a terminal would act on (ESC, OSC 8 links, BEL, CR, direction marks). */
export function terminalText(text: string): string {
  return visibleLine(text);
}

// ---- The app (React escapes markup; this makes hidden characters visible) -------------------------------

/** Text the app shows: line breaks kept for `white-space: pre-wrap`, everything hidden made visible. */
export function appText(text: string): string {
  return visibleText(text);
}

// ---- HTML -----------------------------------------------------------------------------------------------

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an HTML element or a quoted attribute (OWASP XSS Prevention, rule 1 and 2). */
export function htmlText(text: string): string {
  return visibleText(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

// ---- Markdown -------------------------------------------------------------------------------------------

/**
 * CommonMark 0.31 section 2.4: any ASCII punctuation may be backslash-escaped. These act anywhere in a line
 * (emphasis, code, links and images via "[", raw HTML, entities, GFM tables, strikethrough and math)...
 */
const MARKDOWN_INLINE_SPECIAL = /[\\`*_[\]<>|~&$]/g;
/** ...and these only at the start of a line (headings, lists, quotes, setext underlines, ordered lists). */
const MARKDOWN_LINE_START = /^([-+=#>]|\d+[.)])/;
/**
 * What GFM's autolink extension (GFM spec section 6.9) and markdown-it's linkify turn into links without
 * any markup: a scheme followed by "//" or ":" (http, https, ftp, mailto, xmpp...), "www." and e-mail
 * addresses. Such runs are put in code spans, which no renderer links.
 */
const LINK_LIKE = /(?:[a-z][a-z0-9+.-]*:\/\/|(?:mailto|xmpp):|www\.)\S*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** Inline Markdown: special characters escaped, line breaks folded into spaces, URLs and addresses unlinked. */
export function markdownText(text: string): string {
  const line = visibleLine(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
  let out = '';
  let last = 0;
  for (const match of line.matchAll(LINK_LIKE)) {
    out += escapeMarkdown(line.slice(last, match.index));
    out += markdownCodeSpan(match[0]);
    last = match.index + match[0].length;
  }
  out += escapeMarkdown(line.slice(last));
  return out.replace(MARKDOWN_LINE_START, (start) => `${start.slice(0, -1)}\\${start.slice(-1)}`);
}

function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_INLINE_SPECIAL, (char) => `\\${char}`);
}

/** An inline code span that no backtick in the text can close early (CommonMark section 6.1). */
export function markdownCodeSpan(text: string): string {
  const safe = visibleLine(text.replace(/[\r\n]+/g, ' '));
  const fence = '`'.repeat(longestRun(safe, '`') + 1);
  const pad = safe.startsWith('`') || safe.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}

/** A fenced code block longer than any backtick run inside, so the text cannot end it (CommonMark 4.5). */
export function markdownCodeBlock(text: string): string {
  const safe = visibleText(text);
  const fence = '`'.repeat(Math.max(3, longestRun(safe, '`') + 1));
  return `${fence}text\n${safe}\n${fence}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

// ---- CSV ------------------------------------------------------------------------------------------------

/** What a spreadsheet may read as the start of a formula (OWASP "CSV Injection"), leading spaces too. */
const FORMULA_START = /^(?:[\s"]*[=+\-@]|[\t\r])/;
/**
 * A formula character after anything a spreadsheet might take as a cell separator: Excel in many European
 * locales splits on ";", others on tab or "|", and a file read with the wrong separator ignores our quotes.
 * OWASP: neutralise such characters wherever a cell could start, not only at the field's start. Quotes
 * and spaces in between count too: a reader that is out of step with our quoting may skip them.
 */
const FORMULA_AFTER_SEPARATOR = /([,;\t|\n][\s"]*)(?=[=+\-@])/g;

/**
 * One CSV field: always quoted (RFC 4180 section 2 rules 5-7), quotes doubled, controls visible, and every
 * place a cell could start made inert with an apostrophe.
 */
export function csvField(text: string): string {
  const safe = visibleText(text).replace(FORMULA_AFTER_SEPARATOR, "$1'");
  const inert = FORMULA_START.test(safe) ? `'${safe}` : safe;
  return `"${inert.replace(/"/g, '""')}"`;
}

/** Rows of fields as RFC 4180 CSV with CRLF line ends. */
export function csvRows(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// ---- JSON -----------------------------------------------------------------------------------------------

/**
 * JSON for a file: the values stay whole (a reader gets the original text back), but hidden and control
 * characters are written as \uXXXX escapes instead of raw bytes. JSON.stringify escapes only C0; C1 controls
 * (such as U+009B, a terminal's CSI), direction overrides and U+2028/U+2029 would otherwise reach whoever
 * cats the file (RFC 8259 section 7 allows any character to be escaped).
 */
export function jsonText(value: unknown, indent = 2): string {
  // Tabs and line feeds inside strings are already escaped; the ones left are the indentation.
  return JSON.stringify(value, null, indent).replace(HIDDEN_OR_CONTROL, (char) => {
    const code = char.codePointAt(0) ?? 0xfffd;
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
