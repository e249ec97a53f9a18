/**
 * Looks up one DKIM selector, following CNAMEs one hop at a time so the real home of the key is known.
 *
 * Providers publish keys behind CNAMEs (SES, Microsoft 365, Fastmail, ...); asking for the CNAME first shows
 * the target, and a name that does not exist costs a single lookup. Never throws: outcomes are data.
 */
import type { DnsResolver } from '../../ports';

/** CNAME hops followed before giving up (a loop or a long chain). */
export const MAX_CNAME_HOPS = 5;

/** What one selector lookup found. */
export type SelectorProbe =
  | { readonly kind: 'absent'; readonly selector: string }
  | { readonly kind: 'failed'; readonly selector: string; readonly name: string; readonly reason: string }
  | {
      readonly kind: 'broken-cname';
      readonly selector: string;
      readonly name: string;
      readonly target: string;
      readonly reason: string;
    }
  | {
      readonly kind: 'found';
      readonly selector: string;
      readonly name: string;
      readonly target: string | null;
      readonly records: readonly string[];
    };

/** Looks up one selector: CNAME first (to learn the target), then TXT where the chain ends. */
export async function probeSelector(
  resolver: DnsResolver,
  selector: string,
  domain: string,
): Promise<SelectorProbe> {
  const name = `${selector}._domainkey.${domain}`;
  let current = name;
  let target: string | null = null;
  let settled = false;
  for (let hop = 0; hop <= MAX_CNAME_HOPS && !settled; hop += 1) {
    const cname = await resolver.resolveCname(current);
    const next = cname.ok ? cname.records[0]?.replace(/\.$/, '').toLowerCase() : undefined;
    if (next !== undefined) {
      target = next;
      current = next;
    } else if (!cname.ok && cname.code === 'NXDOMAIN') {
      // No such name at all: nothing more to ask (one lookup per absent selector).
      return target === null
        ? { kind: 'absent', selector }
        : { kind: 'broken-cname', selector, name, target, reason: cname.message };
    } else if (!cname.ok && cname.code !== 'NODATA') {
      return { kind: 'failed', selector, name: current, reason: cname.message };
    } else {
      settled = true;
    }
  }
  if (!settled && target !== null) {
    // RFC 1034 section 3.6.2: chains should be short; a loop or an overlong chain never reaches a key.
    return {
      kind: 'broken-cname',
      selector,
      name,
      target,
      reason: `more than ${String(MAX_CNAME_HOPS)} CNAME hops (a loop or an overlong chain)`,
    };
  }
  const txt = await resolver.resolveTxt(current);
  if (txt.ok) return { kind: 'found', selector, name, target, records: txt.records };
  if (txt.code === 'NXDOMAIN' || txt.code === 'NODATA') {
    return target === null
      ? { kind: 'absent', selector }
      : { kind: 'broken-cname', selector, name, target, reason: txt.message };
  }
  return { kind: 'failed', selector, name: current, reason: txt.message };
}
