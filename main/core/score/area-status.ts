/**
 * Whether each score area was tested, partly tested, not tested (and why) or not asked, from what ran.
 *
 * Testedness comes from the checks' statuses, never from the findings: a check that could not run adds
 * no finding, and an area must not look clean because of it (docs/scoring.md, "What was tested").
 */
import {
  NOTHING_TO_TEST_KINDS,
  type AuditCoverage,
  type CheckCoverage,
} from '../../../preload/contract/coverage';
import type { Finding } from '../../../preload/contract/findings';
import type { AreaStatus, ScoreArea } from '../../../preload/contract/score';
import { areasFedBy, scoreAreaOf } from './score-areas';

export interface AreaTestedness {
  readonly status: AreaStatus;
  readonly why: readonly string[];
}

/** Findings that say a check did not run, in reports from before coverage was recorded (version 1). */
const LEGACY_NOT_RUN_SUFFIXES = ['.skipped', '.cancelled'];

export function areaTestedness(
  area: ScoreArea,
  coverage: AuditCoverage | null,
  findings: readonly Finding[],
): AreaTestedness {
  if (coverage === null) return legacyTestedness(area, findings);
  const blockers = new Map(coverage.blockers.map((blocker) => [blocker.id, blocker]));
  const asked = askedChecks(area, coverage);
  if (asked.length === 0) return { status: 'not-asked', why: [] };
  const missed = asked.filter((check) => check.status !== 'ran');
  if (missed.length === 0) return { status: 'tested', why: [] };
  const why = [...new Set(missed.map((check) => whyNotRun(check, blockers)))];
  return { status: missed.length === asked.length ? 'not-tested' : 'partly-tested', why };
}

function whyNotRun(
  check: CheckCoverage,
  blockers: ReadonlyMap<string, { readonly message: string }>,
): string {
  const blocker = check.blockedBy === null ? undefined : blockers.get(check.blockedBy);
  if (blocker !== undefined) return blocker.message;
  switch (check.status) {
    case 'timed-out':
      return `${check.title} did not finish in time.`;
    case 'failed':
      return `${check.title} could not run (a fault in Mailwarden, not in the mail setup).`;
    case 'cancelled':
      return `${check.title} was cancelled.`;
    case 'not-run':
    case 'ran':
      return `${check.title} did not run.`;
  }
}

/**
 * True when every check of `area` that did not run was kept back only by a limit of Mailwarden's own TLS
 * library (`client-cannot-offer`: EXPORT, RC4, 3DES). That gap is the same on every audit, so the area
 * says it, but the one-sentence verdict does not call each account "not everything could be tested".
 */
export function onlyToolLimitsMissed(area: ScoreArea, coverage: AuditCoverage | null): boolean {
  if (coverage === null) return false;
  const kinds = new Map(coverage.blockers.map((blocker) => [blocker.id, blocker.kind]));
  const missed = askedChecks(area, coverage).filter((check) => check.status !== 'ran');
  return missed.every((check) => kinds.get(check.blockedBy ?? '') === 'client-cannot-offer');
}

/**
 * The checks that feed `area` and had something to test: a closed port or a test switched off asks
 * nothing (NOTHING_TO_TEST_KINDS), so it neither tests an area nor leaves it partly tested.
 */
function askedChecks(area: ScoreArea, coverage: AuditCoverage): readonly CheckCoverage[] {
  const kinds = new Map(coverage.blockers.map((blocker) => [blocker.id, blocker.kind]));
  return coverage.checks.filter(
    (check) =>
      areasFedBy(check.checkId).includes(area) &&
      !NOTHING_TO_TEST_KINDS.includes(kinds.get(check.blockedBy ?? '') ?? 'cancelled'),
  );
}

/** Version 1 reports did not record what ran: an area with a real finding was tested, else unknown. */
function legacyTestedness(area: ScoreArea, findings: readonly Finding[]): AreaTestedness {
  const tested = findings.some(
    (finding) =>
      scoreAreaOf(finding.id) === area &&
      !LEGACY_NOT_RUN_SUFFIXES.some((suffix) => finding.id.endsWith(suffix)),
  );
  return { status: tested ? 'tested' : 'not-asked', why: [] };
}
