/**
 * The evidence each DKIM finding carries, by id: what check-dkim.ts sets, and all that the DKIM words
 * (dkim-knowledge.ts) may read.
 */

/** One published selector: its name, the CNAME target it sits behind (if any), and its record. */
export type DkimSelectorEvidence = {
  readonly selector: string;
  readonly name: string;
  readonly cnameTarget: string | null;
  /** The provider a CNAME target belongs to, when Mailwarden knows it. */
  readonly provider: string | null;
  readonly record: string;
};

/** A single key record, read: its type, the k= it declares, its size and the t=y testing flag. */
export type DkimKeyEvidence = DkimSelectorEvidence & {
  readonly keyType: string;
  readonly declaredType: string;
  readonly bits: number | null;
  readonly testing: boolean;
};

type Problems = DkimKeyEvidence & { readonly problems: readonly string[] };

export type DkimEvidence = {
  'dkim.domain.invalid': { readonly domain: string; readonly reason: string };
  'dkim.selector.invalid': { readonly selector: string; readonly reason: string };
  'dkim.discovery.none-found': {
    readonly domain: string;
    readonly selectorsTried: number;
    readonly selectors: readonly string[];
    readonly failedLookups: number;
  };
  'dkim.selector.not-found': { readonly selector: string; readonly name: string };
  'dkim.lookup.failed': {
    readonly failedCount: number;
    readonly failures: readonly { readonly name: string; readonly reason: string }[];
    readonly resolver: string;
  };
  'dkim.cname.broken': {
    readonly selector: string;
    readonly name: string;
    readonly target: string;
    readonly provider: string | null;
    readonly reason: string;
  };
  'dkim.key.multiple-records': DkimSelectorEvidence & {
    readonly recordCount: number;
    readonly records: readonly string[];
  };
  'dkim.key.syntax': Problems;
  'dkim.key.empty-entries': Problems;
  'dkim.key.bad-version': DkimKeyEvidence;
  'dkim.key.no-public-key': DkimKeyEvidence;
  'dkim.key.unknown-type': DkimKeyEvidence;
  'dkim.key.bad-base64': DkimKeyEvidence;
  'dkim.key.unreadable': DkimKeyEvidence;
  'dkim.key.type-mismatch': DkimKeyEvidence;
  'dkim.key.sha1-only': DkimKeyEvidence & { readonly hashes: readonly string[] };
  'dkim.key.rsa-too-short': DkimKeyEvidence;
  'dkim.key.rsa-weak': DkimKeyEvidence;
  'dkim.key.testing': DkimKeyEvidence;
  'dkim.key.pkcs1': DkimKeyEvidence;
  'dkim.key.revoked-only': DkimKeyEvidence;
  'dkim.key.revoked': DkimKeyEvidence;
  'dkim.key.ok': DkimKeyEvidence;
};
