import { describe, expect, it } from 'vitest';
import { countBySeverity, severityRank, SEVERITIES } from '../../../preload/contract/findings';

describe('countBySeverity', () => {
  it('counts every severity, zero included', () => {
    const severities = ['info', 'critical', 'pass', 'info'] as const;
    expect(countBySeverity(severities.map((severity) => ({ severity })))).toEqual({
      pass: 1,
      info: 2,
      low: 0,
      medium: 0,
      high: 0,
      critical: 1,
    });
  });

  it('answers all zeros for no findings', () => {
    expect(Object.values(countBySeverity([]))).toEqual(SEVERITIES.map(() => 0));
  });
});

describe('severityRank', () => {
  it('ranks critical worst and pass best', () => {
    const ranked = [...SEVERITIES].sort((a, b) => severityRank(b) - severityRank(a));
    expect(ranked).toEqual(['critical', 'high', 'medium', 'low', 'info', 'pass']);
  });
});
