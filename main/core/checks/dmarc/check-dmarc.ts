/**
 * The DMARC check (RFC 7489, DMARCbis): one record at `_dmarc`, the organisational-domain fallback, the
 * policy with a staged plan, and the authorisation of report addresses at other domains.
 */
import { getDomain } from 'tldts';
import type { Finding } from '../../../../preload/contract/findings';
import { toAsciiDomain } from '../../accounts/domain-name';
import { findingFactory } from '../../findings/finding-factory';
import { DMARC_KNOWLEDGE } from '../../knowledge/dmarc-knowledge';
import type { DnsResolver } from '../../ports';
import { mapWithConcurrency } from '../dkim/map-with-concurrency';
import { printable } from '../dkim/tag-list';
import {
  parseDmarcRecord,
  withPolicy,
  type DmarcPolicy,
  type DmarcRecord,
  type ReportUri,
} from './dmarc-record';

const finding = findingFactory(DMARC_KNOWLEDGE);
/** RFC 7489 section 6.6.3: records that do not start with the version tag are discarded. */
const DMARC_PREFIX = /^\s*v\s*=\s*DMARC1\b/i;
/** Authorisation lookups in flight at once. */
const DESTINATION_CONCURRENCY = 4;
/** RFC 7489 section 6.6.2: public-suffix list, ICANN and private sections (as mailauth does). */
const PSL_OPTIONS = { allowPrivateDomains: true } as const;

export interface DmarcCheckInput {
  readonly domain: string;
  readonly resolver: DnsResolver;
}

export type DmarcStatus = 'found' | 'missing' | 'multiple' | 'failed' | 'invalid-domain';

/** What the BIMI check and the bulk-sender scorecard need. */
export interface DmarcResult {
  readonly domain: string;
  readonly status: DmarcStatus;
  /** The organisational domain (RFC 7489 section 3.2), or null when it cannot be found. */
  readonly orgDomain: string | null;
  /** Where the record was found. */
  readonly source: 'domain' | 'organisational' | null;
  readonly record: string | null;
  /** The policy that applies to mail from `domain` (sp of the organisational record when inherited). */
  readonly appliedPolicy: DmarcPolicy | null;
  readonly policy: DmarcPolicy | null;
  readonly subdomainPolicy: DmarcPolicy | null;
  readonly pct: number;
  readonly adkim: 'r' | 's';
  readonly aspf: 'r' | 's';
  readonly rua: readonly string[];
  readonly valid: boolean;
}

export interface DmarcCheckOutput {
  readonly findings: readonly Finding[];
  readonly result: DmarcResult;
}

type Lookup =
  | { readonly kind: 'found'; readonly text: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'multiple'; readonly records: readonly string[] }
  | { readonly kind: 'failed'; readonly reason: string };

