/**
 * IP address facts the DNS checks need: which addresses the internet can reach, and their reverse names.
 *
 * Pure text and arithmetic (main/core may not import node:net). Ranges: RFC 6890 (special-purpose
 * registries), RFC 1918, RFC 6598, RFC 5737, RFC 3927, RFC 4193, RFC 4291, RFC 3849.
 */
import { isIpv4, isIpv6 } from '../accounts/domain-name';

export type AddressScope =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared'
  | 'documentation'
  | 'unspecified'
  | 'multicast'
  | 'reserved';

const IPV4_OCTETS = 4;
const IPV6_BYTES = 16;
const IPV6_GROUPS = 8;
const BITS_PER_BYTE = 8;
const HEX = 16;
const NIBBLE = 4;
const LOW_NIBBLE = 0xf;

interface Range {
  readonly bytes: readonly number[];
  readonly prefix: number;
  readonly scope: Exclude<AddressScope, 'public'>;
}

/** RFC 6890 section 2.2.2 and the RFCs it lists. The first matching range wins. */
const IPV4_RANGES: readonly Range[] = [
  { bytes: [0, 0, 0, 0], prefix: 8, scope: 'unspecified' }, // RFC 1122 section 3.2.1.3
  { bytes: [10, 0, 0, 0], prefix: 8, scope: 'private' }, // RFC 1918
  { bytes: [100, 64, 0, 0], prefix: 10, scope: 'shared' }, // RFC 6598 carrier-grade NAT
  { bytes: [127, 0, 0, 0], prefix: 8, scope: 'loopback' }, // RFC 1122
  { bytes: [169, 254, 0, 0], prefix: 16, scope: 'link-local' }, // RFC 3927
  { bytes: [172, 16, 0, 0], prefix: 12, scope: 'private' }, // RFC 1918
  { bytes: [192, 0, 0, 0], prefix: 24, scope: 'reserved' }, // RFC 6890 IETF protocol assignments
  { bytes: [192, 0, 2, 0], prefix: 24, scope: 'documentation' }, // RFC 5737 TEST-NET-1
  { bytes: [192, 168, 0, 0], prefix: 16, scope: 'private' }, // RFC 1918
  { bytes: [198, 18, 0, 0], prefix: 15, scope: 'reserved' }, // RFC 2544 benchmarking
  { bytes: [198, 51, 100, 0], prefix: 24, scope: 'documentation' }, // RFC 5737 TEST-NET-2
  { bytes: [203, 0, 113, 0], prefix: 24, scope: 'documentation' }, // RFC 5737 TEST-NET-3
  { bytes: [224, 0, 0, 0], prefix: 4, scope: 'multicast' }, // RFC 5771
  { bytes: [240, 0, 0, 0], prefix: 4, scope: 'reserved' }, // RFC 1112 section 4, incl. broadcast
];

/** RFC 6890 section 2.2.3 and RFC 4291 section 2.4. */
const IPV6_RANGES: readonly Range[] = [
  { bytes: [...new Array<number>(IPV6_BYTES).fill(0)], prefix: 128, scope: 'unspecified' },
  { bytes: [...new Array<number>(IPV6_BYTES - 1).fill(0), 1], prefix: 128, scope: 'loopback' },
  { bytes: [0xfc], prefix: 7, scope: 'private' }, // RFC 4193 unique local addresses
  { bytes: [0xfe, 0x80], prefix: 10, scope: 'link-local' }, // RFC 4291 section 2.5.6
  { bytes: [0x20, 0x01, 0x0d, 0xb8], prefix: 32, scope: 'documentation' }, // RFC 3849
  { bytes: [0xff], prefix: 8, scope: 'multicast' }, // RFC 4291 section 2.7
];

/** RFC 4291 section 2.5.5.2: ::ffff:a.b.c.d carries an IPv4 address. */
const IPV4_MAPPED_PREFIX = [...new Array<number>(10).fill(0), 0xff, 0xff];

