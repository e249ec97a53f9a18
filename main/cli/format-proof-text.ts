/** `mailwarden prove` as text for a terminal: every quoted text passes the terminal policy. */
import { findingCounts, findingsWorstFirst } from '../core/message/describe-analysis';
import { describeProof, describeStoredProof } from '../core/prove/describe-proof';
import type { AnalysisSection } from '../core/message/describe-analysis';
import type { Finding } from '../../preload/contract/findings';
import { ACTOR_LABELS, type PlanAction } from '../../preload/contract/plan';
import type { ProofRecord } from '../../preload/contract/proof';
import { proofPlan } from '../core/prove/proof-plan';
import type { MessageVerdict } from '../../preload/contract/message-check';
import type { ProofResult } from '../core/prove/proof-result';
import { cliWording } from './cli-wording';
import { terminalText } from '../../preload/contract/untrusted-text';

/** `verdict`: the one main worded for the run's record, as the app and the reports show it. */
export function formatProofText(result: ProofResult, verdict: MessageVerdict): string {
  return sectionsText(describeProof(result, verdict), result.findings, proofPlan(result));
}

/** A stored proof run (`mailwarden history show`): the same text, from what the history keeps. */
export function formatStoredProofText(record: ProofRecord): string {
  return sectionsText(describeStoredProof(record), record.findings, record.plan ?? proofPlan(record));
}

function sectionsText(
  sections: readonly AnalysisSection[],
  findings: readonly Finding[],
  plan: readonly PlanAction[],
): string {
  const out: string[] = [];
  for (const section of sections) {
    out.push(terminalText(section.heading));
    for (const line of section.lines) out.push(`  ${terminalText(line)}`);
    out.push('');
  }
  // What to do first, grouped as an audit's plan is; the findings follow for the details.
  if (plan.length > 0) {
    out.push(
      `Fix plan (${String(plan.length)} ${plan.length === 1 ? 'action' : 'actions'}, most important first):`,
    );
    plan.forEach((action, index) => {
      out.push(`${String(index + 1)}. [${action.severity.toUpperCase()}] ${terminalText(action.title)}`);
      out.push(`   Who: ${ACTOR_LABELS[action.who]}`);
      action.steps.forEach((step, number) =>
        out.push(`   ${String(number + 1)}) ${terminalText(cliWording(step))}`),
      );
    });
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
