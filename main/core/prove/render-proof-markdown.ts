/** A proof run as Markdown (`mailwarden prove --format md`): the message report page, plan included. */
import type { MessageVerdict } from '../../../preload/contract/message-check';
import { messageReportMarkdown } from '../report/message-report-page';
import { describeProof } from './describe-proof';
import { proofPlan } from './proof-plan';
import type { ProofResult } from './proof-result';

/** What every proof report's page says of itself, fresh (here) or from the history (render-proof-report.ts). */
export const PROOF_PAGE = {
  title: 'Test message: proof from real mail',
  shortTitle: 'test message',
  quoted: 'Server replies and header texts are quoted as given',
} as const;

export function renderProofMarkdown(result: ProofResult, verdict: MessageVerdict): string {
  return messageReportMarkdown({
    ...PROOF_PAGE,
    about: result.account.email,
    toolVersion: result.toolVersion,
    at: result.provedAt,
    sections: describeProof(result, verdict),
    plan: proofPlan(result),
    findings: result.findings,
  });
}
