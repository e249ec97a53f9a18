/**
 * Turns an audit's findings into a score and grade per area and overall.
 *
 * Deliberately simple so a user can redo it by hand (README, "How the score works"): each area starts
 * at 100 and every distinct problem deducts by its severity; an area where nothing ran is "not tested",
 * never a free 100; a critical problem caps the area at F and the overall grade at D.
 */
import type { Finding, Severity } from '../../../preload/contract/findings';
import { SEVERITIES } from '../../../preload/contract/findings';
import type { AreaScore, AuditScore, Grade, ScoreArea } from '../../../preload/contract/score';
import { SCORE_AREA_TABLE, scoreAreaOf } from './score-areas';

export const FULL_SCORE = 100;

/** Points one distinct finding id takes off its area. */
export const SEVERITY_DEDUCTION: { readonly [S in Severity]: number } = {
  pass: 0,
  info: 0,
  low: 5,
  medium: 15,
  high: 30,
  critical: 60,
};

/** The lowest score of each grade, best first; below the last is F. */
export const GRADE_FLOORS: readonly (readonly [Grade, number])[] = [
  ['A', 90],
  ['B', 80],
  ['C', 65],
  ['D', 50],
];

/** With a critical finding an area can score at most this (the top of F)... */
export const CRITICAL_AREA_CAP = 49;
/** ...and the overall score at most this (the top of D). */
export const CRITICAL_OVERALL_CAP = 64;

/** Findings that say a check did not run: they are counted but do not make an area "tested". */
const NOT_RUN_SUFFIXES = ['.skipped', '.cancelled'];

export function gradeOf(score: number): Grade {
  for (const [grade, floor] of GRADE_FLOORS) if (score >= floor) return grade;
  return 'F';
}

export function scoreFindings(findings: readonly Finding[]): AuditScore {
  const byArea = new Map<ScoreArea, Finding[]>();
  for (const finding of findings) {
    const area = scoreAreaOf(finding.id);
    if (area === null) continue;
    const list = byArea.get(area) ?? [];
    list.push(finding);
    byArea.set(area, list);
  }

  const areas = SCORE_AREA_TABLE.map(({ area, label }) => scoreArea(area, label, byArea.get(area) ?? []));
  let weighted = 0;
  let weights = 0;
  for (const { area, score } of areas) {
    if (score === null) continue;
    const weight = SCORE_AREA_TABLE.find((info) => info.area === area)?.weight ?? 0;
    weighted += weight * score;
    weights += weight;
  }
  if (weights === 0) return { overall: null, areas };
  const critical = areas.some((a) => a.counts.critical > 0);
  const mean = Math.round(weighted / weights);
  const score = critical ? Math.min(mean, CRITICAL_OVERALL_CAP) : mean;
  return { overall: { score, grade: gradeOf(score) }, areas };
}

function scoreArea(area: ScoreArea, label: string, findings: readonly Finding[]): AreaScore {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  // The same problem on three ports, or for three addresses, is one thing to fix: it deducts once.
  const deductions = new Map<string, number>();
  let tested = false;
  for (const finding of findings) {
    counts[finding.severity] += 1;
    const points = SEVERITY_DEDUCTION[finding.severity];
    deductions.set(finding.id, Math.max(points, deductions.get(finding.id) ?? 0));
    if (!NOT_RUN_SUFFIXES.some((suffix) => finding.id.endsWith(suffix))) tested = true;
  }
  if (!tested) return { area, label, score: null, grade: null, counts };
  let total = 0;
  for (const points of deductions.values()) total += points;
  const floored = Math.max(0, FULL_SCORE - total);
  const score = counts.critical > 0 ? Math.min(floored, CRITICAL_AREA_CAP) : floored;
  return { area, label, score, grade: gradeOf(score), counts };
}
