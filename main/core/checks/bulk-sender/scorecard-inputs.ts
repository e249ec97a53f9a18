/**
 * What the bulk-sender scorecard needs from the other checks, as a small structured summary.
 *
 * The SPF, DKIM, DMARC, reverse DNS and TLS checks each have their own result shapes; the scorecard
 * depends on this summary only, and one mapping per check (written where the audit runs them together)
 * fills it in. `null` always means "that check did not run or could not tell", never "absent".
 */

/** RFC 7208 section 2.6 results. */
export type SpfResultCode = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

export interface ScorecardSpf {
  /** One `v=spf1` record at the domain (RFC 7208 section 4.5); null when the lookup failed. */
  readonly recordPresent: boolean | null;
  /** The record evaluates without permerror (syntax, at most 10 DNS lookups); null when unknown. */
  readonly valid: boolean | null;
  readonly record?: string | null;
  /** The SPF result for the account's sending address, when one was evaluated. */
  readonly sendingIpResult?: { readonly ip: string; readonly result: SpfResultCode } | null;
}

export interface ScorecardDkimKey {
  readonly selector: string;
  /** A key senders can verify with (not revoked, not too short, known key type). */
  readonly usable: boolean;
}

export interface ScorecardDkim {
  readonly keysFound: readonly ScorecardDkimKey[];
  readonly selectorsTried: number;
  /**
   * True when the person named their selector(s): then "no key" is definite. Otherwise only common
   * selectors were guessed, and a key under another selector cannot be ruled out.
   */
  readonly selectorsFromUser: boolean;
}

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

export interface ScorecardDmarc {
  /** A valid `v=DMARC1` record (at the domain or its organisational domain); null when the lookup failed. */
  readonly recordPresent: boolean | null;
  /** The policy that applies to the domain (`sp` for a subdomain); null when there is no valid record. */
  readonly policy: DmarcPolicy | null;
  readonly record?: string | null;
}

export type ScorecardReverseDnsStatus =
  'confirmed' | 'missing' | 'mismatch' | 'failed' | 'not-public' | 'invalid';

export interface ScorecardReverseDns {
  readonly address: string;
  /** Only `submission` addresses send mail; MX addresses receive it. */
  readonly role: 'mx' | 'submission';
  readonly status: ScorecardReverseDnsStatus;
}

export interface ScorecardTls {
  /** Whether the submission server (or the MX) offered TLS and it worked; null when not probed. */
  readonly seen: boolean | null;
  /** Where, e.g. "smtp.example.com:587 STARTTLS TLSv1.3". */
  readonly where?: string | null;
}

export interface ScorecardInputs {
  /** The From domain, ASCII. */
  readonly domain: string;
  readonly spf: ScorecardSpf;
  readonly dkim: ScorecardDkim;
  readonly dmarc: ScorecardDmarc;
  readonly reverseDns: readonly ScorecardReverseDns[];
  readonly tls: ScorecardTls;
}
