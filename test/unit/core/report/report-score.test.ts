import { describe, expect, it } from 'vitest';
import { readScore } from '../../../../main/core/report/report-score';
import { sampleReport } from '../../../helpers/report-samples';

describe('readScore', () => {
  it('gives the overall row first with its caps and uncapped score, then each area with its status', () => {
    const view = readScore(sampleReport());
    expect(view.overall).toMatchObject({ label: 'Overall', grade: 'F', points: '49 / 100' });
    expect(view.overall.notes[0]).toBe(
      'Capped at F: anyone on the internet can send mail through this server.',
    );
    expect(view.overall.notes).toContain(
      'Some checks could not run; the grade rests on what could be tested.',
    );
    expect(view.overall.notes.some((note) => note.startsWith('Without caps: '))).toBe(true);
    const rows = Object.fromEntries(view.areas.map((row) => [row.label, row]));
    expect(rows['Abuse protection']).toMatchObject({ points: '40 / 100', grade: 'F' });
    // DANE timed out: encryption is graded on what ran and says so.
    expect(rows['Encryption']?.points).toMatch(/\(partly tested\)$/);
    expect(rows['Encryption']?.notes).toEqual(['Check dane:example.com did not finish in time.']);
  });

  it('says "incomplete" with the reason when there is no overall grade', () => {
    const view = readScore(sampleReport({ cancelled: true }));
    expect(view.overall).toEqual({
      label: 'Overall',
      points: 'incomplete',
      grade: '–',
      notes: ['The run was cancelled before every check finished.'],
    });
  });
});
