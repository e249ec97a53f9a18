import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expandMacros,
  ipv6Nibbles,
  validateMacroString,
} from '../../../../../main/core/checks/spf/spf-macro';

const CONTEXT = {
  sender: 'strong-bad@email.example.com',
  domain: 'email.example.com',
  ip: '192.0.2.3',
  helo: 'mx.example.org',
};

describe('expandMacros (RFC 7208 section 7.4 examples)', () => {
  it('expands letters, digits, reversal and delimiters as the RFC shows', () => {
    expect(expandMacros('%{s}', CONTEXT)).toBe('strong-bad@email.example.com');
    expect(expandMacros('%{o}', CONTEXT)).toBe('email.example.com');
    expect(expandMacros('%{d4}', CONTEXT)).toBe('email.example.com');
    expect(expandMacros('%{d2}', CONTEXT)).toBe('example.com');
    expect(expandMacros('%{d1r}', CONTEXT)).toBe('email');
    expect(expandMacros('%{dr}', CONTEXT)).toBe('com.example.email');
    expect(expandMacros('%{l-}', CONTEXT)).toBe('strong.bad');
    expect(expandMacros('%{lr-}', CONTEXT)).toBe('bad.strong');
    expect(expandMacros('%{l1r-}', CONTEXT)).toBe('strong');
    expect(expandMacros('%{ir}.%{v}._spf.%{d2}', CONTEXT)).toBe('3.2.0.192.in-addr._spf.example.com');
    expect(expandMacros('%{ir}.%{v}._spf.%{d2}', { ...CONTEXT, ip: '2001:db8::cb01' })).toBe(
      '1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com',
    );
    expect(expandMacros('%%%_%-', CONTEXT)).toBe('% %20');
  });

  it('URL-escapes an upper-case macro letter', () => {
    expect(expandMacros('%{S}', { ...CONTEXT, sender: 'a b@example.com' })).toBe('a%20b%40example.com');
  });

  it('refuses what it cannot expand instead of guessing', () => {
    expect(expandMacros('%{x}', CONTEXT)).toBeNull();
    expect(validateMacroString('%{c}', false)).toContain('explanation');
    expect(validateMacroString('%{c}', true)).toBeNull();
  });

  it('cuts an expansion over 253 characters from the left', () => {
    const long = expandMacros(`${'%{d}.'.repeat(20)}example.com`, CONTEXT) ?? '';
    expect(long.length).toBeLessThanOrEqual(253);
    expect(long.endsWith('.example.com')).toBe(true);
  });
});

describe('ipv6Nibbles', () => {
  it('reads full, compressed and IPv4-suffixed forms', () => {
    expect(ipv6Nibbles('::1')).toBe(`${'0'.repeat(31)}1`);
    expect(ipv6Nibbles('2001:DB8::')).toBe(`20010db8${'0'.repeat(24)}`);
    expect(ipv6Nibbles('::ffff:192.0.2.1')).toBe(`${'0'.repeat(20)}ffffc0000201`);
    expect(ipv6Nibbles('1::2::3')).toBeNull();
    expect(ipv6Nibbles('1:2:3')).toBeNull();
  });
});

describe('macros on arbitrary input (fast-check)', () => {
  it('never throws and stays bounded', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const problem = validateMacroString(text, true);
        expect(problem === null || typeof problem === 'string').toBe(true);
        const expanded = expandMacros(text, CONTEXT);
        if (expanded !== null) expect(expanded.length).toBeLessThan(20_000);
      }),
      { numRuns: 500 },
    );
  });
});
