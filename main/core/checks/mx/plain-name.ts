/**
 * A name from DNS or from a person, made safe to keep as evidence and to show.
 *
 * Anything DNS says is hostile input: control characters are replaced and the length is bounded.
 */

/** A DNS name is at most 253 characters of dotted text (RFC 1035 section 2.3.4); anything longer is cut. */
const MAX_NAME_CHARS = 253;

export function plainName(text: string): string {
  const clean = text.replace(/\p{Cc}/gu, '?');
  return clean.length > MAX_NAME_CHARS ? `${clean.slice(0, MAX_NAME_CHARS)}...` : clean;
}
