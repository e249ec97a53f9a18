/**
 * Keeps secrets out of transcripts: AUTH payloads are replaced, and any text that still contains the
 * password or token (plain, or in the base64 forms SASL uses) is scrubbed as a last line of defence.
 */

export const REDACTED = '<redacted>';

export interface Redactor {
  /** "AUTH PLAIN AGFsaWNl..." -> "AUTH PLAIN <redacted>"; "AUTH LOGIN" stays as it is. */
  authCommand(line: string): string;
  /** Replaces every known form of every secret in free text. */
  scrub(text: string): string;
}

/** Secrets shorter than this are not scrubbed from free text: they would blank out ordinary words. */
const MIN_SCRUB_CHARS = 4;

export function createRedactor(secrets: readonly string[], username: string): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SCRUB_CHARS) continue;
    forms.add(secret);
    forms.add(base64(secret));
    // RFC 4616: PLAIN sends base64("\0user\0password"); RFC 4954 section 4 for LOGIN's base64 answers.
    forms.add(base64(`\u0000${username}\u0000${secret}`));
    forms.add(base64(`${username}\u0000${username}\u0000${secret}`));
    forms.add(base64(`user=${username}\u0001auth=Bearer ${secret}\u0001\u0001`));
  }
  const ordered = [...forms]
    .filter((form) => form.length >= MIN_SCRUB_CHARS)
    .sort((a, b) => b.length - a.length);
  const scrub = (text: string): string => {
    let result = text;
    for (const form of ordered) result = result.split(form).join(REDACTED);
    return result;
  };
  return {
    authCommand(line) {
      const match = /^(AUTH\s+\S+)(\s+\S.*)?$/i.exec(line);
      if (match?.[1] === undefined) return REDACTED;
      return match[2] === undefined ? match[1] : `${match[1]} ${REDACTED}`;
    },
    scrub,
  };
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
