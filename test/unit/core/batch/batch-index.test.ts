import { describe, expect, it } from 'vitest';
import { buildBatchIndex, readScore } from '../../../../main/core/batch/batch-index';
import { SAMPLE_PROBLEMS, SAMPLE_RESULTS, sampleReport } from './batch-fixtures';

describe('buildBatchIndex', () => {
  const index = buildBatchIndex({
    generatedAt: '2026-01-01T00:00:02.000Z',
    cancelled: true,
    results: SAMPLE_RESULTS,
    notRun: SAMPLE_PROBLEMS,
  });

  it('lists every row in file order, bad rows included', () => {
    expect(index.entries.map((e) => [e.line, e.status])).toEqual([
      [2, 'done'],
      [3, 'not-run'],
      [4, 'cancelled'],
      [5, 'failed'],
      [6, 'cancelled'],
    ]);
    expect(index.totals).toEqual({ done: 1, 'not-run': 1, cancelled: 2, failed: 1 });
    expect(index.cancelled).toBe(true);
  });

  it('summarises a report: worst severity, counts by severity, score and grade, link', () => {
    expect(index.entries[0]).toMatchObject({
      client: 'Acme, Inc.',
      target: 'acme.test',
      statusText: 'done',
      worst: 'high',
      counts: { critical: 0, high: 2, medium: 1, low: 0, info: 0, pass: 2 },
      score: 72,
      grade: 'C',
      report: { view: '00002-acme.html' },
    });
  });

  it('says why a row did not run, was cancelled or failed', () => {
    expect(index.entries[1]).toMatchObject({
      statusText: 'not run: the port must be a whole number',
      counts: null,
      report: null,
    });
    expect(index.entries[2]?.statusText).toBe('cancelled while running (partial report)');
    expect(index.entries[2]).toMatchObject({ score: null, grade: null, worst: 'low' });
    expect(index.entries[3]?.statusText).toBe('could not run: the keychain is locked');
    expect(index.entries[4]?.statusText).toBe('cancelled before it started');
  });

  it('has no worst severity for a report without findings, and no score for an unscored one', () => {
    const empty = buildBatchIndex({
      generatedAt: 'x',
      cancelled: false,
      results: [
        {
          kind: 'done',
          job: {
            line: 2,
            client: '',
            target: 'a.test',
            request: { kind: 'domain', domain: 'a.test' },
            note: '',
          },
          report: sampleReport([], false, false),
          saved: { json: 'a.json', view: 'a.html' },
        },
      ],
      notRun: [],
    });
    expect(empty.entries[0]).toMatchObject({ worst: null, score: null, grade: null });
    expect(readScore(sampleReport([], false, true))).toEqual({ score: 72, grade: 'C' });
  });
});
