/**
 * A DnsResolver that sends each name to the server of the deepest zone holding it, as a recursive
 * resolver follows delegations (RFC 1034 section 4.3.2). Tests use it to put one zone, or one name,
 * behind a silent DNS server while the rest of a domain is served by Knot: both resolvers are real and
 * make real queries; only the choice of server is made here.
 */
import type { DnsResolver } from '../../main/core/ports';

/** `zones` maps a zone name to the resolver that answers for it; names in no zone go to `otherwise`. */
export function delegatedDnsResolver(
  zones: Readonly<Record<string, DnsResolver>>,
  otherwise: DnsResolver,
): DnsResolver {
  const cuts = Object.entries(zones)
    .map(([zone, resolver]) => [zone.replace(/\.$/, '').toLowerCase(), resolver] as const)
    .sort(([a], [b]) => b.length - a.length);
  const pick = (name: string): DnsResolver => {
    const wanted = name.replace(/\.$/, '').toLowerCase();
    const cut = cuts.find(([zone]) => wanted === zone || wanted.endsWith(`.${zone}`));
    return cut === undefined ? otherwise : cut[1];
  };
  return {
    description: otherwise.description,
    resolveA: (name) => pick(name).resolveA(name),
    resolveAaaa: (name) => pick(name).resolveAaaa(name),
    resolveMx: (name) => pick(name).resolveMx(name),
    resolveSrv: (name) => pick(name).resolveSrv(name),
    resolveTxt: (name) => pick(name).resolveTxt(name),
    resolveCname: (name) => pick(name).resolveCname(name),
    resolvePtr: (name) => pick(name).resolvePtr(name),
  };
}
