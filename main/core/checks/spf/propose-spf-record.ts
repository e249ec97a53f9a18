/**
 * Builds the SPF record to publish by merging what is needed into what is there.
 *
 * Replacing a record wholesale silently breaks every sender it listed, so this keeps every existing
 * include, ip4, ip6 and other valid term in its place, adds what is missing before "all", keeps the "all"
 * qualifier unless it is +all or ?all (tightened to ~all, RFC 7208 section 8.4 and 8.2), and reports the
 * lookup count the new record would have by walking it through the same resolver.
 */
import type { DnsResolver } from '../../ports';
import { echoTerm, isSpfRecord, parseSpfRecord } from './spf-parser';
import { walkSpfRecord } from './spf-tree';
import { MAX_DNS_LOOKUPS } from './spf-limits';

export interface SpfProposal {
  readonly record: string;
  /** DNS lookups the proposed record costs, its includes walked (RFC 7208 section 4.6.4). */
  readonly lookupCount: number;
  /** What was changed and why, in words. */
  readonly notes: readonly string[];
}

export interface ProposeOptions {
  /** Whose record it is; the walk evaluates `a` and `mx` against it. Defaults to the first include's domain. */
  readonly domain?: string;
}

const VERSION = 'v=spf1';
const DEFAULT_ALL = '~all';

/**
 * Merge `additions` (terms such as "include:_spf.google.com" or "ip4:192.0.2.1") into `current`.
 *
 * `current` null means there is no record: a new one is made from the additions and "~all".
 */
export async function proposeSpfRecord(
  current: string | null,
  additions: readonly string[],
  resolver: DnsResolver,
  options: ProposeOptions = {},
): Promise<SpfProposal> {
  const notes: string[] = [];
  const kept: string[] = [];
  let all: string | null = null;
  let redirect: string | null = null;
  // Control characters in a record are nearly always a pasted line break or tab: read them as spaces.
  const cleaned = current?.replace(/\p{Cc}+/gu, ' ').trim() ?? null;
  if (cleaned !== null && cleaned !== current?.trim())
    notes.push('Replaced line breaks and other control characters with spaces.');
  if (cleaned !== null && isSpfRecord(cleaned)) {
    for (const token of cleaned.split(/ +/).slice(1)) {
      if (parseSpfRecord(`${VERSION} ${token}`).errors.length > 0) {
        notes.push(
          `Dropped "${echoTerm(token)}": it is not valid SPF and would make receivers reject the whole record.`,
        );
        continue;
      }
      const lower = token.toLowerCase();
      if (/^[+?~-]?all$/.test(lower)) {
        all ??= token;
        continue;
      }
      if (lower.startsWith('redirect=')) {
        redirect ??= token;
        continue;
      }
      if (kept.some((term) => term.toLowerCase() === lower)) {
        notes.push(`Removed a repeated "${echoTerm(token)}".`);
        continue;
      }
      kept.push(token);
    }
  } else if (current !== null) {
    notes.push(
      'The current text is not an SPF record (it does not start with "v=spf1"); a new record was made.',
    );
  }

  for (const addition of additions) {
    const term = addition.trim();
    if (term === '') continue;
    if (parseSpfRecord(`${VERSION} ${term}`).errors.length > 0) {
      notes.push(`Did not add "${echoTerm(term)}": it is not a valid SPF term.`);
      continue;
    }
    if (kept.some((existing) => sameTerm(existing, term))) {
      notes.push(`"${echoTerm(term)}" is already in the record.`);
      continue;
    }
    kept.push(term);
    notes.push(`Added "${echoTerm(term)}".`);
  }

  let ending: string | null = all;
  if (all !== null && /^[+?]/.test(all)) {
    ending = DEFAULT_ALL;
    notes.push(`Changed "${all}" to "${DEFAULT_ALL}": "${all}" lets any server send as your domain.`);
  } else if (all === null && redirect === null) {
    ending = DEFAULT_ALL;
    notes.push(`Added "${DEFAULT_ALL}" at the end, so mail from servers not listed is marked as suspicious.`);
  }
  if (all !== null && redirect !== null) {
    // RFC 7208 section 6.1: with "all" present, redirect never applies; keeping it only confuses.
    notes.push(`Removed "${echoTerm(redirect)}": it never applies while the record ends in "all".`);
    redirect = null;
  }
  const record = [
    VERSION,
    ...kept,
    ...(redirect === null ? [] : [redirect]),
    ...(ending === null ? [] : [ending]),
  ].join(' ');

  const domain = options.domain ?? 'invalid';
  const tree = await walkSpfRecord(domain, record, resolver);
  if (tree.totalLookups > MAX_DNS_LOOKUPS) {
    notes.push(
      `This record needs ${String(tree.totalLookups)} DNS lookups, more than the ${String(MAX_DNS_LOOKUPS)} receivers allow: remove includes you no longer use, or replace some with ip4:/ip6: ranges.`,
    );
  }
  return { record, lookupCount: tree.totalLookups, notes };
}

/** "include:X" and "+include:x." are the same term. */
function sameTerm(a: string, b: string): boolean {
  const norm = (term: string): string => term.toLowerCase().replace(/^\+/, '').replace(/\.$/, '');
  return norm(a) === norm(b);
}
