/**
 * The audit's score: a grade per area from its findings, the overall grade from the areas, caps with
 * their reasons, and "incomplete" when what carries the grade could not be tested.
 *
 * Deliberately simple so a person can redo it by hand; docs/scoring.md is the specification and this
 * file follows it section by section.
 */
import type { AuditCoverage } from '../../../preload/contract/coverage';
import type { Finding, Severity } from '../../../preload/contract/findings';
import { SEVERITIES } from '../../../preload/contract/findings';
import {
  GRADES,
  type AreaScore,
  type AuditScore,
  type Grade,
  type ScoreArea,
} from '../../../preload/contract/score';
import { areaTestedness, onlyToolLimitsMissed } from './area-status';
import { capsFor, type CapContext } from './score-caps';
import { SCORE_AREA_TABLE, scoreAreaOf } from './score-areas';

export const FULL_SCORE = 100;

/** "Area scores": points one distinct finding id takes off its area. */
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

/** The highest score each grade allows: a cap at a grade also caps the score to its top. */
export const GRADE_TOPS: { readonly [G in Grade]: number } = { A: 100, B: 89, C: 79, D: 64, F: 49 };

/** With a critical finding an area can score at most the top of F. */
export const CRITICAL_AREA_CAP = GRADE_TOPS.F;

export function gradeOf(score: number): Grade {
  for (const [grade, floor] of GRADE_FLOORS) if (score >= floor) return grade;
  return 'F';
}

function listed(labels: readonly string[]): string {
  const [first = '', ...rest] = labels;
  const lower = rest.map((label) => label.toLowerCase());
  return lower.length === 0
    ? first
    : `${[first, ...lower.slice(0, -1)].join(', ')} and ${lower.at(-1) ?? ''}`;
}

/** True when `a` is a worse grade than `b`. */
export function worseGrade(a: Grade, b: Grade): boolean {
  return GRADES.indexOf(a) > GRADES.indexOf(b);
}

export interface ScoreInput {
  readonly findings: readonly Finding[];
  /** What ran; null for a version 1 report, which did not record it. */
  readonly coverage: AuditCoverage | null;
  readonly cancelled: boolean;
  readonly context: CapContext;
}

/**
 * Findings of a check that did not run say why it could not (a Microsoft 365 account that must sign in
 * with OAuth), not what is wrong with the mail: they are counted and shown, but deduct nothing and cap
 * nothing, so an untested login is never graded as a failed one (docs/scoring.md, "What was tested").
 */
function judgedBy(coverage: AuditCoverage | null): (finding: Finding) => boolean {
  const notRun = new Set(
    (coverage?.checks ?? []).filter((check) => check.status === 'not-run').map((check) => check.checkId),
  );
  return (finding) => !notRun.has(finding.checkId);
}

export function scoreAudit({ findings, coverage, cancelled, context }: ScoreInput): AuditScore {
  const judged = judgedBy(coverage);
  const byArea = new Map<ScoreArea, Finding[]>();
  for (const finding of findings) {
    const area = scoreAreaOf(finding.id);
    if (area === null) continue;
    byArea.set(area, [...(byArea.get(area) ?? []), finding]);
  }
  const areas = SCORE_AREA_TABLE.map(({ area, label }) =>
    scoreArea(area, label, byArea.get(area) ?? [], areaTestedness(area, coverage, findings), judged),
  );

  const incomplete: string[] = [];
  if (cancelled) incomplete.push('The run was cancelled before every check finished.');
  const asked = areas.filter((a) => a.status !== 'not-asked');
  if (asked.length === 0) incomplete.push('Nothing that carries a grade was tested.');
  // One sentence per cause, naming every area it kept from being tested.
  const byCause = new Map<string, string[]>();
  for (const a of asked.filter((x) => x.status === 'not-tested')) {
    const cause = a.why.join(' ');
    byCause.set(cause, [...(byCause.get(cause) ?? []), a.label]);
  }
  for (const [cause, labels] of byCause)
    incomplete.push(`${listed(labels)} could not be tested. ${cause}`.trim());
  if (incomplete.length > 0) return { overall: null, incomplete, areas };

  let weighted = 0;
  let weights = 0;
  for (const a of areas) {
    if (a.score === null) continue;
    const weight = SCORE_AREA_TABLE.find((info) => info.area === a.area)?.weight ?? 0;
    weighted += weight * a.score;
    weights += weight;
  }
  const uncappedScore = Math.round(weighted / weights);
  const caps = capsFor(findings.filter(judged), context).sort(
    (x, y) => GRADES.indexOf(y.grade) - GRADES.indexOf(x.grade),
  );
  const top = Math.min(FULL_SCORE, ...caps.map((cap) => GRADE_TOPS[cap.grade]));
  const score = Math.min(uncappedScore, top);
  return {
    overall: {
      score,
      grade: gradeOf(score),
      uncappedScore,
      caps,
      partial: asked.some((a) => a.status === 'partly-tested' && !onlyToolLimitsMissed(a.area, coverage)),
    },
    incomplete: [],
    areas,
  };
}

function scoreArea(
  area: ScoreArea,
  label: string,
  findings: readonly Finding[],
  { status, why }: { readonly status: AreaScore['status']; readonly why: readonly string[] },
  judged: (finding: Finding) => boolean,
): AreaScore {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  // The same problem on three ports, or for three addresses, is one thing to fix: it deducts once.
  const deductions = new Map<string, number>();
  for (const finding of findings) {
    counts[finding.severity] += 1;
    if (!judged(finding)) continue;
    const points = SEVERITY_DEDUCTION[finding.severity];
    deductions.set(finding.id, Math.max(points, deductions.get(finding.id) ?? 0));
  }
  if (status === 'not-tested' || status === 'not-asked')
    return { area, label, status, score: null, grade: null, counts, why };
  let total = 0;
  for (const points of deductions.values()) total += points;
  const floored = Math.max(0, FULL_SCORE - total);
  const score = counts.critical > 0 ? Math.min(floored, CRITICAL_AREA_CAP) : floored;
  return { area, label, status, score, grade: gradeOf(score), counts, why };
}
