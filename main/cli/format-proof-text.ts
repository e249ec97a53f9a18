/** `mailwarden prove` as text for a terminal: every quoted text passes the terminal policy. */
import { findingCounts, findingsWorstFirst } from '../core/message/describe-analysis';
import { describeProof } from '../core/prove/describe-proof';
import type { ProofResult } from '../core/prove/proof-result';
import { cliWording } from './cli-wording';
import { terminalText } from '../../preload/contract/untrusted-text';

export function formatProofText(result: ProofResult): string {
  const out: string[] = [];
  for (const section of describeProof(result)) {
    out.push(terminalText(section.heading));
    for (const line of section.lines) out.push(`  ${terminalText(line)}`);
    out.push('');
  }
  out.push(findingCounts(result.findings));
  for (const finding of findingsWorstFirst(result.findings)) {
    out.push('', `[${finding.severity.toUpperCase()}] ${terminalText(finding.title)}`);
    out.push(`  ${terminalText(finding.explanation)}`);
    finding.fix.steps.forEach((step, index) =>
      out.push(`  ${String(index + 1)}. ${terminalText(cliWording(step))}`),
    );
  }
  return out.join('\n');
}
