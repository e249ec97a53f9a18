/**
 * Parses a DMARC record (RFC 9989 section 4.7, which obsoletes RFC 7489) into typed values and a list of
 * every problem. Tags RFC 9989 removed (pct, rf, ri) are not problems: they are listed as obsolete, since
 * receivers still following RFC 7489 may honour them.
 *
 * Hand-written, not mailauth's `getDmarcRecord`: that function folds "several records" into "no record",
 * throws on SERVFAIL, keeps the last of duplicate tags silently and reports no syntax problems, while a
 * person needs each problem named. It uses the shared RFC 6376 tag-list parser. Never throws.
 */
import { describeTagListProblem, parseTagList, printable } from '../dkim/tag-list';

export const DMARC_POLICIES = ['none', 'quarantine', 'reject'] as const;
export type DmarcPolicy = (typeof DMARC_POLICIES)[number];
export type Alignment = 'r' | 's';

/** A report address (RFC 7489 section 6.2: a URI with an optional "!size" limit). */
export interface ReportUri {
  /** The URI without its size limit. */
  readonly uri: string;
  /** As written, size limit included (for rebuilding the record). */
  readonly raw: string;
  /** The address after "mailto:", lower-cased domain part. */
  readonly address: string;
  readonly domain: string;
  /** The size limit in bytes, or null. */
  readonly maxBytes: number | null;
}

export interface DmarcRecord {
  readonly policy: DmarcPolicy | null;
  readonly subdomainPolicy: DmarcPolicy | null;
  /** DMARCbis `np`: the policy for subdomains that do not exist. */
  readonly nonExistentPolicy: DmarcPolicy | null;
  /** RFC 7489 `pct`, default 100 (also when its value is unreadable); RFC 9989 removed it. */
  readonly pct: number;
  /** True when there is no `p` tag: RFC 9989 section 4.7 then reads the record as p=none. */
  readonly policyMissing: boolean;
  /** RFC 9989 `t`: true for t=y (testing; section 4.7). */
  readonly testing: boolean;
  /** RFC 9989 `psd`: y, n or u (the default), or null when absent or invalid. */
  readonly psd: 'y' | 'n' | 'u' | null;
  /** Tags RFC 9989 removed (pct, rf, ri), as written. */
  readonly obsolete: readonly { readonly name: string; readonly value: string }[];
  readonly adkim: Alignment;
  readonly aspf: Alignment;
  readonly rua: readonly ReportUri[];
  readonly ruf: readonly ReportUri[];
  /** Every tag as written, for rebuilding the record in a fix. */
  readonly tags: readonly { readonly name: string; readonly value: string }[];
  /** Plain-words problems; empty for a valid record. */
  readonly problems: readonly string[];
  /** Tags this parser does not know (ignored by receivers, RFC 7489 section 6.3). */
  readonly unknownTags: readonly string[];
}

const KNOWN_TAGS = new Set([
  'v',
  'p',
  'sp',
  'np',
  'pct',
  'adkim',
  'aspf',
  'rua',
  'ruf',
  'fo',
  'rf',
  'ri',
  'psd',
  't',
]);
/** RFC 7489 section 6.4: dmarc-uri = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]. */
const SIZE_SUFFIX = /^([0-9]{1,15})([kmgt]?)$/i;
const UNIT_BYTES: Record<string, number> = { '': 1, k: 1_024, m: 1_024 ** 2, g: 1_024 ** 3, t: 1_024 ** 4 };
/** A pragmatic addr-spec: something@domain with at least one dot, no spaces or control characters. */
const MAILBOX =
  /^[^@\s\p{Cc}]+@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)$/u;
/** Tags RFC 9989 removed. */
const OBSOLETE_TAGS = ['pct', 'rf', 'ri'] as const;
/** At most this many report addresses are read per tag. */
const MAX_REPORT_URIS = 20;

