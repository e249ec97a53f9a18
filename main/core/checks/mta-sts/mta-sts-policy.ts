/**
 * The MTA-STS TXT record and policy file (RFC 8461 sections 3.1 and 3.2), and MX pattern matching (section 4.1).
 *
 * Hand-written rather than mailauth's `parsePolicy`: that throws at the first problem (a person needs all of
 * them, with line numbers) and its wildcard match lets `*.example.com` match any depth, where RFC 8461
 * section 4.1 allows exactly one left-most label. Never throws; input and output are bounded.
 */
import { describeTagListProblem, parseTagList, printable } from '../dkim/tag-list';

/** RFC 8461 section 3.2: max_age is at most 31557600 seconds (about a year). */
export const MAX_AGE_LIMIT_S = 31_557_600;
/** Lines read from a policy; a 64 KB policy cannot sensibly have more. */
const MAX_POLICY_LINES = 2_000;
const MAX_PROBLEMS = 32;
const MAX_MX_PATTERNS = 100;
/** RFC 8461 section 3.1: sts-id = 1*32( ALPHA / DIGIT ). */
const STS_ID = /^[A-Za-z0-9]{1,32}$/;

export type StsMode = 'enforce' | 'testing' | 'none';

export interface StsTxtRecord {
  readonly id: string | null;
  readonly problems: readonly string[];
}

/** Parses `v=STSv1; id=...;` (RFC 8461 section 3.1). */
export function parseStsTxtRecord(record: string): StsTxtRecord {
  const list = parseTagList(record);
  const problems = list.problems.map(describeTagListProblem);
  const first = list.tags[0];
  if (first?.name !== 'v' || first.value !== 'STSv1') problems.push('the record must start with "v=STSv1"');
  const idText = list.tags.find((tag) => tag.name === 'id')?.value;
  let id: string | null = null;
  if (idText === undefined) problems.push('the required "id" field is missing');
  else if (!STS_ID.test(idText))
    problems.push(`id=${printable(idText, 40)} must be 1 to 32 letters and digits`);
  else id = idText;
  return { id, problems };
}

export interface StsPolicy {
  readonly version: string | null;
  readonly mode: StsMode | null;
  readonly maxAge: number | null;
  /** Lower-cased, without a final dot. */
  readonly mx: readonly string[];
  /** "line N: ..." descriptions; empty for a valid policy. */
  readonly problems: readonly string[];
}

/** RFC 8461 section 3.2: key: value lines separated by CRLF (LF accepted, as senders do). */
export function parseStsPolicy(text: string): StsPolicy {
  const problems: string[] = [];
  const report = (message: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(message);
    else if (problems.length === MAX_PROBLEMS) problems.push('more problems were found than are listed here');
  };
  const lines = text.split(/\r?\n/);
  if (lines.length > MAX_POLICY_LINES)
    report(`the policy has more than ${String(MAX_POLICY_LINES)} lines; the rest was not read`);
  const seen = new Map<string, number>();
  let version: string | null = null;
  let mode: StsMode | null = null;
  let maxAge: number | null = null;
  const mx: string[] = [];
  for (const [index, line] of lines.slice(0, MAX_POLICY_LINES).entries()) {
    const at = `line ${String(index + 1)}`;
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon === -1) {
      report(`${at}: "${printable(line, 60)}" is not "key: value"`);
      continue;
    }
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (/\p{Cc}/u.test(value)) report(`${at}: the value has a control character`);
    const earlier = seen.get(key);
    if (key !== 'mx' && earlier !== undefined) {
      report(`${at}: "${printable(key, 30)}" appears again (first on line ${String(earlier)})`);
      continue;
    }
    seen.set(key, index + 1);
    switch (key) {
      case 'version':
        version = value;
        if (value !== 'STSv1') report(`${at}: version must be "STSv1", not "${printable(value, 30)}"`);
        break;
      case 'mode':
        if (value === 'enforce' || value === 'testing' || value === 'none') mode = value;
        else report(`${at}: mode must be enforce, testing or none, not "${printable(value, 30)}"`);
        break;
      case 'max_age':
        // RFC 8461 section 3.2: max_age = 1*10DIGIT, at most 31557600.
        if (!/^[0-9]{1,10}$/.test(value))
          report(`${at}: max_age must be a number of seconds, not "${printable(value, 30)}"`);
        else {
          maxAge = Number(value);
          if (maxAge > MAX_AGE_LIMIT_S)
            report(`${at}: max_age ${value} is above the limit of ${String(MAX_AGE_LIMIT_S)} seconds`);
        }
        break;
      case 'mx': {
        const pattern = value.toLowerCase().replace(/\.$/, '');
        if (!isMxPattern(pattern))
          report(`${at}: "${printable(value, 60)}" is not a host name or a *.domain pattern`);
        else if (mx.length < MAX_MX_PATTERNS) mx.push(pattern);
        break;
      }
      default:
        // RFC 8461 section 3.2: unknown fields are ignored (extensions); nothing to report.
        break;
    }
  }
  if (!seen.has('version')) report('the "version: STSv1" line is missing');
  if (!seen.has('mode')) report('the "mode" line is missing');
  if (!seen.has('max_age')) report('the "max_age" line is missing');
  if (mode !== 'none' && mode !== null && mx.length === 0)
    report('there is no "mx" line; a policy in testing or enforce mode needs at least one');
  return { version, mode, maxAge, mx, problems };
}

/** A host name, or "*." and a host name (RFC 8461 section 3.2 mx field). */
function isMxPattern(pattern: string): boolean {
  const host = pattern.startsWith('*.') ? pattern.slice(2) : pattern;
  if (host.length === 0 || host.length > 253) return false;
  return host.split('.').every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label));
}

/**
 * RFC 8461 section 4.1: a pattern matches an MX host exactly, or "*.example.com" matches one extra left-most
 * label ("mx1.example.com", not "a.b.example.com" nor "example.com"). Case and a final dot are ignored.
 */
export function mxMatchesPattern(mxHost: string, pattern: string): boolean {
  const host = mxHost.toLowerCase().replace(/\.$/, '');
  const wanted = pattern.toLowerCase().replace(/\.$/, '');
  if (!wanted.startsWith('*.')) return host === wanted;
  const suffix = wanted.slice(1);
  if (!host.endsWith(suffix)) return false;
  const label = host.slice(0, host.length - suffix.length);
  return label.length > 0 && !label.includes('.');
}
