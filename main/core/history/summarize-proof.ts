/** The list line of a proof run: when, which account, where the test message landed, its worst problem. */
import { countBySeverity } from '../../../preload/contract/findings';
import type { ProofEntry, ProofRunSummary } from '../../../preload/contract/proof';
import { worstProblem } from './summarize-analysis';

export function summarizeProof(entry: ProofEntry): ProofRunSummary {
  const { proof } = entry;
  return {
    runId: entry.runId,
    accountId: entry.accountId,
    provedAt: proof.provedAt,
    email: proof.account.email,
    to: proof.to,
    landing: proof.delivery.landing,
    submission: proof.submission.outcome,
    waitedSeconds: proof.delivery.waitedSeconds,
    counts: countBySeverity(proof.findings),
    worst: worstProblem(proof.findings),
  };
}
