/**
 * The evidence each MX finding carries, by id: what check-mx.ts and check-parked.ts set, and all that
 * the MX words (mx-knowledge.ts) may read.
 */

type Texts = readonly string[];

/** The MX records as "priority exchange" lines, "." for a Null MX. */
type Records = { readonly domain: string; readonly records: Texts };

/** One MX target: the host named and its preference. */
type Target = { readonly domain: string; readonly exchange: string; readonly priority: number };

/** A target with addresses, some of which are not on the public internet. */
type NonPublic = Target & {
  readonly addresses: Texts;
  readonly nonPublic: Texts;
  readonly scopes: Texts;
};

type Parked = { readonly domain: string; readonly reason: string };

export type MxEvidence = {
  'mx.domain.invalid': { readonly input: string; readonly reason: string };
  'mx.domain.nxdomain': { readonly domain: string; readonly resolver: string };
  'mx.lookup.failed': {
    readonly domain: string;
    readonly code: string;
    readonly message: string;
    readonly resolver: string;
  };
  'mx.records.present': Records & { readonly count: number };
  'mx.records.implicit': { readonly domain: string; readonly addresses: Texts };
  'mx.records.none': { readonly domain: string };
  'mx.parked.null-mx': Parked;
  'mx.parked.no-null-mx': Parked & { readonly mxOutcome: string };
  'mx.null.valid': Records;
  'mx.null.invalid': Records;
  'mx.target.ip-literal': Target;
  'mx.target.cname': Target & { readonly cnameTarget: string };
  /** lookups: the A and AAAA answers in words. */
  'mx.target.unresolvable': Target & { readonly lookups: Texts };
  'mx.target.lookup-failed': Target & { readonly lookups: Texts };
  'mx.target.non-public-address': NonPublic;
  'mx.target.internal-address': NonPublic;
  'mx.target.ok': Target & { readonly addresses: Texts };
  'mx.records.all-unusable': Records;
  'mx.records.truncated': { readonly domain: string; readonly count: number; readonly checked: number };
  'mx.provider.recognised': {
    readonly domain: string;
    readonly exchange: string;
    readonly provider: string;
    readonly presetId: string;
  };
};
