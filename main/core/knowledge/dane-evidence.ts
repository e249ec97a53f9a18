/**
 * The evidence each DANE finding carries, by id: what check-dane.ts sets, and all that the DANE words
 * (dane-knowledge.ts) may read.
 */

type Texts = readonly string[];

/** One MX host's TLSA lookup: the name asked, the resolver, and the record we would publish (if any). */
export type DaneLookupEvidence = {
  readonly host: string;
  readonly tlsaName: string;
  readonly resolver: string;
  /** The TLSA record for the certificate the server presents; absent when no certificate was seen. */
  readonly suggestedTlsa?: string;
};

/** The TLSA records found, and whether the answer was DNSSEC-authenticated (the AD bit). */
export type DaneRecordsEvidence = DaneLookupEvidence & {
  readonly records: Texts;
  readonly authenticated: boolean;
};

/** One record that cannot be used: its text, its usage field in words, and why. */
type Unusable = DaneRecordsEvidence & {
  readonly record: string;
  readonly usage: string;
  readonly problem: string;
};

/** The record that matched, and which certificate of the chain it matched. */
type Matched = DaneRecordsEvidence & { readonly record: string; readonly matchedCertificate: string };

export type DaneEvidence = {
  'dane.lookup.failed': DaneLookupEvidence & { readonly code: string; readonly message: string };
  'dane.lookup.servfail': DaneLookupEvidence;
  'dane.tlsa.none': DaneLookupEvidence & { readonly zoneSigned: boolean };
  'dane.tlsa.insecure': DaneRecordsEvidence;
  'dane.mx.insecure': { readonly domain: string; readonly resolver: string };
  'dane.tlsa.pkix-usage': Unusable;
  'dane.tlsa.malformed': Unusable;
  'dane.tlsa.all-unusable': DaneRecordsEvidence;
  'dane.tlsa.match': Matched;
  'dane.tlsa.no-match': DaneRecordsEvidence;
  'dane.tlsa.no-match-insecure': DaneRecordsEvidence;
  'dane.tlsa.ta-name-mismatch': Matched & { readonly names: Texts };
  'dane.certificate.not-seen': DaneRecordsEvidence;
};
