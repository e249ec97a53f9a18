/**
 * How much of a message Mailwarden reads and judges. A message is untrusted input: every limit here keeps
 * a hostile one (a mail loop's 10,000 Received lines, a 60 MB attachment, a MIME bomb) to a finding.
 */

/** Larger than what the big providers accept (Gmail and Microsoft 365: 25 to 35 MB after encoding). */
export const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

/** Header fields read; a real message has tens, a long mailing-list path a few hundred. */
export const MAX_HEADER_FIELDS = 1_000;

/** RFC 5322 section 2.1.1: a line must be no more than 998 characters, excluding the CRLF. */
export const MAX_HEADER_LINE_CHARS = 998;

/** One header field after unfolding; a 4096-bit DKIM signature with many signed fields stays far below. */
export const MAX_HEADER_FIELD_CHARS = 64 * 1024;

/**
 * RFC 5321 section 6.3: a server may treat 100 or more Received lines as a mail loop; the hops shown and
 * judged stop there.
 */
export const MAX_RECEIVED_JUDGED = 100;

/**
 * The longest body line handed to DKIM's body hashing. RFC 5322 section 2.1.1 allows 998 characters;
 * mailauth's canonicalization slows down sharply on one huge line (a 30 MB base64 line took 20 s), so a
 * body with a longer line is not hashed.
 */
export const MAX_BODY_LINE_BYTES = 1024 * 1024;

/** Multipart nesting read before the rest is left unread; real mail nests three or four levels. */
export const MAX_MIME_DEPTH = 20;

/** DNS lookups for one message (DKIM keys, SPF with its 10 + 2 of RFC 7208 section 4.6.4, DMARC, ARC). */
export const MAX_MESSAGE_DNS_LOOKUPS = 60;

/** The whole judgement, every lookup included. */
export const MESSAGE_DEADLINE_MS = 60_000;

/** Evidence excerpts of header values are cut here. */
export const MAX_EVIDENCE_CHARS = 300;
