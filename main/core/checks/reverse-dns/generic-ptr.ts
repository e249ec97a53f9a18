/**
 * Whether a reverse DNS name looks like an internet provider's generic name for a home or dynamic line.
 *
 * Spam filters score mail from such names down (a common heuristic, e.g. SpamAssassin's RDNS_DYNAMIC).
 * A hint, not a rule: the finding is low severity.
 */

/** Words providers put in names of dynamic or residential addresses. */
const DYNAMIC_WORDS =
  /(^|[.-])(dynamic|dyn|dhcp|pool|dsl|adsl|vdsl|cable|ppp|pppoe|dialup|dial|broadband|residential|customer|cust|client|home)([.-]|\d|$)/i;

/** Why `ptrName` looks generic, in words, or null when it looks like a real server name. */
export function genericPtrReason(ptrName: string, address: string): string | null {
  const name = ptrName.toLowerCase();
  const octets = address.split('.');
  if (octets.length === 4) {
    const forward = octets.join('-');
    const backward = [...octets].reverse().join('-');
    if (name.includes(forward) || name.includes(backward) || name.includes(octets.join('.'))) {
      return 'contains the IP address itself';
    }
  }
  const word = DYNAMIC_WORDS.exec(name)?.[2];
  if (word !== undefined) return `contains "${word}", a word providers use for dynamic or home connections`;
  return null;
}
