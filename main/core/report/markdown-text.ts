/**
 * Hostile text made inert in Markdown: it stays words, never becomes a heading, list, link, image, table
 * cell break or raw HTML, whichever CommonMark or GitHub Flavored Markdown renderer reads the file.
 */
import { plainText } from './report-view';

/**
 * CommonMark 0.31 section 2.4: any ASCII punctuation may be backslash-escaped. These act anywhere in a line
 * (emphasis, code, links and images via "[", raw HTML, entities, GFM tables, strikethrough and math)...
 */
const MARKDOWN_INLINE_SPECIAL = /[\\`*_[\]<>|~&$]/g;
/** ...and these only at the start of a line (headings, lists, quotes, setext underlines, ordered lists). */
const MARKDOWN_LINE_START = /^([-+=#>]|\d+[.)])/;

/** Inline text: special characters escaped, line breaks folded into spaces. */
export function markdownText(text: string): string {
  return plainText(text.replace(/\s*[\r\n]+\s*/g, ' '))
    .trim()
    .replace(MARKDOWN_INLINE_SPECIAL, (char) => `\\${char}`)
    .replace(MARKDOWN_LINE_START, (start) => `${start.slice(0, -1)}\\${start.slice(-1)}`);
}

/** An inline code span that no backtick in the text can close early (CommonMark section 6.1). */
export function codeSpan(text: string): string {
  const safe = plainText(text.replace(/[\r\n]+/g, ' '));
  const fence = '`'.repeat(longestRun(safe, '`') + 1);
  const pad = safe.startsWith('`') || safe.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}

/** A fenced code block longer than any backtick run inside, so the text cannot end it (CommonMark 4.5). */
export function codeBlock(text: string): string {
  const safe = plainText(text);
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
