/**
 * The BIMI check: `default._bimi.<domain>` syntax, the logo and certificate URL forms, and the DMARC policy
 * BIMI depends on (quarantine or reject, pct=100), taken from the DMARC check's result.
 */
import type { Finding } from '../../../../preload/contract/findings';
import { toAsciiDomain } from '../../accounts/domain-name';
import { findingFactory } from '../../findings/finding-factory';
import { BIMI_KNOWLEDGE } from '../../knowledge/bimi-knowledge';
import type { DnsResolver } from '../../ports';
import { printable } from '../dkim/tag-list';
import type { DmarcResult } from '../dmarc/check-dmarc';
import { parseBimiRecord } from './bimi-record';

const BIMI_PREFIX = /^\s*v\s*=\s*BIMI1\b/;
const finding = findingFactory(BIMI_KNOWLEDGE);

export interface BimiCheckInput {
  readonly domain: string;
  readonly resolver: DnsResolver;
  /** The DMARC check's result for the same domain. */
  readonly dmarc: DmarcResult;
  /** The BIMI selector; "default" unless the sender uses another (BIMI-Selector header). */
  readonly selector?: string;
}

export interface BimiResult {
  readonly domain: string;
  readonly recordFound: boolean;
  readonly logo: string | null;
  readonly authority: string | null;
  /** DMARC at quarantine/reject with pct=100. */
  readonly dmarcEligible: boolean;
}

export interface BimiCheckOutput {
  readonly findings: readonly Finding[];
  readonly result: BimiResult;
}

/** Runs the BIMI check for one domain. */
export async function checkBimi(input: BimiCheckInput): Promise<BimiCheckOutput> {
  const ascii = toAsciiDomain(input.domain);
  const dmarcEligible = isDmarcEligible(input.dmarc);
  if (!ascii.ok) {
    const shown = printable(input.domain, 80);
    return {
      findings: [finding('bimi.domain.invalid', `bimi:${shown}`, { domain: shown, reason: ascii.reason })],
      result: { domain: shown, recordFound: false, logo: null, authority: null, dmarcEligible },
    };
  }
  const domain = ascii.value;
  const checkId = `bimi:${domain}`;
  const recordName = `${input.selector ?? 'default'}._bimi.${domain}`;
  const suggestedRecord = `v=BIMI1; l=https://${domain}/bimi/logo.svg; a=https://${domain}/bimi/vmc.pem`;
  const base = { domain, recordName, suggestedRecord };
  const none: BimiResult = { domain, recordFound: false, logo: null, authority: null, dmarcEligible };
  const answer = await input.resolver.resolveTxt(recordName);
  if (!answer.ok && answer.code !== 'NXDOMAIN' && answer.code !== 'NODATA') {
    return {
      findings: [finding('bimi.lookup.failed', checkId, { ...base, reason: answer.message })],
      result: none,
    };
  }
  const records = answer.ok ? answer.records.filter((text) => BIMI_PREFIX.test(text)) : [];
  if (records.length === 0)
    return { findings: [finding('bimi.record.missing', checkId, base)], result: none };
  if (records.length > 1) {
    return {
      findings: [
        finding('bimi.record.multiple', checkId, {
          ...base,
          recordCount: records.length,
          records: records.map((r) => printable(r)),
        }),
      ],
      result: { ...none, recordFound: true },
    };
  }
  const text = records[0] ?? '';
  const record = parseBimiRecord(text);
  const evidence = { ...base, record: printable(text), logo: record.logo, authority: record.authority };
  const result: BimiResult = { ...none, recordFound: true, logo: record.logo, authority: record.authority };
  if (record.logo === '') return { findings: [finding('bimi.logo.declined', checkId, evidence)], result };
  const findings: Finding[] = [];
  if (record.problems.length > 0)
    findings.push(finding('bimi.record.syntax', checkId, { ...evidence, problems: [...record.problems] }));
  if (record.logoProblems.length > 0) {
    findings.push(
      finding('bimi.logo.bad-url', checkId, {
        ...evidence,
        problems: [...record.logoProblems],
        problemList: record.logoProblems.join('; '),
      }),
    );
  }
  if (record.authorityProblems.length > 0) {
    findings.push(
      finding('bimi.authority.bad-url', checkId, {
        ...evidence,
        problems: [...record.authorityProblems],
        problemList: record.authorityProblems.join('; '),
      }),
    );
  }
  if (record.authority === null || record.authority === '')
    findings.push(finding('bimi.authority.missing', checkId, evidence));
  if (!dmarcEligible) {
    findings.push(
      finding('bimi.dmarc.too-weak', checkId, {
        ...evidence,
        dmarcSummary: dmarcSummary(input.dmarc),
        dmarcPolicy: input.dmarc.appliedPolicy,
        dmarcPct: input.dmarc.pct,
      }),
    );
  }
  if (findings.length === 0) findings.push(finding('bimi.record.ok', checkId, evidence));
  return { findings, result };
}

/** The draft's DMARC requirement: an enforcing policy on all mail, and not sp=none. */
function isDmarcEligible(dmarc: DmarcResult): boolean {
  const enforcing = dmarc.appliedPolicy === 'quarantine' || dmarc.appliedPolicy === 'reject';
  return dmarc.status === 'found' && enforcing && dmarc.pct === 100 && dmarc.subdomainPolicy !== 'none';
}

function dmarcSummary(dmarc: DmarcResult): string {
  if (dmarc.status !== 'found') return `no usable DMARC record (${dmarc.status})`;
  const parts = [`p=${dmarc.appliedPolicy ?? 'missing'}`, `pct=${String(dmarc.pct)}`];
  if (dmarc.subdomainPolicy !== null) parts.push(`sp=${dmarc.subdomainPolicy}`);
  return parts.join(', ');
}
