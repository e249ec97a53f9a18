/** A proof run's progress as one plain line (the CLI's stderr); untrusted parts are escaped by the caller. */
import type { ProofProgress } from '../../../preload/contract/proof';

export function proofProgressLine(progress: ProofProgress): string {
  switch (progress.step) {
    case 'sending':
      return `Sending one test message from ${progress.from} to ${progress.to} through ${progress.host}.`;
    case 'sent':
      return `Accepted${progress.queueId === null ? '' : ` (queue id ${progress.queueId})`}; watching ${progress.mailboxHost} for up to ${String(progress.waitSeconds)} s.`;
    case 'waiting':
      return `Still waiting for the test message (${String(progress.waitedSeconds)} s of ${String(progress.ofSeconds)}).`;
    case 'arrived':
      return `Arrived in ${progress.mailbox}${progress.landing === 'junk' ? ' (the junk folder)' : ''} after ${String(progress.waitedSeconds)} s; judging it.`;
  }
}
