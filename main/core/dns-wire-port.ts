/**
 * The core's port to a wire-level DNS client: one query, the whole answer with its header flags.
 *
 * The DnsResolver port (ports.ts) hides the header, which is right for most checks. DANE needs what it
 * hides: the AD ("authenticated data") bit a validating resolver sets when the answer passed DNSSEC
 * validation (RFC 4035 section 3.2.3, RFC 6840 section 5.7), and the response code of a denial.
 */
import type { DnsFailureCode } from './ports';

/** The record types the checks ask for over the wire. */
export type WireQueryType = 'TLSA' | 'A' | 'AAAA' | 'MX' | 'DNSKEY' | 'CNAME';

/** RFC 6698 section 2.1: one TLSA record, the association data as lower-case hex. */
export interface WireTlsaRecord {
  readonly type: 'TLSA';
  readonly name: string;
  readonly ttl: number;
  readonly usage: number;
  readonly selector: number;
  readonly matchingType: number;
  readonly dataHex: string;
}

/** A record whose data reads as text: an address, a host name, or "priority exchange" for MX. */
export interface WireTextRecord {
  readonly type: 'A' | 'AAAA' | 'CNAME' | 'MX';
  readonly name: string;
  readonly ttl: number;
  readonly data: string;
}

/** Anything else in the answer section (RRSIG, DNSKEY, ...): kept by type only. */
export interface WireOtherRecord {
  readonly type: string;
  readonly name: string;
  readonly ttl: number;
}

export type WireRecord = WireTlsaRecord | WireTextRecord | WireOtherRecord;

export interface WireAnswer {
  /** RFC 1035 section 4.1.1 / RFC 6895: "NOERROR", "NXDOMAIN", "SERVFAIL", ... */
  readonly rcode: string;
  /** The AD bit: true only when the resolver validated the answer with DNSSEC. */
  readonly authenticatedData: boolean;
  /** Whether the final answer came over TCP after a truncated UDP reply (RFC 7766 section 5). */
  readonly transport: 'udp' | 'tcp';
  readonly answers: readonly WireRecord[];
}

export type WireResult =
  | { readonly ok: true; readonly answer: WireAnswer }
  | { readonly ok: false; readonly code: DnsFailureCode; readonly message: string };

/** One wire-level query at a time; never throws, always answers within its deadline. */
export interface DnsWireClient {
  /** `host:port` of the resolver asked, shown in findings so people know which resolver spoke. */
  readonly description: string;
  query(name: string, type: WireQueryType): Promise<WireResult>;
}

/** Narrows a record to TLSA. */
export function isTlsaRecord(record: WireRecord): record is WireTlsaRecord {
  return record.type === 'TLSA' && 'usage' in record;
}
