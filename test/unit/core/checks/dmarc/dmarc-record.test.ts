import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseDmarcRecord,
  parseReportUri,
  withPolicy,
} from '../../../../../main/core/checks/dmarc/dmarc-record';

const MAX_PROBLEMS = 100;

describe('parseDmarcRecord (RFC 9989 section 4.7)', () => {
  it('reads every tag of a full record', () => {
    const record = parseDmarcRecord(
      'v=DMARC1; p=Reject; sp=quarantine; np=reject; pct=25; adkim=s; aspf=r; rua=mailto:a@example.com!10m,mailto:b@example.org; ruf=mailto:f@example.com; fo=1',
    );
    expect(record).toMatchObject({
      policy: 'reject',
      subdomainPolicy: 'quarantine',
      nonExistentPolicy: 'reject',
      pct: 25,
      adkim: 's',
      aspf: 'r',
      problems: [],
      unknownTags: [],
    });
    expect(record.rua).toEqual([
      {
        uri: 'mailto:a@example.com',
        raw: 'mailto:a@example.com!10m',
        address: 'a@example.com',
        domain: 'example.com',
        maxBytes: 10 * 1024 ** 2,
      },
      {
        uri: 'mailto:b@example.org',
        raw: 'mailto:b@example.org',
        address: 'b@example.org',
        domain: 'example.org',
        maxBytes: null,
      },
    ]);
  });

  it('names each problem: version not first, bad policy, bad alignment, bad report address', () => {
    const record = parseDmarcRecord(
      'p=block; v=DMARC1; pct=101; adkim=x; rua=https://example.com/r,mailto:nobody',
    );
    expect(record.problems).toEqual([
      'the record must start with "v=DMARC1"',
      'p=block is not one of none, quarantine, reject',
      'adkim=x must be "r" (relaxed) or "s" (strict)',
      'rua: "https://example.com/r" is not a mailto: address (reports are sent by email: use mailto:name@example.com)',
      'rua: "mailto:nobody" is not a valid email address',
    ]);
    // RFC 9989 removed pct: an unreadable value is noted as obsolete, and the default stays 100.
    expect(record.obsolete).toEqual([{ name: 'pct', value: '101' }]);
    expect(record.pct).toBe(100);
  });

  it('reads a record without p as p=none to come (RFC 9989 section 4.7), not as an error', () => {
    const record = parseDmarcRecord('v=DMARC1; rua=mailto:d@example.com');
    expect(record).toMatchObject({ policy: null, policyMissing: true, problems: [] });
  });

  it('validates the RFC 9989 tags t, psd and fo, and np and sp values', () => {
    expect(parseDmarcRecord('v=DMARC1; p=reject; t=y; psd=n; fo=0:d:s').problems).toEqual([]);
    expect(parseDmarcRecord('v=DMARC1; p=reject; t=y')).toMatchObject({ testing: true, psd: null });
    expect(parseDmarcRecord('v=DMARC1; p=reject; t=yes; psd=maybe; fo=2; np=drop; sp=hold').problems).toEqual(
      [
        'sp=hold is not one of none, quarantine, reject',
        'np=drop is not one of none, quarantine, reject',
        't=yes must be "y" (testing) or "n"',
        'psd=maybe must be "y", "n" or "u"',
        'fo=2 must be a colon-separated list of 0, 1, d and s',
      ],
    );
  });

  it('lists rf and ri as obsolete, not as errors', () => {
    const record = parseDmarcRecord('v=DMARC1; p=none; rf=afrf; ri=abc');
    expect(record.problems).toEqual([]);
    expect(record.obsolete).toEqual([
      { name: 'rf', value: 'afrf' },
      { name: 'ri', value: 'abc' },
    ]);
  });

  it('reads size suffixes and rejects bad ones', () => {
    expect(parseReportUri('mailto:a@example.com!2k')).toMatchObject({ maxBytes: 2048 });
    expect(typeof parseReportUri('mailto:a@example.com!big')).toBe('string');
  });

  it('rebuilds the record for the next stage, keeping valid tags and dropping pct, typos and bad values', () => {
    const record = parseDmarcRecord(
      'v=DMARC1; p=none; pct=10; rua=mailto:a@example.com!5m,bad; fo=1; adkim=x; foo=bar',
    );
    expect(withPolicy(record, 'quarantine')).toBe(
      'v=DMARC1; p=quarantine; rua=mailto:a@example.com!5m; fo=1',
    );
  });

  it('never throws and bounds its output on any text (property)', () => {
    const tag = fc.constantFrom('v', 'p', 'sp', 'np', 'pct', 'adkim', 'aspf', 'rua', 'ruf', 'fo', 'ri', 'zz');
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('DMARC1', 'reject', 'none', '100', 's', 'mailto:a@b.example!5m,mailto:x'),
    );
    const structured = fc
      .array(fc.tuple(tag, value), { maxLength: 40 })
      .map((pairs) => pairs.map(([n, v]) => `${n}=${v}`).join('; '));
    fc.assert(
      fc.property(fc.oneof(structured, fc.string({ unit: 'binary', maxLength: 3_000 })), (text) => {
        const started = performance.now();
        const record = parseDmarcRecord(text);
        expect(performance.now() - started).toBeLessThan(500);
        expect(record.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
        expect(record.rua.length).toBeLessThanOrEqual(20);
        expect(record.pct).toBeGreaterThanOrEqual(0);
        expect(record.pct).toBeLessThanOrEqual(100);
        for (const problem of record.problems) expect(problem).not.toMatch(/\p{Cc}/u);
      }),
      { numRuns: 300 },
    );
  });
});
