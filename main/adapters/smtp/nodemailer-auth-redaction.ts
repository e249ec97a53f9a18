/**
 * Keeps secrets out of transcripts: AUTH payloads are replaced, and any text that still contains the
 * password or token is scrubbed as a last line of defence, in every form a server might echo it back:
 * plain, spaced out, base64 (alone or inside a SASL payload), hex, quoted-printable and URL-encoded.
 */

export const REDACTED = '<redacted>';

export interface Redactor {
  /** "AUTH PLAIN AGFsaWNl..." -> "AUTH PLAIN <redacted>"; "AUTH LOGIN" stays as it is. */
  authCommand(line: string): string;
  /** Replaces every known form of every secret in free text. */
  scrub(text: string): string;
}

/**
 * Secrets of any length are scrubbed: a short password blanks out a few ordinary letters of a server's
 * reply, which is a small price next to a password in a saved report (issue 15, item 10).
 */
export function createRedactor(secrets: readonly string[], username: string): Redactor {
  const exact = new Set<string>();
  const patterns: string[] = [];
  const caseless: string[] = [];
  for (const secret of secrets) {
    if (secret === '') continue;
    // RFC 4616: PLAIN sends base64("\0user\0password"); RFC 4954 section 4 for LOGIN's base64 answers;
    // XOAUTH2 sends base64("user=...\x01auth=Bearer token\x01\x01").
    exact.add(base64(`\u0000${username}\u0000${secret}`));
    exact.add(base64(`${username}\u0000${username}\u0000${secret}`));
    exact.add(base64(`user=${username}\u0001auth=Bearer ${secret}\u0001\u0001`));
    // RFC 7628 section 3.1: OAUTHBEARER's "n,a=user,^A...auth=Bearer token^A^A".
    exact.add(base64(`n,a=${username},\u0001auth=Bearer ${secret}\u0001\u0001`));
    exact.add(base64(secret));
    exact.add(base64(secret).replace(/=+$/, ''));
    const bytes = [...Buffer.from(secret, 'utf8')];
    // Hex, upper or lower case, bytes optionally separated ("68756e", "68 75 6E", "68:75:6e").
    caseless.push(bytes.map(hex).join('[\\s:]?'));
    // Quoted-printable (RFC 2045 section 6.7): printable ASCII may stand as itself or as =XX.
    caseless.push(bytes.map((byte) => alternatives(byte, '=', isQpLiteral(byte))).join(''));
    // URL encoding (RFC 3986 section 2.1; a space is "+" in HTML forms).
    caseless.push(bytes.map((byte) => alternatives(byte, '%', isUrlLiteral(byte))).join(''));
    // Plain, or spaced out one character at a time ("h u n t e r 2").
    patterns.push(Array.from(secret, escapeRegExp).join('\\s*'));
  }
  const steps = [
    alternation([...exact].map(escapeRegExp), ''),
    alternation(caseless, 'i'),
    alternation(patterns, ''),
  ].filter((step): step is RegExp => step !== null);
  const scrub = (text: string): string =>
    steps.reduce((result, step) => result.replace(step, REDACTED), text);
  return {
    authCommand(line) {
      const match = /^(AUTH\s+\S+)(\s+\S.*)?$/i.exec(line);
      if (match?.[1] === undefined) return REDACTED;
      return match[2] === undefined ? match[1] : `${match[1]} ${REDACTED}`;
    },
    scrub,
  };
}

/** One regular expression matching any of `sources`, longest first so a longer form wins. */
function alternation(sources: readonly string[], flags: string): RegExp | null {
  if (sources.length === 0) return null;
  const ordered = [...new Set(sources)].sort((a, b) => b.length - a.length);
  return new RegExp(ordered.map((source) => `(?:${source})`).join('|'), `g${flags}u`);
}

/** A byte as itself (when `literal`) or as `prefix` + two hex digits; a space may also be "+" in URLs. */
function alternatives(byte: number, prefix: string, literal: boolean): string {
  const options = [`${escapeRegExp(prefix)}${hex(byte)}`];
  if (literal) options.push(escapeRegExp(String.fromCharCode(byte)));
  if (prefix === '%' && byte === 0x20) options.push('\\+');
  return `(?:${options.join('|')})`;
}

function isQpLiteral(byte: number): boolean {
  return (byte >= 0x21 && byte <= 0x7e && byte !== 0x3d) || byte === 0x20;
}

function isUrlLiteral(byte: number): boolean {
  return byte >= 0x21 && byte <= 0x7e && byte !== 0x25;
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