/** Runs the DMARC check for one domain. */
export async function checkDmarc(input: DmarcCheckInput): Promise<DmarcCheckOutput> {
  const ascii = toAsciiDomain(input.domain);
  const empty = (domain: string, status: DmarcStatus, orgDomain: string | null): DmarcResult => ({
    domain,
    status,
    orgDomain,
    source: null,
    record: null,
    appliedPolicy: null,
    policy: null,
    subdomainPolicy: null,
    pct: 100,
    adkim: 'r',
    aspf: 'r',
    rua: [],
    valid: false,
  });
  if (!ascii.ok) {
    const shown = printable(input.domain, 80);
    return {
      findings: [finding('dmarc.domain.invalid', `dmarc:${shown}`, { domain: shown, reason: ascii.reason })],
      result: empty(shown, 'invalid-domain', null),
    };
  }
  const domain = ascii.value;
  const checkId = `dmarc:${domain}`;
  const orgDomain = getDomain(domain, PSL_OPTIONS);
  const ownName = `_dmarc.${domain}`;

  let source: 'domain' | 'organisational' = 'domain';
  let policyDomain = domain;
  let lookup = await lookupDmarc(input.resolver, ownName);
  // RFC 7489 section 6.6.3 step 3: no record at the domain, so ask the organisational domain.
  if (lookup.kind === 'none' && orgDomain !== null && orgDomain !== domain) {
    lookup = await lookupDmarc(input.resolver, `_dmarc.${orgDomain}`);
    source = 'organisational';
    policyDomain = orgDomain;
  }
  const recordName = `_dmarc.${policyDomain}`;
  const firstStage = `v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}`;
  switch (lookup.kind) {
    case 'failed':
      return {
        findings: [
          finding('dmarc.lookup.failed', checkId, {
            name: recordName,
            reason: lookup.reason,
            resolver: input.resolver.description,
          }),
        ],
        result: empty(domain, 'failed', orgDomain),
      };
    case 'none':
      return {
        findings: [
          finding('dmarc.record.missing', checkId, {
            domain,
            recordName: ownName,
            orgDomain: orgDomain !== null && orgDomain !== domain ? orgDomain : '',
            nextRecord: firstStage,
          }),
        ],
        result: empty(domain, 'missing', orgDomain),
      };
    case 'multiple':
      return {
        findings: [
          finding('dmarc.record.multiple', checkId, {
            recordName,
            recordCount: lookup.records.length,
            records: lookup.records.map((record) => printable(record)),
          }),
        ],
        result: { ...empty(domain, 'multiple', orgDomain), source },
      };
    case 'found':
      break;
  }

  const record = parseDmarcRecord(lookup.text);
  const findings: Finding[] = [];
  const shownRecord = printable(lookup.text);
  const base = { domain, recordName, record: shownRecord, source };
  if (record.problems.length > 0) {
    findings.push(
      finding('dmarc.record.syntax', checkId, {
        ...base,
        problems: [...record.problems],
        correctedRecord: withPolicy(record, record.policy ?? 'none'),
      }),
    );
  }
  const appliedPolicy =
    source === 'organisational' ? (record.subdomainPolicy ?? record.policy) : record.policy;
  if (source === 'organisational') {
    findings.push(
      finding('dmarc.record.inherited', checkId, { ...base, appliedPolicy: appliedPolicy ?? 'none' }),
    );
  }
  findings.push(...policyFindings(record, base, checkId));
  findings.push(...(await destinationFindings(input.resolver, record, policyDomain, base, checkId)));
  if (record.unknownTags.length > 0) {
    findings.push(
      finding('dmarc.tags.unknown', checkId, {
        ...base,
        tags: [...record.unknownTags],
        tagList: record.unknownTags.join(', '),
      }),
    );
  }
  return {
    findings,
    result: {
      domain,
      status: 'found',
      orgDomain,
      source,
      record: shownRecord,
      appliedPolicy,
      policy: record.policy,
      subdomainPolicy: record.subdomainPolicy,
      pct: record.pct,
      adkim: record.adkim,
      aspf: record.aspf,
      rua: record.rua.map((uri) => uri.uri),
      valid: record.problems.length === 0,
    },
  };
}

async function lookupDmarc(resolver: DnsResolver, name: string): Promise<Lookup> {
  const answer = await resolver.resolveTxt(name);
  if (!answer.ok) {
    return answer.code === 'NXDOMAIN' || answer.code === 'NODATA'
      ? { kind: 'none' }
      : { kind: 'failed', reason: answer.message };
  }
  const records = answer.records.filter((text) => DMARC_PREFIX.test(text));
  if (records.length === 0) return { kind: 'none' };
  if (records.length > 1) return { kind: 'multiple', records };
  return { kind: 'found', text: records[0] ?? '' };
}

const RANK: Record<DmarcPolicy, number> = { none: 0, quarantine: 1, reject: 2 };

type Base = {
  readonly domain: string;
  readonly recordName: string;
  readonly record: string;
  readonly source: string;
};

