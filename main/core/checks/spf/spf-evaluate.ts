/**
 * Evaluates SPF for one IP address (RFC 7208 section 4, check_host()) with mailauth, and names the
 * mechanism that matched.
 *
 * The verdict is mailauth's (a well-kept implementation with the 10-lookup and 2-void limits built in).
 * mailauth's public `spf()` does not say which mechanism matched, so when the verdict comes from a mechanism,
 * Mailwarden follows the record itself for the same address (spf-match-trace.ts) and reports the first
 * mechanism that matches, with the include path that led to it, only when its qualifier agrees with the
 * verdict.
 */
// The file, not the folder: Node's ESM loader (Playwright's, tsx's) refuses directory imports.
import { spf } from 'mailauth/lib/spf/index.js';
import type { DnsResolver } from '../../ports';
import { mailauthResolver } from './mailauth-resolver';
import { MAX_DNS_LOOKUPS, MAX_VOID_LOOKUPS } from './spf-limits';
import { parseSpfRecord } from './spf-parser';
import { lookupSpfRecord } from './spf-records';
import { traceSpfMatch, type SpfMatch } from './spf-match-trace';

export type SpfResultCode = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror';

export interface SpfEvaluation {
  readonly ip: string;
  readonly sender: string;
  readonly result: SpfResultCode;
  /** mailauth's own sentence about the result (it names the reason for errors). */
  readonly comment: string;
  /** The mechanism that decided, or null (no match: the default neutral; or an error; or not traceable). */
  readonly matched: SpfMatch | null;
  readonly lookups: { readonly count: number; readonly void: number };
}

export interface EvaluateSpfInput {
  readonly ip: string;
  /** MAIL FROM; empty means the null sender, and then the HELO name is checked (RFC 7208 section 2.4). */
  readonly sender: string;
  readonly helo: string;
  readonly resolver: DnsResolver;
}

/** The name mailauth puts in its comments, instead of this computer's host name. */
const MTA_NAME = 'mailwarden';
const RESULT_CODES: readonly SpfResultCode[] = [
  'pass',
  'fail',
  'softfail',
  'neutral',
  'none',
  'temperror',
  'permerror',
];
const QUALIFIER_RESULT = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' } as const;

/** Evaluate the sender's SPF policy for `ip`. Never throws: failures are temperror/permerror results. */
export async function evaluateSpf(input: EvaluateSpfInput): Promise<SpfEvaluation> {
  const resolver = mailauthResolver(input.resolver);
  const answer = await spf({
    ip: input.ip,
    sender: input.sender,
    helo: input.helo,
    mta: MTA_NAME,
    maxResolveCount: MAX_DNS_LOOKUPS,
    maxVoidCount: MAX_VOID_LOOKUPS,
    // mailauth's type says string arrays; it also reads MX objects, which is what the adapter returns for MX.
    resolver: resolver as (name: string, rrtype: string) => Promise<string[]>,
  }).catch((error: unknown) => ({
    status: { result: 'temperror' as const, comment: error instanceof Error ? error.message : String(error) },
    lookups: undefined,
    'envelope-from': input.sender,
  }));
  const raw = answer.status.result;
  const result: SpfResultCode = (RESULT_CODES as readonly string[]).includes(raw)
    ? (raw as SpfResultCode)
    : 'temperror';
  const sender = answer['envelope-from'] ?? input.sender;
  const domain = sender.slice(sender.lastIndexOf('@') + 1).toLowerCase();
  let matched: SpfMatch | null = null;
  if (result === 'pass' || result === 'fail' || result === 'softfail' || result === 'neutral') {
    const syntax = await syntaxError(domain, input.resolver);
    if (syntax !== null) {
      return {
        ip: input.ip,
        sender,
        result: 'permerror',
        comment: syntax,
        matched: null,
        lookups: lookupsOf(answer),
      };
    }
    const trace = await traceSpfMatch({ domain, sender, helo: input.helo, ip: input.ip }, input.resolver);
    if (trace !== null && QUALIFIER_RESULT[trace.qualifier] === result) matched = trace;
  }
  return {
    ip: input.ip,
    sender,
    result,
    comment: answer.status.comment ?? '',
    matched,
    lookups: lookupsOf(answer),
  };
}

function lookupsOf(answer: {
  readonly lookups?: { readonly count: number; readonly void: number } | undefined;
}): SpfEvaluation['lookups'] {
  return { count: answer.lookups?.count ?? 0, void: answer.lookups?.void ?? 0 };
}

/**
 * The first syntax error of the domain's own record, or null.
 *
 * RFC 7208 section 4.6: a syntax error anywhere in the record is a permerror, even after the term that
 * decided. mailauth stops reading at the deciding term and does not check `exp=`, so its verdict on such a
 * record is overruled here.
 */
async function syntaxError(domain: string, resolver: DnsResolver): Promise<string | null> {
  const found = await lookupSpfRecord(domain, resolver);
  if (found.kind !== 'one') return null;
  const [first] = parseSpfRecord(found.record).errors;
  return first === undefined ? null : `permanent error in the SPF record of ${domain}: ${first.message}`;
}
