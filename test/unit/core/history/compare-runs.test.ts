import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../../main/core/history/compare-runs';
import { testEntry, testFinding } from '../../../helpers/history-fixtures';

const ids = (findings: readonly { id: string; checkId: string }[]) =>
  findings.map((finding) => `${finding.id}@${finding.checkId}`);

describe('compareRuns', () => {
  const older = testEntry(1, {
    findings: [
      testFinding('spf.all.softfail', 'spf:shop.example', 'medium'),
      testFinding('dmarc.policy.none', 'dmarc:shop.example', 'high'),
      testFinding('tls.protocol.tls1_0-accepted', 'tls:smtp.shop.example:465', 'high'),
      testFinding('mx.present', 'mx:shop.example', 'pass'),
      testFinding('spf.evaluation.pass', 'spf:shop.example', 'pass'),
    ],
  });
  const newer = testEntry(2, {
    findings: [
      testFinding('dmarc.record.missing', 'dmarc:shop.example', 'high'),
      // The same problem on another port is a different finding.
      testFinding('tls.protocol.tls1_0-accepted', 'tls:smtp.shop.example:587', 'high'),
      testFinding('mx.present', 'mx:shop.example', 'pass'),
      testFinding('spf.evaluation.pass', 'spf:shop.example', 'medium'),
      testFinding('spf.all.fail', 'spf:shop.example', 'pass'),
    ],
  });

  it('sorts findings into fixed, new and unchanged by finding id and check id together', () => {
    const comparison = compareRuns(older, newer);
    expect(ids(comparison.fixed)).toEqual([
      'dmarc.policy.none@dmarc:shop.example',
      'tls.protocol.tls1_0-accepted@tls:smtp.shop.example:465',
      'spf.all.softfail@spf:shop.example',
    ]);
    expect(ids(comparison.new)).toEqual([
      'dmarc.record.missing@dmarc:shop.example',
      'tls.protocol.tls1_0-accepted@tls:smtp.shop.example:587',
    ]);
    expect(ids(comparison.unchanged.map((u) => u.finding))).toEqual([
      'spf.evaluation.pass@spf:shop.example',
      'mx.present@mx:shop.example',
    ]);
  });

  it('notes a severity change on a finding that stayed, and nothing on one that did not', () => {
    const { unchanged } = compareRuns(older, newer);
    expect(unchanged.map((u) => [u.finding.id, u.finding.severity, u.previousSeverity])).toEqual([
      ['spf.evaluation.pass', 'medium', 'pass'],
      ['mx.present', 'pass', null],
    ]);
  });

  it('does not call a pass that appeared "new" or one that went away "fixed"', () => {
    const comparison = compareRuns(older, newer);
    expect(ids(comparison.new)).not.toContain('spf.all.fail@spf:shop.example');
    const reversed = compareRuns(newer, older);
    expect(ids(reversed.fixed)).not.toContain('spf.all.fail@spf:shop.example');
    expect(ids(reversed.new)).toContain('dmarc.policy.none@dmarc:shop.example');
  });

  it('summarises both runs so the comparison says which is older', () => {
    const comparison = compareRuns(older, newer);
    expect(comparison.older).toMatchObject({ runId: older.runId, startedAt: older.report.startedAt });
    expect(comparison.newer).toMatchObject({
      runId: newer.runId,
      counts: { high: 2, medium: 1, pass: 2, critical: 0, low: 0, info: 0 },
    });
  });

  it('finds nothing fixed or new between a run and itself, and keeps a repeated finding once at its worst', () => {
    const repeated = testEntry(3, {
      findings: [
        testFinding('dkim.key.weak', 'dkim:s1._domainkey.shop.example', 'low'),
        testFinding('dkim.key.weak', 'dkim:s1._domainkey.shop.example', 'high'),
      ],
    });
    const comparison = compareRuns(repeated, repeated);
    expect(comparison.fixed).toEqual([]);
    expect(comparison.new).toEqual([]);
    expect(comparison.unchanged.map((u) => [u.finding.severity, u.previousSeverity])).toEqual([
      ['high', null],
    ]);
  });
});
