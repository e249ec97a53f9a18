/**
 * The verdict on a test message run: not sent or not arrived first, else the arrived message's own
 * verdict with the run's findings (where it landed) counted as much as the message's.
 */
import type { MessageVerdict } from '../../../preload/contract/message-check';
import type { ProofRecord } from '../../../preload/contract/proof';
import { messageVerdict, problemsOf } from '../message/message-verdict';

/** What the verdict is read from: a record, or a result before it becomes one (the same shape). */
export type ProofVerdictInput = Pick<ProofRecord, 'submission' | 'delivery' | 'analysis' | 'findings'>;

export function proofVerdict(input: ProofVerdictInput): MessageVerdict {
  const problems = problemsOf(input.findings);
  const worst = problems[0];
  if (input.submission.outcome !== 'accepted')
    return {
      tone: 'stop',
      sentence: `Not delivered: ${worst?.title ?? input.submission.outcome}`,
      couldNotCheck: [],
      problems,
    };
  if (input.analysis === null)
    return {
      tone: 'stop',
      sentence: `It did not arrive: ${worst?.title ?? `Not found in the mailbox after ${String(input.delivery.waitedSeconds)} seconds.`}`,
      couldNotCheck: [],
      problems,
    };
  return messageVerdict({ ...input.analysis, findings: input.findings });
}
