/**
 * The evidence each BIMI finding carries, by id: what check-bimi.ts sets, and all that the BIMI words
 * (bimi-knowledge.ts) may read.
 */

/** Every finding about a valid domain: where the record lives and the record we would suggest. */
type Looked = { readonly domain: string; readonly recordName: string; readonly suggestedRecord: string };

/** The one record found: its text, and its l= (logo) and a= (authority) addresses. */
type Found = Looked & {
  readonly record: string;
  readonly logo: string | null;
  readonly authority: string | null;
};

type BadUrl = Found & { readonly problems: readonly string[]; readonly problemList: string };

export type BimiEvidence = {
  'bimi.domain.invalid': { readonly domain: string; readonly reason: string };
  'bimi.lookup.failed': Looked & { readonly reason: string };
  'bimi.record.missing': Looked;
  'bimi.record.multiple': Looked & { readonly recordCount: number; readonly records: readonly string[] };
  'bimi.record.syntax': Found & { readonly problems: readonly string[] };
  'bimi.logo.bad-url': BadUrl;
  'bimi.authority.bad-url': BadUrl;
  'bimi.authority.missing': Found;
  'bimi.logo.declined': Found;
  'bimi.dmarc.too-weak': Found & {
    readonly dmarcSummary: string;
    readonly dmarcPolicy: string | null;
    readonly dmarcPct: number;
  };
  'bimi.record.ok': Found;
};
