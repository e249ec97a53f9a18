/**
 * Follows a domain's SPF record for one address and names the first mechanism that matches.
 *
 * mailauth decides the result but does not say which mechanism matched (its `spf()` drops that), so this
 * walks the terms in the order of RFC 7208 section 4.6.2 (left to right, includes entered, redirect last)
 * and stops at the first match. It is a tracer, not a judge: anything it cannot follow (a DNS failure, a
 * syntax error, too many lookups) gives null, and evaluateSpf only reports its answer when it agrees with
 * mailauth's verdict.
 */
import { isIpv4, isIpv6 } from '../../accounts/domain-name';
import type { DnsFailureCode, DnsResolver } from '../../ports';
import { expandMacros, ipv6Nibbles, type MacroContext } from './spf-macro';
import { parseSpfRecord, type SpfMechanism, type SpfQualifier } from './spf-parser';
import { lookupSpfRecord } from './spf-records';

export interface SpfMatch {
  /** The mechanism's text as written, e.g. "ip4:192.0.2.0/24". */
  readonly mechanism: string;
  /** The domain whose record holds it. */
  readonly recordDomain: string;
  /** The qualifier that decides the result (the outermost include's, when it came through includes). */
  readonly qualifier: SpfQualifier;
  /** The include/redirect terms followed from the top record down to it, in order. */
  readonly via: readonly string[];
}

export interface TraceContext {
  readonly domain: string;
  readonly sender: string;
  readonly helo: string;
  readonly ip: string;
}

/** RFC 7208 section 4.6.4: each step is bounded, and so is the whole walk. */
const MAX_DEPTH = 10;
const MAX_QUERIES = 60;
const MAX_MX_OR_PTR_NAMES = 10;
const IPV4_BITS = 32;
const IPV6_BITS = 128;

/** A record reached during evaluation that has a syntax error: RFC 7208 section 4.6, 5.2 permerror. */
export interface SpfSyntaxStop {
  readonly domain: string;
  /** The include/redirect terms followed to reach it; empty for the domain's own record. */
  readonly via: readonly string[];
  readonly message: string;
}

type Step =
  | { readonly kind: 'match'; readonly match: SpfMatch }
  | { readonly kind: 'no-match' }
  | { readonly kind: 'syntax-error'; readonly error: SpfSyntaxStop }
  | { readonly kind: 'stop' };

export type SpfTrace =
  | { readonly kind: 'match'; readonly match: SpfMatch }
  | { readonly kind: 'syntax-error'; readonly error: SpfSyntaxStop }
  | { readonly kind: 'unknown' };

/** The first mechanism that matches `context.ip` in `context.domain`'s record, or null. */
export async function traceSpfMatch(context: TraceContext, resolver: DnsResolver): Promise<SpfMatch | null> {
  const trace = await traceSpf(context, resolver);
  return trace.kind === 'match' ? trace.match : null;
}

/**
 * Follows the evaluation for `context.ip` to its first match, or to the first record it reaches that has a
 * syntax error (the domain's own, or one behind include/redirect), or gives up ('unknown').
 */
