/**
 * The audit score as the renderer, the CLI and the reports see it: a grade per area and overall.
 *
 * The formula lives in main/core/score and is explained in the README ("How the score works"); this is
 * only its result, so a report can be shown without recomputing anything.
 */
import type { Severity } from './findings';

/** The seven areas a user is graded on; each finding id belongs to at most one. */
export const SCORE_AREAS = [
  'connection',
  'encryption',
  'login',
  'abuse-protection',
  'domain-authentication',
  'deliverability',
  'incoming',
] as const;
export type ScoreArea = (typeof SCORE_AREAS)[number];

export const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;
export type Grade = (typeof GRADES)[number];

export interface AreaScore {
  readonly area: ScoreArea;
  /** e.g. "Domain authentication". */
  readonly label: string;
  /** 0 to 100; null when no check of this area ran ("not tested"), which is not the same as 100. */
  readonly score: number | null;
  readonly grade: Grade | null;
  /** How many findings of each severity the area had. */
  readonly counts: { readonly [S in Severity]: number };
}

export interface AuditScore {
  /** The weighted mean of the tested areas; null when no area was tested. */
  readonly overall: { readonly score: number; readonly grade: Grade } | null;
  /** Every area, in SCORE_AREAS order, tested or not. */
  readonly areas: readonly AreaScore[];
}
