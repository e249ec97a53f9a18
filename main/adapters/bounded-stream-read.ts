/**
 * Reads a stream (standard input) up to a size limit, and stops reading past it: a message piped from
 * `cat huge.eml` is refused after the limit instead of being held in memory whole.
 */
import type { Readable } from 'node:stream';

export type BoundedStreamRead =
  | { readonly kind: 'read'; readonly bytes: Buffer }
  | { readonly kind: 'too-large'; readonly maxBytes: number };

export async function readStreamBounded(stream: Readable, maxBytes: number): Promise<BoundedStreamRead> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += buffer.length;
    if (total > maxBytes) {
      // Leaving the loop early destroys the stream, so the writer sees a closed pipe rather than waiting.
      return { kind: 'too-large', maxBytes };
    }
    chunks.push(buffer);
  }
  return { kind: 'read', bytes: Buffer.concat(chunks, total) };
}
