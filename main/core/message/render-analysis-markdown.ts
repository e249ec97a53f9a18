/** A message analysis as Markdown (`mailwarden analyse --format md`); every quoted text escaped. */
import { markdownText } from '../../../preload/contract/untrusted-text';
import type { MessageVerdict } from '../../../preload/contract/message-check';
import {
  describeAnalysis,
  describeVerdict,
  findingCounts,
  findingsWorstFirst,
  type AnalysisSection,
} from './describe-analysis';
import type { MessageAnalysis } from './message-analysis';

/**
 * The verdict main worded first, then `sections`: the analysis' own by default, or what a stored record
 * keeps (render-analysis-report.ts).
 */
export function renderAnalysisMarkdown(
  analysis: MessageAnalysis,
  verdict: MessageVerdict,
  sections: readonly AnalysisSection[] = describeAnalysis(analysis),
): string {
  const out = [
    '# Message analysis',
    '',
    `Mailwarden ${markdownText(analysis.toolVersion)}, ${analysis.analysedAt}`,
    '',
  ];
  for (const section of [...describeVerdict(verdict), ...sections]) {
    out.push(`## ${markdownText(section.heading)}`, '');
    for (const line of section.lines) out.push(`- ${markdownText(line)}`);
    out.push('');
  }
  out.push('## Findings', '', markdownText(findingCounts(analysis.findings)), '');
  for (const finding of findingsWorstFirst(analysis.findings)) {
    out.push(`### ${markdownText(finding.severity.toUpperCase())}: ${markdownText(finding.title)}`, '');
    out.push(markdownText(finding.explanation), '');
    finding.fix.steps.forEach((step, index) => out.push(`${String(index + 1)}. ${markdownText(step)}`));
    if (finding.fix.steps.length > 0) out.push('');
  }
  return `${out.join('\n')}\n`;
}
