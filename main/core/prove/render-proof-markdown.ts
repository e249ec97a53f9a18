/** A proof run as Markdown (`mailwarden prove --format md`); every quoted text escaped. */
import { markdownText } from '../../../preload/contract/untrusted-text';
import { findingCounts, findingsWorstFirst } from '../message/describe-analysis';
import type { MessageVerdict } from '../../../preload/contract/message-check';
import { describeProof } from './describe-proof';
import type { ProofResult } from './proof-result';

export function renderProofMarkdown(result: ProofResult, verdict: MessageVerdict): string {
  const out = [
    '# Test message: proof from real mail',
    '',
    `Mailwarden ${markdownText(result.toolVersion)}, ${result.provedAt}`,
    '',
  ];
  for (const section of describeProof(result, verdict)) {
    out.push(`## ${markdownText(section.heading)}`, '');
    for (const line of section.lines) out.push(`- ${markdownText(line)}`);
    out.push('');
  }
  out.push('## Findings', '', markdownText(findingCounts(result.findings)), '');
  for (const finding of findingsWorstFirst(result.findings)) {
    out.push(`### ${markdownText(finding.severity.toUpperCase())}: ${markdownText(finding.title)}`, '');
    out.push(markdownText(finding.explanation), '');
    finding.fix.steps.forEach((step, index) => out.push(`${String(index + 1)}. ${markdownText(step)}`));
    if (finding.fix.steps.length > 0) out.push('');
  }
  return `${out.join('\n')}\n`;
}
