/**
 * SPF macros (RFC 7208 section 7): checking a macro-string's syntax, and expanding one for a given message.
 *
 * The checker reports the first problem in words, so the parser can point at the term; the expander is used
 * to follow a record's terms for one address (which mechanism matched) the same way an evaluator would.
 */
import { isIpv4 } from '../../accounts/domain-name';

/** RFC 7208 section 7.2: c, r and t are only allowed in the explanation string. */
const LETTERS = 'slodiphv';
const EXPLANATION_LETTERS = 'crt';
/** RFC 7208 section 7.3: an expanded domain longer than 253 octets loses labels from the left. */
const MAX_DOMAIN_CHARS = 253;
/** No real macro needs more; it bounds the work of a hostile one. */
const MAX_DIGITS = 3;

/** The first syntax problem of `text` as a macro-string, or null. */
export function validateMacroString(text: string, inExplanation: boolean): string | null {
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char !== '%') {
      // RFC 7208 section 7.1: macro-literal = %x21-24 / %x26-7E
      if (!/[\x21-\x7e]/.test(char ?? ''))
        return `it holds a character outside printable ASCII at ${String(i)}.`;
      continue;
    }
    const next = text[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      i += 1;
      continue;
    }
    if (next !== '{') return `"%" must be followed by "{", "%", "_" or "-" (RFC 7208 section 7.1).`;
    const close = text.indexOf('}', i);
    if (close === -1) return 'a macro "%{" is not closed with "}".';
    const body = text.slice(i + 2, close);
    const problem = macroBodyProblem(body, inExplanation);
    if (problem !== null) return problem;
    i = close;
  }
  return null;
}

function macroBodyProblem(body: string, inExplanation: boolean): string | null {
  // RFC 7208 section 7.1: macro-letter transformers *delimiter, delimiter = "." / "-" / "+" / "," / "/" / "_" / "="
  const match = /^([a-z])([0-9]*)(r?)([.\-+,/_=]*)$/i.exec(body);
  if (match === null) return `"%{${body}}" is not a valid macro.`;
  const letter = (match[1] ?? '').toLowerCase();
  if (!LETTERS.includes(letter) && !(inExplanation && EXPLANATION_LETTERS.includes(letter))) {
    return EXPLANATION_LETTERS.includes(letter)
      ? `the macro letter "${letter}" is only allowed in an explanation (exp=) text.`
      : `"${letter}" is not a macro letter.`;
  }
  const digits = match[2] ?? '';
  // RFC 7208 section 7.3: a DIGIT transformer, when present, must be nonzero.
  if (digits !== '' && (Number(digits) === 0 || digits.length > MAX_DIGITS))
    return `"%{${body}}" asks for ${digits} parts; the number must be between 1 and 999.`;
  return null;
}

/** What a macro can stand for when one message is evaluated. */
export interface MacroContext {
  /** The MAIL FROM address (or postmaster@helo). */
  readonly sender: string;
  /** The domain whose record is being read. */
  readonly domain: string;
  readonly ip: string;
  readonly helo: string;
}

/** Expand `text`, or null when it cannot be (bad syntax). */
export function expandMacros(text: string, context: MacroContext): string | null {
  if (validateMacroString(text, true) !== null) return null;
  const at = context.sender.lastIndexOf('@');
  const local = at <= 0 ? 'postmaster' : context.sender.slice(0, at);
  const senderDomain = at === -1 ? context.sender : context.sender.slice(at + 1);
  const values: Record<string, string> = {
    s: context.sender,
    l: local,
    o: senderDomain,
    d: context.domain,
    i: ipForMacro(context.ip),
    // RFC 7208 section 7.3: "p" needs a PTR check; "unknown" is what a receiver uses when it cannot tell.
    p: 'unknown',
    h: context.helo,
    v: isIpv4(context.ip) ? 'in-addr' : 'ip6',
    c: context.ip,
    r: 'unknown',
    t: '0',
  };
  const expanded = text.replace(/%(?:\{([^}]*)\}|([%_-]))/g, (_all, body?: string, simple?: string) => {
    if (simple === '%') return '%';
    if (simple === '_') return ' ';
    if (simple === '-') return '%20';
    const match = /^([a-z])([0-9]*)(r?)([.\-+,/_=]*)$/i.exec(body ?? '');
    const letter = match?.[1] ?? '';
    let value = values[letter.toLowerCase()] ?? '';
    const delimiters = match?.[4] === undefined || match[4] === '' ? '.' : match[4];
    let parts = value.split(new RegExp(`[${escapeClass(delimiters)}]`));
    if (match?.[3] !== undefined && match[3] !== '') parts = parts.reverse();
    const keep = match?.[2] === undefined || match[2] === '' ? 0 : Number(match[2]);
    if (keep > 0) parts = parts.slice(-keep);
    value = parts.join('.');
    // RFC 7208 section 7.3: an upper-case letter asks for URL escaping.
    return letter === letter.toUpperCase() ? encodeURIComponent(value) : value;
  });
  let domain = expanded;
  while (domain.length > MAX_DOMAIN_CHARS && domain.includes('.'))
    domain = domain.slice(domain.indexOf('.') + 1);
  return domain;
}

/** RFC 7208 section 7.3: IPv4 as dotted quad, IPv6 as dot-separated nibbles. */
function ipForMacro(ip: string): string {
  if (isIpv4(ip)) return ip;
  const hex = ipv6Nibbles(ip);
  return hex === null ? ip : hex.split('').join('.');
}

/** The 32 hex digits of an IPv6 address, or null. */
export function ipv6Nibbles(ip: string): string | null {
  let text = ip.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1] !== undefined) {
    const octets = v4[1].split('.').map(Number);
    const hex = octets.map((o) => o.toString(16).padStart(2, '0')).join('');
    text = `${text.slice(0, -v4[1].length)}${hex.slice(0, 4)}:${hex.slice(4)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] === '' || halves[0] === undefined ? [] : halves[0].split(':');
  const tail = halves.length === 2 && halves[1] !== '' && halves[1] !== undefined ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => g.padStart(4, '0')).join('');
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, (c) => `\\${c}`);
}
