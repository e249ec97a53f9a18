import { describe, expect, it } from 'vitest';
import { readScore } from '../../../../main/core/report/report-score';
import { sampleReport } from '../../../helpers/report-samples';

describe('readScore', () => {
  it('gives the overall row first, then each area, with untested areas saying so', () => {
    expect(readScore(sampleReport())).toEqual({
      overall: { label: 'Overall', points: '61 / 100', grade: 'C' },
      areas: [
        { label: 'Abuse protection', points: '20 / 100', grade: 'F' },
        { label: 'Deliverability rules', points: 'not tested', grade: '–' },
      ],
    });
  });

  it('has nothing to show for a report without a score, and no overall grade when nothing was tested', () => {
    const { score: _score, ...unscored } = sampleReport();
    expect(readScore(unscored)).toBeNull();
    expect(readScore(sampleReport({ score: { overall: null, areas: [] } }))?.overall).toEqual({
      label: 'Overall',
      points: 'not tested',
      grade: '–',
    });
  });
});
