/**
 * The evidence each bulk-sender finding carries, by id: what the scorecard (build-bulk-sender-scorecard.ts,
 * scorecard-rules.ts) and the parked-domain check set, and all that the bulk-sender words
 * (bulk-sender-knowledge.ts) may read.
 */

/** Every rule finding: the domain, and the audiences (provider rules) that require the rule. */
type Judged = { readonly domain: string; readonly requiredBy: readonly string[] };

/** Whether SPF and DKIM are set up, for the three states a DNS check can see. */
export type SetUp = 'yes' | 'no' | 'unknown';

/** The SPF facts the rules read (RFC 7208). */
export type SpfFacts = {
  readonly spfRecord: string | null;
  readonly spfValid: boolean | null;
  /** "address: result" for the account's sending address, when one was evaluated. */
  readonly spfSendingIp: string | null;
};

/** The DKIM facts the rules read (RFC 6376): selectors with usable keys, and how many were tried. */
export type DkimFacts = {
  readonly dkimSelectorsWithKeys: readonly string[];
  readonly dkimSelectorsTried: number;
  readonly dkimSelectorsFromUser: boolean;
};

export type SpfOrDkimFacts = SpfFacts & DkimFacts;
export type SpfAndDkimFacts = SpfFacts & DkimFacts & { readonly spf: SetUp; readonly dkim: SetUp };
export type DmarcPolicyFacts = { readonly dmarcRecord: string | null; readonly dmarcPolicy: string | null };
export type DmarcAlignmentFacts = {
  readonly dmarcPolicy: string | null;
  readonly spf: SetUp;
  readonly dkim: SetUp;
  readonly needs: string;
};
export type ReverseDnsFacts = { readonly sendingAddresses: readonly string[] };
export type TlsFacts = { readonly tlsSeen: boolean | null; readonly where: string | null };
/** A rule only a real message or the receivers' dashboards can answer: what would. */
export type NeedsFacts = { readonly needs: string };

export type BulkSenderEvidence = {
  'bulk.parked.not-applicable': {
    readonly domain: string;
    readonly reason: 'null-mx' | 'spf-fail-all-no-mx' | 'declared';
  };
  'bulk.spf-or-dkim.pass': Judged & SpfOrDkimFacts;
  'bulk.spf-or-dkim.fail': Judged & SpfOrDkimFacts;
  'bulk.spf-or-dkim.unknown': Judged & SpfOrDkimFacts;
  'bulk.spf-and-dkim.pass': Judged & SpfAndDkimFacts;
  'bulk.spf-and-dkim.fail': Judged & SpfAndDkimFacts;
  'bulk.spf-and-dkim.unknown': Judged & SpfAndDkimFacts;
  'bulk.dmarc-policy.pass': Judged & DmarcPolicyFacts;
  'bulk.dmarc-policy.fail': Judged & DmarcPolicyFacts;
  'bulk.dmarc-policy.unknown': Judged & DmarcPolicyFacts;
  'bulk.dmarc-alignment.fail': Judged & DmarcAlignmentFacts;
  'bulk.dmarc-alignment.unknown': Judged & DmarcAlignmentFacts;
  'bulk.reverse-dns.pass': Judged & ReverseDnsFacts;
  'bulk.reverse-dns.fail': Judged & ReverseDnsFacts;
  'bulk.reverse-dns.unknown': Judged & ReverseDnsFacts;
  'bulk.tls.pass': Judged & TlsFacts;
  'bulk.tls.fail': Judged & TlsFacts;
  'bulk.tls.unknown': Judged & TlsFacts;
  'bulk.one-click-unsubscribe.unknown': Judged & NeedsFacts;
  'bulk.spam-rate.unknown': Judged & NeedsFacts;
  'bulk.message-format.unknown': Judged & NeedsFacts;
};
