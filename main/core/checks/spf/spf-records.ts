/**
 * Finds the SPF record of a domain among its TXT records (RFC 7208 section 4.5).
 *
 * Exactly one record must start with "v=spf1"; none means the domain has no SPF policy, two or more is a
 * permerror. DNS failures come back as data so the caller can say why a check could not run.
 */
import type { DnsFailureCode, DnsResolver } from '../../ports';
import { isSpfRecord } from './spf-parser';

export type SpfRecordLookup =
  | { readonly kind: 'one'; readonly record: string }
  | { readonly kind: 'none'; readonly otherTxt: number; readonly code: DnsFailureCode | null }
  | { readonly kind: 'multiple'; readonly records: readonly string[] }
  | { readonly kind: 'error'; readonly code: DnsFailureCode; readonly message: string };

/** Look up `domain`'s TXT records and select the SPF one(s). */
export async function lookupSpfRecord(domain: string, resolver: DnsResolver): Promise<SpfRecordLookup> {
  const answer = await resolver.resolveTxt(domain);
  if (!answer.ok) {
    // RFC 7208 section 4.3: a name that does not exist, or has no TXT, has no SPF record ("none").
    if (answer.code === 'NXDOMAIN' || answer.code === 'NODATA' || answer.code === 'BAD_NAME') {
      return { kind: 'none', otherTxt: 0, code: answer.code };
    }
    return { kind: 'error', code: answer.code, message: answer.message };
  }
  // RFC 7208 section 4.5: records that do not begin with "v=spf1" (and a space or the end) are discarded.
  const records = answer.records.filter(isSpfRecord);
  if (records.length === 0) return { kind: 'none', otherTxt: answer.records.length, code: null };
  const [first] = records;
  if (records.length > 1 || first === undefined) return { kind: 'multiple', records };
  return { kind: 'one', record: first };
}

/** True for the failures that count as "void" in RFC 7208 section 4.6.4: the name or the records are missing. */
export function isVoid(code: DnsFailureCode): boolean {
  return code === 'NXDOMAIN' || code === 'NODATA';
}
