/** Stored runs for a terminal: the history table, and two runs compared (fixed, new, unchanged). */
import type { HistoryProblem, HistoryRunSummary, RunComparison } from '../../preload/contract/history';
import type { AnalysisRunSummary } from '../../preload/contract/message-check';
import type { ProofRunSummary } from '../../preload/contract/proof';
import { SEVERITIES, type Finding, type Severity } from '../../preload/contract/findings';
import { terminalText } from '../../preload/contract/untrusted-text';
import { formatTable } from './terminal-text';

export function formatHistoryTable(runs: readonly HistoryRunSummary[]): string {
  if (runs.length === 0) return 'No stored runs.';
  return formatTable(
    ['RUN ID', 'STARTED', 'TARGET', 'SERVER', 'GRADE', 'FINDINGS'],
    runs.map((run) => [
      run.runId,
      run.startedAt,
      `${run.target.label}${run.cancelled ? ' (cancelled)' : ''}`,
      // The server this run tested: an account's server can have changed since.
      run.target.host === null ? '-' : `${run.target.host}:${String(run.target.port ?? '')}`,
      run.overall === null ? '-' : `${run.overall.grade} (${String(run.overall.score)})`,
      countsText(run.counts),
    ]),
  );
}

/** Checked messages (`mailwarden analyse`, "Check a message"): when, whose From domain, what was found. */
export function formatAnalysisTable(analyses: readonly AnalysisRunSummary[]): string {
  return formatTable(
    ['RUN ID', 'CHECKED', 'FROM DOMAIN', 'HOW', 'WORST', 'FINDINGS'],
    analyses.map((analysis) => [
      analysis.runId,
      analysis.analysedAt,
      terminalText(analysis.fromDomain ?? '-'),
      [analysis.source, analysis.hasBody ? null : 'header only', analysis.offline ? 'no DNS' : null]
        .filter((part) => part !== null)
        .join(', '),
      analysis.worst === null ? '-' : analysis.worst.severity,
      countsText(analysis.counts),
    ]),
  );
}

/** Test messages (`mailwarden prove`, "Send a test message"): when, from and to whom, where it landed. */
export function formatProofTable(proofs: readonly ProofRunSummary[]): string {
  return formatTable(
    ['RUN ID', 'SENT', 'FROM', 'TO', 'LANDED', 'FINDINGS'],
    proofs.map((proof) => [
      proof.runId,
      proof.provedAt,
      terminalText(proof.email),
      terminalText(proof.to),
      proof.submission !== 'accepted'
        ? `not sent (${proof.submission})`
        : proof.landing === null
          ? `not found (${String(proof.waitedSeconds)} s)`
          : `${proof.landing} (${String(proof.waitedSeconds)} s)`,
      countsText(proof.counts),
    ]),
  );
}

/** One sentence per problem file, for stderr: what happened to it and where it is now. */
export function historyProblemText(problem: HistoryProblem): string {
  return problem.kind === 'corrupt'
    ? `The stored run ${terminalText(problem.file)} was unreadable (${problem.reason}); it has been moved to ${terminalText(problem.movedTo)}.`
    : `The stored run ${terminalText(problem.file)} was saved by a newer Mailwarden (history format ${String(problem.version)}); it was left untouched.`;
}

export function formatComparisonText(comparison: RunComparison): string {
  const { older, newer } = comparison;
  const lines = [
    `Comparing ${terminalText(older.target.label)}: run ${older.runId} (${older.startedAt})`,
    `     with ${terminalText(newer.target.label)}: run ${newer.runId} (${newer.startedAt})`,
    '',
    `Fixed (${String(comparison.fixed.length)}):`,
    ...findingLines(comparison.fixed),
    '',
    `New (${String(comparison.new.length)}):`,
    ...findingLines(comparison.new),
    '',
    `Unchanged (${String(comparison.unchanged.length)}):`,
    ...comparison.unchanged.map(({ finding, previousSeverity }) =>
      previousSeverity === null
        ? findingLine(finding)
        : `${findingLine(finding)} (was ${previousSeverity.toUpperCase()})`,
    ),
  ];
  return lines.join('\n');
}

function findingLines(findings: readonly Finding[]): string[] {
  return findings.length === 0 ? ['  (none)'] : findings.map(findingLine);
}

function findingLine(finding: Finding): string {
  return `  [${finding.severity.toUpperCase()}] ${terminalText(finding.title)} (${terminalText(finding.id)} on ${terminalText(finding.checkId)})`;
}

function countsText(counts: { readonly [S in Severity]: number }): string {
  const parts = [...SEVERITIES]
    .reverse()
    .filter((severity) => counts[severity] > 0)
    .map((severity) => `${String(counts[severity])} ${severity}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}
