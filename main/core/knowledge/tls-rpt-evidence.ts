/**
 * The evidence each TLS-RPT finding carries, by id: what check-tls-rpt.ts sets, and all that the TLS-RPT
 * words (tls-rpt-knowledge.ts) may read.
 */

/** Every finding about a valid domain: where the record lives and the record we would suggest. */
type Looked = { readonly domain: string; readonly recordName: string; readonly suggestedRecord: string };

/** The one record found, and the report destinations it lists. */
type Found = Looked & {
  readonly record: string;
  readonly destinations: readonly string[];
  readonly destinationList: string;
};

export type TlsRptEvidence = {
  'tls-rpt.domain.invalid': { readonly domain: string; readonly reason: string };
  'tls-rpt.lookup.failed': Looked & { readonly reason: string };
  'tls-rpt.record.missing': Looked;
  'tls-rpt.record.multiple': Looked & { readonly recordCount: number; readonly records: readonly string[] };
  'tls-rpt.record.syntax': Found & { readonly problems: readonly string[] };
  'tls-rpt.record.ok': Found;
};
