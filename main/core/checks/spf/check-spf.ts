/**
 * The SPF check (RFC 7208): the record, its syntax, its lookup tree, its "all" policy, the provider's
 * include, and the verdict for given IP addresses, as findings with a record to paste where one must change.
 *
 * The structured result (record, lookup count, evaluations, tree) is returned too, for the bulk-sender
 * scorecard and DMARC alignment.
 */
import type { Finding } from '../../../../preload/contract/findings';
import { isIpv4, isIpv6, toAsciiDomain } from '../../accounts/domain-name';
import { findPresetById } from '../../accounts/provider-presets';
import type { SpfMaybeProposalEvidence, SpfProposalEvidence } from '../../knowledge/spf-evidence';
import type { DnsResolver } from '../../ports';
import { proposeSpfRecord, type SpfProposal } from './propose-spf-record';
import { evaluateSpf, type SpfEvaluation } from './spf-evaluate';
import { evaluationFinding, MAX_QUOTED_CHARS, spfFinding, treeFindings } from './spf-findings';
import { echoTerm, MAX_SPF_RECORD_CHARS, parseSpfRecord, printable, type SpfQualifier } from './spf-parser';
import { lookupSpfRecord } from './spf-records';
import { effectiveAll, includedDomains, walkSpfRecord, type SpfTree } from './spf-tree';

const finding = spfFinding;

export interface CheckSpfInput {
  readonly domain: string;
  readonly resolver: DnsResolver;
  /** Addresses to evaluate: the account's submission server, the MX hosts, or one the user entered. */
  readonly evaluateIps?: readonly string[];
  /** Addresses the user asked about (--ip), evaluated like evaluateIps but reported as theirs. */
  readonly senderIps?: readonly string[];
  /** Provider presets the domain sends through; their documented `spfInclude` must be in the record. */
  readonly presetIds?: readonly string[];
}

export interface SpfCheckResult {
  readonly findings: readonly Finding[];
  readonly evaluation: readonly SpfEvaluation[];
  /** The verdicts for the addresses the user gave (senderIps); not the submission server's. */
  readonly senderEvaluation: readonly SpfEvaluation[];
  /** The one SPF record, or null when there is none (or more than one). */
  readonly record: string | null;
  /** DNS lookups the record costs across its whole include tree (RFC 7208 section 4.6.4). */
  readonly lookupCount: number;
  readonly tree: SpfTree | null;
}

/** Control characters (RFC 7208 section 4.6: terms are printable ASCII separated by spaces). */
const CONTROLS = /\p{Cc}/gu;
const CONTROL = /\p{Cc}/u;
const ALL_FINDING: Record<
  SpfQualifier,
  'spf.all.plus-all' | 'spf.all.neutral' | 'spf.all.softfail' | 'spf.all.fail'
> = {
  '+': 'spf.all.plus-all',
  '?': 'spf.all.neutral',
  '~': 'spf.all.softfail',
  '-': 'spf.all.fail',
};

