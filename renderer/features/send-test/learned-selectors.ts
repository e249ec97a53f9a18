/**
 * The DKIM selectors a test message proved the account signs with (finding
 * `message.proof.selector-learned`, main/core/prove/run-proof.ts) that the account does not list yet.
 */
import type { AccountView } from '../../../preload/contract/accounts';
import type { Finding } from '../../../preload/contract/findings';

const LEARNED_ID = 'message.proof.selector-learned';

export function unlistedSelectors(findings: readonly Finding[], account: AccountView): string[] {
  const learned = findings.flatMap((finding) => {
    if (finding.id !== LEARNED_ID) return [];
    const selector = finding.evidence['selector'];
    return typeof selector === 'string' ? [selector] : [];
  });
  const listed = new Set(account.dkimSelectors.map((selector) => selector.toLowerCase()));
  return [...new Set(learned)].filter((selector) => !listed.has(selector.toLowerCase()));
}
