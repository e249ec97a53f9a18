/**
 * The one message Mailwarden ever sends (`mailwarden prove`): plainly worded, so a recipient who sees it
 * knows what it is, and tagged with a fresh id in its own header field so it is found again and nothing
 * else is touched. A single text/plain part in 7-bit ASCII: nothing for a filter to rewrite.
 */
import { PROOF_TAG_FIELD } from './proof-tag';

export interface ProofMessageInput {
  readonly from: string;
  readonly to: string;
  readonly tag: string;
  readonly now: Date;
}

/** CRLF line ends (RFC 5322 section 2.1); SMTP's dot-stuffing is the sender's job (RFC 5321 4.5.2). */
export function composeProofMessage(input: ProofMessageInput): Uint8Array {
  const domain = input.from.slice(input.from.lastIndexOf('@') + 1);
  const lines = [
    `From: <${input.from}>`,
    `To: <${input.to}>`,
    `Subject: Mailwarden test message ${input.tag.slice(0, 8)}`,
    `Date: ${rfc5322Date(input.now)}`,
    `Message-ID: <${input.tag}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=us-ascii',
    'Content-Transfer-Encoding: 7bit',
    `${PROOF_TAG_FIELD}: ${input.tag}`,
    '',
    `This is a test message sent by Mailwarden for the owner of ${input.from},`,
    'to check that mail from this account arrives signed and authenticated.',
    '',
    'Mailwarden deletes it once it has been checked. If you still see it,',
    'you can delete it; nobody needs to answer it.',
    '',
    `Test id: ${input.tag}`,
    '',
  ];
  return new TextEncoder().encode(lines.join('\r\n'));
}

/** "Sun, 06 Dec 2026 14:00:57 +0000" (RFC 5322 section 3.3), always in UTC. */
function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}
