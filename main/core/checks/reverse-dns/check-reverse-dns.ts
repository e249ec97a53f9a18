/**
 * The reverse DNS check: each MX and submission address has a PTR name that resolves back to it (FCrDNS).
 *
 * RFC 1035 section 3.5 and RFC 3596 section 2.5 (where PTR records live), RFC 1912 section 2.1 (they should
 * map back), RFC 8601 section 2.7.3 (the "iprev" test receivers run). The fix is never in the user's own
 * zone: it is with whoever owns the address, so the wording says so.
 */
import type { Finding } from '../../../../preload/contract/findings';
import { findingFactory } from '../../findings/finding-factory';
import type { ReverseDnsAddress } from '../../knowledge/reverse-dns-evidence';
import { REVERSE_DNS_KNOWLEDGE } from '../../knowledge/reverse-dns-knowledge';
import type { DnsResolver } from '../../ports';
import { addressBytes, addressScope, canonicalAddress, reverseName } from '../ip-address';
import { plainName } from '../mx/plain-name';
import { genericPtrReason } from './generic-ptr';

/** PTR names per address followed forward; more is unusual (RFC 1912 section 2.1 asks for one). */
const MAX_PTR_NAMES = 5;
/** Addresses checked per call. */
const MAX_ADDRESSES = 40;
const IPV4_BYTES = 4;

const finding = findingFactory(REVERSE_DNS_KNOWLEDGE);

export type AddressRole = 'mx' | 'submission';

export interface ReverseDnsTarget {
  readonly address: string;
  readonly role: AddressRole;
  /** The host name the address belongs to, when known (the MX or submission host). */
  readonly host?: string;
}

export interface CheckReverseDnsInput {
  readonly resolver: DnsResolver;
  readonly targets: readonly ReverseDnsTarget[];
}

export type ReverseDnsStatus = 'confirmed' | 'missing' | 'mismatch' | 'failed' | 'not-public' | 'invalid';

export interface ReverseDnsEntry {
  readonly address: string;
  readonly role: AddressRole;
  readonly status: ReverseDnsStatus;
  readonly ptrNames: readonly string[];
}

export interface ReverseDnsResult {
  readonly entries: readonly ReverseDnsEntry[];
  readonly findings: readonly Finding[];
}

/** Build targets from MX hosts (name and addresses) and the submission server's addresses. */
export function reverseDnsTargets(
  mxTargets: readonly { readonly exchange: string; readonly addresses: readonly string[] }[],
  submission: { readonly host?: string; readonly addresses: readonly string[] } | null,
): ReverseDnsTarget[] {
  const fromMx = mxTargets.flatMap((target) =>
    target.addresses.map((address): ReverseDnsTarget => ({ address, role: 'mx', host: target.exchange })),
  );
  const fromSubmission = (submission?.addresses ?? []).map((address): ReverseDnsTarget =>
    submission?.host === undefined
      ? { address, role: 'submission' }
      : { address, role: 'submission', host: submission.host },
  );
  return [...fromMx, ...fromSubmission];
}

/** Check reverse DNS for every target, concurrently; DNS failures become findings. */
export async function checkReverseDns(input: CheckReverseDnsInput): Promise<ReverseDnsResult> {
  const seen = new Set<string>();
  const targets = input.targets.filter((target) => {
    const key = `${target.role} ${canonicalAddress(target.address.trim()) ?? target.address}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const checked = await Promise.all(
    targets.slice(0, MAX_ADDRESSES).map((target) => checkOne(target, input.resolver)),
  );
  return {
    entries: checked.map((entry) => entry.entry),
    findings: checked.flatMap((entry) => entry.findings),
  };
}

interface Checked {
  readonly entry: ReverseDnsEntry;
  readonly findings: readonly Finding[];
}

async function checkOne(target: ReverseDnsTarget, resolver: DnsResolver): Promise<Checked> {
  const address = plainName(target.address.trim());
  const checkId = `rdns:${address}`;
  const base: ReverseDnsAddress = {
    address,
    role: target.role,
    ...(target.host === undefined ? {} : { host: plainName(target.host) }),
  };
  const done = (status: ReverseDnsStatus, ptrNames: readonly string[], findings: Finding[]): Checked => ({
    entry: { address, role: target.role, status, ptrNames },
    findings,
  });

  const name = reverseName(address);
  const scope = addressScope(address);
  if (name === null || scope === null) {
    return done('invalid', [], [finding('rdns.address.invalid', checkId, base)]);
  }
  if (scope !== 'public') {
    return done('not-public', [], [finding('rdns.address.not-public', checkId, { ...base, scope })]);
  }
  const withName = { ...base, reverseName: name };
  const ptr = await resolver.resolvePtr(name);
  if (!ptr.ok) {
    const missing = ptr.code === 'NXDOMAIN' || ptr.code === 'NODATA';
    return done(
      missing ? 'missing' : 'failed',
      [],
      [
        finding(missing ? 'rdns.ptr.missing' : 'rdns.ptr.lookup-failed', checkId, {
          ...withName,
          code: ptr.code,
          message: ptr.message,
        }),
      ],
    );
  }
  const ptrNames = ptr.records
    .slice(0, MAX_PTR_NAMES)
    .map((record) => plainName(record).toLowerCase().replace(/\.$/, ''));
  const wanted = canonicalAddress(address);
  const isV4 = addressBytes(address)?.length === IPV4_BYTES;
  const forward = await Promise.all(
    ptrNames.map(async (ptrName) => {
      const lookup = isV4 ? await resolver.resolveA(ptrName) : await resolver.resolveAaaa(ptrName);
      const addresses = lookup.ok ? lookup.records : [];
      return {
        ptrName,
        confirms: addresses.some((candidate) => canonicalAddress(candidate) === wanted),
        text: lookup.ok ? `${ptrName} -> ${addresses.join(', ')}.` : `${ptrName}: ${lookup.message}`,
      };
    }),
  );
  const confirmed = forward.find((entry) => entry.confirms);
  if (confirmed === undefined) {
    return done('mismatch', ptrNames, [
      finding('rdns.ptr.mismatch', checkId, {
        ...withName,
        ptrNames,
        forward: forward.map((entry) => entry.text),
      }),
    ]);
  }
  const evidence = { ...withName, ptrNames, confirmedName: confirmed.ptrName };
  const findings = [finding('rdns.ptr.confirmed', checkId, evidence)];
  const generic = genericPtrReason(confirmed.ptrName, address);
  if (generic !== null) findings.push(finding('rdns.ptr.generic', checkId, { ...evidence, reason: generic }));
  return done('confirmed', ptrNames, findings);
}
