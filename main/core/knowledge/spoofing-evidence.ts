/**
 * The evidence each sender-spoofing finding carries, by id: what spoofing-probe.ts sets, and all that the
 * spoofing words (spoofing-knowledge.ts) may read.
 */
import type { ReplyEvidence } from './reply-evidence';

/** The server and port, and the account logged in as. */
export type SpoofingTarget = { readonly host: string; readonly port: number; readonly account: string };

/** One envelope tried: the sender asked for, and the MAIL and RCPT replies (null when not reached). */
export type SpoofingTrial = SpoofingTarget & {
  readonly from: string;
  readonly mailReply: ReplyEvidence | null;
  readonly rcptReply: ReplyEvidence | null;
};

export type SpoofingEvidence = {
  'spoofing.same-domain.accepted': SpoofingTrial;
  'spoofing.same-domain.refused': SpoofingTrial;
  'spoofing.foreign-domain.accepted': SpoofingTrial;
  'spoofing.foreign-domain.refused': SpoofingTrial;
  'spoofing.inconclusive': SpoofingTrial & { readonly reason: string };
  /** The login did not succeed (or the host did not resolve), so no envelope was tried. */
  'spoofing.skipped': SpoofingTarget & { readonly reason: string };
};
