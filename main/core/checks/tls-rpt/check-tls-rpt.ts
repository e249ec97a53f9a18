/**
 * The TLS-RPT check (RFC 8460): one record at `_smtp._tls.<domain>`, its syntax and report destinations.
 */
import type { Finding } from '../../../../preload/contract/findings';
import { toAsciiDomain } from '../../accounts/domain-name';
import { findingFactory } from '../../findings/finding-factory';
import { TLS_RPT_KNOWLEDGE } from '../../knowledge/tls-rpt-knowledge';
import type { DnsResolver } from '../../ports';
import { printable } from '../dkim/tag-list';
import { parseTlsRptRecord, type TlsRptDestination } from './tls-rpt-record';

/** RFC 8460 section 3: records not starting with the version are ignored. */
const TLSRPT_PREFIX = /^\s*v\s*=\s*TLSRPTv1\b/;
const finding = findingFactory(TLS_RPT_KNOWLEDGE);

export interface TlsRptCheckInput {
  readonly domain: string;
  readonly resolver: DnsResolver;
}

export interface TlsRptResult {
  readonly domain: string;
  readonly recordFound: boolean;
  readonly valid: boolean;
  readonly destinations: readonly TlsRptDestination[];
}

export interface TlsRptCheckOutput {
  readonly findings: readonly Finding[];
  readonly result: TlsRptResult;
}

/** Runs the TLS-RPT check for one domain. */
export async function checkTlsRpt(input: TlsRptCheckInput): Promise<TlsRptCheckOutput> {
  const ascii = toAsciiDomain(input.domain);
  if (!ascii.ok) {
    const shown = printable(input.domain, 80);
    return {
      findings: [
        finding('tls-rpt.domain.invalid', `tls-rpt:${shown}`, { domain: shown, reason: ascii.reason }),
      ],
      result: { domain: shown, recordFound: false, valid: false, destinations: [] },
    };
  }
  const domain = ascii.value;
  const checkId = `tls-rpt:${domain}`;
  const recordName = `_smtp._tls.${domain}`;
  const suggestedRecord = `v=TLSRPTv1; rua=mailto:tls-reports@${domain}`;
  const base = { domain, recordName, suggestedRecord };
  const none = { domain, recordFound: false, valid: false, destinations: [] };
  const answer = await input.resolver.resolveTxt(recordName);
  if (!answer.ok && answer.code !== 'NXDOMAIN' && answer.code !== 'NODATA') {
    return {
      findings: [finding('tls-rpt.lookup.failed', checkId, { ...base, reason: answer.message })],
      result: none,
    };
  }
  const records = answer.ok ? answer.records.filter((text) => TLSRPT_PREFIX.test(text)) : [];
  if (records.length === 0)
    return { findings: [finding('tls-rpt.record.missing', checkId, base)], result: none };
  if (records.length > 1) {
    return {
      findings: [
        finding('tls-rpt.record.multiple', checkId, {
          ...base,
          recordCount: records.length,
          records: records.map((r) => printable(r)),
        }),
      ],
      result: { ...none, recordFound: true },
    };
  }
  const text = records[0] ?? '';
  const record = parseTlsRptRecord(text);
  const evidence = {
    ...base,
    record: printable(text),
    destinations: record.destinations.map((d) => d.uri),
    destinationList: record.destinations.map((d) => d.uri).join(', '),
  };
  const findings =
    record.problems.length > 0
      ? [finding('tls-rpt.record.syntax', checkId, { ...evidence, problems: [...record.problems] })]
      : [finding('tls-rpt.record.ok', checkId, evidence)];
  return {
    findings,
    result: {
      domain,
      recordFound: true,
      valid: record.problems.length === 0,
      destinations: record.destinations,
    },
  };
}
