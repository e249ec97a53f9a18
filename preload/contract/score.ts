/**
 * The audit score as the renderer, the CLI and the reports see it: a grade per area and overall, what
 * capped it and why, and what could not be tested.
 *
 * The model is docs/scoring.md; the code is main/core/score. This is only its result, so a report can be
 * shown without recomputing anything.
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

/**
 * tested: every check of the area that was asked for ran. partly-tested: some did not (why says which).
 * not-tested: none could run (why says what stopped them). not-asked: the audit did not include it.
 */
export const AREA_STATUSES = ['tested', 'partly-tested', 'not-tested', 'not-asked'] as const;
export type AreaStatus = (typeof AREA_STATUSES)[number];

export interface AreaScore {
  readonly area: ScoreArea;
  /** e.g. "Domain authentication". */
  readonly label: string;
  readonly status: AreaStatus;
  /** 0 to 100; null when the area was not tested or not asked, which is not the same as 100. */
  readonly score: number | null;
  readonly grade: Grade | null;
  /** How many findings of each severity the area had. */
  readonly counts: { readonly [S in Severity]: number };
  /** Why the area was not (fully) tested, one plain sentence each; empty when tested or not asked. */
  readonly why: readonly string[];
}

/** A limit on the overall grade, with its reason (as in SSL Labs' rating guide). */
export interface ScoreCap {
  /** Which rule of docs/scoring.md, e.g. "open-relay". */
  readonly rule: string;
  /** The best overall grade this cap allows. */
  readonly grade: Grade;
  /** e.g. "anyone on the internet can send mail through this server". */
  readonly reason: string;
  /** The finding ids that triggered it. */
  readonly findingIds: readonly string[];
}

export interface OverallScore {
  /** The score after caps. */
  readonly score: number;
  readonly grade: Grade;
  /** The weighted mean of the graded areas before any cap. */
  readonly uncappedScore: number;
  /** Every cap that applies, strictest first; empty when none. */
  readonly caps: readonly ScoreCap[];
  /** True when an area was only partly tested: the grade rests on what could be tested. */
  readonly partial: boolean;
}

export interface AuditScore {
  /** Null when the result is incomplete (see `incomplete`). */
  readonly overall: OverallScore | null;
  /** Why there is no overall grade, one plain sentence each; empty when there is one. */
  readonly incomplete: readonly string[];
  /** Every area, in SCORE_AREAS order. */
  readonly areas: readonly AreaScore[];
}
