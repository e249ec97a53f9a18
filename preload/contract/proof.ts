/**
 * "Send a test message" (`mailwarden prove`) as the renderer, the history and the reports see it: the
 * journey of the one message Mailwarden sends, and the verdict on what arrived.
 *
 * Kept: where it was sent from and to (the account's own addresses), the server's reply and queue id,
 * where it landed and how long it took, and the arrived message's verdict as a message check keeps it
 * (./message-check.ts: never the body, the subject or other recipients). Never a password or token.
 */
import type { Finding, Severity } from './findings';
import type { AnalysisRecord, MessageVerdict } from './message-check';
import type { PlanAction } from './plan';

/** Format of a stored proof run (history/<provedAt>-<runId>.proof.json). */
export const PROOF_RECORD_VERSION = 1;

/** The largest wait the app offers for the message to arrive, in seconds (the CLI's --timeout cap). */
export const MAX_PROOF_WAIT_SECONDS = 3_600;

export interface ProofSubmissionView {
  readonly outcome: 'accepted' | 'refused' | 'failed';
  /** The server's reply to the message, or its refusal, cut short with hidden characters shown. */
  readonly reply: string | null;
  readonly queueId: string | null;
  /** The refused step: 'MAIL FROM', 'RCPT TO', 'DATA', 'login' or 'the address lookup'. */
  readonly refusedAt: string | null;
}

export interface ProofDeliveryView {
  /** null: not found within the deadline, or the mailbox could not be read. */
  readonly landing: 'inbox' | 'junk' | null;
  readonly mailbox: string | null;
  readonly waitedSeconds: number;
  readonly deleted: boolean;
}

/** One proof run, as the app shows it, the history keeps it and the reports print it. */
export interface ProofRecord {
  readonly kind: 'proof';
  readonly toolVersion: string;
  readonly provedAt: string;
  readonly account: { readonly label: string; readonly email: string };
  readonly to: string;
  /** The value of the test message's X-Mailwarden-Proof field: finds the message in a mailbox. */
  readonly tag: string;
  readonly submission: ProofSubmissionView;
  readonly delivery: ProofDeliveryView;
  /** The verdict on the message as it arrived; null when none arrived. */
  readonly analysis: AnalysisRecord | null;
  /** The proof's own findings (where it landed), then the analysis's. */
  readonly findings: readonly Finding[];
  /**
   * The findings as a short fix plan, grouped as an audit's are (main/core/plan). Absent in runs kept
   * before it was added; the app then shows the findings only.
   */
  readonly plan?: readonly PlanAction[];
  /** Not sent, not arrived, or the arrived message's verdict with the findings above; computed on load for older records. */
  readonly verdict: MessageVerdict;
}

/** A stored proof run: its run id (a UUID, shared with audits and analyses) and its saved account. */
export interface ProofEntry {
  readonly runId: string;
  readonly accountId: string | null;
  readonly proof: ProofRecord;
}

/** A line of the history's list of test messages. */
export interface ProofRunSummary {
  readonly runId: string;
  readonly accountId: string | null;
  readonly provedAt: string;
  readonly email: string;
  readonly to: string;
  readonly landing: 'inbox' | 'junk' | null;
  readonly submission: ProofSubmissionView['outcome'];
  readonly waitedSeconds: number;
  readonly counts: { readonly [S in Severity]: number };
  /** The worst problem (low or worse), or null when there is none. */
  readonly worst: { readonly id: string; readonly title: string; readonly severity: Severity } | null;
}

/** The app's wait for the test message (the CLI's default --timeout), in seconds. */
export const PROOF_WAIT_SECONDS = 120;

/**
 * How far a proof run has got, for the app's progress and the CLI's stderr lines. The host names and the
 * queue id are the account's own settings and the server's reply: shown, never trusted as markup.
 */
export type ProofProgress =
  | { readonly step: 'sending'; readonly from: string; readonly to: string; readonly host: string }
  | {
      readonly step: 'sent';
      readonly queueId: string | null;
      readonly mailboxHost: string;
      readonly waitSeconds: number;
    }
  | { readonly step: 'waiting'; readonly waitedSeconds: number; readonly ofSeconds: number }
  | {
      readonly step: 'arrived';
      readonly landing: 'inbox' | 'junk';
      readonly mailbox: string;
      readonly waitedSeconds: number;
    };

/** "Send a test message" from the app: always after the consent panel, to the account's own address unless another is typed. */
export interface ProofStartRequest {
  readonly accountId: string;
  /** An alias or forward that reaches the account's mailbox; the account's own address when absent. */
  readonly to?: string | undefined;
}

/** The run to stop: the id `message:prove` answered with. */
export interface ProofCancelRequest {
  readonly proofId: string;
}

/**
 * One address for --to and the app's "Send it to" field: RFC 5321 section 4.5.3.1.3 caps a path at 256
 * octets (local part 64); one @, no spaces or angle brackets, so it can only ever name one recipient.
 */
export function isProofAddress(text: string): boolean {
  return /^[^\s@<>]{1,64}@[^\s@<>.][^\s@<>]{0,254}$/.test(text) && text.length <= 256;
}

/** Pushed to the page that started the run: progress, then the verdict (kept in the history) or why it stopped. */
export type ProofEvent =
  | { readonly kind: 'progress'; readonly proofId: string; readonly progress: ProofProgress }
  | {
      readonly kind: 'finished';
      readonly proofId: string;
      readonly entry: ProofEntry;
      /** Whether the run reached the history; the verdict is shown either way. */
      readonly history: { readonly saved: true } | { readonly saved: false; readonly message: string };
    }
  /**
   * Stopped from the window: nothing judged, nothing kept. `sent` says whether the server had already
   * accepted the test message (it then stays in the mailbox if it arrives later: Mailwarden stopped looking).
   */
  | { readonly kind: 'cancelled'; readonly proofId: string; readonly sent: boolean }
  | { readonly kind: 'failed'; readonly proofId: string; readonly message: string };
