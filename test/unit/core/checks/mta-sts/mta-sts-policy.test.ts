import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_AGE_LIMIT_S,
  mxMatchesPattern,
  parseStsPolicy,
  parseStsTxtRecord,
} from '../../../../../main/core/checks/mta-sts/mta-sts-policy';

describe('MTA-STS record and policy (RFC 8461)', () => {
  it('reads a valid TXT record and names what is wrong with bad ones', () => {
    expect(parseStsTxtRecord('v=STSv1; id=20260101T0;')).toEqual({ id: '20260101T0', problems: [] });
    expect(parseStsTxtRecord('id=1; v=STSv1').problems).toEqual(['the record must start with "v=STSv1"']);
    expect(parseStsTxtRecord('v=STSv1; id=' + 'a'.repeat(33)).problems[0]).toMatch(
      /1 to 32 letters and digits/,
    );
    expect(parseStsTxtRecord('v=STSv1').problems).toEqual(['the required "id" field is missing']);
  });

  it('reads a policy with CRLF or LF lines and several mx patterns', () => {
    const policy = parseStsPolicy(
      'version: STSv1\r\nmode: enforce\nmx: MX1.Example.com.\r\nmx: *.example.net\r\nmax_age: 86400\r\n',
    );
    expect(policy).toEqual({
      version: 'STSv1',
      mode: 'enforce',
      maxAge: 86400,
      mx: ['mx1.example.com', '*.example.net'],
      problems: [],
    });
  });

  it('reports every problem with its line number', () => {
    const policy = parseStsPolicy(
      `version: STSv2\nmode: on\nmode: enforce\nmax_age: ${String(MAX_AGE_LIMIT_S + 1)}\nmx: bad_host!\njunk`,
    );
    expect(policy.problems).toEqual([
      'line 1: version must be "STSv1", not "STSv2"',
      'line 2: mode must be enforce, testing or none, not "on"',
      'line 3: "mode" appears again (first on line 2)',
      `line 4: max_age ${String(MAX_AGE_LIMIT_S + 1)} is above the limit of ${String(MAX_AGE_LIMIT_S)} seconds`,
      'line 5: "bad_host!" is not a host name or a *.domain pattern',
      'line 6: "junk" is not "key: value"',
    ]);
    expect(parseStsPolicy('version: STSv1\nmode: testing\nmax_age: 60').problems).toEqual([
      'there is no "mx" line; a policy in testing or enforce mode needs at least one',
    ]);
  });

  it('matches a wildcard against exactly one left-most label (section 4.1)', () => {
    expect(mxMatchesPattern('mx1.example.com.', '*.example.com')).toBe(true);
    expect(mxMatchesPattern('MX1.EXAMPLE.COM', 'mx1.example.com')).toBe(true);
    expect(mxMatchesPattern('a.b.example.com', '*.example.com')).toBe(false);
    expect(mxMatchesPattern('example.com', '*.example.com')).toBe(false);
    expect(mxMatchesPattern('mx1.badexample.com', '*.example.com')).toBe(false);
    expect(mxMatchesPattern('mx2.example.com', 'mx1.example.com')).toBe(false);
  });

  it('never throws and bounds its output on any policy text (property)', () => {
    const line = fc.oneof(
      fc
        .tuple(fc.constantFrom('version', 'mode', 'max_age', 'mx', 'other', ''), fc.string({ maxLength: 40 }))
        .map(([k, v]) => `${k}: ${v}`),
      fc.string({ unit: 'binary', maxLength: 80 }),
    );
    const policyText = fc
      .tuple(fc.array(line, { maxLength: 300 }), fc.constantFrom('\n', '\r\n'))
      .map(([lines, eol]) => lines.join(eol));
    fc.assert(
      fc.property(fc.oneof(policyText, fc.string({ unit: 'binary', maxLength: 5_000 })), (text) => {
        const started = performance.now();
        const policy = parseStsPolicy(text);
        expect(performance.now() - started).toBeLessThan(500);
        expect(policy.problems.length).toBeLessThanOrEqual(33);
        expect(policy.mx.length).toBeLessThanOrEqual(100);
        if (policy.maxAge !== null) expect(Number.isInteger(policy.maxAge)).toBe(true);
        const record = parseStsTxtRecord(text);
        if (record.id !== null) expect(record.id).toMatch(/^[A-Za-z0-9]{1,32}$/);
      }),
      { numRuns: 300 },
    );
  });

  it('copes with a policy of many thousands of lines', () => {
    const huge = parseStsPolicy('mx: a.example\n'.repeat(50_000));
    expect(huge.problems[0]).toMatch(/more than 2000 lines/);
    expect(huge.mx.length).toBeLessThanOrEqual(100);
  });
});
