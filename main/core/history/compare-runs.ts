/**
 * Two stored runs compared: what got fixed, what is new, what stayed (with severity changes noted).
 *
 * Findings match on finding id and check id together, so the same problem on another port or
 * selector counts as a different finding. A pass that appears or disappears is not listed as fixed or
 * new: its opposite (the problem it replaced) already says so.
 */
import type { HistoryEntry, RunComparison, UnchangedFinding } from '../../../preload/contract/history';
import { severityRank, type Finding } from '../../../preload/contract/findings';
import { summarizeRun } from './summarize-run';

export function compareRuns(older: HistoryEntry, newer: HistoryEntry): RunComparison {
  const before = byKey(older.report.findings);
  const after = byKey(newer.report.findings);
  const fixed: Finding[] = [];
  const added: Finding[] = [];
  const unchanged: UnchangedFinding[] = [];
  for (const [key, finding] of before) {
    if (!after.has(key) && finding.severity !== 'pass') fixed.push(finding);
  }
  for (const [key, finding] of after) {
    const previous = before.get(key);
    if (previous === undefined) {
      if (finding.severity !== 'pass') added.push(finding);
    } else {
      unchanged.push({
        finding,
        previousSeverity: previous.severity === finding.severity ? null : previous.severity,
      });
    }
  }
  return {
    older: summarizeRun(older),
    newer: summarizeRun(newer),
    fixed: worstFirst(fixed),
    new: worstFirst(added),
    unchanged: [...unchanged].sort(
      (a, b) => severityRank(b.finding.severity) - severityRank(a.finding.severity),
    ),
  };
}

/** One finding per id + check id; if a report repeats one, the worst instance stands for it. */
function byKey(findings: readonly Finding[]): Map<string, Finding> {
  const map = new Map<string, Finding>();
  for (const finding of findings) {
    const key = JSON.stringify([finding.id, finding.checkId]);
    const seen = map.get(key);
    if (seen === undefined || severityRank(finding.severity) > severityRank(seen.severity))
      map.set(key, finding);
  }
  return map;
}

function worstFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}
