/**
 * Domain names and host names as people type them, turned into the ASCII form DNS and SMTP use.
 *
 * Rules: RFC 1035 section 2.3.4 (63 octets a label, 255 a name on the wire, which is 253 as dotted text),
 * the preferred LDH syntax of RFC 1035 section 2.3.1 as relaxed by RFC 1123 section 2.1, RFC 3696 section 2
 * (a top-level domain is never all-numeric), and IDNA (RFC 5890, RFC 5891): a name with non-ASCII letters
 * is converted to its A-label (punycode) form. The conversion is Node's `domainToASCII` (UTS #46
 * processing, pure: it makes no lookups).
 */
import { excerpt } from '../../../preload/contract/untrusted-text';
import { domainToASCII } from 'node:url';

/** RFC 1035 section 2.3.4: a label is at most 63 octets. */
export const MAX_LABEL_OCTETS = 63;
/** RFC 1035 section 2.3.4: 255 octets on the wire, i.e. 253 characters of dotted text without the final dot. */
export const MAX_NAME_OCTETS = 253;
/** Anything longer is refused before conversion, so a hostile string costs nothing. */
const MAX_INPUT_CHARS = 1_024;
/** How much of a label or name a message quotes back. */
const QUOTE_MAX_CHARS = 40;

/** RFC 5890 section 2.3.2.1: A-labels start with this ACE prefix. */
const ACE_PREFIX = 'xn--';

export type NameResult =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

export interface NameOptions {
  /**
   * Allow `_` in labels. Host names never have one (RFC 952, RFC 1123 section 2.1), but service names do:
   * SRV owners such as `_submission._tcp` (RFC 6186) and, in practice, some DKIM selectors.
   */
  readonly allowUnderscore?: boolean;
}

/** The first character outside letters, digits and hyphen (and underscore where allowed). */
const NOT_LDH = /[^a-z0-9-]/;
const NOT_LDH_OR_UNDERSCORE = /[^a-z0-9_-]/;
const ALL_DIGITS = /^[0-9]+$/;
const NON_ASCII = /\P{ASCII}/u;
const SPACE_OR_CONTROL = /[\s\p{Cc}]/u;

/** A short, printable excerpt of user input for a message. */
function quote(text: string): string {
  return `"${excerpt(text, QUOTE_MAX_CHARS)}"`;
}

function fail(reason: string): NameResult {
  return { ok: false, reason };
}

type CheckedName =
  | { readonly ok: true; readonly value: string; readonly labels: readonly string[] }
  | { readonly ok: false; readonly reason: string };

function failName(reason: string): CheckedName {
  return { ok: false, reason };
}

/** Trims, drops one final dot (the root, RFC 1034 section 3.1) and converts to lower-case ASCII. */
function toAsciiForm(input: string): NameResult {
  if (input.length > MAX_INPUT_CHARS)
    return fail(`it is far too long; a domain name has at most ${MAX_NAME_OCTETS} characters`);
  let name = input.trim();
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name === '') return fail('it is empty');
  if (SPACE_OR_CONTROL.test(name)) return fail('it contains a space or a control character');
  if (!NON_ASCII.test(name)) return { ok: true, value: name.toLowerCase() };
  // RFC 5891 section 4: convert U-labels to A-labels; an empty answer means a code point IDNA disallows.
  const ascii = domainToASCII(name);
  if (ascii === '') {
    return fail(
      `${quote(name)} cannot be converted to an internationalised domain name: it contains a character that domain names do not allow`,
    );
  }
  return { ok: true, value: ascii };
}

/** Checks one label against RFC 1035 section 2.3.4 sizes and the LDH rule. */
function labelProblem(label: string, options: NameOptions): string | null {
  if (label === '') return 'it has an empty label (two dots in a row, or a dot at the start)';
  if (label.length > MAX_LABEL_OCTETS) {
    return `the label ${quote(label)} is ${label.length} characters long; a label has at most ${MAX_LABEL_OCTETS}`;
  }
  const odd = (options.allowUnderscore === true ? NOT_LDH_OR_UNDERSCORE : NOT_LDH).exec(label);
  if (odd !== null) {
    const what =
      options.allowUnderscore === true
        ? 'letters, digits, hyphens and underscores'
        : 'letters, digits and hyphens';
    return `the label ${quote(label)} contains ${quote(odd[0])}; labels may only use ${what}`;
  }
  if (label.startsWith('-') || label.endsWith('-')) {
    return `the label ${quote(label)} starts or ends with a hyphen, which is not allowed`;
  }
  // RFC 5891 section 5.4: an A-label must decode to a valid U-label.
  if (label.startsWith(ACE_PREFIX) && domainToASCII(label) === '') {
    return `the label ${quote(label)} starts with "xn--" but is not valid punycode`;
  }
  return null;
}

