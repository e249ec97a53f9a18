/**
 * "Check a message" as the renderer, the history and the reports see it: what is asked, and the
 * analysis that comes back, kept and exported.
 *
 * The message itself goes to main only (a file main reads through its own open dialog, or a paste) and
 * never comes back: the answer is the verdict, every text in it display-safe (hidden and control
 * characters shown as ⟨U+XXXX⟩, header values cut short; see ./untrusted-text.ts). The subject, the
 * recipients and the body are not kept: only the From domain the verdict is about.
 */
import type { Finding, Severity } from './findings';
import type { VerdictTone } from './plan';

/** Format of a stored analysis (history/<analysedAt>-<runId>.analysis.json). */
export const ANALYSIS_RECORD_VERSION = 1;

/**
 * The largest paste main accepts, in UTF-16 code units: the message size cap of
 * main/core/message/message-limits.ts (40 MB; a unit test keeps the two equal). A paste over it is
 * refused by the request schema before any of it is read.
 */
export const MAX_PASTED_MESSAGE_CHARS = 40 * 1024 * 1024;

/**
 * Where the message came from: a file (the app's open dialog, the CLI's FILE), a paste, standard input,
 * or the mailbox a test message was sent to ("Send a test message", `mailwarden prove`).
 */
export type MessageSource = 'file' | 'paste' | 'stdin' | 'proof';

export type MessageCheckRequestSource =
  { readonly kind: 'file' } | { readonly kind: 'paste'; readonly text: string };

export interface MessageCheckRequest {
  readonly source: MessageCheckRequestSource;
  /** "Don't look anything up": judge only what the message itself says (the CLI's --no-dns). */
  readonly offline: boolean;
}

export type DkimOutcome =
  | 'pass'
  | 'body-hash-failed'
  | 'signature-failed'
  | 'key-missing'
  | 'key-too-weak'
  | 'key-invalid'
  | 'expired'
  | 'dns-failed'
  | 'not-verified-offline'
  | 'not-verified-no-body';

export interface DkimSignatureView {
  readonly signingDomain: string;
  readonly selector: string;
  readonly algorithm: string;
  readonly keyBits: number | null;
  /** null: no body was given (a header paste), so the body hash could not be compared. */
  readonly bodyHashMatches: boolean | null;
  readonly bodyLengthLimit: number | null;
  readonly unsignedBodyBytes: number | null;
  readonly aligned: boolean;
  readonly outcome: DkimOutcome;
}

export interface SpfView {
  readonly ip: string;
  readonly domain: string;
  readonly outcome: 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror';
}

export interface DmarcView {
  readonly fromDomain: string;
  readonly outcome: 'pass' | 'fail' | 'none' | 'temperror';
  readonly policy: string | null;
  readonly alignedBy: readonly ('dkim' | 'spf')[];
}

export interface ArcView {
  readonly outcome: 'pass' | 'fail' | 'not-verified';
  readonly sets: number | null;
}

/** Mailwarden's own verdict; a part is null when it could not be judged (offline, no outside hop...). */
export interface AuthenticationView {
  readonly fromDomain: string | null;
  readonly dkim: readonly DkimSignatureView[];
  readonly spf: SpfView | null;
  readonly dmarc: DmarcView | null;
  readonly arc: ArcView | null;
}

/** The receiving server's own Authentication-Results (RFC 8601), as it recorded them. */
export interface ReceiverView {
  readonly authservId: string;
  readonly verdicts: readonly {
    readonly method: string;
    readonly result: string;
    readonly subject: string | null;
  }[];
}

export interface ReceivedHopView {
  readonly index: number;
  readonly from: string | null;
  readonly fromIp: string | null;
  readonly by: string | null;
  readonly protocol: string | null;
  readonly tlsVersion: string | null;
  readonly tlsCipher: string | null;
  readonly encrypted: boolean | null;
  readonly at: string | null;
  readonly delaySeconds: number | null;
}

export interface ReceivedChainView {
  readonly hops: readonly ReceivedHopView[];
  /** Received lines in the message, shown or not (only the first 100 are read). */
  readonly total: number;
}

/** What is known of the message itself; null when it could not be read as one. */
export interface AnalysedMessageFacts {
  readonly bytes: number;
  readonly headerFields: number;
  readonly hasBody: boolean;
}

/**
 * The verdict on top of a checked message or a test message, worded in main (main/core/message/
 * message-verdict.ts) so the app, the CLI and every report say the same words.
 */
export interface MessageVerdict {
  readonly tone: VerdictTone;
  /** e.g. "Do not trust this message’s sender: …" or "example.com authenticated this message: …". */
  readonly sentence: string;
  /** Each verdict that could not be given, with its reason (offline, header only, no outside hop). */
  readonly couldNotCheck: readonly string[];
  /** The problems (low or worse) "What to do" lists, worst first. */
  readonly problems: readonly Finding[];
}

/** One analysed message, as the app shows it, the history keeps it and the reports print it. */
export interface AnalysisRecord {
  readonly kind: 'message-analysis';
  readonly toolVersion: string;
  readonly analysedAt: string;
  readonly source: MessageSource;
  /** The resolver that answered ("system" or host:port), or null when nothing was looked up. */
  readonly dns: string | null;
  readonly message: AnalysedMessageFacts | null;
  readonly authentication: AuthenticationView | null;
  readonly receiver: ReceiverView | null;
  readonly received: ReceivedChainView;
  readonly findings: readonly Finding[];
  /** Worded from the fields above; computed on load for records kept before it existed. */
  readonly verdict: MessageVerdict;
}

/** A stored analysis: its run id (shared with audits' ids: a UUID) and the record. */
export interface AnalysisEntry {
  readonly runId: string;
  readonly analysis: AnalysisRecord;
}

/** A line of the history's list of checked messages. */
export interface AnalysisRunSummary {
  readonly runId: string;
  readonly analysedAt: string;
  readonly source: MessageSource;
  readonly fromDomain: string | null;
  readonly offline: boolean;
  readonly hasBody: boolean;
  readonly counts: { readonly [S in Severity]: number };
  /** The worst problem (low or worse), or null when there is none. */
  readonly worst: { readonly id: string; readonly title: string; readonly severity: Severity } | null;
}

/** What checking a message did: the dialog was cancelled, or the analysis with how it was kept. */
export type MessageCheckResult =
  | { readonly kind: 'cancelled' }
  | {
      readonly kind: 'analysed';
      readonly entry: AnalysisEntry;
      /** Whether the analysis reached the history; the verdict is shown either way. */
      readonly history: { readonly saved: true } | { readonly saved: false; readonly message: string };
    };
