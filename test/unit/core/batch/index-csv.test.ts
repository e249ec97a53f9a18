import { describe, expect, it } from 'vitest';
import { buildBatchIndex } from '../../../../main/core/batch/batch-index';
import { INDEX_CSV_HEADER, renderIndexCsv } from '../../../../main/core/batch/index-csv';
import { parseCsv } from '../../../../main/core/batch/csv-parse';
import { SAMPLE_PROBLEMS, SAMPLE_RESULTS } from './batch-fixtures';

describe('renderIndexCsv', () => {
  const csv = renderIndexCsv(
    buildBatchIndex({ generatedAt: 'x', cancelled: true, results: SAMPLE_RESULTS, notRun: SAMPLE_PROBLEMS }),
  );
  const parsed = parseCsv(csv);
  const rows = parsed.ok ? parsed.records.map((r) => (r.kind === 'record' ? r.fields : [])) : [];

  it('writes RFC 4180 CSV with CRLF line ends that reads back into the same cells', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(7);
    expect(rows[0]).toEqual([...INDEX_CSV_HEADER]);
    expect(rows[1]).toEqual([
      '2',
      'Acme, Inc.',
      'acme.test',
      'done',
      'high',
      '0',
      '2',
      '1',
      '0',
      '0',
      '2',
      '72',
      'C',
      '00002-acme.html',
      'domain only',
    ]);
  });

  it('has a row for a bad row with its reason, and for a cancelled one', () => {
    expect(rows[2]?.slice(0, 4)).toEqual([
      '3',
      'Bad',
      'bad.test',
      'not run: the port must be a whole number',
    ]);
    expect(rows[5]?.[3]).toBe('cancelled before it started');
  });

  it('defuses a client name a spreadsheet would run as a formula', () => {
    expect(rows[5]?.[1]).toBe("'=cmd|calc");
  });
});

describe('renderIndexCsv with a rejected row from a hostile input file', () => {
  it('carries no raw ESC or BEL: they are shown as code points', () => {
    const hostile = renderIndexCsv(
      buildBatchIndex({
        generatedAt: 'x',
        cancelled: false,
        results: [],
        notRun: [
          {
            kind: 'problem',
            line: 4,
            client: 'Evil\u001b[2J\u0007',
            target: 'a\u202eb',
            reason: 'bad \u001b]8;;x\u0007',
          },
        ],
      }),
    );
    // eslint-disable-next-line no-control-regex
    expect(hostile).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(hostile).toContain('Evil⟨U+001B⟩[2J⟨U+0007⟩');
  });
});
