/**
 * The report's score as rows a reader can scan: overall first, then one row per area.
 *
 * The score is computed in main/core/score and only shown here; an area with nothing tested says so rather
 * than showing 100, which would read as "all good".
 */
import type { AuditReport } from '../../../preload/contract/audit';
import { visibleText as plainText } from '../../../preload/contract/untrusted-text';

export interface ScoreRow {
  readonly label: string;
  /** e.g. "82 / 100", or "not tested". */
  readonly points: string;
  /** A to F, or "–" when not tested. */
  readonly grade: string;
}

export interface ScoreView {
  readonly overall: ScoreRow;
  readonly areas: readonly ScoreRow[];
}

const MAX_POINTS = 100;
const NOT_TESTED = 'not tested';
const NO_GRADE = '–';

/** The score rows, or null when the report carries no score. */
export function readScore(report: AuditReport): ScoreView | null {
  const { score } = report;
  if (score === undefined) return null;
  return {
    overall: {
      label: 'Overall',
      points: score.overall === null ? NOT_TESTED : points(score.overall.score),
      grade: score.overall?.grade ?? NO_GRADE,
    },
    areas: score.areas.map((area) => ({
      label: plainText(area.label),
      points: area.score === null ? NOT_TESTED : points(area.score),
      grade: area.grade ?? NO_GRADE,
    })),
  };
}

function points(value: number): string {
  return `${String(Math.round(value))} / ${String(MAX_POINTS)}`;
}
