import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_SPF_RECORD_CHARS,
  parseSpfRecord,
  type SpfMechanism,
  type SpfSyntaxErrorCode,
} from '../../../../../main/core/checks/spf/spf-parser';

const ERROR_CODES: readonly SpfSyntaxErrorCode[] = [
  'not-spf1',
  'too-long',
  'too-many-terms',
  'bad-character',
  'unknown-mechanism',
  'missing-value',
  'unexpected-value',
  'bad-domain-spec',
  'bad-macro',
  'bad-ip',
  'bad-cidr',
  'bad-modifier-name',
  'duplicate-modifier',
];
/** Generous: a parse takes well under a millisecond; this only catches runaway (super-linear) work. */
const TIME_BUDGET_MS = 250;
const MAX_ERRORS = 32;
const MAX_TERMS = 256;

function codes(record: string): SpfSyntaxErrorCode[] {
  return parseSpfRecord(record).errors.map((error) => error.code);
}

describe('parseSpfRecord', () => {
  it('returns every term of a good record with qualifiers, targets, prefixes and positions', () => {
    const record =
      'v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a:mail.example.com/28//64 -mx ~include:_spf.example.net ?exists:%{i}.bl.example.org redirect=_spf.example.com exp=why.example.com';
    const parsed = parseSpfRecord(record);
    expect(parsed.errors).toEqual([]);
    expect(parsed.terms.map((term) => term.text)).toEqual(record.split(' ').slice(1));
    const [ip4, ip6, a, mx, include, exists] = parsed.terms as SpfMechanism[];
    expect(ip4).toMatchObject({
      name: 'ip4',
      qualifier: '+',
      network: '192.0.2.0',
      cidr4: 24,
      start: 7,
      end: 23,
    });
    expect(ip6).toMatchObject({ name: 'ip6', network: '2001:db8::', cidr6: 32 });
    expect(a).toMatchObject({ name: 'a', domainSpec: 'mail.example.com', cidr4: 28, cidr6: 64 });
    expect(mx).toMatchObject({ name: 'mx', qualifier: '-', domainSpec: null });
    expect(include).toMatchObject({
      name: 'include',
      qualifier: '~',
      domainSpec: '_spf.example.net',
      hasMacro: false,
    });
    expect(exists).toMatchObject({ name: 'exists', qualifier: '?', hasMacro: true });
    expect(parsed.terms.slice(6)).toMatchObject([
      { kind: 'modifier', name: 'redirect', value: '_spf.example.com' },
      { kind: 'modifier', name: 'exp', value: 'why.example.com' },
    ]);
    for (const term of parsed.terms) expect(record.slice(term.start, term.end)).toBe(term.text);
  });

  it('keeps unknown modifiers and reads names case-insensitively (RFC 7208 section 4.6.1)', () => {
    const parsed = parseSpfRecord('V=SPF1 MX Include:Example.COM foo.bar-baz=%{d} -ALL');
    expect(parsed.errors).toEqual([]);
    expect(parsed.terms.map((t) => t.name)).toEqual(['mx', 'include', 'foo.bar-baz', 'all']);
  });

  it('reports every problem at once with its position, and keeps the good terms', () => {
    const record =
      'v=spf1 ip4:192.0.2.300 mx:example.com/33 include: all:x foo bar=%q ip6:2001:db8::/129 -all';
    const parsed = parseSpfRecord(record);
    expect(parsed.errors.map((e) => e.code)).toEqual([
      'bad-ip',
      'bad-cidr',
      'missing-value',
      'unexpected-value',
      'unknown-mechanism',
      'bad-macro',
      'bad-cidr',
    ]);
    expect(parsed.terms.map((t) => t.text)).toEqual(['-all']);
    const unknown = parsed.errors[4];
    expect(unknown !== undefined && record.slice(unknown.start, unknown.end)).toBe('foo');
  });

  it('finds macros that are wrong (RFC 7208 section 7.1)', () => {
    expect(codes('v=spf1 exists:%{x}.example.com')).toEqual(['bad-macro']);
    expect(codes('v=spf1 exists:%{c}.example.com')).toEqual(['bad-macro']); // c only in exp text
    expect(codes('v=spf1 exists:%{i0}.example.com')).toEqual(['bad-macro']);
    expect(codes('v=spf1 exists:%(ir).example.com')).toEqual(['bad-macro']);
    expect(codes('v=spf1 exists:%{ir.example.com')).toEqual(['bad-macro']);
    expect(codes('v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all')).toEqual([]);
    expect(codes('v=spf1 a:macro%%percent%_%_space%-url-space.example.com')).toEqual([]);
  });

  it('rejects domain-specs that do not end in a domain, and accepts "/" inside one', () => {
    expect(codes('v=spf1 a:example.com:8080')).toEqual(['bad-domain-spec']);
    expect(codes('v=spf1 include:localhost')).toEqual(['bad-domain-spec']);
    expect(codes('v=spf1 a:foo:bar/baz.example.com')).toEqual([]);
    expect(codes('v=spf1 a:example.123')).toEqual(['bad-domain-spec']);
  });

  it('makes a repeated redirect= or exp= an error (RFC 7208 section 6)', () => {
    expect(codes('v=spf1 exp=a.example.com exp=b.example.com -all')).toEqual(['duplicate-modifier']);
    expect(codes('v=spf1 redirect=a.example.com redirect=b.example.com')).toEqual(['duplicate-modifier']);
  });

  it('reports control characters and non-ASCII bytes without crashing', () => {
    const parsed = parseSpfRecord('v=spf1 ip4:192.0.2.5\n include:_spf.example.com \u0096all');
    expect(parsed.errors.map((e) => e.code)).toEqual(['bad-character', 'bad-character']);
    expect(parsed.errors[0]?.start).toBe(20);
    expect(parsed.errors[0]?.message).toContain('U+000A');
    expect(parsed.terms.map((t) => t.text)).toEqual(['include:_spf.example.com']);
  });

  it('says when the text is not an SPF record at all', () => {
    expect(codes('v=spf10 -all')).toEqual(['not-spf1']);
    expect(codes('spf1 -all')).toEqual(['not-spf1']);
    expect(codes('v=spf1')).toEqual([]);
  });

  it('reads only the first 4096 characters of a huge record and caps terms and errors', () => {
    const huge = `v=spf1 ${'ip4:192.0.2.1 '.repeat(2_000)}-all`;
    const parsed = parseSpfRecord(huge);
    expect(parsed.errors[0]?.code).toBe('too-long');
    expect(parsed.terms.length).toBeLessThanOrEqual(MAX_TERMS);
    const junk = parseSpfRecord(`v=spf1 ${'x '.repeat(1_000)}`);
    expect(junk.errors.length).toBe(MAX_ERRORS);
    expect(MAX_SPF_RECORD_CHARS).toBe(4_096);
  });
});

