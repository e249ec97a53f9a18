/**
 * Parked domains: a domain that sends no mail needs no DKIM key and no bulk-sender setup, but it does need
 * to say so, so nobody can send as it: SPF "v=spf1 -all", DMARC p=reject, and a Null MX (RFC 7505) when it
 * receives no mail either (M3AAWG's parked-domain practice, RFC 7208 section 10.1.2's "-all").
 *
 * A domain is parked when it publishes a Null MX, or "v=spf1 -all" and no MX records; or when the user says
 * so (--parked). The words live in the SPF, DMARC, MX, DKIM and bulk-sender tables, so each finding counts
 * in the score area of the record it is about.
 */
import type { Finding } from '../../../../preload/contract/findings';
import { findingFactory } from '../../findings/finding-factory';
import { BULK_SENDER_KNOWLEDGE } from '../../knowledge/bulk-sender-knowledge';
import { DMARC_KNOWLEDGE } from '../../knowledge/dmarc-knowledge';
import { MX_KNOWLEDGE } from '../../knowledge/mx-knowledge';
import { SPF_KNOWLEDGE } from '../../knowledge/spf-knowledge';
import type { DmarcResult } from '../dmarc/check-dmarc';
import type { MxCheckResult } from '../mx/check-mx';
import { parseSpfRecord } from '../spf/spf-parser';

const spfFinding = findingFactory(SPF_KNOWLEDGE);
const dmarcFinding = findingFactory(DMARC_KNOWLEDGE);
const mxFinding = findingFactory(MX_KNOWLEDGE);
const bulkFinding = findingFactory(BULK_SENDER_KNOWLEDGE);

export const PARKED_SPF_RECORD = 'v=spf1 -all';
export const PARKED_DMARC_POLICY = 'v=DMARC1; p=reject;';

export type ParkedReason = 'null-mx' | 'spf-fail-all-no-mx' | 'declared';

/** Why the domain counts as parked, or null when it may send mail. */
export function parkedReason(
  mx: MxCheckResult | undefined,
  spfRecord: string | null,
  declared: boolean,
): ParkedReason | null {
  if (mx?.outcome === 'null-mx') return 'null-mx';
  const noMx = mx?.outcome === 'implicit' || mx?.outcome === 'none';
  if (noMx && spfRecord !== null && authorisesNobody(spfRecord)) return 'spf-fail-all-no-mx';
  return declared ? 'declared' : null;
}

/** RFC 7208 section 5.1: a record whose only mechanism is "-all" lets no server send. */
export function authorisesNobody(record: string): boolean {
  const parsed = parseSpfRecord(record);
  const mechanisms = parsed.terms.filter((term) => term.kind === 'mechanism');
  const only = mechanisms[0];
  return (
    parsed.errors.length === 0 &&
    mechanisms.length === 1 &&
    only?.kind === 'mechanism' &&
    only.name === 'all' &&
    only.qualifier === '-'
  );
}

export interface ParkedInput {
  readonly domain: string;
  readonly reason: ParkedReason;
  readonly mx: MxCheckResult | undefined;
  readonly spfRecord: string | null;
  readonly dmarc: DmarcResult | undefined;
}

/** What a parked domain needs, each as pass or a problem. */
export function checkParked(input: ParkedInput): Finding[] {
  const { domain, reason } = input;
  const checkId = `parked:${domain}`;
  const base = { domain, reason };
  const findings: Finding[] = [bulkFinding('bulk.parked.not-applicable', checkId, base)];
  findings.push(
    input.spfRecord !== null && authorisesNobody(input.spfRecord)
      ? spfFinding('spf.parked.fail-all', checkId, { ...base, record: input.spfRecord })
      : spfFinding('spf.parked.not-fail-all', checkId, {
          ...base,
          record: input.spfRecord ?? '',
          proposedRecord: PARKED_SPF_RECORD,
        }),
  );
  const policy = input.dmarc?.status === 'found' ? input.dmarc.appliedPolicy : null;
  findings.push(
    policy === 'reject'
      ? dmarcFinding('dmarc.parked.reject', checkId, base)
      : dmarcFinding('dmarc.parked.not-reject', checkId, {
          ...base,
          policy: policy ?? 'none published',
          recordName: `_dmarc.${domain}`,
          proposedRecord: PARKED_DMARC_POLICY,
        }),
  );
  findings.push(
    input.mx?.outcome === 'null-mx'
      ? mxFinding('mx.parked.null-mx', checkId, base)
      : mxFinding('mx.parked.no-null-mx', checkId, { ...base, mxOutcome: input.mx?.outcome ?? 'unknown' }),
  );
  return findings;
}
