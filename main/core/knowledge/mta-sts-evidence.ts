/**
 * The evidence each MTA-STS finding carries, by id: what check-mta-sts.ts sets, and all that the MTA-STS
 * words (mta-sts-knowledge.ts) may read.
 */

/** Every finding about a valid domain: where the record and the policy live, and a record to publish. */
type Located = {
  readonly domain: string;
  readonly recordName: string;
  readonly policyHost: string;
  readonly policyUrl: string;
  readonly suggestedRecord: string;
};

/** The policy server answered over HTTPS. */
type Answered = Located & { readonly status: number; readonly address: string };

/** The policy file was read: its text and what it says. */
type PolicyRead = Answered & {
  readonly policy: string;
  readonly mode: string | null;
  readonly maxAge: number | null;
  readonly patterns: readonly string[];
};

export type MtaStsEvidence = {
  'mta-sts.domain.invalid': { readonly domain: string; readonly reason: string };
  'mta-sts.lookup.failed': Located & { readonly name: string; readonly reason: string };
  'mta-sts.record.missing': Located & { readonly suggestedPolicy: string };
  'mta-sts.record.multiple': Located & { readonly recordCount: number; readonly records: readonly string[] };
  'mta-sts.record.syntax': Located & { readonly record: string; readonly problems: readonly string[] };
  'mta-sts.policy.unreachable': Located & { readonly reason: string; readonly failure: string };
  'mta-sts.policy.certificate': Located & { readonly reason: string };
  'mta-sts.policy.redirect': Answered & { readonly location: string };
  'mta-sts.policy.too-large': Located & { readonly maxBytes: number };
  'mta-sts.policy.http-status': Answered;
  'mta-sts.policy.content-type': Answered & { readonly contentType: string };
  'mta-sts.policy.syntax': PolicyRead & {
    readonly problems: readonly string[];
    readonly suggestedPolicy: string;
  };
  'mta-sts.mode.none': PolicyRead;
  'mta-sts.mode.testing': PolicyRead;
  'mta-sts.mode.enforce': PolicyRead;
  'mta-sts.max-age.short': PolicyRead;
  'mta-sts.mx.unmatched': PolicyRead & {
    readonly mxHosts: readonly string[];
    readonly unmatched: readonly string[];
  };
  'mta-sts.mx.lookup-failed': PolicyRead & { readonly reason: string };
  'mta-sts.mx.all-matched': PolicyRead & { readonly mxHosts: readonly string[] };
};
