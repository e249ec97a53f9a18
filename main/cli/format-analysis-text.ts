/** `mailwarden analyse` as text for a terminal: every quoted text passes the terminal policy. */
import { describeAnalysis, findingCounts, findingsWorstFirst } from '../core/message/describe-analysis';
import type { MessageAnalysis } from '../core/message/message-analysis';
import { cliWording } from './cli-wording';
import { terminalText } from '../../preload/contract/untrusted-text';

export function formatAnalysisText(analysis: MessageAnalysis): string {
  const out: string[] = [];
  for (const section of describeAnalysis(analysis)) {
    out.push(terminalText(section.heading));
    for (const line of section.lines) out.push(`  ${terminalText(line)}`);
    out.push('');
  }
  out.push(findingCounts(analysis.findings));
  for (const finding of findingsWorstFirst(analysis.findings)) {
    out.push('', `[${finding.severity.toUpperCase()}] ${terminalText(finding.title)}`);
    out.push(`  ${terminalText(finding.explanation)}`);
    finding.fix.steps.forEach((step, index) =>
      out.push(`  ${String(index + 1)}. ${terminalText(cliWording(step))}`),
    );
  }
  return out.join('\n');
}