export async function traceSpf(context: TraceContext, resolver: DnsResolver): Promise<SpfTrace> {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(context.ip);
  const ip = mapped?.[1] ?? context.ip;
  const address = ipBits(ip);
  if (address === null) return { kind: 'unknown' };
  let queries = 0;
  const budget = (): boolean => {
    queries += 1;
    return queries <= MAX_QUERIES;
  };

  const addressesOf = async (name: string): Promise<readonly string[] | null> => {
    if (!budget()) return null;
    const answer = isIpv4(ip) ? await resolver.resolveA(name) : await resolver.resolveAaaa(name);
    if (answer.ok) return answer.records;
    return isEmpty(answer.code) ? [] : null;
  };

  const inNetwork = (candidate: string, prefix: number | null): boolean => {
    const bits = ipBits(candidate);
    if (bits === null || bits.width !== address.width) return false;
    const length = BigInt(prefix ?? address.width);
    const shift = BigInt(address.width) - length;
    return bits.value >> shift === address.value >> shift;
  };

  const matches = async (
    term: SpfMechanism,
    domain: string,
    macros: MacroContext,
  ): Promise<boolean | null> => {
    const prefix = isIpv4(ip) ? term.cidr4 : term.cidr6;
    const target =
      term.domainSpec === null ? domain : expandMacros(term.domainSpec, macros)?.replace(/\.$/, '');
    if (target === undefined) return null;
    switch (term.name) {
      case 'all':
        return true;
      case 'ip4':
      case 'ip6':
        return (
          term.network !== null && inNetwork(term.network, term.name === 'ip4' ? term.cidr4 : term.cidr6)
        );
      case 'a': {
        const addresses = await addressesOf(target);
        return addresses === null ? null : addresses.some((a) => inNetwork(a, prefix));
      }
      case 'exists': {
        if (!budget()) return null;
        const answer = await resolver.resolveA(target);
        return answer.ok ? answer.records.length > 0 : isEmpty(answer.code) ? false : null;
      }
      case 'mx': {
        if (!budget()) return null;
        const answer = await resolver.resolveMx(target);
        if (!answer.ok) return isEmpty(answer.code) ? false : null;
        const hosts = [...answer.records]
          .sort((x, y) => x.priority - y.priority)
          .slice(0, MAX_MX_OR_PTR_NAMES);
        for (const mx of hosts) {
          const addresses = await addressesOf(mx.exchange);
          if (addresses?.some((a) => inNetwork(a, prefix)) === true) return true;
        }
        return false;
      }
      case 'ptr': {
        if (!budget()) return null;
        const answer = await resolver.resolvePtr(reverseName(ip));
        // RFC 7208 section 5.5: a DNS error during the PTR lookup means no match, not an error.
        if (!answer.ok) return false;
        const wanted = target.toLowerCase();
        for (const name of answer.records.slice(0, MAX_MX_OR_PTR_NAMES)) {
          const host = name.toLowerCase().replace(/\.$/, '');
          if (host !== wanted && !host.endsWith(`.${wanted}`)) continue;
          // RFC 7208 section 5.5: the name must resolve back to the address.
          const addresses = await addressesOf(host);
          if (addresses?.some((a) => inNetwork(a, null)) === true) return true;
        }
        return false;
      }
      case 'include':
        return null; // handled by the caller
    }
  };

  const checkHost = async (domain: string, via: readonly string[], depth: number): Promise<Step> => {
    if (depth > MAX_DEPTH || !budget()) return { kind: 'stop' };
    const found = await lookupSpfRecord(domain, resolver);
    if (found.kind !== 'one') return { kind: 'stop' };
    const parsed = parseSpfRecord(found.record);
    const [broken] = parsed.errors;
    // RFC 7208 section 4.6: a syntax error anywhere in a record reached is a permerror (5.2 inside include).
    if (broken !== undefined)
      return { kind: 'syntax-error', error: { domain, via, message: broken.message } };
    const macros: MacroContext = { sender: context.sender, domain, ip, helo: context.helo };
    for (const term of parsed.terms) {
      if (term.kind !== 'mechanism') continue;
      if (term.name === 'include') {
        const target = term.domainSpec === null ? null : expandMacros(term.domainSpec, macros);
        if (target === null) return { kind: 'stop' };
        const inner = await checkHost(target.replace(/\.$/, ''), [...via, term.text], depth + 1);
        if (inner.kind === 'stop' || inner.kind === 'syntax-error') return inner;
        // RFC 7208 section 5.2: an include matches only when the included record's result is pass.
        if (inner.kind === 'match' && inner.match.qualifier === '+') {
          return { kind: 'match', match: { ...inner.match, qualifier: term.qualifier } };
        }
        continue;
      }
      const hit = await matches(term, domain, macros);
      if (hit === null) return { kind: 'stop' };
      if (hit)
        return {
          kind: 'match',
          match: { mechanism: term.text, recordDomain: domain, qualifier: term.qualifier, via },
        };
    }
    // RFC 7208 section 6.1: redirect applies when no mechanism matched.
    const redirect = parsed.terms.find((term) => term.kind === 'modifier' && term.name === 'redirect');
    if (redirect === undefined || redirect.kind !== 'modifier') return { kind: 'no-match' };
    const target = expandMacros(redirect.value, macros);
    if (target === null) return { kind: 'stop' };
    return checkHost(target.replace(/\.$/, ''), [...via, redirect.text], depth + 1);
  };

  const step = await checkHost(context.domain, [], 0);
  if (step.kind === 'match' || step.kind === 'syntax-error') return step;
  return { kind: 'unknown' };
}

/** No records: the name or its records do not exist, or the name cannot exist (a label over 63 octets). */
function isEmpty(code: DnsFailureCode): boolean {
  return code === 'NXDOMAIN' || code === 'NODATA' || code === 'BAD_NAME';
}

interface IpBits {
  readonly value: bigint;
  readonly width: number;
}

function ipBits(ip: string): IpBits | null {
  if (isIpv4(ip)) {
    const value = ip.split('.').reduce((sum, octet) => (sum << 8n) + BigInt(Number(octet)), 0n);
    return { value, width: IPV4_BITS };
  }
  if (!isIpv6(ip)) return null;
  const nibbles = ipv6Nibbles(ip);
  return nibbles === null ? null : { value: BigInt(`0x${nibbles}`), width: IPV6_BITS };
}

/** RFC 1035 section 3.5 and RFC 3596 section 2.5: the PTR owner name of an address. */
function reverseName(ip: string): string {
  if (isIpv4(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  return `${(ipv6Nibbles(ip) ?? '').split('').reverse().join('.')}.ip6.arpa`;
}
