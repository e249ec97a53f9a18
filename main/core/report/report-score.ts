/**
 * The report's score as rows a reader can scan: overall first (with its caps and the uncapped score),
 * then one row per area, saying "not tested" or "not asked" rather than showing 100, which would read
 * as "all good".
 *
 * The score is computed in main/core/score (docs/scoring.md) and only shown here.
 */
import type { AuditReport } from '../../../preload/contract/audit';
import type { AreaScore } from '../../../preload/contract/score';
import { visibleText as plainText } from '../../../preload/contract/untrusted-text';

export interface ScoreRow {
  readonly label: string;
  /** e.g. "82 / 100", "incomplete", "not tested" or "not asked". */
  readonly points: string;
  /** A to F, or "–" when there is no grade. */
  readonly grade: string;
  /** Why the row is not (fully) tested, or what capped it; empty when nothing needs saying. */
  readonly notes: readonly string[];
}

export interface ScoreView {
  readonly overall: ScoreRow;
  readonly areas: readonly ScoreRow[];
}

const MAX_POINTS = 100;
const NO_GRADE = '–';
const AREA_POINTS: { readonly [S in AreaScore['status']]: (area: AreaScore) => string } = {
  tested: (area) => points(area.score),
  'partly-tested': (area) => `${points(area.score)} (partly tested)`,
  'not-tested': () => 'not tested',
  'not-asked': () => 'not asked',
};

export function readScore(report: AuditReport): ScoreView {
  const { overall, incomplete, areas } = report.score;
  return {
    overall:
      overall === null
        ? { label: 'Overall', points: 'incomplete', grade: NO_GRADE, notes: incomplete.map(plainText) }
        : {
            label: 'Overall',
            points: points(overall.score),
            grade: overall.grade,
            notes: [
              ...overall.caps.map((cap) => plainText(capText(cap))),
              ...(overall.caps.length > 0 && overall.uncappedScore !== overall.score
                ? [`Without caps: ${points(overall.uncappedScore)}.`]
                : []),
              ...(overall.partial
                ? ['Some checks could not run; the grade rests on what could be tested.']
                : []),
            ],
          },
    areas: areas.map((area) => ({
      label: plainText(area.label),
      points: AREA_POINTS[area.status](area),
      grade: area.grade ?? NO_GRADE,
      notes: area.why.map(plainText),
    })),
  };
}

/** "Capped at F: anyone on the internet can send mail through this server." */
export function capText(cap: { readonly grade: string; readonly reason: string }): string {
  return `Capped at ${cap.grade}: ${cap.reason}.`;
}

function points(value: number | null): string {
  return value === null ? '–' : `${String(Math.round(value))} / ${String(MAX_POINTS)}`;
}