/** Converts and checks every label; shared by full domain names and relative names. */
function checkedName(input: string, options: NameOptions): CheckedName {
  const ascii = toAsciiForm(input);
  if (!ascii.ok) return ascii;
  if (ascii.value.length > MAX_NAME_OCTETS) {
    return failName(
      `it is ${ascii.value.length} characters long in ASCII form; a domain name has at most ${MAX_NAME_OCTETS}`,
    );
  }
  const labels = ascii.value.split('.');
  for (const label of labels) {
    const problem = labelProblem(label, options);
    if (problem !== null) return failName(problem);
  }
  return { ok: true, value: ascii.value, labels };
}

/**
 * Turns what a person typed into a fully qualified domain name in lower-case ASCII, or says why it cannot.
 *
 * `bücher.example.` becomes `xn--bcher-kva.example`. Single-label names (`localhost`, `example`) are
 * refused: mail domains and SMTP hosts are fully qualified (RFC 5321 section 2.3.5).
 */
export function toAsciiDomain(input: string, options: NameOptions = {}): NameResult {
  const checked = checkedName(input, options);
  if (!checked.ok) return checked;
  const { labels } = checked;
  const last = labels[labels.length - 1] ?? '';
  if (labels.length < 2)
    return fail(
      `${quote(checked.value)} is a single name without a dot; use the full domain name, such as example.com`,
    );
  // RFC 3696 section 2: a TLD is never all-numeric, which keeps names apart from IPv4 addresses.
  if (ALL_DIGITS.test(last))
    return fail(`it ends in the all-numeric label ${quote(last)}; top-level domains are never all digits`);
  return { ok: true, value: checked.value };
}

/**
 * Checks a name that is relative to a domain, such as a DKIM selector (RFC 6376 section 3.1: dot-separated
 * labels). One label is fine and the last label may be all digits (selectors like `20240101`).
 */
export function toAsciiRelativeName(input: string, options: NameOptions = {}): NameResult {
  const checked = checkedName(input, options);
  return checked.ok ? { ok: true, value: checked.value } : checked;
}

/** RFC 3986 section 3.2.2 dec-octet: 0 to 255 without leading zeros (which some parsers read as octal). */
const DEC_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${DEC_OCTET}(?:\\.${DEC_OCTET}){3}$`);
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;
/** RFC 4291 section 2.2: eight 16-bit groups. */
const IPV6_GROUPS = 8;

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** RFC 4291 section 2.2 text forms: full, `::`-compressed, and with a trailing dotted IPv4. No zone ids. */
export function isIpv6(text: string): boolean {
  let rest = text;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon === -1) return false;
  const tail = rest.slice(lastColon + 1);
  if (tail.includes('.')) {
    // An embedded IPv4 address stands for the last two groups.
    if (!isIpv4(tail)) return false;
    rest = `${rest.slice(0, lastColon + 1)}0:0`;
  }
  const gap = rest.indexOf('::');
  if (gap !== -1 && rest.indexOf('::', gap + 1) !== -1) return false;
  const groupsOf = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const groups =
    gap === -1 ? groupsOf(rest) : [...groupsOf(rest.slice(0, gap)), ...groupsOf(rest.slice(gap + 2))];
  if (!groups.every((group) => HEX_GROUP.test(group))) return false;
  // `::` stands for one or more zero groups.
  return gap === -1 ? groups.length === IPV6_GROUPS : groups.length < IPV6_GROUPS;
}

/** True for a dotted-quad IPv4 address, or an IPv6 address bare or in brackets (`[::1]`, as in URLs). */
export function isIpLiteral(text: string): boolean {
  if (isIpv4(text) || isIpv6(text)) return true;
  return text.startsWith('[') && text.endsWith(']') && isIpv6(text.slice(1, -1));
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const HOST_WITH_PORT = /^[^:[\]]+:[0-9]+$/;
const DIGITS_AND_DOTS = /^[0-9.]+$/;

/**
 * Checks an SMTP server address: a host name (converted as toAsciiDomain does) or an IP address.
 *
 * IPv6 addresses come back bare and lower-case (`[::1]` -> `::1`), the form socket libraries take.
 */
export function validateHostOrIp(input: string): NameResult {
  const text = input.trim();
  if (text === '') return fail('it is empty');
  if (isIpv4(text)) return { ok: true, value: text };
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (isIpv6(bare)) return { ok: true, value: bare.toLowerCase() };
  if (URL_SCHEME.test(text))
    return fail('enter only the server name, such as smtp.example.com, without a prefix like smtp://');
  if (HOST_WITH_PORT.test(text)) return fail('enter the port in the Port field, not after the server name');
  if (DIGITS_AND_DOTS.test(text)) {
    return fail(
      'it is not a valid IPv4 address: that needs four numbers from 0 to 255 separated by dots, without leading zeros',
    );
  }
  if (text.includes(':')) return fail('it is neither a valid IPv6 address nor a server name');
  if (text.toLowerCase() === 'localhost')
    return fail('for a server on this computer use 127.0.0.1 (or ::1) instead of localhost');
  return toAsciiDomain(text);
}
