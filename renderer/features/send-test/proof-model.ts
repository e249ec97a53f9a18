/**
 * Pure helpers for "Send a test message": the progress in words and the one-sentence verdict. Everything
 * is read from what main pushed; nothing is judged again here.
 */
import type { ProofProgress, ProofRecord } from '../../../preload/contract/proof';
import { isProofAddress } from '../../../preload/contract/proof';
import { strings } from '../../strings';
import { analysisVerdict, problemsOf, type AnalysisVerdict } from '../message-check/check-model';

/** The line that says how far the run has got. */
export function progressLine(progress: ProofProgress): string {
  const text = strings.sendTest;
  switch (progress.step) {
    case 'sending':
      return text.sending(progress.to, progress.host);
    case 'sent':
      return text.sent(progress.queueId);
    case 'waiting':
      return text.waiting(progress.waitedSeconds, progress.ofSeconds);
    case 'arrived':
      return text.arrived(landingName(progress.landing, progress.mailbox));
  }
}

export function landingName(landing: 'inbox' | 'junk', mailbox: string): string {
  return landing === 'inbox' ? strings.sendTest.whereInbox : strings.sendTest.whereJunk(mailbox);
}

/** The address field: empty means the account's own address; anything else must be one mailbox. */
export function checkRecipient(
  typed: string,
): { readonly to: string | undefined } | { readonly error: string } {
  const trimmed = typed.trim();
  if (trimmed === '') return { to: undefined };
  return isProofAddress(trimmed) ? { to: trimmed } : { error: strings.sendTest.toInvalid };
}

/** The sentence on top: not sent or not arrived first, else the arrived message's own verdict. */
export function proofVerdict(record: ProofRecord): AnalysisVerdict {
  const text = strings.sendTest.verdict;
  const worst = problemsOf(record.findings)[0];
  if (record.submission.outcome !== 'accepted')
    return { tone: 'stop', sentence: text.notSent(worst?.title ?? record.submission.outcome) };
  if (record.analysis === null)
    return {
      tone: 'stop',
      sentence: text.notArrived(
        worst?.title ?? strings.sendTest.journeyNotLanded(record.delivery.waitedSeconds),
      ),
    };
  // The proof's own findings (Junk) count as much as the message's: judge them together.
  return analysisVerdict({ ...record.analysis, findings: record.findings });
}
