/** Small, forgiving helpers for what a person types; main does the real validation. */

/** The part after the last "@", lower-cased; empty while the address has no domain yet. */
export function domainOfEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** "s1, s2 s3" -> ["s1", "s2", "s3"]: people paste selectors separated by commas or spaces. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** A port as typed, or null when it is not a whole number (main checks the range). */
export function parsePort(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}
