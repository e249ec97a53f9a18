import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTlsRptRecord } from '../../../../../main/core/checks/tls-rpt/tls-rpt-record';

describe('parseTlsRptRecord (RFC 8460 section 3)', () => {
  it('reads mailto and https destinations', () => {
    expect(parseTlsRptRecord('v=TLSRPTv1;rua=mailto:reports@example.com, https://r.example.net/v1')).toEqual({
      destinations: [
        { kind: 'mailto', uri: 'mailto:reports@example.com', domain: 'example.com' },
        { kind: 'https', uri: 'https://r.example.net/v1', domain: 'r.example.net' },
      ],
      problems: [],
    });
  });

  it('names each problem', () => {
    expect(parseTlsRptRecord('rua=mailto:a@example.com; v=TLSRPTv1').problems).toEqual([
      'the record must start with "v=TLSRPTv1"',
    ]);
    expect(parseTlsRptRecord('v=TLSRPTv1; rua=mailto:a@example.com,,https://').problems).toEqual([
      'an empty report destination (a stray comma)',
      '"https://" is not a valid https URL',
    ]);
  });

  it('never throws and bounds its output (property)', () => {
    const uri = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ maxLength: 20 }).map((s) => `mailto:${s}`),
      fc.string({ maxLength: 20 }).map((s) => `https://${s}`),
    );
    const record = fc.array(uri, { maxLength: 50 }).map((uris) => `v=TLSRPTv1; rua=${uris.join(',')}`);
    fc.assert(
      fc.property(fc.oneof(record, fc.string({ unit: 'binary', maxLength: 3_000 })), (text) => {
        const started = performance.now();
        const parsed = parseTlsRptRecord(text);
        expect(performance.now() - started).toBeLessThan(500);
        expect(parsed.destinations.length).toBeLessThanOrEqual(20);
        expect(parsed.problems.length).toBeLessThanOrEqual(60);
        for (const d of parsed.destinations) expect(['mailto', 'https']).toContain(d.kind);
      }),
      { numRuns: 300 },
    );
  });
});
