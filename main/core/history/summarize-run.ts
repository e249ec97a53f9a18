/** The list line of a stored run: who, when, its grade, and how many findings of each severity. */
import type { HistoryEntry, HistoryRunSummary } from '../../../preload/contract/history';
import { countBySeverity } from '../../../preload/contract/findings';

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
    overall: report.score.overall ?? null,
  };
}
