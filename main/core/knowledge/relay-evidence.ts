/**
 * The evidence each open-relay finding carries, by id: what relay-probe.ts sets, and all that the relay
 * words (relay-knowledge.ts) may read.
 */
import type { ReplyEvidence } from './reply-evidence';

/** The server and port asked, and the two outside addresses asked about. */
export type RelayTarget = {
  readonly host: string;
  readonly address: string;
  readonly port: number;
  readonly from: string;
  readonly to: string;
};

/** A dialogue that got as far as MAIL FROM, in clear text or inside STARTTLS. */
type Asked = RelayTarget & { readonly tls: boolean; readonly mailReply: ReplyEvidence };

export type RelayEvidence = {
  'relay.open': Asked & { readonly rcptReply: ReplyEvidence };
  /** Refused at MAIL FROM (no rcptReply) or at RCPT TO. */
  'relay.closed': Asked & { readonly rcptReply?: ReplyEvidence };
  'relay.inconclusive': Asked & { readonly rcptReply?: ReplyEvidence };
  /** Stopped before an answer: the host did not resolve, the port did not open, or a step failed. */
  'relay.unreachable': Partial<Asked> & {
    readonly host: string;
    readonly port: number;
    readonly reason: string;
  };
  'relay.skipped': { readonly host: string };
};
