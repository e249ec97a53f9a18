/** What `mailwarden prove` reports: the test message's journey, and the analysis of what arrived. */
import type { Finding } from '../../../preload/contract/findings';
import type { MessageAnalysis } from '../message/message-analysis';
import type { Landing } from './mailbox-watch-port';

export const PROOF_RESULT_SCHEMA_VERSION = 1;

export interface ProofSubmission {
  readonly outcome: 'accepted' | 'refused' | 'failed';
  /** The server's reply to the message ("250 2.0.0 Ok: queued as 4F2A1"), or its refusal. */
  readonly reply: string | null;
  /** Read from the 250 reply when the server names it (Postfix "queued as", Exim "id="). */
  readonly queueId: string | null;
  /** The refused command: 'MAIL FROM', 'RCPT TO', 'DATA', or 'login'. */
  readonly refusedAt: string | null;
}

export interface ProofDelivery {
  /** null: not found within the deadline, or the mailbox could not be read. */
  readonly landing: Landing | null;
  readonly mailbox: string | null;
  readonly waitedSeconds: number;
  /** Whether the test message was deleted again (it is kept with --keep, or when it was never found). */
  readonly deleted: boolean;
}

export interface ProofResult {
  readonly schemaVersion: typeof PROOF_RESULT_SCHEMA_VERSION;
  readonly kind: 'proof';
  readonly toolVersion: string;
  readonly provedAt: string;
  readonly account: { readonly label: string; readonly email: string };
  readonly to: string;
  /** The value of the test message's X-Mailwarden-Proof field. */
  readonly tag: string;
  readonly submission: ProofSubmission;
  readonly delivery: ProofDelivery;
  /** The message as it arrived, judged as `mailwarden analyse` judges a file; null when none arrived. */
  readonly analysis: MessageAnalysis | null;
  /** The proof's own findings (where it landed, or what is known), then the analysis's. */
  readonly findings: readonly Finding[];
}