/** Run the SPF check for a domain. Never throws: a check that cannot run says why in a finding. */
export async function checkSpf(input: CheckSpfInput): Promise<SpfCheckResult> {
  const ascii = toAsciiDomain(input.domain);
  if (!ascii.ok) {
    const checkId = 'spf:invalid';
    return empty([
      finding('spf.domain.invalid', checkId, { input: echoTerm(input.domain), reason: ascii.reason }),
    ]);
  }
  const domain = ascii.value;
  const checkId = `spf:${domain}`;
  const { resolver } = input;
  const providers = providerIncludes(input.presetIds ?? []);
  const providerEvidence = { providerIncludes: Object.fromEntries(providers) };
  const valid = (ip: string): boolean => isIpv4(ip) || isIpv6(ip);
  const ips = (input.evaluateIps ?? []).filter(valid);
  const senderIps = (input.senderIps ?? []).filter(valid);
  const evaluateOne = (ip: string): Promise<SpfEvaluation> =>
    evaluateSpf({ ip, sender: `postmaster@${domain}`, helo: domain, resolver });
  const evaluate = async (): Promise<Evaluated> => {
    const [server, sender] = await Promise.all([
      Promise.all(ips.map(evaluateOne)),
      Promise.all(senderIps.map(evaluateOne)),
    ]);
    return { server, sender };
  };
  const evaluationFindings = (evaluated: Evaluated): Finding[] => [
    ...evaluated.server.map((e) => evaluationFinding(e, domain, checkId, 'server')),
    ...evaluated.sender.map((e) => evaluationFinding(e, domain, checkId, 'given')),
  ];
  const result = (
    findings: Finding[],
    evaluated: Evaluated,
    rest: Pick<SpfCheckResult, 'record' | 'lookupCount' | 'tree'>,
  ): SpfCheckResult => ({
    findings: [...findings, ...evaluationFindings(evaluated)],
    evaluation: evaluated.server,
    senderEvaluation: evaluated.sender,
    ...rest,
  });
  const proposalEvidence = (proposal: SpfProposal): SpfProposalEvidence => ({
    domain,
    proposedRecord: proposal.record,
    proposedLookupCount: proposal.lookupCount,
    proposalNotes: [...proposal.notes],
    ...providerEvidence,
  });

  const found = await lookupSpfRecord(domain, resolver);
  if (found.kind === 'error') {
    return empty([
      finding('spf.lookup.failed', checkId, { domain, code: found.code, message: found.message }),
    ]);
  }
  if (found.kind === 'none') {
    const additions = providers.length > 0 ? providers.map(([, include]) => `include:${include}`) : ['mx'];
    const proposal = await proposeSpfRecord(null, additions, resolver, { domain });
    const findings = [
      finding('spf.record.missing', checkId, {
        ...proposalEvidence(proposal),
        otherTxtRecords: found.otherTxt,
      }),
    ];
    return result(findings, await evaluate(), { record: null, lookupCount: 0, tree: null });
  }
  if (found.kind === 'multiple') {
    const [first = '', ...rest] = found.records;
    const extra = rest
      .flatMap((record) => record.split(/ +/).slice(1))
      .filter((t) => !/^[+?~-]?all$/i.test(t));
    const proposal = await proposeSpfRecord(
      first,
      [...extra, ...providers.map(([, i]) => `include:${i}`)],
      resolver,
      { domain },
    );
    const findings = [
      finding('spf.record.multiple', checkId, {
        ...proposalEvidence(proposal),
        count: found.records.length,
        records: found.records.map((r) => printable(r, MAX_QUOTED_CHARS)),
      }),
    ];
    return result(findings, await evaluate(), { record: null, lookupCount: 0, tree: null });
  }

  const { record } = found;
  const [tree, evaluated] = await Promise.all([walkSpfRecord(domain, record, resolver), evaluate()]);
  const included = includedDomains(tree.root);
  const missing = providers.filter(([, include]) => !included.has(include.toLowerCase()));
  const parsed = parseSpfRecord(record);
  const all = effectiveAll(tree.root);
  const controls = record.match(CONTROLS)?.length ?? 0;
  const errors = parsed.errors.filter(
    (error) =>
      error.code !== 'too-long' &&
      !(error.code === 'bad-character' && CONTROL.test(record.slice(error.start, error.end))),
  );
  // Only a record that must change gets a proposal (its walk costs more lookups).
  const mustChange =
    controls > 0 ||
    errors.length > 0 ||
    missing.length > 0 ||
    all === null ||
    all.qualifier === '+' ||
    all.qualifier === '?';
  const withProposal: SpfMaybeProposalEvidence = mustChange
    ? proposalEvidence(
        await proposeSpfRecord(
          record,
          missing.map(([, include]) => `include:${include}`),
          resolver,
          { domain },
        ),
      )
    : { domain, ...providerEvidence };
  const findings: Finding[] = [];
  const shown = printable(record, MAX_SPF_RECORD_CHARS);
  findings.push(finding('spf.record.found', checkId, { domain, record: shown }));

  if (controls > 0) {
    findings.push(
      finding('spf.record.control-characters', checkId, {
        ...withProposal,
        count: controls,
        shown: printable(record, MAX_QUOTED_CHARS),
      }),
    );
  }
  if (record.length > MAX_SPF_RECORD_CHARS) {
    findings.push(
      finding('spf.record.too-long', checkId, { domain, length: record.length, limit: MAX_SPF_RECORD_CHARS }),
    );
  }
  if (errors.length > 0) {
    findings.push(
      finding('spf.syntax.invalid', checkId, {
        ...withProposal,
        count: errors.length,
        messages: errors.map((error) => error.message),
        errors: errors.map((error) => ({ code: error.code, start: error.start, end: error.end })),
      }),
    );
  } else if (controls === 0) {
    findings.push(finding('spf.syntax.valid', checkId, { domain, terms: parsed.terms.length }));
  }

  findings.push(...treeFindings(tree, domain, checkId));

  if (all === null) findings.push(finding('spf.all.missing', checkId, withProposal));
  else
    findings.push(
      finding(ALL_FINDING[all.qualifier], checkId, { ...withProposal, allTerm: all.term, allIn: all.domain }),
    );

  if (providers.length > 0) {
    const names = (list: readonly (readonly [string, string])[]): string[] =>
      list.map(([id]) => findPresetById(id)?.name ?? id);
    if (missing.length > 0) {
      findings.push(
        finding('spf.provider.include-missing', checkId, {
          ...withProposal,
          providers: names(missing),
          missing: missing.map(([, include]) => `include:${include}`),
        }),
      );
    }
    const present = providers.filter((p) => !missing.includes(p));
    if (present.length > 0) {
      findings.push(
        finding('spf.provider.include-present', checkId, {
          domain,
          providers: names(present),
          includes: present.map(([, include]) => `include:${include}`),
        }),
      );
    }
  }
  return result(findings, evaluated, { record, lookupCount: tree.totalLookups, tree });
}

interface Evaluated {
  readonly server: readonly SpfEvaluation[];
  readonly sender: readonly SpfEvaluation[];
}

function empty(findings: Finding[]): SpfCheckResult {
  return { findings, evaluation: [], senderEvaluation: [], record: null, lookupCount: 0, tree: null };
}

/** [presetId, include] for each known preset that documents an SPF include. */
function providerIncludes(presetIds: readonly string[]): (readonly [string, string])[] {
  const out: (readonly [string, string])[] = [];
  for (const id of presetIds) {
    const include = findPresetById(id)?.spfInclude;
    if (include !== undefined && !out.some(([, i]) => i === include)) out.push([id, include]);
  }
  return out;
}
