import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addressBytes,
  addressScope,
  canonicalAddress,
  reverseName,
} from '../../../../main/core/checks/ip-address';

describe('addressScope', () => {
  it.each([
    ['93.184.215.14', 'public'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.0.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['169.254.10.1', 'link-local'],
    ['100.64.0.1', 'shared'],
    ['192.0.2.1', 'documentation'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd00::25', 'private'],
    ['fe80::1', 'link-local'],
    ['2001:db8::1', 'documentation'],
    ['::ffff:10.0.0.1', 'private'],
    ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', 'public'],
  ])('%s is %s', (address, scope) => {
    expect(addressScope(address)).toBe(scope);
  });

  it('answers null, never throws, for anything that is not an IP address', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const scope = addressScope(text);
        expect(scope === null).toBe(isIP(text) === 0 || text.includes('%'));
      }),
    );
  });
});

describe('reverseName', () => {
  it('writes IPv4 and IPv6 reverse names (RFC 1035 section 3.5, RFC 3596 section 2.5)', () => {
    expect(reverseName('192.0.2.1')).toBe('1.2.0.192.in-addr.arpa');
    expect(reverseName('2001:db8::567:89ab')).toBe(
      'b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa',
    );
    expect(reverseName('mail.example')).toBeNull();
  });

  it('gives 32 nibbles for every IPv6 address and 4 labels for every IPv4 address', () => {
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        const name = reverseName(address) ?? '';
        expect(name.split('.')).toHaveLength(34);
        expect(name.endsWith('.ip6.arpa')).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        expect(reverseName(address)).toBe(`${address.split('.').reverse().join('.')}.in-addr.arpa`);
      }),
    );
  });
});

describe('canonicalAddress', () => {
  it('gives one text for every way of writing the same IPv6 address', () => {
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        const canonical = canonicalAddress(address);
        expect(canonical).not.toBeNull();
        expect(canonicalAddress(address.toUpperCase())).toBe(canonical);
        expect(canonicalAddress(canonical ?? '')).toBe(canonical);
        expect(addressBytes(address)).toHaveLength(16);
      }),
    );
  });
});
