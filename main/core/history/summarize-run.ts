/** The list line of a stored run: who, when, and how many findings of each severity. */
import type { HistoryEntry, HistoryRunSummary } from '../../../preload/contract/history';
import { SEVERITIES, type Severity } from '../../../preload/contract/findings';

export function summarizeRun(entry: HistoryEntry): HistoryRunSummary {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of entry.report.findings) counts[finding.severity] += 1;
  const { report } = entry;
  return {
    runId: entry.runId,
    accountId: entry.accountId,
    target: report.target,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    cancelled: report.cancelled,
    counts,
  };
}
