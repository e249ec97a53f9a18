/**
 * TXT record data for Knot zone files: long values split into 255-byte character-strings (RFC 1035
 * section 3.3.14), with quotes and backslashes escaped.
 */

/** RFC 1035 section 3.3: a character-string is at most 255 octets. */
const MAX_STRING_OCTETS = 255;

/** `"first 255 bytes" "next 255 bytes" ...` for an ASCII value. */
export function zoneTxt(value: string): string {
  const chunks: string[] = [];
  for (let start = 0; start < value.length; start += MAX_STRING_OCTETS) {
    chunks.push(value.slice(start, start + MAX_STRING_OCTETS));
  }
  if (chunks.length === 0) chunks.push('');
  return chunks.map((chunk) => `"${chunk.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(' ');
}