/** Policy, pct, subdomain policies, alignment and reporting; the staged plan rides on the policy finding. */
function policyFindings(record: DmarcRecord, base: Base, checkId: string): Finding[] {
  const findings: Finding[] = [];
  const policy = record.policy ?? 'none';
  if (record.pct < 100) {
    findings.push(
      finding('dmarc.pct.partial', checkId, {
        ...base,
        pct: record.pct,
        nextRecord: withPolicy(record, policy),
      }),
    );
  }
  // The next stage: finish pct first, then none -> quarantine -> reject.
  const nextPolicy: DmarcPolicy = policy === 'none' ? 'quarantine' : 'reject';
  const planned = withRua(withPolicy(record, nextPolicy), record, base.domain);
  if (record.policy !== null) {
    if (policy === 'none')
      findings.push(finding('dmarc.policy.none', checkId, { ...base, policy, nextRecord: planned }));
    else if (policy === 'quarantine')
      findings.push(finding('dmarc.policy.quarantine', checkId, { ...base, policy, nextRecord: planned }));
    else findings.push(finding('dmarc.policy.reject', checkId, { ...base, policy }));
  }
  for (const [tag, value] of [
    ['sp', record.subdomainPolicy],
    ['np', record.nonExistentPolicy],
  ] as const) {
    if (value !== null && RANK[value] < RANK[policy]) {
      findings.push(finding('dmarc.subdomain-policy.weaker', checkId, { ...base, tag, value, policy }));
    }
  }
  const strict = [record.adkim === 's' ? 'adkim=s' : '', record.aspf === 's' ? 'aspf=s' : ''].filter(
    (t) => t !== '',
  );
  if (strict.length > 0)
    findings.push(finding('dmarc.alignment.strict', checkId, { ...base, strict: strict.join(', ') }));
  if (record.rua.length === 0) {
    findings.push(
      finding('dmarc.rua.missing', checkId, {
        ...base,
        suggestedRecord: withRua(withPolicy(record, policy), record, base.domain),
      }),
    );
  }
  return findings;
}

/** Adds a rua= address at the domain when the record has none, so a staged record keeps reports flowing. */
function withRua(text: string, record: DmarcRecord, domain: string): string {
  return record.rua.length > 0 ? text : `${text}; rua=mailto:dmarc-reports@${domain}`;
}

/** RFC 7489 section 7.1: a report address at another organisational domain must be authorised by it. */
async function destinationFindings(
  resolver: DnsResolver,
  record: DmarcRecord,
  policyDomain: string,
  base: Base,
  checkId: string,
): Promise<Finding[]> {
  const ownOrg = getDomain(policyDomain, PSL_OPTIONS) ?? policyDomain;
  const external = new Map<string, ReportUri>();
  for (const uri of [...record.rua, ...record.ruf]) {
    const destOrg = getDomain(uri.domain, PSL_OPTIONS) ?? uri.domain;
    if (destOrg !== ownOrg && !external.has(uri.domain)) external.set(uri.domain, uri);
  }
  if (external.size === 0) return [];
  const results = await mapWithConcurrency([...external.values()], DESTINATION_CONCURRENCY, async (uri) => {
    const authorisationName = `${policyDomain}._report._dmarc.${uri.domain}`;
    const answer = await resolver.resolveTxt(authorisationName);
    const evidence = { ...base, address: uri.address, destinationDomain: uri.domain, authorisationName };
    if (answer.ok && answer.records.some((text) => DMARC_PREFIX.test(text))) return null;
    if (answer.ok || answer.code === 'NXDOMAIN' || answer.code === 'NODATA') {
      return finding('dmarc.report-destination.unauthorised', checkId, evidence);
    }
    return finding('dmarc.report-destination.unverified', checkId, { ...evidence, reason: answer.message });
  });
  const problems = results.filter((result): result is Finding => result !== null);
  if (problems.length > 0) return problems;
  return [
    finding('dmarc.report-destination.authorised', checkId, {
      ...base,
      destinations: [...external.keys()],
    }),
  ];
}
