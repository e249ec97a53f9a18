/**
 * Finds a domain's DMARC policy record and its Organizational Domain by the DNS Tree Walk of RFC 9989
 * section 4.10, which replaces RFC 7489's public-suffix list.
 *
 * The walk asks `_dmarc.<name>` for the Author Domain, then for each parent: a name of 8 or more labels is
 * first cut to its last 7, then one label at a time, up to and including the top-level domain (never the
 * root), so at most 8 queries. The first name that answers with exactly one record starting with
 * "v=DMARC1" holds the policy. The Organizational Domain is the name with the fewest labels holding a
 * record, stopping at `psd=n`; a record with `psd=y` marks a public suffix, whose child on the path is the
 * Organizational Domain.
 *
 * A record with whitespace before "v=DMARC1" does not start with the version tag and is discarded, as the
 * record grammar (RFC 9989 section 4.8, RFC 7489 section 6.4) requires; it is reported separately.
 */
import type { DnsResolver } from '../../ports';

/** RFC 9989 section 4.10: names longer than this are shortened to it before walking on. */
const MAX_WALK_LABELS = 7;
/** RFC 9989 section 4.8: a DMARC record starts with the version tag, nothing before it. */
const DMARC_RECORD = /^v\s*=\s*DMARC1\s*(;|$)/i;
const SPACED_DMARC_RECORD = /^\s+v\s*=\s*DMARC1\s*(;|$)/i;
const PSD_TAG = /(?:^|;)\s*psd\s*=\s*([a-z]+)\s*(?:;|$)/i;

export type WalkAnswer =
  | { readonly kind: 'record'; readonly text: string }
  | { readonly kind: 'none'; readonly spaced: readonly string[] }
  | { readonly kind: 'multiple'; readonly records: readonly string[] }
  | { readonly kind: 'failed'; readonly reason: string };

export interface WalkStep {
  readonly name: string;
  readonly answer: WalkAnswer;
}

export interface DmarcDiscovery {
  /** Every query made, in order (evidence for the finding). */
  readonly steps: readonly WalkStep[];
  /** Where the policy record is, and its answer; null when the walk found none. */
  readonly policy: WalkStep | null;
  /** RFC 9989 section 4.10: the Organizational Domain (the Author Domain when no record was found). */
  readonly orgDomain: string;
}

/** The names the walk asks about, Author Domain first (RFC 9989 section 4.10). */
export function walkNames(domain: string): string[] {
  const labels = domain.replace(/\.$/, '').toLowerCase().split('.');
  const names = [labels.join('.')];
  let current = labels.length >= MAX_WALK_LABELS + 1 ? labels.slice(-MAX_WALK_LABELS) : labels.slice(1);
  while (current.length > 0) {
    names.push(current.join('.'));
    current = current.slice(1);
  }
  return names;
}

/** One `_dmarc` lookup, records that do not start with "v=DMARC1" discarded. */
export async function lookupDmarcAt(resolver: DnsResolver, name: string): Promise<WalkAnswer> {
  const answer = await resolver.resolveTxt(`_dmarc.${name}`);
  if (!answer.ok) {
    return answer.code === 'NXDOMAIN' || answer.code === 'NODATA'
      ? { kind: 'none', spaced: [] }
      : { kind: 'failed', reason: answer.message };
  }
  const records = answer.records.filter((text) => DMARC_RECORD.test(text));
  if (records.length > 1) return { kind: 'multiple', records };
  const [only] = records;
  if (only !== undefined) return { kind: 'record', text: only };
  return { kind: 'none', spaced: answer.records.filter((text) => SPACED_DMARC_RECORD.test(text)) };
}

/**
 * Walks from `domain` upwards. A failure at the Author Domain ends the walk (the caller reports it);
 * a failure higher up is kept as a step and the walk goes on, as a server that refuses to answer for a
 * parent zone says nothing about the policy.
 */
export async function discoverDmarc(domain: string, resolver: DnsResolver): Promise<DmarcDiscovery> {
  const names = walkNames(domain);
  const steps: WalkStep[] = [];
  let policy: WalkStep | null = null;
  for (const name of names) {
    const answer = await lookupDmarcAt(resolver, name);
    const step = { name, answer };
    steps.push(step);
    if (name === names[0] && (answer.kind === 'failed' || answer.kind === 'multiple')) {
      return { steps, policy: step, orgDomain: names[0] };
    }
    if (policy === null && answer.kind === 'record') policy = step;
    // RFC 9989 section 4.10: psd=n says "this is the Organizational Domain": nothing above matters.
    if (answer.kind === 'record' && psdOf(answer.text) === 'n') break;
  }
  return { steps, policy, orgDomain: organisationalDomain(names, steps) };
}

function organisationalDomain(names: readonly string[], steps: readonly WalkStep[]): string {
  const withRecord = steps.filter(
    (step): step is WalkStep & { answer: { kind: 'record'; text: string } } => step.answer.kind === 'record',
  );
  const author = names[0] ?? '';
  for (let index = withRecord.length - 1; index >= 0; index -= 1) {
    const step = withRecord[index];
    if (step === undefined) continue;
    if (psdOf(step.answer.text) !== 'y') return step.name;
    // A public suffix: the Organizational Domain is the name one label below it on the path.
    const below = names.filter((name) => name.endsWith(`.${step.name}`));
    const child = below[below.length - 1];
    if (child !== undefined) return child;
  }
  return author;
}

/** The psd tag's value, lower-cased, or null. */
export function psdOf(record: string): string | null {
  return PSD_TAG.exec(record)?.[1]?.toLowerCase() ?? null;
}
