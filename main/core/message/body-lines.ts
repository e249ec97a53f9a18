/** The longest line in a message body, found with native searches and stopping once past a limit. */

/** Bytes in the longest line from `from` on, or `limit + 1` as soon as one line is longer than `limit`. */
export function longestLine(bytes: Uint8Array, from: number, limit: number): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let longest = 0;
  let start = from;
  while (start < buffer.length) {
    let end = buffer.indexOf(0x0a, start);
    if (end === -1) end = buffer.length;
    longest = Math.max(longest, end - start);
    if (longest > limit) return limit + 1;
    start = end + 1;
  }
  return longest;
}