/** The 4 or 16 bytes of an address in text form, or null when it is not an IP address. */
export function addressBytes(text: string): number[] | null {
  if (isIpv4(text)) return text.split('.').map(Number);
  if (!isIpv6(text)) return null;
  let rest = text.toLowerCase();
  const tailV4: number[] = [];
  const lastColon = rest.lastIndexOf(':');
  if (rest.slice(lastColon + 1).includes('.')) {
    tailV4.push(
      ...rest
        .slice(lastColon + 1)
        .split('.')
        .map(Number),
    );
    rest = rest.slice(0, lastColon + 1) + '0:0';
  }
  const [head = '', tail] = rest.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = new Array<string>(IPV6_GROUPS - headGroups.length - tailGroups.length).fill('0');
  const groups = tail === undefined ? headGroups : [...headGroups, ...zeros, ...tailGroups];
  const bytes = groups.flatMap((group) => {
    const value = parseInt(group, HEX);
    return [value >> BITS_PER_BYTE, value & 0xff];
  });
  if (tailV4.length === IPV4_OCTETS) bytes.splice(IPV6_BYTES - IPV4_OCTETS, IPV4_OCTETS, ...tailV4);
  return bytes;
}

/** Where an address can be reached from; null when `text` is not an IP address. */
export function addressScope(text: string): AddressScope | null {
  const bytes = addressBytes(text);
  if (bytes === null) return null;
  if (bytes.length === IPV6_BYTES && startsWith(bytes, IPV4_MAPPED_PREFIX, IPV4_MAPPED_PREFIX.length * 8)) {
    return scopeIn(bytes.slice(IPV6_BYTES - IPV4_OCTETS), IPV4_RANGES);
  }
  return scopeIn(bytes, bytes.length === IPV4_OCTETS ? IPV4_RANGES : IPV6_RANGES);
}

/**
 * The name a PTR record for this address lives at (RFC 1035 section 3.5, RFC 3596 section 2.5).
 *
 * `192.0.2.1` -> `1.2.0.192.in-addr.arpa`; IPv6 gives 32 reversed nibbles under `ip6.arpa`.
 */
export function reverseName(text: string): string | null {
  const bytes = addressBytes(text);
  if (bytes === null) return null;
  if (bytes.length === IPV4_OCTETS) return `${[...bytes].reverse().join('.')}.in-addr.arpa`;
  const nibbles = bytes.flatMap((byte) => [byte >> NIBBLE, byte & LOW_NIBBLE]);
  return `${nibbles
    .reverse()
    .map((nibble) => nibble.toString(HEX))
    .join('.')}.ip6.arpa`;
}

/** Canonical text for comparing addresses: IPv4 as is, IPv6 as 8 full lower-case groups. */
export function canonicalAddress(text: string): string | null {
  const bytes = addressBytes(text);
  if (bytes === null) return null;
  if (bytes.length === IPV4_OCTETS) return bytes.join('.');
  const groups: string[] = [];
  for (let index = 0; index < IPV6_BYTES; index += 2) {
    groups.push((((bytes[index] ?? 0) << BITS_PER_BYTE) | (bytes[index + 1] ?? 0)).toString(HEX));
  }
  return groups.join(':');
}

function scopeIn(bytes: readonly number[], ranges: readonly Range[]): AddressScope {
  return ranges.find((range) => startsWith(bytes, range.bytes, range.prefix))?.scope ?? 'public';
}

function startsWith(bytes: readonly number[], prefixBytes: readonly number[], prefixBits: number): boolean {
  for (let bit = 0; bit < prefixBits; bit += 1) {
    const index = Math.floor(bit / BITS_PER_BYTE);
    const mask = 0x80 >> (bit % BITS_PER_BYTE);
    if (((bytes[index] ?? 0) & mask) !== ((prefixBytes[index] ?? 0) & mask)) return false;
  }
  return true;
}
