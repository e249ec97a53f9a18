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
import { traceSpf, type SpfMatch, type SpfSyntaxStop } from './spf-match-trace';

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
  const decided = result === 'pass' || result === 'fail' || result === 'softfail' || result === 'neutral';
  if (decided || result === 'permerror') {
    const trace = await traceSpf({ domain, sender, helo: input.helo, ip: input.ip }, input.resolver);
    // RFC 7208 section 4.6: a syntax error anywhere in a record reached is a permerror, even after the
    // term that decided (mailauth stops reading there and does not check exp=); section 5.2: inside an
    // include it is the permerror of the whole evaluation. The comment names the path to the broken record.
    if (trace.kind === 'syntax-error') {
      return {
        ip: input.ip,
        sender,
        result: 'permerror',
        comment: syntaxComment(domain, trace.error),
        matched: null,
        lookups: lookupsOf(answer),
      };
    }
    if (decided && trace.kind === 'match' && QUALIFIER_RESULT[trace.match.qualifier] === result)
      matched = trace.match;
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

/** Says which record is broken and how it was reached. */
function syntaxComment(domain: string, error: SpfSyntaxStop): string {
  if (error.via.length === 0) return `permanent error in the SPF record of ${domain}: ${error.message}`;
  return `permanent error in the SPF record of ${error.domain}, reached from ${domain} through ${error.via.join(' -> ')} (RFC 7208 section 5.2): ${error.message}`;
}
