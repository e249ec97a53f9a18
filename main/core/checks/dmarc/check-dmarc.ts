/**
 * The DMARC check (RFC 9989, which obsoletes RFC 7489): the policy record found by the DNS Tree Walk, its
 * tags, the policy with a staged plan, and the authorisation of report addresses at other domains.
 *
 * Where receivers still following RFC 7489 act differently (public-suffix list instead of the walk, pct,
 * a missing p), the finding says so in its evidence (`olderReceivers`).
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
import { discoverDmarc } from './dmarc-tree-walk';

const finding = findingFactory(DMARC_KNOWLEDGE);
/** RFC 9990 section 4 (report authorisation): the answer must start with the version tag. */
const DMARC_PREFIX = /^v\s*=\s*DMARC1\b/i;
/** Authorisation lookups in flight at once. */
const DESTINATION_CONCURRENCY = 4;
/** RFC 7489 section 6.6.2: receivers still on RFC 7489 use the public-suffix list (as mailauth does). */
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
  /** The Organizational Domain (RFC 9989 section 4.10, by the DNS Tree Walk), or null when unknown. */
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
  const ownName = `_dmarc.${domain}`;
  // RFC 9989 section 4.10: the DNS Tree Walk, not the public-suffix list.
  const discovery = await discoverDmarc(domain, input.resolver);
  const orgDomain = discovery.orgDomain;
  const pslOrgDomain = getDomain(domain, PSL_OPTIONS);
  const lookup = discovery.policy?.answer ?? { kind: 'none' as const, spaced: [] };
  const policyDomain = discovery.policy?.name ?? domain;
  const source: 'domain' | 'organisational' = policyDomain === domain ? 'domain' : 'organisational';
  const recordName = `_dmarc.${policyDomain}`;
  const walked = discovery.steps.map((step) => `_dmarc.${step.name}: ${step.answer.kind}`);
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
    case 'none': {
      const spaced = discovery.steps.find(
        (step) => step.answer.kind === 'none' && step.answer.spaced.length > 0,
      );
      if (spaced !== undefined && spaced.answer.kind === 'none') {
        return {
          findings: [
            finding('dmarc.record.leading-whitespace', checkId, {
              domain,
              recordName: `_dmarc.${spaced.name}`,
              records: spaced.answer.spaced.map((record) => printable(record)),
              correctedRecord: (spaced.answer.spaced[0] ?? '').trim(),
              walked,
            }),
          ],
          result: empty(domain, 'missing', orgDomain),
        };
      }
      return {
        findings: [
          finding('dmarc.record.missing', checkId, {
            domain,
            recordName: ownName,
            orgDomain: orgDomain !== domain ? orgDomain : '',
            nextRecord: firstStage,
            walked,
          }),
        ],
        result: empty(domain, 'missing', orgDomain),
      };
    }
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
    case 'record':
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
  // RFC 9989 section 4.7: no p reads as p=none. A record found above the domain applies its sp (np is
  // for names that do not exist, which an audited sending domain does).
  const ownPolicy = record.policy ?? (record.policyMissing ? 'none' : null);
  const appliedPolicy = source === 'organisational' ? (record.subdomainPolicy ?? ownPolicy) : ownPolicy;
  if (source === 'organisational') {
    findings.push(
      finding('dmarc.record.inherited', checkId, {
        ...base,
        appliedPolicy: appliedPolicy ?? 'none',
        walked,
        olderReceivers: olderReceiversOnInheritance(domain, policyDomain, pslOrgDomain, record.psd),
      }),
    );
  }
  findings.push(...policyFindings(record, base, checkId));
  findings.push(...rfc9989Findings(record, base, checkId));
  findings.push(
    ...(await destinationFindings(input.resolver, record, policyDomain, orgDomain, base, checkId)),
  );
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
      policy: ownPolicy,
      subdomainPolicy: record.subdomainPolicy,
      pct: record.pct,
      adkim: record.adkim,
      aspf: record.aspf,
      rua: record.rua.map((uri) => uri.uri),
      valid: record.problems.length === 0,
    },
  };
}

