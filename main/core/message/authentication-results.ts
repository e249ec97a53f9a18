/**
 * What the receiving server itself concluded, from its Authentication-Results field (RFC 8601).
 *
 * RFC 8601 section 2.2: `authserv-id; method=result (comment) property=value; ...`. Only the top field is
 * read: section 5 says a receiver removes or ignores fields claiming its own id that arrived from outside,
 * so a lower one may have been written by anybody, including the sender.
 */

export interface ReceiverVerdict {
  readonly method: string;
  readonly result: string;
  /** header.d, header.i, header.from or smtp.mailfrom, whichever the receiver recorded. */
  readonly subject: string | null;
}

export interface ReceiverResults {
  readonly authservId: string;
  readonly verdicts: readonly ReceiverVerdict[];
}

const KNOWN_METHODS = new Set(['dkim', 'spf', 'dmarc', 'arc']);

export function readAuthenticationResults(value: string | undefined): ReceiverResults | null {
  if (value === undefined) return null;
  const [authserv, ...statements] = splitStatements(stripComments(value));
  if (authserv === undefined) return null;
  const verdicts: ReceiverVerdict[] = [];
  for (const statement of statements) {
    const match = /^\s*([a-z0-9-]+)\s*=\s*([a-z]+)/i.exec(statement);
    if (match?.[1] === undefined || match[2] === undefined) continue;
    const method = match[1].toLowerCase();
    if (!KNOWN_METHODS.has(method)) continue;
    const subject =
      /\b(?:header\.d|header\.i|header\.from|smtp\.mailfrom)\s*=\s*([^\s;]+)/i.exec(statement)?.[1] ?? null;
    verdicts.push({ method, result: match[2].toLowerCase(), subject: subject?.replace(/^@/, '') ?? null });
  }
  return { authservId: authserv.trim().split(/\s+/)[0] ?? '', verdicts };
}

/** RFC 5322 section 3.2.2 comments, nested ones included, removed outside quoted strings. */
function stripComments(value: string): string {
  let depth = 0;
  let quoted = false;
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    const char = value.charAt(i);
    if (char === '\\') {
      if (depth === 0) out += value.slice(i, i + 2);
      i += 1;
      continue;
    }
    if (char === '"' && depth === 0) quoted = !quoted;
    if (!quoted && char === '(') depth += 1;
    if (depth === 0) out += char;
    if (!quoted && char === ')' && depth > 0) depth -= 1;
  }
  return out;
}

function splitStatements(value: string): string[] {
  return value.split(';').filter((part) => part.trim() !== '');
}
