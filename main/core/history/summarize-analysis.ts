/** The list line of a checked message: when, which From domain, how, and its worst problem. */
import { countBySeverity, severityRank, type Finding } from '../../../preload/contract/findings';
import type { AnalysisEntry, AnalysisRunSummary } from '../../../preload/contract/message-check';

/** Pass and info are not problems: the worst problem is low or above (as for audit runs). */
const LOWEST_PROBLEM_RANK = severityRank('low');

export function summarizeAnalysis(entry: AnalysisEntry): AnalysisRunSummary {
  const { analysis } = entry;
  return {
    runId: entry.runId,
    analysedAt: analysis.analysedAt,
    source: analysis.source,
    fromDomain: analysis.authentication?.fromDomain ?? null,
    offline: analysis.dns === null,
    hasBody: analysis.message?.hasBody ?? false,
    counts: countBySeverity(analysis.findings),
    worst: worstProblem(analysis.findings),
  };
}

export function worstProblem(findings: readonly Finding[]): AnalysisRunSummary['worst'] {
  let worst: Finding | null = null;
  for (const finding of findings) {
    const rank = severityRank(finding.severity);
    if (rank >= LOWEST_PROBLEM_RANK && (worst === null || rank > severityRank(worst.severity)))
      worst = finding;
  }
  return worst === null ? null : { id: worst.id, title: worst.title, severity: worst.severity };
}
