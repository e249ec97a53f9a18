/**
 * Parses an SPF record (RFC 7208 section 12, the ABNF) into every term with its position, and every syntax
 * problem as a typed error.
 *
 * Hand-written on purpose: mailauth's evaluator stops at the first problem and reports neither positions nor
 * the terms it did not reach, while a person fixing a record needs all of them at once. It never throws;
 * input size, term count and error count are capped so a hostile record costs bounded time and memory.
 */
import { excerpt } from '../../../../preload/contract/untrusted-text';
import { isIpv4, isIpv6 } from '../../accounts/domain-name';
import { validateMacroString } from './spf-macro';

export type SpfQualifier = '+' | '-' | '~' | '?';
export type SpfMechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

export interface SpfMechanism {
  readonly kind: 'mechanism';
  readonly name: SpfMechanismName;
  readonly qualifier: SpfQualifier;
  /** The target domain-spec (include, a, mx, ptr, exists), or null when absent. */
  readonly domainSpec: string | null;
  /** The network of ip4/ip6, or null. */
  readonly network: string | null;
  readonly cidr4: number | null;
  readonly cidr6: number | null;
  /** True when the domain-spec holds a macro, so its target depends on the message (RFC 7208 section 7). */
  readonly hasMacro: boolean;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface SpfModifier {
  readonly kind: 'modifier';
  /** Lower-cased name; `redirect` and `exp` are defined (RFC 7208 section 6), others are ignored. */
  readonly name: string;
  readonly value: string;
  readonly hasMacro: boolean;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export type SpfTerm = SpfMechanism | SpfModifier;

export type SpfSyntaxErrorCode =
  | 'not-spf1'
  | 'too-long'
  | 'too-many-terms'
  | 'bad-character'
  | 'unknown-mechanism'
  | 'missing-value'
  | 'unexpected-value'
  | 'bad-domain-spec'
  | 'bad-macro'
  | 'bad-ip'
  | 'bad-cidr'
  | 'bad-modifier-name'
  | 'duplicate-modifier';

export interface SpfSyntaxError {
  readonly code: SpfSyntaxErrorCode;
  readonly message: string;
  /** Offsets into the record text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface SpfParse {
  readonly terms: readonly SpfTerm[];
  readonly errors: readonly SpfSyntaxError[];
}

/** Longer than any sane record (a 512-octet UDP answer holds far less); beyond this we stop reading. */
export const MAX_SPF_RECORD_CHARS = 4_096;
const MAX_TERMS = 256;
const MAX_ERRORS = 32;
const MAX_ECHO_CHARS = 60;
const VERSION = 'v=spf1';
const QUALIFIERS = new Set(['+', '-', '~', '?']);
const MECHANISMS = new Set<string>(['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']);
/** RFC 7208 section 12: name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ). */
const MODIFIER_NAME = /^[A-Za-z][A-Za-z0-9._-]*$/;
/** RFC 7208 section 12: ip4-cidr-length and ip6-cidr-length, no leading zeros. */
const CIDR = /^(?:\/(0|[1-9][0-9]{0,2}))?(?:\/\/(0|[1-9][0-9]{0,2}))?$/;
const MAX_CIDR4 = 32;
const MAX_CIDR6 = 128;
/** RFC 7208 section 12 toplabel: alphanumeric with at least one letter, or hyphenated. */
const TOPLABEL = /^(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])$/;

/** Printable, bounded text of a term for messages. */
export function echoTerm(text: string): string {
  return printable(text, MAX_ECHO_CHARS);
}

/** `text` made safe to show (preload/contract/untrusted-text.ts), cut at `maxChars`. */
export function printable(text: string, maxChars: number): string {
  return excerpt(text, maxChars);
}

/** True when `text` starts with the SPF version tag (RFC 7208 section 4.5: "v=spf1" then SP or the end). */
export function isSpfRecord(text: string): boolean {
  return text.slice(0, VERSION.length).toLowerCase() === VERSION && (text.length === 6 || text[6] === ' ');
}

/** Parse a whole record, version tag included. Never throws. */
export function parseSpfRecord(record: string): SpfParse {
  const errors: SpfSyntaxError[] = [];
  const terms: SpfTerm[] = [];
  const report = (code: SpfSyntaxErrorCode, message: string, start: number, end: number): void => {
    if (errors.length < MAX_ERRORS) errors.push({ code, message, start, end });
  };
  let text = record;
  if (text.length > MAX_SPF_RECORD_CHARS) {
    report(
      'too-long',
      `The record is ${String(record.length)} characters long; only the first ${String(MAX_SPF_RECORD_CHARS)} were read.`,
      MAX_SPF_RECORD_CHARS,
      record.length,
    );
    text = text.slice(0, MAX_SPF_RECORD_CHARS);
  }
  if (!isSpfRecord(text)) {
    report('not-spf1', 'An SPF record starts with "v=spf1" followed by a space or the end.', 0, 6);
    return { terms, errors };
  }
  const seenModifiers = new Set<string>();
  // RFC 7208 section 4.6.1: terms are separated by SP; other whitespace is not allowed.
  const termPattern = /[^ ]+/g;
  termPattern.lastIndex = VERSION.length;
  for (let match = termPattern.exec(text); match !== null; match = termPattern.exec(text)) {
    if (terms.length >= MAX_TERMS) {
      report(
        'too-many-terms',
        `More than ${String(MAX_TERMS)} terms; the rest was not read.`,
        match.index,
        text.length,
      );
      break;
    }
    const start = match.index;
    const termText = match[0];
    const end = start + termText.length;
    const bad = /[^\x21-\x7e]/.exec(termText);
    if (bad !== null) {
      const code = bad[0].charCodeAt(0);
      report(
        'bad-character',
        `"${echoTerm(termText)}" holds the character U+${code.toString(16).toUpperCase().padStart(4, '0')}, which SPF does not allow (only printable ASCII and spaces).`,
        start + bad.index,
        start + bad.index + 1,
      );
      continue;
    }
    const term = parseTerm(termText, start, report);
    if (term === null) continue;
    if (term.kind === 'modifier' && (term.name === 'redirect' || term.name === 'exp')) {
      // RFC 7208 section 6: these two modifiers may appear at most once each.
      if (seenModifiers.has(term.name)) {
        report('duplicate-modifier', `"${term.name}=" appears more than once.`, start, end);
      }
      seenModifiers.add(term.name);
    }
    terms.push(term);
  }
  return { terms, errors };
}

type Report = (code: SpfSyntaxErrorCode, message: string, start: number, end: number) => void;

function parseTerm(text: string, start: number, report: Report): SpfTerm | null {
  const end = start + text.length;
  // A modifier's name runs up to "="; a mechanism's name ends at ":", "/" or the end (RFC 7208 section 4.6.1).
  const nameEnd = text.search(/[=:/]/);
  if (nameEnd > 0 && text[nameEnd] === '=') return parseModifier(text, start, nameEnd, report);

  const hasQualifier = QUALIFIERS.has(text[0] ?? '');
  const qualifier = (hasQualifier ? text[0] : '+') as SpfQualifier;
  const body = hasQualifier ? text.slice(1) : text;
  const bodyStart = start + (hasQualifier ? 1 : 0);
  const split = body.search(/[:/]/);
  const rawName = split === -1 ? body : body.slice(0, split);
  const name = rawName.toLowerCase();
  if (!MECHANISMS.has(name)) {
    report('unknown-mechanism', `"${echoTerm(text)}" is not an SPF mechanism or modifier.`, start, end);
    return null;
  }
  const rest = split === -1 ? '' : body.slice(split);
  const restStart = bodyStart + rawName.length;
  const base = {
    kind: 'mechanism' as const,
    name: name as SpfMechanismName,
    qualifier,
    text,
    start,
    end,
  };
  const fail = (code: SpfSyntaxErrorCode, message: string): null => {
    report(code, message, restStart, end);
    return null;
  };
  const empty = { domainSpec: null, network: null, cidr4: null, cidr6: null, hasMacro: false };

  switch (base.name) {
    case 'all':
      if (rest !== '')
        return fail('unexpected-value', `"all" takes no value, but "${echoTerm(text)}" has one.`);
      return { ...base, ...empty };
    case 'include':
    case 'exists': {
      if (!rest.startsWith(':') || rest.length === 1)
        return fail(
          'missing-value',
          `"${base.name}" needs a domain after a colon, as in ${base.name}:example.com.`,
        );
      const spec = rest.slice(1);
      const problem = domainSpecProblem(spec);
      if (problem !== null) return fail(problem.code, `"${echoTerm(text)}": ${problem.message}`);
      return { ...base, ...empty, domainSpec: spec, hasMacro: spec.includes('%') };
    }
    case 'a':
    case 'mx':
    case 'ptr': {
      let spec: string | null = null;
      let cidrText = rest;
      if (rest.startsWith(':')) {
        // A domain-spec may hold "/" (a macro-literal); only a trailing "/N" or "//N" is a prefix length.
        const value = rest.slice(1);
        const cidrStart = value.length - (/(?:\/[0-9]+)?(?:\/\/[0-9]+)?$/.exec(value)?.[0].length ?? 0);
        spec = value.slice(0, cidrStart);
        cidrText = value.slice(cidrStart);
        if (spec === '')
          return fail('missing-value', `"${echoTerm(text)}" has a colon but no domain after it.`);
        const problem = domainSpecProblem(spec);
        if (problem !== null) return fail(problem.code, `"${echoTerm(text)}": ${problem.message}`);
      }
      if (base.name === 'ptr' && cidrText !== '')
        return fail('bad-cidr', `"ptr" takes no prefix length, but "${echoTerm(text)}" has one.`);
      const cidr = parseCidr(cidrText, true);
      if (typeof cidr === 'string') return fail('bad-cidr', `"${echoTerm(text)}": ${cidr}`);
      return { ...base, ...empty, ...cidr, domainSpec: spec, hasMacro: spec?.includes('%') === true };
    }
    case 'ip4':
    case 'ip6': {
      if (!rest.startsWith(':') || rest.length === 1)
        return fail(
          'missing-value',
          `"${base.name}" needs an address after a colon, as in ${base.name}:${base.name === 'ip4' ? '192.0.2.0/24' : '2001:db8::/32'}.`,
        );
      const value = rest.slice(1);
      const slash = value.indexOf('/');
      const network = slash === -1 ? value : value.slice(0, slash);
      const valid = base.name === 'ip4' ? isIpv4(network) : isIpv6(network);
      if (!valid)
        return fail(
          'bad-ip',
          `"${echoTerm(network)}" is not a valid ${base.name === 'ip4' ? 'IPv4' : 'IPv6'} address.`,
        );
      const prefixText = slash === -1 ? '' : value.slice(slash);
      // ip4 and ip6 take one prefix length only (RFC 7208 section 5.6).
      const prefix = /^\/(0|[1-9][0-9]{0,2})$/.exec(prefixText);
      if (prefixText !== '' && prefix?.[1] === undefined)
        return fail('bad-cidr', `"${echoTerm(prefixText)}" is not a valid prefix length.`);
      const length = prefix?.[1] === undefined ? null : Number(prefix[1]);
      const max = base.name === 'ip4' ? MAX_CIDR4 : MAX_CIDR6;
      if (length !== null && length > max)
        return fail(
          'bad-cidr',
          `/${String(length)} is longer than the ${String(max)} bits of an ${base.name === 'ip4' ? 'IPv4' : 'IPv6'} address.`,
        );
      return {
        ...base,
        ...empty,
        network,
        cidr4: base.name === 'ip4' ? length : null,
        cidr6: base.name === 'ip6' ? length : null,
      };
    }
  }
}

function parseModifier(text: string, start: number, nameEnd: number, report: Report): SpfModifier | null {
  const end = start + text.length;
  const name = text.slice(0, nameEnd).toLowerCase();
  const value = text.slice(nameEnd + 1);
  if (!MODIFIER_NAME.test(name)) {
    report('bad-modifier-name', `"${echoTerm(text)}" is not a valid modifier name.`, start, start + nameEnd);
    return null;
  }
  const valueStart = start + nameEnd + 1;
  if (name === 'redirect' || name === 'exp') {
    if (value === '') {
      report('missing-value', `"${name}=" needs a domain.`, valueStart, end);
      return null;
    }
    const problem = domainSpecProblem(value);
    if (problem !== null) {
      report(problem.code, `"${echoTerm(text)}": ${problem.message}`, valueStart, end);
      return null;
    }
  } else {
    const macro = validateMacroString(value, false);
    if (macro !== null) {
      report('bad-macro', `"${echoTerm(text)}": ${macro}`, valueStart, end);
      return null;
    }
  }
  return { kind: 'modifier', name, value, hasMacro: value.includes('%'), text, start, end };
}

/** RFC 7208 section 12: domain-spec = macro-string domain-end. */
function domainSpecProblem(spec: string): { code: SpfSyntaxErrorCode; message: string } | null {
  const macro = validateMacroString(spec, false);
  if (macro !== null) return { code: 'bad-macro', message: macro };
  // domain-end = ( "." toplabel [ "." ] ) / macro-expand
  if (/%\{[^}]*\}$/.test(spec) && !spec.endsWith('%%}')) return null;
  const labels = spec.replace(/\.$/, '').split('.');
  const top = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !TOPLABEL.test(top))
    return { code: 'bad-domain-spec', message: `"${echoTerm(spec)}" does not end in a valid domain name.` };
  return null;
}

/** RFC 7208 section 12 dual-cidr-length, e.g. "/24", "//64", "/24//64". */
function parseCidr(
  text: string,
  dual: boolean,
): { readonly cidr4: number | null; readonly cidr6: number | null } | string {
  if (text === '') return { cidr4: null, cidr6: null };
  const match = CIDR.exec(text);
  if (match === null || (!dual && match[2] !== undefined))
    return `"${echoTerm(text)}" is not a valid prefix length.`;
  const cidr4 = match[1] === undefined ? null : Number(match[1]);
  const cidr6 = match[2] === undefined ? null : Number(match[2]);
  if (cidr4 !== null && cidr4 > MAX_CIDR4)
    return `/${String(cidr4)} is longer than the 32 bits of an IPv4 address.`;
  if (cidr6 !== null && cidr6 > MAX_CIDR6)
    return `//${String(cidr6)} is longer than the 128 bits of an IPv6 address.`;
  return { cidr4, cidr6 };
}
