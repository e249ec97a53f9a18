/**
 * The evidence each reverse-DNS finding carries, by id: what check-reverse-dns.ts sets, and all that the
 * reverse-DNS words (reverse-dns-knowledge.ts) may read.
 */

/** The address checked, whose it is ('submission' or 'mx'), and the host name it was found under. */
export type ReverseDnsAddress = { readonly address: string; readonly role: string; readonly host?: string };

/** The in-addr.arpa or ip6.arpa name asked for the address's PTR records. */
type Named = ReverseDnsAddress & { readonly reverseName: string };

type Failed = Named & { readonly code: string; readonly message: string };

type Confirmed = Named & { readonly ptrNames: readonly string[]; readonly confirmedName: string };

export type ReverseDnsEvidence = {
  'rdns.address.invalid': ReverseDnsAddress;
  'rdns.address.not-public': ReverseDnsAddress & { readonly scope: string | null };
  'rdns.ptr.missing': Failed;
  'rdns.ptr.mismatch': Named & { readonly ptrNames: readonly string[]; readonly forward: readonly string[] };
  'rdns.ptr.lookup-failed': Failed;
  'rdns.ptr.confirmed': Confirmed;
  'rdns.ptr.generic': Confirmed & { readonly reason: string };
};
