/**
 * The evidence each DMARC finding carries, by id: what check-dmarc.ts and check-parked.ts set, and all
 * that the DMARC words (dmarc-knowledge.ts) may read.
 */
type Text = string;
type Texts = readonly string[];

/** Every finding about a record that was found and read. */
type Found = {
  readonly domain: Text;
  readonly recordName: Text;
  readonly record: Text;
  /** 'domain' or 'organisational': where the tree walk found the record. */
  readonly source: Text;
};

type Staged = Found & { readonly policy: Text; readonly nextRecord: Text };
type Destination = Found & {
  readonly address: Text;
  readonly destinationDomain: Text;
  readonly authorisationName: Text;
};
type Parked = { readonly domain: Text; readonly reason: Text };

export type DmarcEvidence = {
  'dmarc.domain.invalid': { readonly domain: Text; readonly reason: Text };
  'dmarc.lookup.failed': { readonly name: Text; readonly reason: Text; readonly resolver: Text };
  'dmarc.record.missing': {
    readonly domain: Text;
    readonly recordName: Text;
    /** Empty when the domain is its own organisational domain. */
    readonly orgDomain: Text;
    readonly nextRecord: Text;
    readonly walked: Texts;
  };
  'dmarc.record.multiple': {
    readonly recordName: Text;
    readonly recordCount: number;
    readonly records: Texts;
  };
  'dmarc.record.syntax': Found & { readonly problems: Texts; readonly correctedRecord: Text };
  'dmarc.record.inherited': Found & {
    readonly appliedPolicy: Text;
    readonly walked: Texts;
    /** Empty when receivers still on RFC 7489 find the same policy. */
    readonly olderReceivers: Text;
  };
  'dmarc.policy.none': Staged;
  'dmarc.policy.quarantine': Staged;
  'dmarc.policy.reject': Found & { readonly policy: Text };
  'dmarc.policy.missing': Staged & { readonly olderReceivers: Text };
  'dmarc.policy.reject-with-errors': Found & { readonly policy: Text; readonly problems: Texts };
  'dmarc.policy.testing': Staged;
  'dmarc.psd.public-suffix': Found;
  'dmarc.parked.reject': Parked;
  'dmarc.parked.not-reject': Parked & {
    readonly policy: Text;
    readonly recordName: Text;
    readonly proposedRecord: Text;
  };
  'dmarc.tag.obsolete': Found & {
    readonly tag: Text;
    readonly value: Text;
    readonly olderReceivers: Text;
    readonly nextRecord: Text;
  };
  'dmarc.record.leading-whitespace': {
    readonly domain: Text;
    readonly recordName: Text;
    readonly records: Texts;
    readonly correctedRecord: Text;
    readonly walked: Texts;
  };
  'dmarc.subdomain-policy.weaker': Found & {
    readonly tag: Text;
    readonly value: Text;
    readonly policy: Text;
  };
  'dmarc.alignment.strict': Found & { readonly strict: Text };
  'dmarc.rua.missing': Found & { readonly suggestedRecord: Text };
  'dmarc.report-destination.unauthorised': Destination;
  'dmarc.report-destination.unverified': Destination & { readonly reason: Text };
  'dmarc.report-destination.authorised': Found & { readonly destinations: Texts };
  'dmarc.tags.unknown': Found & { readonly tags: Texts; readonly tagList: Text };
};
