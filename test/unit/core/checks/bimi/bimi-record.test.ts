import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBimiRecord } from '../../../../../main/core/checks/bimi/bimi-record';

describe('parseBimiRecord', () => {
  it('reads the logo and evidence URLs', () => {
    expect(parseBimiRecord('v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem')).toEqual(
      {
        logo: 'https://example.com/logo.svg',
        authority: 'https://example.com/vmc.pem',
        problems: [],
        logoProblems: [],
        authorityProblems: [],
      },
    );
  });

  it('treats an empty l= as declining, and names bad URLs', () => {
    expect(parseBimiRecord('v=BIMI1; l=;')).toMatchObject({ logo: '', problems: [], logoProblems: [] });
    const bad = parseBimiRecord('v=BIMI1; l=logo.svg; a=http://example.com/vmc.txt');
    expect(bad.logoProblems).toEqual(['"logo.svg" is not a valid URL']);
    expect(bad.authorityProblems).toEqual([
      '"http://example.com/vmc.txt" must start with https://',
      '"http://example.com/vmc.txt" should point to a PEM file (.pem)',
    ]);
    expect(parseBimiRecord('l=https://example.com/a.svg').problems).toEqual([
      'the record must start with "v=BIMI1"',
    ]);
  });

  it('never throws and bounds its output (property)', () => {
    const url = fc.oneof(fc.webUrl(), fc.string({ maxLength: 60 }));
    const record = fc.tuple(url, url).map(([l, a]) => `v=BIMI1; l=${l}; a=${a}`);
    fc.assert(
      fc.property(fc.oneof(record, fc.string({ unit: 'binary', maxLength: 3_000 })), (text) => {
        const started = performance.now();
        const parsed = parseBimiRecord(text);
        expect(performance.now() - started).toBeLessThan(500);
        expect(parsed.problems.length).toBeLessThanOrEqual(40);
        expect(parsed.logoProblems.length).toBeLessThanOrEqual(2);
        expect(parsed.authorityProblems.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });
});
