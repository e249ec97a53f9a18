/**
 * Wording for the reverse DNS check: a PTR name for each sending and receiving address, confirmed forward.
 *
 * Rules: RFC 1035 section 3.5 (in-addr.arpa), RFC 3596 section 2.5 (ip6.arpa), RFC 1912 section 2.1
 * (every address should have a PTR that maps back), RFC 8601 section 2.7.3 (iprev, "forward-confirmed").
 */
import { evidenceList, evidenceText } from './evidence-text';
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';
import type { ReverseDnsEvidence } from './reverse-dns-evidence';

const WHY_RECEIVERS_CARE =
  'Receiving mail servers (Gmail, Yahoo, Microsoft and most spam filters) look up the name of the address a message comes from and then look that name up again; when the two do not agree, they score the mail as spam or refuse it.';

const OWNER_STEPS = [
  'Reverse DNS is set by whoever owns the IP address, not in your domain\'s DNS: your hosting or cloud provider (often a "reverse DNS" or "PTR" field in its control panel), or your internet provider.',
];

function roleText(role: string): string {
  return role === 'submission' ? 'the server you send mail through' : 'a mail server (MX) of the domain';
}

export const REVERSE_DNS_KNOWLEDGE = defineKnowledge<ReverseDnsEvidence>()({
  'rdns.address.invalid': {
    severity: 'info',
    title: (e) => `"${evidenceText(e, 'address')}" is not an IP address; reverse DNS was not checked`,
    explanation: 'Reverse DNS is looked up for IP addresses only, such as 192.0.2.10 or 2001:db8::25.',
    fix: { steps: ['Give the IP address of the server, not its name.'] },
    references: [rfc(1035, '3.5')],
  },
  'rdns.address.not-public': {
    severity: 'info',
    title: (e) =>
      `${evidenceText(e, 'address')} is a ${evidenceText(e, 'scope')} address; reverse DNS does not apply`,
    explanation: (e) =>
      `${evidenceText(e, 'address')} (${roleText(evidenceText(e, 'role'))}) cannot be reached from the internet, so no receiver sees it and its reverse DNS does not matter.`,
    fix: NO_FIX,
    references: [rfc(6890)],
  },
  'rdns.ptr.missing': {
    severity: 'medium',
    title: (e) => `${evidenceText(e, 'address')} has no reverse DNS (PTR) name`,
    explanation: (e) =>
      `${evidenceText(e, 'address')} is ${roleText(evidenceText(e, 'role'))}${e['host'] === undefined ? '' : ` (${evidenceText(e, 'host')})`}, and ${evidenceText(e, 'reverseName')} has no PTR record (${evidenceText(e, 'message')}). ${WHY_RECEIVERS_CARE} Google and Yahoo require it of every sender.`,
    fix: (e) => ({
      steps: [
        ...OWNER_STEPS,
        `Ask them to set the reverse DNS of ${evidenceText(e, 'address')} to the server's name${e['host'] === undefined ? '' : `, ${evidenceText(e, 'host')}`}.`,
        'Make sure that name has an A (or AAAA) record with the same address, so the two agree.',
      ],
    }),
    references: [rfc(1912, '2.1'), rfc(8601, '2.7.3')],
  },
  'rdns.ptr.mismatch': {
    severity: 'medium',
    title: (e) => `The reverse DNS name of ${evidenceText(e, 'address')} does not lead back to it`,
    explanation: (e) =>
      `${evidenceText(e, 'address')} is ${roleText(evidenceText(e, 'role'))}. Its PTR name is ${evidenceList(e, 'ptrNames').join(', ')}, but that name resolves to ${evidenceList(e, 'forward').join(' ')} and not back to ${evidenceText(e, 'address')}: it is not forward-confirmed (FCrDNS). ${WHY_RECEIVERS_CARE}`,
    fix: (e) => ({
      steps: [
        `Either add ${evidenceText(e, 'address')} to the A/AAAA records of ${evidenceList(e, 'ptrNames')[0] ?? 'the PTR name'} (in the DNS of that name's domain),`,
        ...OWNER_STEPS.map((step) => `or change the PTR itself. ${step}`),
      ],
    }),
    references: [rfc(1912, '2.1'), rfc(8601, '2.7.3')],
  },
  'rdns.ptr.lookup-failed': {
    severity: 'info',
    title: (e) => `The reverse DNS of ${evidenceText(e, 'address')} could not be read`,
    explanation: (e) =>
      `${evidenceText(e, 'message')} Cannot tell from here whether ${evidenceText(e, 'address')} has a reverse DNS name.`,
    fix: {
      steps: ['Run the check again; if you chose a DNS server in the settings, make sure it is reachable.'],
    },
    references: [rfc(1035, '3.5')],
  },
  'rdns.ptr.confirmed': {
    severity: 'pass',
    title: (e) =>
      `${evidenceText(e, 'address')} has forward-confirmed reverse DNS (${evidenceText(e, 'confirmedName')})`,
    explanation: (e) =>
      `The PTR name of ${evidenceText(e, 'address')} is ${evidenceText(e, 'confirmedName')}, and that name resolves back to ${evidenceText(e, 'address')}, as receivers expect.`,
    fix: NO_FIX,
    references: [rfc(1912, '2.1'), rfc(8601, '2.7.3')],
  },
  'rdns.ptr.generic': {
    severity: 'low',
    title: (e) =>
      `The reverse DNS name of ${evidenceText(e, 'address')} looks generic (${evidenceText(e, 'confirmedName')})`,
    explanation: (e) =>
      `${evidenceText(e, 'confirmedName')} ${evidenceText(e, 'reason')}. Names like this are what internet providers give to home and dynamic connections, and many spam filters score mail from them down. A mail server is better named after itself, e.g. mail.yourdomain.`,
    fix: {
      steps: [
        ...OWNER_STEPS,
        "Ask them to set the reverse DNS to the mail server's own name, and give that name an A/AAAA record with the same address.",
      ],
    },
    references: [rfc(1912, '2.1')],
  },
});
