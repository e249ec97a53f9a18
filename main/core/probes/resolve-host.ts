/**
 * The address a probe connects to, looked up through the user's resolver (A first, then AAAA).
 *
 * The host name itself stays the TLS name (SNI and certificate check); only the connection goes to the
 * address, so a DNS server the user chose is used for everything.
 */
import type { DnsResolver } from '../ports';

export type HostResolution =
  | { readonly kind: 'address'; readonly address: string }
  | { readonly kind: 'failure'; readonly code: string; readonly message: string };

const IPV4_LITERAL = /^\d{1,3}(\.\d{1,3}){3}$/;

/** An address literal is used as it is; a name is resolved A then AAAA. */
export async function resolveHost(resolver: DnsResolver, host: string): Promise<HostResolution> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (IPV4_LITERAL.test(bare) || bare.includes(':')) return { kind: 'address', address: bare };
  const a = await resolver.resolveA(host);
  if (a.ok && a.records[0] !== undefined) return { kind: 'address', address: a.records[0] };
  const aaaa = await resolver.resolveAaaa(host);
  if (aaaa.ok && aaaa.records[0] !== undefined) return { kind: 'address', address: aaaa.records[0] };
  // The A answer says more (NXDOMAIN, TIMEOUT) than an AAAA NODATA would.
  const failure = a.ok ? aaaa : a;
  return failure.ok
    ? { kind: 'failure', code: 'NODATA', message: `${host} has no address records.` }
    : { kind: 'failure', code: failure.code, message: failure.message };
}
