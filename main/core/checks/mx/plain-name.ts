/**
 * A name from DNS or from a person, made safe to keep as evidence and to show.
 *
 * Anything DNS says is hostile input: control characters are shown visibly (preload/contract/
 * untrusted-text.ts) and the length is bounded.
 */
import { excerpt } from '../../../../preload/contract/untrusted-text';

/** A DNS name is at most 253 characters of dotted text (RFC 1035 section 2.3.4); anything longer is cut. */
const MAX_NAME_CHARS = 253;

export function plainName(text: string): string {
  return excerpt(text, MAX_NAME_CHARS);
}
