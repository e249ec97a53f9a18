/**
 * What could not be judged in a checked message, each with its reason, in the words the app, the CLI and
 * the reports show under "What could not be checked".
 */
import type { AnalysisRecord } from '../../../preload/contract/message-check';

/** What the lines are read from: a record, or an analysis before it becomes one (the same shape). */
export type CouldNotCheckInput = Pick<AnalysisRecord, 'dns' | 'authentication'>;

/**
 * Each verdict that could not be given, with its reason: a header paste leaves body hashes unchecked
 * (RFC 6376 section 3.7: the bh= tag hashes the body), offline leaves everything that needs DNS.
 */
export function couldNotCheck(input: CouldNotCheckInput): string[] {
  const auth = input.authentication;
  if (auth === null) return [];
  const offline = input.dns === null;
  const lines: string[] = [];
  for (const signature of auth.dkim) {
    const { signingDomain: domain, selector } = signature;
    if (signature.outcome === 'not-verified-no-body')
      lines.push(
        `Body hash of ${domain}’s DKIM signature (selector ${selector}): only the header was given, so the body could not be compared with what was signed.`,
      );
    if (signature.outcome === 'not-verified-offline')
      lines.push(
        `DKIM signature of ${domain} (selector ${selector}): its key is in DNS, and nothing was looked up.`,
      );
  }
  if (auth.spf === null)
    lines.push(
      offline
        ? 'SPF: it needs the sender’s DNS records, and nothing was looked up.'
        : 'SPF: no outside server is recorded in the Received lines, so there is no address to judge.',
    );
  if (auth.dmarc === null)
    lines.push(
      offline
        ? 'DMARC: it needs the From domain’s policy in DNS, and nothing was looked up.'
        : 'DMARC: the message has no From domain to judge.',
    );
  if (auth.arc?.outcome === 'not-verified')
    lines.push('ARC chain: its keys are in DNS, and nothing was looked up.');
  return lines;
}
