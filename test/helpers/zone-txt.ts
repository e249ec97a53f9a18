/**
 * TXT records for Knot zone files: long values split into 255-byte character-strings (RFC 1035
 * section 3.3.14), with quotes and backslashes escaped, and whole zone lines from a "name: TXT value" map
 * (DKIM keys, SPF and DMARC records).
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

/**
 * Zone lines for the records at or under `zone`, from a published "name: TXT value" map such as
 * `{ 's1._domainkey.shop.test': 'v=DKIM1; ...', 'shop.test': 'v=spf1 ... -all' }`. Names outside the zone
 * are left out, so one map can feed several zones; whitespace runs in a value (a key copied from a
 * document over several lines) become one space.
 */
export function zoneLines(records: Record<string, string>, zone: string): string {
  return Object.entries(records)
    .filter(([name]) => name === zone || name.endsWith(`.${zone}`))
    .map(([name, value]) => {
      const owner = name === zone ? '@' : name.slice(0, -zone.length - 1);
      return `${owner} IN TXT ${zoneTxt(value.replace(/\s+/g, ' ').trim())}`;
    })
    .join('\n');
}