describe('parseSpfRecord on arbitrary input (fast-check)', () => {
  const checkBounded = (record: string): void => {
    const started = performance.now();
    const parsed = parseSpfRecord(record);
    expect(performance.now() - started).toBeLessThan(TIME_BUDGET_MS);
    expect(parsed.errors.length).toBeLessThanOrEqual(MAX_ERRORS);
    expect(parsed.terms.length).toBeLessThanOrEqual(MAX_TERMS);
    for (const error of parsed.errors) {
      expect(ERROR_CODES).toContain(error.code);
      expect(error.start).toBeGreaterThanOrEqual(0);
      expect(error.end).toBeGreaterThanOrEqual(error.start);
      expect(error.message.length).toBeLessThan(400);
    }
    for (const term of parsed.terms) {
      expect(record.slice(term.start, term.end)).toBe(term.text);
    }
  };

  it('never throws on any string, and returns only typed errors in bounded time and size', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 6_000 }), (text) => {
        checkBounded(text);
        checkBounded(`v=spf1 ${text}`);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on well-formed-ish records built from SPF pieces', () => {
    const qualifier = fc.constantFrom('', '+', '-', '~', '?', '!');
    const name = fc.constantFrom(
      'all',
      'include',
      'a',
      'mx',
      'ptr',
      'ip4',
      'ip6',
      'exists',
      'redirect',
      'exp',
      'foo',
      'A',
      'MX',
    );
    const separator = fc.constantFrom('', ':', '=', '/', '//', ':%{', '%');
    const value = fc.stringMatching(/^[a-z0-9.%{}\-_/:=]{0,40}$/);
    const term = fc.tuple(qualifier, name, separator, value).map((parts) => parts.join(''));
    const record = fc.array(term, { maxLength: 60 }).map((terms) => ['v=spf1', ...terms].join(' '));
    fc.assert(
      fc.property(record, (text) => {
        checkBounded(text);
      }),
      { numRuns: 1_000 },
    );
  });
});
