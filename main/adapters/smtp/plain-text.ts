/**
 * Server text made safe to keep and show, by the one policy for untrusted text
 * (preload/contract/untrusted-text.ts), and capped in length.
 *
 * Everything an SMTP server says is hostile input (DESIGN.md, security model): terminal escapes, NULs and
 * bidirectional overrides must not survive into a transcript or a finding, so they are shown as ⟨U+XXXX⟩.
 */
import { decodeUtf8, visibleLine } from '../../../preload/contract/untrusted-text';

/** Decodes server bytes as UTF-8 (invalid sequences become U+FFFD) and shows control characters visibly. */
export function plainText(bytes: Buffer): string {
  return visibleLine(decodeUtf8(bytes));
}

/** Caps text at `maxChars`, saying how much was left out. */
export function capText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}... (${String(text.length - maxChars)} more characters)`;
}