/** Parses one DMARC record text. */
export function parseDmarcRecord(record: string): DmarcRecord {
  const list = parseTagList(record);
  const problems = list.problems.map(describeTagListProblem);
  const get = (name: string): string | undefined =>
    list.tags.find((tag) => tag.name.toLowerCase() === name)?.value;

  // RFC 7489 section 6.3: "v" MUST be the first tag, with the value "DMARC1".
  const first = list.tags[0];
  if (first?.name.toLowerCase() !== 'v' || first.value !== 'DMARC1') {
    problems.push('the record must start with "v=DMARC1"');
  }
  const policyOf = (name: string): DmarcPolicy | null => {
    const value = get(name);
    if (value === undefined) return null;
    const lower = value.toLowerCase();
    if ((DMARC_POLICIES as readonly string[]).includes(lower)) return lower as DmarcPolicy;
    problems.push(`${name}=${printable(value, 40)} is not one of none, quarantine, reject`);
    return null;
  };
  const policy = policyOf('p');
  const subdomainPolicy = policyOf('sp');
  const nonExistentPolicy = policyOf('np');

  // RFC 9989 removed pct, rf and ri (appendix C); RFC 7489 receivers may still act on them.
  const obsolete = OBSOLETE_TAGS.flatMap((name) => {
    const value = get(name);
    return value === undefined ? [] : [{ name, value: printable(value, 40) }];
  });
  const pctText = get('pct');
  const pct =
    pctText !== undefined && /^[0-9]{1,3}$/.test(pctText) && Number(pctText) <= 100 ? Number(pctText) : 100;
  const flag = <V extends string>(name: string, allowed: readonly V[], meaning: string): V | null => {
    const value = get(name);
    if (value === undefined) return null;
    const lower = value.toLowerCase();
    if ((allowed as readonly string[]).includes(lower)) return lower as V;
    problems.push(`${name}=${printable(value, 40)} ${meaning}`);
    return null;
  };
  const testing = flag('t', ['y', 'n'], 'must be "y" (testing) or "n"') === 'y';
  const psd = flag('psd', ['y', 'n', 'u'], 'must be "y", "n" or "u"');
  const fo = get('fo');
  // RFC 9989 section 4.7: fo is a colon-separated list of 0, 1, d and s.
  if (fo !== undefined && !/^\s*[01ds]\s*(:\s*[01ds]\s*)*$/i.test(fo))
    problems.push(`fo=${printable(fo, 40)} must be a colon-separated list of 0, 1, d and s`);
  const alignment = (name: string): Alignment => {
    const value = get(name);
    if (value === undefined) return 'r';
    const lower = value.toLowerCase();
    if (lower === 'r' || lower === 's') return lower;
    problems.push(`${name}=${printable(value, 40)} must be "r" (relaxed) or "s" (strict)`);
    return 'r';
  };
  const adkim = alignment('adkim');
  const aspf = alignment('aspf');
  const rua = reportUris('rua', get('rua'), problems);
  const ruf = reportUris('ruf', get('ruf'), problems);

  return {
    policy,
    subdomainPolicy,
    nonExistentPolicy,
    pct,
    policyMissing: get('p') === undefined,
    testing,
    psd,
    obsolete,
    adkim,
    aspf,
    rua,
    ruf,
    tags: list.tags.map(({ name, value }) => ({ name, value })),
    problems,
    unknownTags: list.tags
      .filter((tag) => !KNOWN_TAGS.has(tag.name.toLowerCase()))
      .map((tag) => printable(tag.name, 32)),
  };
}

/** RFC 7489 section 6.4: a comma-separated list of dmarc-uri; only mailto: is defined for delivery. */
function reportUris(tag: string, value: string | undefined, problems: string[]): ReportUri[] {
  if (value === undefined) return [];
  const uris: ReportUri[] = [];
  const parts = value.split(',').map((part) => part.trim());
  for (const part of parts.slice(0, MAX_REPORT_URIS)) {
    const parsed = parseReportUri(part);
    if (typeof parsed === 'string') problems.push(`${tag}: ${parsed}`);
    else uris.push(parsed);
  }
  if (parts.length > MAX_REPORT_URIS) problems.push(`${tag}: more than ${String(MAX_REPORT_URIS)} addresses`);
  return uris;
}

/** One report URI, or the reason it is not valid. */
export function parseReportUri(text: string): ReportUri | string {
  const shown = `"${printable(text, 80)}"`;
  if (text === '') return 'an empty address (a stray comma)';
  const bang = text.lastIndexOf('!');
  const uri = bang === -1 ? text : text.slice(0, bang);
  let maxBytes: number | null = null;
  if (bang !== -1) {
    const size = SIZE_SUFFIX.exec(text.slice(bang + 1));
    if (size === null)
      return `${shown} has a size limit after "!" that is not a number with an optional k, m, g or t`;
    maxBytes = Number(size[1]) * (UNIT_BYTES[(size[2] ?? '').toLowerCase()] ?? 1);
  }
  if (!/^mailto:/i.test(uri)) {
    return `${shown} is not a mailto: address (reports are sent by email: use mailto:name@example.com)`;
  }
  let address: string;
  try {
    address = decodeURIComponent(uri.slice('mailto:'.length));
  } catch {
    return `${shown} has a broken %-escape`;
  }
  const mailbox = MAILBOX.exec(address);
  if (mailbox?.[1] === undefined) return `${shown} is not a valid email address`;
  return {
    uri: printable(uri, 200),
    raw: printable(text, 220),
    address,
    domain: mailbox[1].toLowerCase(),
    maxBytes,
  };
}

/** Tags copied as written when rebuilding a record, if their value is plain printable text. */
const COPIED_TAGS = ['fo', 'psd'];
const PLAIN_VALUE = /^[\x21-\x3A\x3C-\x7E]+$/;

/**
 * The record with another policy, rebuilt from what parsed cleanly: the exact text a fix asks to publish.
 *
 * Invalid values, unknown tags, t=y and the tags RFC 9989 removed (pct, rf, ri) are left out: the staged
 * plan moves to the whole of the mail.
 */
export function withPolicy(record: DmarcRecord, policy: DmarcPolicy): string {
  const parts = ['v=DMARC1', `p=${policy}`];
  if (record.subdomainPolicy !== null) parts.push(`sp=${record.subdomainPolicy}`);
  if (record.nonExistentPolicy !== null) parts.push(`np=${record.nonExistentPolicy}`);
  if (record.adkim === 's') parts.push('adkim=s');
  if (record.aspf === 's') parts.push('aspf=s');
  if (record.rua.length > 0) parts.push(`rua=${record.rua.map((uri) => uri.raw).join(',')}`);
  if (record.ruf.length > 0) parts.push(`ruf=${record.ruf.map((uri) => uri.raw).join(',')}`);
  for (const name of COPIED_TAGS) {
    const tag = record.tags.find((t) => t.name.toLowerCase() === name);
    if (tag !== undefined && PLAIN_VALUE.test(tag.value)) parts.push(`${name}=${tag.value}`);
  }
  return parts.join('; ');
}
