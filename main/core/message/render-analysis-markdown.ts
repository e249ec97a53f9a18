/** A message analysis as Markdown (`mailwarden analyse --format md`); every quoted text escaped. */
import { markdownText } from '../../../preload/contract/untrusted-text';
import { describeAnalysis, findingCounts, findingsWorstFirst } from './describe-analysis';
import type { MessageAnalysis } from './message-analysis';

export function renderAnalysisMarkdown(analysis: MessageAnalysis): string {
  const out = [
    '# Message analysis',
    '',
    `Mailwarden ${markdownText(analysis.toolVersion)}, ${analysis.analysedAt}`,
    '',
  ];
  for (const section of describeAnalysis(analysis)) {
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
