/**
 * Pure helpers for "Send a test message": the progress in words and the address field. Everything is
 * read from what main pushed (the verdict is worded in main/core/prove/proof-verdict.ts).
 */
import type { ProofProgress } from '../../../preload/contract/proof';
import { isProofAddress } from '../../../preload/contract/proof';
import { strings } from '../../strings';

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
