/**
 * The evidence each SPF finding carries, by id: what check-spf.ts, spf-findings.ts and check-parked.ts
 * set, and all that the SPF words (spf-knowledge.ts) may read.
 */
import type { JsonValue } from '../../../preload/contract/findings';

type Texts = readonly string[];

/** The provider presets of the account and the include each documents: { presetId: include }. */
type Providers = {
  readonly domain: string;
  readonly providerIncludes: { readonly [presetId: string]: string };
};

/** A record the check proposes to publish, with what it costs and what changed. */
type Proposal = {
  readonly proposedRecord: string;
  readonly proposedLookupCount: number;
  readonly proposalNotes: Texts;
};

/** A record that must change carries a proposal; one that need not, only the domain and providers. */
export type SpfProposalEvidence = Providers & Proposal;
export type SpfMaybeProposalEvidence = Providers & Partial<Proposal>;

/** The include tree as a whole, with its DNS lookup count against the limit of 10. */
type Tree = {
  readonly domain: string;
  readonly lookupCount: number;
  readonly limit: number;
  readonly tree: JsonValue;
};

/** One address evaluated against the record (RFC 7208 section 2.6), and the mechanism that decided. */
export type SpfEvaluationEvidence = {
  readonly domain: string;
  readonly ip: string;
  /** 'The server' (the account's submission server) or 'A sender' (an address the user gave). */
  readonly role: string;
  readonly result: string;
  readonly comment: string;
  readonly matchedMechanism: string | null;
  readonly matchedIn: string | null;
  readonly via: Texts;
  readonly lookupCount: number;
  readonly voidLookups: number;
};

type Parked = { readonly domain: string; readonly reason: string; readonly record: string };
type AllTerm = SpfMaybeProposalEvidence & { readonly allTerm: string; readonly allIn: string };

export type SpfEvidence = {
  'spf.domain.invalid': { readonly input: string; readonly reason: string };
  'spf.lookup.failed': { readonly domain: string; readonly code: string; readonly message: string };
  /** otherTxtRecords: how many other TXT records the name has. */
  'spf.record.missing': SpfProposalEvidence & { readonly otherTxtRecords: number };
  'spf.record.multiple': SpfProposalEvidence & { readonly count: number; readonly records: Texts };
  'spf.record.found': { readonly domain: string; readonly record: string };
  'spf.record.control-characters': SpfMaybeProposalEvidence & {
    readonly count: number;
    readonly shown: string;
  };
  'spf.record.too-long': { readonly domain: string; readonly length: number; readonly limit: number };
  'spf.syntax.invalid': SpfMaybeProposalEvidence & {
    readonly count: number;
    readonly messages: Texts;
    readonly errors: readonly { readonly code: string; readonly start: number; readonly end: number }[];
  };
  'spf.syntax.valid': { readonly domain: string; readonly terms: number };
  'spf.mechanism.ptr': { readonly domain: string; readonly terms: Texts };
  'spf.lookups.too-many': Tree & {
    readonly cutoffTerm: string;
    readonly stillEvaluated: Texts;
    readonly neverReached: Texts;
  };
  'spf.lookups.within-limit': Tree;
  'spf.lookups.void-too-many': {
    readonly domain: string;
    readonly voidLookups: number;
    readonly limit: number;
    readonly voidTerms: Texts;
  };
  'spf.include.loop': { readonly domain: string; readonly loops: Texts };
  'spf.include.syntax-error': {
    readonly domain: string;
    readonly includedDomain: string;
    readonly includePath: Texts;
    readonly messages: Texts;
  };
  'spf.include.missing': { readonly domain: string; readonly terms: Texts };
  'spf.include.lookup-failed': { readonly domain: string; readonly messages: Texts; readonly codes: Texts };
  'spf.mx.too-many-records': { readonly domain: string; readonly details: Texts };
  'spf.parked.fail-all': Parked;
  'spf.parked.not-fail-all': Parked & { readonly proposedRecord: string };
  'spf.all.terms-after': { readonly domain: string; readonly terms: Texts };
  'spf.all.plus-all': AllTerm;
  'spf.all.neutral': AllTerm;
  'spf.all.softfail': AllTerm;
  'spf.all.fail': AllTerm;
  'spf.all.missing': SpfMaybeProposalEvidence;
  'spf.provider.include-missing': SpfMaybeProposalEvidence & {
    readonly providers: Texts;
    readonly missing: Texts;
  };
  'spf.provider.include-present': {
    readonly domain: string;
    readonly providers: Texts;
    readonly includes: Texts;
  };
  'spf.evaluation.pass': SpfEvaluationEvidence;
  'spf.evaluation.fail': SpfEvaluationEvidence;
  'spf.evaluation.softfail': SpfEvaluationEvidence;
  'spf.evaluation.neutral': SpfEvaluationEvidence;
  'spf.evaluation.none': SpfEvaluationEvidence;
  'spf.evaluation.temperror': SpfEvaluationEvidence;
  'spf.evaluation.permerror': SpfEvaluationEvidence;
};