/** What a receiver still on RFC 7489 does instead of the tree walk (section 6.6.3: own name, then the PSL's). */
function olderReceiversOnInheritance(
  domain: string,
  policyDomain: string,
  pslOrgDomain: string | null,
  psd: DmarcRecord['psd'],
): string {
  if (pslOrgDomain === policyDomain && psd !== 'y') return '';
  if (pslOrgDomain === null || pslOrgDomain === domain)
    return `Receivers still following RFC 7489 look only at _dmarc.${domain} and find no policy there.`;
  return `Receivers still following RFC 7489 look at _dmarc.${domain} and then at _dmarc.${pslOrgDomain} (from the public-suffix list), not at _dmarc.${policyDomain}, so they may apply a different policy or none.`;
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
  // The next stage: none -> quarantine -> reject.
  const nextPolicy: DmarcPolicy = policy === 'none' ? 'quarantine' : 'reject';
  const planned = withRua(withPolicy(record, nextPolicy), record, base.domain);
  if (record.policyMissing) {
    // RFC 9989 section 4.7: read as p=none. RFC 7489 section 6.6.3 did so only when rua was valid.
    findings.push(
      finding('dmarc.policy.missing', checkId, {
        ...base,
        policy: 'none',
        nextRecord: planned,
        olderReceivers:
          record.rua.length > 0
            ? ''
            : 'Receivers still following RFC 7489 ignore a record without p and without a valid rua address: for them the domain has no DMARC policy.',
      }),
    );
  } else if (record.policy !== null) {
    if (policy === 'none')
      findings.push(finding('dmarc.policy.none', checkId, { ...base, policy, nextRecord: planned }));
    else if (policy === 'quarantine')
      findings.push(finding('dmarc.policy.quarantine', checkId, { ...base, policy, nextRecord: planned }));
    // A record with errors never also reads as "reject: pass"; t=y has dmarc.policy.testing instead.
    else if (record.problems.length > 0)
      findings.push(
        finding('dmarc.policy.reject-with-errors', checkId, {
          ...base,
          policy,
          problems: [...record.problems],
        }),
      );
    else if (!record.testing) findings.push(finding('dmarc.policy.reject', checkId, { ...base, policy }));
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

/**
 * RFC 9990 section 4 (RFC 7489 section 7.1): a report address outside the Organizational Domain must be
 * authorised by its own domain. The Organizational Domain comes from the tree walk: an address at it or
 * below it is inside.
 */
async function destinationFindings(
  resolver: DnsResolver,
  record: DmarcRecord,
  policyDomain: string,
  orgDomain: string,
  base: Base,
  checkId: string,
): Promise<Finding[]> {
  const inside = (domain: string): boolean => domain === orgDomain || domain.endsWith(`.${orgDomain}`);
  const external = new Map<string, ReportUri>();
  for (const uri of [...record.rua, ...record.ruf]) {
    if (!inside(uri.domain) && !external.has(uri.domain)) external.set(uri.domain, uri);
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

/** RFC 9989 tags: t=y (testing), psd, and the removed pct/rf/ri, each with what RFC 7489 receivers do. */
function rfc9989Findings(record: DmarcRecord, base: Base, checkId: string): Finding[] {
  const findings: Finding[] = [];
  if (record.testing && record.policy !== null && record.policy !== 'none') {
    findings.push(
      finding('dmarc.policy.testing', checkId, {
        ...base,
        policy: record.policy,
        nextRecord: withPolicy(record, record.policy),
      }),
    );
  }
  if (record.psd === 'y') findings.push(finding('dmarc.psd.public-suffix', checkId, { ...base }));
  for (const tag of record.obsolete) {
    findings.push(
      finding('dmarc.tag.obsolete', checkId, {
        ...base,
        tag: tag.name,
        value: tag.value,
        olderReceivers: olderReceiversOnObsolete(tag.name, tag.value, record.policy ?? 'none'),
        nextRecord: withPolicy(record, record.policy ?? 'none'),
      }),
    );
  }
  return findings;
}

/** RFC 7489 section 6.3: what pct, rf and ri still mean to receivers that follow it. */
function olderReceiversOnObsolete(tag: string, value: string, policy: DmarcPolicy): string {
  if (tag === 'pct') {
    const weaker = policy === 'reject' ? 'quarantine' : 'none';
    return policy === 'none' || value === '100'
      ? `Receivers still following RFC 7489 read pct=${value} and change nothing for p=${policy}.`
      : `Receivers still following RFC 7489 apply p=${policy} to ${value}% of failing mail and p=${weaker} to the rest; RFC 9989 receivers apply p=${policy} to all of it.`;
  }
  if (tag === 'rf')
    return `Receivers still following RFC 7489 may send failure reports in the format rf=${value} names.`;
  return `Receivers still following RFC 7489 may send aggregate reports every ${value} seconds instead of daily.`;
}
