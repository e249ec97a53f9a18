/**
 * Wording for the MX check: where the domain's mail is delivered, and what stops it arriving.
 *
 * Rules: RFC 5321 section 5.1 (MX lookup, implicit MX, names not addresses), RFC 2181 section 10.3 (an MX
 * must not point at an alias), RFC 7505 (Null MX), RFC 1918 / RFC 6890 (addresses the internet cannot reach).
 */
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';
import type { MxEvidence } from './mx-evidence';
import { evidenceList, evidenceText } from './evidence-text';

const MX_RECORD_STEP =
  "Sign in where your domain's DNS is managed (your registrar or DNS host) and open the DNS records of the domain.";

const PARKED_BCP = {
  label: 'M3AAWG: Protecting Parked Domains Best Common Practices',
  url: 'https://www.m3aawg.org/documents/en/m3aawg-protecting-parked-domains-best-common-practices',
};

export const MX_KNOWLEDGE = defineKnowledge<MxEvidence>()({
  'mx.domain.invalid': {
    severity: 'high',
    title: (e) => `"${evidenceText(e, 'input')}" is not a domain name that can be checked`,
    explanation: (e) =>
      `The MX check needs a domain such as example.com. This one cannot be used: ${evidenceText(e, 'reason')}.`,
    fix: { steps: ['Enter the domain part of the email address, after the @, such as example.com.'] },
    references: [rfc(1035, '2.3.4')],
  },
  'mx.domain.nxdomain': {
    severity: 'critical',
    title: (e) => `The domain ${evidenceText(e, 'domain')} does not exist in DNS`,
    explanation: (e) =>
      `DNS answered that ${evidenceText(e, 'domain')} does not exist (NXDOMAIN). Nobody can send mail to it, and receivers reject mail that claims to come from it.`,
    fix: {
      steps: [
        'Check the spelling of the domain.',
        'If it is yours, check at your registrar that it is registered, not expired, and has working name servers.',
      ],
    },
    references: [rfc(5321, '5.1')],
  },
  'mx.lookup.failed': {
    severity: 'medium',
    title: (e) => `The MX records of ${evidenceText(e, 'domain')} could not be read`,
    explanation: (e) =>
      `${evidenceText(e, 'message')} Senders that meet the same failure hold your mail back and retry; if it lasts, they bounce it. If it was only this computer's network, run the check again.`,
    fix: {
      steps: [
        'Run the check again; if you chose a DNS server in the settings, make sure it is reachable.',
        "If it fails again, ask whoever hosts your domain's DNS to check that its name servers answer (a SERVFAIL often means broken DNSSEC signatures).",
      ],
    },
    references: [rfc(5321, '5.1')],
  },
  'mx.records.present': {
    severity: 'pass',
    title: (e) => `${evidenceText(e, 'domain')} publishes ${evidenceText(e, 'count')} MX record(s)`,
    explanation: (e) =>
      `Mail for ${evidenceText(e, 'domain')} is delivered to: ${evidenceList(e, 'records').join('; ')}.`,
    fix: NO_FIX,
    references: [rfc(5321, '5.1')],
  },
  'mx.records.implicit': {
    severity: 'medium',
    title: (e) => `${evidenceText(e, 'domain')} has no MX record; mail goes to its own address`,
    explanation: (e) =>
      `There is no MX record, so senders fall back to the "implicit MX" of RFC 5321 section 5.1: they deliver to the address of ${evidenceText(e, 'domain')} itself (${evidenceList(e, 'addresses').join(', ')}). That is usually a web server that does not accept mail, so mail to your addresses may fail. Some receivers also distrust senders whose domain has no MX.`,
    fix: {
      steps: [
        MX_RECORD_STEP,
        'Add the MX record(s) your mail provider gives you (for example "MX 1 smtp.google.com" for Google Workspace).',
        'If this domain should never receive mail, publish a Null MX instead: one record "MX 0 ." (RFC 7505).',
      ],
      providerSteps: {
        'google-workspace': ['Add the record: MX, name @, priority 1, value smtp.google.com.'],
        'microsoft-365': [
          'In the Microsoft 365 admin centre, open Settings > Domains > your domain > DNS records and add the MX record shown there (it ends in .mail.protection.outlook.com).',
        ],
      },
    },
    references: [rfc(5321, '5.1'), rfc(7505, '3')],
  },
  'mx.records.none': {
    severity: 'high',
    title: (e) => `${evidenceText(e, 'domain')} cannot receive mail: no MX and no address`,
    explanation: (e) =>
      `${evidenceText(e, 'domain')} has neither MX records nor an address (A/AAAA) to fall back on (RFC 5321 section 5.1), so mail to it bounces. Receivers also treat mail from such a domain with suspicion, because nobody can reply to it.`,
    fix: {
      steps: [
        MX_RECORD_STEP,
        'Add the MX record(s) your mail provider gives you.',
        'If the domain must not receive mail, publish a Null MX: one record "MX 0 ." (RFC 7505), so senders know at once.',
      ],
    },
    references: [rfc(5321, '5.1'), rfc(7505, '3')],
  },
  'mx.parked.null-mx': {
    severity: 'pass',
    title: (e) => `The parked domain ${evidenceText(e, 'domain')} publishes a Null MX`,
    explanation:
      '"MX 0 ." tells senders at once that the domain accepts no mail (RFC 7505), so nothing waits in queues and nobody mistakes it for a working address.',
    fix: NO_FIX,
    references: [rfc(7505, '3'), PARKED_BCP],
  },
  'mx.parked.no-null-mx': {
    severity: 'low',
    title: (e) => `The parked domain ${evidenceText(e, 'domain')} does not publish a Null MX`,
    explanation: (e) =>
      `This domain sends no mail; if it receives none either, a Null MX ("MX 0 .", RFC 7505) says so, and senders bounce at once instead of retrying for days (MX lookup now: ${evidenceText(e, 'mxOutcome')}).`,
    fix: (e) => ({
      steps: [
        MX_RECORD_STEP,
        `If the domain should receive no mail, add one MX record for ${evidenceText(e, 'domain')} with priority 0 and the target "." (and no other MX records).`,
      ],
    }),
    references: [rfc(7505, '3'), PARKED_BCP],
  },
  'mx.null.valid': {
    severity: 'info',
    title: (e) => `${evidenceText(e, 'domain')} declares that it accepts no mail (Null MX)`,
    explanation: (e) =>
      `${evidenceText(e, 'domain')} publishes a Null MX ("MX 0 .", RFC 7505): senders do not try to deliver to it and bounce at once. That is right for a domain that never receives mail. Mail sent with this domain as the sender may be rejected by receivers (RFC 7505 section 4.2), because replies and bounces cannot come back.`,
    fix: {
      steps: [
        'Nothing to do if this domain should not receive mail.',
        'If it should, replace the "MX 0 ." record with the MX records of your mail provider.',
      ],
    },
    references: [rfc(7505, '3'), rfc(7505, '4.2')],
  },
  'mx.null.invalid': {
    severity: 'high',
    title: (e) => `${evidenceText(e, 'domain')} mixes a Null MX with other MX records`,
    explanation: (e) =>
      `A Null MX ("MX 0 .") must be the only MX record of a domain, with preference 0 (RFC 7505 section 3). ${evidenceText(e, 'domain')} has: ${evidenceList(e, 'records').join('; ')}. Senders handle this differently: some bounce all mail, others deliver to the other records.`,
    fix: {
      steps: [
        MX_RECORD_STEP,
        'If the domain receives mail, delete the "MX 0 ." record and keep your provider\'s MX records.',
        'If it does not, delete every other MX record and keep only "MX 0 .".',
      ],
    },
    references: [rfc(7505, '3')],
  },
  'mx.target.ip-literal': {
    severity: 'high',
    title: (e) => `The MX record points at an address (${evidenceText(e, 'exchange')}), not a host name`,
    explanation: (e) =>
      `An MX record must name a host, not an IP address (RFC 5321 section 5.1, RFC 1035 section 3.3.9). Senders look up "${evidenceText(e, 'exchange')}" as a name, find nothing, and cannot deliver to it.`,
    fix: (e) => ({
      steps: [
        MX_RECORD_STEP,
        `Create a host name for the mail server, for example "mail.${evidenceText(e, 'domain')}" with an A record ${evidenceText(e, 'exchange')}.`,
        `Change the MX record to point at that name instead of the address.`,
      ],
      record: {
        type: 'MX',
        name: evidenceText(e, 'domain'),
        value: `${evidenceText(e, 'priority')} mail.${evidenceText(e, 'domain')}.`,
      },
    }),
    references: [rfc(5321, '5.1'), rfc(1035, '3.3.9')],
  },
  'mx.target.cname': {
    severity: 'medium',
    title: (e) => `The MX host ${evidenceText(e, 'exchange')} is an alias (CNAME)`,
    explanation: (e) =>
      `${evidenceText(e, 'exchange')} is a CNAME for ${evidenceText(e, 'cnameTarget')}. An MX record must point at the real host name, not an alias (RFC 2181 section 10.3, RFC 5321 section 5.1). Most senders cope, but some refuse or treat it as an error, and DANE checks can fail on it.`,
    fix: (e) => ({
      steps: [
        MX_RECORD_STEP,
        `Change the MX record from ${evidenceText(e, 'exchange')} to the host it points at, ${evidenceText(e, 'cnameTarget')}.`,
      ],
      record: {
        type: 'MX',
        name: evidenceText(e, 'domain'),
        value: `${evidenceText(e, 'priority')} ${evidenceText(e, 'cnameTarget')}.`,
      },
    }),
    references: [rfc(2181, '10.3'), rfc(5321, '5.1')],
  },
  'mx.target.unresolvable': {
    severity: 'high',
    title: (e) => `The MX host ${evidenceText(e, 'exchange')} has no address`,
    explanation: (e) =>
      `Senders need an IPv4 (A) or IPv6 (AAAA) address for ${evidenceText(e, 'exchange')} to deliver to it, and DNS gave none: ${evidenceList(e, 'lookups').join(' ')} Mail that tries this host first is delayed; if it is the only MX, mail bounces.`,
    fix: (e) => ({
      steps: [
        `Check the spelling of ${evidenceText(e, 'exchange')} in the MX record.`,
        "If the name is right, add an A record for it with the mail server's address, or ask your mail provider for the correct MX value.",
      ],
    }),
    references: [rfc(5321, '5.1')],
  },
  'mx.target.lookup-failed': {
    severity: 'medium',
    title: (e) => `The address of MX host ${evidenceText(e, 'exchange')} could not be read`,
    explanation: (e) =>
      `${evidenceList(e, 'lookups').join(' ')} Senders meeting the same failure delay your mail. If it was only this computer's network, run the check again.`,
    fix: {
      steps: [
        'Run the check again.',
        "If it fails again, ask whoever hosts that name's DNS to check that its name servers answer.",
      ],
    },
    references: [rfc(5321, '5.1')],
  },
  'mx.target.non-public-address': {
    severity: 'high',
    title: (e) => `The MX host ${evidenceText(e, 'exchange')} has an address the internet cannot reach`,
    explanation: (e) =>
      `${evidenceText(e, 'exchange')} resolves to ${evidenceList(e, 'nonPublic').join(', ')}. Those are ${evidenceList(e, 'scopes').join('/')} addresses (RFC 1918, RFC 6890): they only work inside one network, so senders on the internet cannot deliver there. It usually means an internal address was published in public DNS by mistake.`,
    fix: (e) => ({
      steps: [
        MX_RECORD_STEP,
        `Change the A/AAAA record of ${evidenceText(e, 'exchange')} to the mail server's public address (your hosting provider or firewall shows it).`,
      ],
    }),
    references: [rfc(1918), rfc(6890), rfc(5321, '5.1')],
  },
  'mx.target.internal-address': {
    severity: 'info',
    title: (e) => `The MX host ${evidenceText(e, 'exchange')} uses internal addresses`,
    explanation: (e) =>
      `${evidenceText(e, 'exchange')} resolves to ${evidenceList(e, 'nonPublic').join(', ')}. ${evidenceText(e, 'domain')} is an internal-use name, so internal addresses are expected; only machines in your own network can deliver to it.`,
    fix: NO_FIX,
    references: [rfc(6890), rfc(8375)],
  },
  'mx.target.ok': {
    severity: 'pass',
    title: (e) => `MX host ${evidenceText(e, 'exchange')} resolves to public addresses`,
    explanation: (e) =>
      `${evidenceText(e, 'exchange')} (preference ${evidenceText(e, 'priority')}) resolves to ${evidenceList(e, 'addresses').join(', ')}.`,
    fix: NO_FIX,
    references: [rfc(5321, '5.1')],
  },
  'mx.records.all-unusable': {
    severity: 'critical',
    title: (e) => `No MX host of ${evidenceText(e, 'domain')} can receive mail`,
    explanation: (e) =>
      `Every MX record of ${evidenceText(e, 'domain')} has a problem of its own (each is a separate MX finding in this report), so no sender on the internet can deliver mail to it. Mail to your addresses bounces or waits in queues until it expires.`,
    fix: {
      steps: [
        MX_RECORD_STEP,
        'Fix each MX record as its own MX finding in this report describes, or replace them with the records your mail provider gives you.',
      ],
    },
    references: [rfc(5321, '5.1')],
  },
  'mx.records.truncated': {
    severity: 'info',
    title: (e) =>
      `Only the first ${evidenceText(e, 'checked')} of ${evidenceText(e, 'count')} MX records were checked`,
    explanation: (e) =>
      `${evidenceText(e, 'domain')} has ${evidenceText(e, 'count')} MX records; Mailwarden checks the ${evidenceText(e, 'checked')} most preferred. Senders rarely try that many either.`,
    fix: { steps: ['Keep only the MX records your mail provider asks for.'] },
    references: [rfc(5321, '5.1')],
  },
  'mx.provider.recognised': {
    severity: 'info',
    title: (e) => `Mail for ${evidenceText(e, 'domain')} is handled by ${evidenceText(e, 'provider')}`,
    explanation: (e) =>
      `The MX host ${evidenceText(e, 'exchange')} belongs to ${evidenceText(e, 'provider')}. Fixes below include steps for ${evidenceText(e, 'provider')} where they differ.`,
    fix: NO_FIX,
    references: [rfc(5321, '5.1')],
  },
});
