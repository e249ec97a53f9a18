/** The list line of a stored run: who, when, its grade, its worst problem and how many findings of each severity. */
import type { HistoryEntry, HistoryRunSummary, WorstProblem } from '../../../preload/contract/history';
import { countBySeverity, severityRank, type Finding } from '../../../preload/contract/findings';

/** Pass and info are not problems: the worst problem is low or above. */
const LOWEST_PROBLEM_RANK = severityRank('low');

export function summarizeRun(entry: HistoryEntry): HistoryRunSummary {
  const { report } = entry;
  return {
    runId: entry.runId,
    accountId: entry.accountId,
    target: report.target,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    cancelled: report.cancelled,
    counts: countBySeverity(report.findings),
    overall: report.score.overall,
    worst: worstProblem(report.findings),
  };
}

function worstProblem(findings: readonly Finding[]): WorstProblem | null {
  let worst: Finding | null = null;
  for (const finding of findings) {
    const rank = severityRank(finding.severity);
    if (rank >= LOWEST_PROBLEM_RANK && (worst === null || rank > severityRank(worst.severity)))
      worst = finding;
  }
  return worst === null ? null : { id: worst.id, title: worst.title, severity: worst.severity };
}
