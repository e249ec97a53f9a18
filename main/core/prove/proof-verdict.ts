/**
 * The verdict on a test message run: not sent or not arrived first, else the arrived message's own
 * verdict with the run's findings (where it landed) counted as much as the message's.
 *
 * A test message is the user's own mail, so its worst case is worded for its sender: a message check's
 * "Do not trust this message's sender" warns a reader, and here the reader is the receiving mailbox.
 */
import type { Finding } from '../../../preload/contract/findings';
import type { MessageVerdict } from '../../../preload/contract/message-check';
import type { ProofRecord } from '../../../preload/contract/proof';
import { couldNotCheck } from '../message/could-not-check';
import { messageVerdict, problemsOf } from '../message/message-verdict';

/** What the verdict is read from: a record, or a result before it becomes one (the same shape). */
export type ProofVerdictInput = Pick<ProofRecord, 'submission' | 'delivery' | 'analysis' | 'findings'>;

/** The finding run-proof.ts adds when the message was found in the junk folder. */
const JUNK_FINDING_ID = 'message.proof.junk';

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
  const verdict = messageVerdict({ ...input.analysis, findings: input.findings });
  if (input.delivery.landing === 'junk')
    return { ...verdict, tone: 'stop', sentence: junkSentence(verdict.problems) };
  if (verdict.tone === 'stop' && worst !== undefined)
    return { ...verdict, sentence: `Receivers may refuse or hide mail from this account: ${worst.title}` };
  const dmarc = input.analysis.authentication?.dmarc ?? null;
  if (verdict.tone === 'incomplete' && dmarc?.outcome === 'pass' && onlySpfWithoutOutsideHop(input))
    return {
      ...verdict,
      tone: 'good',
      sentence: `${dmarc.fromDomain} authenticated this test message (DMARC passes) and it arrived in the inbox. SPF was not judged: it stayed within your provider’s servers.`,
    };
  return verdict;
}

/**
 * A test message sent to the account's own mailbox usually never crosses the internet: no outside
 * server is recorded, so SPF (RFC 7208 judges the address of the server that handed the message over)
 * has nothing to judge. With DMARC passing that is the expected shape of a good run, not a gap in it;
 * the audit judges the SPF record itself. It is still listed under what could not be checked.
 */
function onlySpfWithoutOutsideHop(input: ProofVerdictInput): boolean {
  const analysis = input.analysis;
  return (
    analysis !== null &&
    analysis.dns !== null &&
    analysis.authentication?.spf === null &&
    couldNotCheck(analysis).length === 1
  );
}

/**
 * Where it landed first, then the likeliest reason: the worst problem besides the landing itself (a
 * missing or failing signature), or, when the message passed everything, the mailbox's own filter.
 */
function junkSentence(problems: readonly Finding[]): string {
  const cause = problems.find((problem) => problem.id !== JUNK_FINDING_ID);
  return cause === undefined
    ? 'It arrived in the junk folder although its sender checks pass: the receiving mailbox’s own filter put it there.'
    : `It arrived in the junk folder; the likely reason: ${cause.title}`;
}
