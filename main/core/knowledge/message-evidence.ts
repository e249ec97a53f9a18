/**
 * The evidence each `mailwarden analyse` finding carries, by id: what analyse-message.ts and
 * authentication-findings.ts set, and all that the message words (message-knowledge.ts,
 * message-received-entries.ts) may read.
 */
import type { NoEvidence } from './knowledge-entry';

type Text = string;
type Texts = readonly string[];

/** One DKIM signature: d=, s=, a=, the key's bits, whether the body hash matched and d= aligns with From. */
export type DkimSignatureEvidence = {
  readonly signingDomain: Text;
  readonly selector: Text;
  readonly algorithm: Text;
  readonly keyBits: number | null;
  readonly bodyHashMatches: boolean | null;
  readonly aligned: boolean;
};

/** A signature's verdict; `reason` ('no body' or 'offline') says why it was not verified. */
type SignatureVerdict = DkimSignatureEvidence & { readonly fromDomain: Text | null; readonly reason?: Text };

/** The SPF verdict for the connecting address and the envelope (or HELO) domain. */
type Spf = { readonly ip: Text; readonly domain: Text; readonly outcome: Text };

/** The DMARC verdict; `alignedBy` names the methods ('dkim', 'spf') that aligned with From. */
type Dmarc = {
  readonly fromDomain: Text;
  readonly outcome: Text;
  readonly policy: Text | null;
  readonly alignedBy: Texts;
};

/** `sets`: how many ARC sets the message carries (null when they could not be counted). */
type Arc = { readonly sets: number | null; readonly outcome: Text };

/** One Received hop as read (RFC 5321 section 4.4); texts are cut to a readable length. */
export type HopEvidence = {
  readonly index: number;
  readonly by: Text | null;
  readonly from: Text | null;
  readonly fromIp: Text | null;
  readonly protocol: Text | null;
  readonly tlsVersion: Text | null;
  readonly tlsCipher: Text | null;
  readonly at: Text | null;
  readonly delaySeconds: number | null;
};

export type MessageEvidence = {
  'message.input.too-large': { readonly maxBytes: number };
  'message.input.not-a-message': NoEvidence;
  'message.header.too-many-fields': { readonly fieldCount: number; readonly maxFields: number };
  /** The numbers of the header lines that are not fields. */
  'message.header.malformed-lines': { readonly lines: readonly number[] };
  'message.header.long-lines': { readonly fields: Texts };
  'message.header.oversized-field': { readonly fields: Texts; readonly maxChars: number };
  /** The fields with hidden characters, one example character (⟨U+…⟩) and each field's first value. */
  'message.header.hidden-characters': {
    readonly fields: Texts;
    readonly example: Text;
    readonly values: Texts;
  };
  'message.mime.too-deep': { readonly maxDepth: number };
  'message.body.missing': NoEvidence;
  'message.body.line-too-long': { readonly maxLineBytes: number };
  'message.dns.off': NoEvidence;
  'message.dns.budget-exhausted': { readonly maxLookups: number; readonly refused: number };

  'message.dkim.unsigned': NoEvidence;
  'message.dkim.pass': SignatureVerdict;
  'message.dkim.body-hash-failed': SignatureVerdict;
  'message.dkim.signature-failed': SignatureVerdict;
  'message.dkim.key-missing': SignatureVerdict;
  'message.dkim.key-too-weak': SignatureVerdict;
  'message.dkim.key-invalid': SignatureVerdict;
  'message.dkim.expired': SignatureVerdict;
  'message.dkim.dns-failed': SignatureVerdict;
  'message.dkim.not-verified': SignatureVerdict;
  /** RFC 6376 section 8.2: l= covers bodyLengthLimit bytes; unsignedBodyBytes follow it. */
  'message.dkim.body-length-limit': DkimSignatureEvidence & {
    readonly bodyLengthLimit: number | null;
    readonly unsignedBodyBytes: number | null;
  };
  'message.dkim.not-aligned': { readonly fromDomain: Text | null; readonly signingDomains: Texts };

  'message.spf.pass': Spf;
  'message.spf.fail': Spf;
  'message.spf.softfail': Spf;
  'message.spf.neutral': Spf;
  'message.spf.none': Spf;
  'message.spf.error': Spf;
  'message.spf.not-judged': NoEvidence;

  'message.dmarc.pass': Dmarc;
  'message.dmarc.fail': Dmarc;
  'message.dmarc.none': Dmarc;
  'message.dmarc.error': Dmarc;

  'message.arc.pass': Arc;
  'message.arc.fail': Arc;
  'message.arc.not-verified': Arc;

  /** `verdicts`: the methods both sides agree on, as "dkim=pass". */
  'message.receiver.agrees': { readonly authservId: Text; readonly verdicts: Texts };
  'message.receiver.disagrees': {
    readonly authservId: Text;
    readonly disagreements: readonly {
      readonly method: Text;
      readonly receiver: Text;
      readonly mailwarden: Text;
    }[];
  };
  'message.receiver.none': NoEvidence;

  'message.received.chain': { readonly hopCount: number; readonly hops: readonly HopEvidence[] };
  /** Each outside hop without TLS, as "by-host (from address)". */
  'message.received.unencrypted-hop': { readonly hops: Texts };
  'message.received.too-many': { readonly total: number; readonly judged: number };

  /** `mailwarden prove`: the folder it landed in and how long it took to get there. */
  'message.proof.inbox': { readonly to: Text; readonly mailbox: Text; readonly waitedSeconds: number };
  'message.proof.junk': { readonly to: Text; readonly mailbox: Text; readonly waitedSeconds: number };
  /** The last thing known: the submission server's 250 reply and the queue id read from it. */
  'message.proof.not-arrived': {
    readonly to: Text;
    readonly reply: Text;
    readonly queueId: Text | null;
    readonly searched: Texts;
    readonly waitedSeconds: number;
  };
  /** `refusedAt`: the SMTP command refused ('MAIL FROM', 'RCPT TO', 'DATA') or 'login'. */
  'message.proof.refused': { readonly to: Text; readonly refusedAt: Text; readonly reply: Text };
  'message.proof.not-watched': { readonly reply: Text; readonly problem: Text };
  /** `command`: the accounts edit command that lists the selector. */
  'message.proof.selector-learned': {
    readonly domain: Text;
    readonly selector: Text;
    readonly command: Text;
  };
};
