/**
 * The core's port to the account's mailbox for `mailwarden prove` (the imapflow adapter): log in over
 * verified TLS only, wait until the tagged test message is in INBOX or the Junk folder, fetch it within a
 * byte cap, and delete it unless asked to keep it. Outcomes are data; the password never leaves the adapter.
 */

export interface MailboxWatchRequest {
  /** SNI and the certificate's name. */
  readonly host: string;
  /** Where to connect: resolved by the core through the user's resolver. */
  readonly address: string;
  readonly port: number;
  readonly security: 'implicit-tls' | 'starttls';
  readonly username: string;
  readonly password: string;
  readonly extraCaPem?: string;
  /** The value of the test message's X-Mailwarden-Proof header field. */
  readonly tag: string;
  /** The whole watch, connect to logout. */
  readonly deadlineMs: number;
  /** A message larger than this is not fetched whole (its size is reported). */
  readonly maxMessageBytes: number;
  readonly keep: boolean;
  /** Now and then while waiting: the seconds waited so far. */
  readonly onWaiting: (waitedSeconds: number) => void;
  readonly signal?: AbortSignal;
}

/** Where the message was found: the inbox, or the folder the server marks \Junk (RFC 6154) or names Junk/Spam. */
export type Landing = 'inbox' | 'junk';

export type MailboxWatchOutcome =
  | {
      readonly kind: 'arrived';
      readonly landing: Landing;
      /** The folder's name as the server lists it. */
      readonly mailbox: string;
      readonly message: Uint8Array | 'too-large';
      readonly deleted: boolean;
      readonly waitedMs: number;
    }
  | {
      readonly kind: 'not-arrived';
      readonly waitedMs: number;
      /** The folders that were searched. */
      readonly searched: readonly string[];
      /** The watch used IMAP IDLE (RFC 2177); else it polled. */
      readonly idle: boolean;
    }
  /** The mailbox could not be watched: login refused, TLS that did not verify, a broken session. */
  | { readonly kind: 'failed'; readonly stage: 'tls' | 'login' | 'mailbox'; readonly message: string };

export interface MailboxWatchPort {
  watch(request: MailboxWatchRequest): Promise<MailboxWatchOutcome>;
}
