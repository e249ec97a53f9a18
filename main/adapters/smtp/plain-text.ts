/**
 * Server text made safe to show: control characters removed, length capped.
 *
 * Everything an SMTP server says is hostile input (DESIGN.md, security model): it is shown as plain text,
 * so terminal escapes, NULs and bidirectional overrides must not survive into a transcript or a finding.
 */

/** C0/C1 controls (tab included) and the Unicode bidi embedding/override/isolate marks. */
const UNSAFE_CHARACTERS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/** Decodes server bytes as UTF-8 (invalid sequences become U+FFFD) and removes control characters. */
export function plainText(bytes: Buffer): string {
  return stripControls(bytes.toString('utf8'));
}

export function stripControls(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '');
}

/** Caps text at `maxChars`, saying how much was left out. */
export function capText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}... (${String(text.length - maxChars)} more characters)`;
}
