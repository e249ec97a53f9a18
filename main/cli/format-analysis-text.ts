/** `mailwarden analyse` as text for a terminal: every quoted text passes the terminal policy. */
import {
  describeAnalysis,
  describeVerdict,
  findingCounts,
  findingsWorstFirst,
  type AnalysisSection,
} from '../core/message/describe-analysis';
import { messageSection, verdictSections } from '../core/report/render-analysis-report';
import type { Finding } from '../../preload/contract/findings';
import type { AnalysisRecord, MessageVerdict } from '../../preload/contract/message-check';
import type { MessageAnalysis } from '../core/message/message-analysis';
import { cliWording } from './cli-wording';
import { terminalText } from '../../preload/contract/untrusted-text';

/** `verdict`: the one main worded for the analysis' record, as the app and the reports show it. */
export function formatAnalysisText(analysis: MessageAnalysis, verdict: MessageVerdict): string {
  return sectionsText([...describeVerdict(verdict), ...describeAnalysis(analysis)], analysis.findings);
}

/** A stored analysis (`mailwarden history show`): the same text, from what the history keeps. */
export function formatStoredAnalysisText(record: AnalysisRecord): string {
  return sectionsText(
    [...describeVerdict(record.verdict), messageSection(record), ...verdictSections(record)],
    record.findings,
  );
}

function sectionsText(sections: readonly AnalysisSection[], findings: readonly Finding[]): string {
  const out: string[] = [];
  for (const section of sections) {
    out.push(terminalText(section.heading));
    for (const line of section.lines) out.push(`  ${terminalText(line)}`);
    out.push('');
  }
  out.push(findingCounts(findings));
  for (const finding of findingsWorstFirst(findings)) {
    out.push('', `[${finding.severity.toUpperCase()}] ${terminalText(finding.title)}`);
    out.push(`  ${terminalText(finding.explanation)}`);
    finding.fix.steps.forEach((step, index) =>
      out.push(`  ${String(index + 1)}. ${terminalText(cliWording(step))}`),
    );
  }
  return out.join('\n');
}
