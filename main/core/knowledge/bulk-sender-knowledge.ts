/**
 * Wording for the bulk-sender scorecard: one entry per rule and outcome (pass, fail, cannot tell).
 *
 * Provider rules come from shared/reference/providers.md; the audience labels in the evidence
 * (`requiredBy`) carry its "(unconfirmed)" marks and the source of Microsoft's date, so every finding
 * shows how sure the rule is. References: RFC 7208 (SPF), RFC 6376 (DKIM), RFC 7489 (DMARC), RFC 8058
 * (one-click unsubscribe), RFC 8601 section 2.7.3 (iprev), RFC 5322 (message format).
 */
import type { Evidence } from '../../../preload/contract/findings';
import { evidenceList, evidenceText } from './evidence-text';
import type { BulkSenderEvidence } from './bulk-sender-evidence';
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';

/** The audiences that require the rule; every rule finding declares them. */
function requiredBy(e: Evidence & { readonly requiredBy: readonly string[] }): string {
  return `Required by: ${evidenceList(e, 'requiredBy').join('; ')}.`;
}

const CANNOT_TELL = 'Cannot tell from here:';

export const BULK_SENDER_KNOWLEDGE = defineKnowledge<BulkSenderEvidence>()({
  'bulk.parked.not-applicable': {
    severity: 'info',
    title: (e) => `${evidenceText(e, 'domain')} sends no mail: no DKIM or bulk-sender rules apply`,
    explanation: (e) =>
      `${evidenceText(e, 'reason') === 'null-mx' ? 'The domain publishes a Null MX (RFC 7505)' : evidenceText(e, 'reason') === 'declared' ? 'You said this domain is parked' : 'The domain publishes "v=spf1 -all" and no MX records'}, so it sends no mail. It needs no DKIM key and none of the Gmail, Yahoo and Microsoft sender rules; what it needs instead is SPF "-all", DMARC p=reject and a Null MX, checked in the findings beside this one.`,
    fix: NO_FIX,
    references: [rfc(7505, '4.2')],
  },
  'bulk.spf-or-dkim.pass': {
    severity: 'pass',
    title: 'SPF or DKIM is set up',
    explanation: (e) =>
      `Every sender must authenticate with SPF or DKIM. ${evidenceText(e, 'domain')} has ${evidenceList(e, 'dkimSelectorsWithKeys').length > 0 ? `DKIM keys (${evidenceList(e, 'dkimSelectorsWithKeys').join(', ')})` : 'a valid SPF record'}. ${requiredBy(e)}`,
    fix: NO_FIX,
    references: [rfc(7208), rfc(6376)],
  },
  'bulk.spf-or-dkim.fail': {
    severity: 'high',
    title: 'Neither SPF nor DKIM is set up',
    explanation: (e) =>
      `Gmail and Yahoo ask every sender, however small, to authenticate with SPF or DKIM; ${evidenceText(e, 'domain')} has no valid SPF record and no DKIM key under the selector(s) you named. Mail from it is likely to land in spam or be refused. ${requiredBy(e)}`,
    fix: {
      steps: [
        'Publish an SPF record listing the services that send your mail (see the SPF findings for the exact record).',
        'Turn on DKIM signing at your mail provider and publish the key it gives you.',
      ],
    },
    references: [rfc(7208, '3'), rfc(6376, '3.6.2')],
  },
  'bulk.spf-or-dkim.unknown': {
    severity: 'info',
    title: 'SPF or DKIM: cannot tell from here',
    explanation: (e) =>
      `${CANNOT_TELL} there is no usable SPF record, and no DKIM key was found among the ${evidenceText(e, 'dkimSelectorsTried')} common selectors tried. If you sign with another selector, add it to the account and check again. ${requiredBy(e)}`,
    fix: {
      steps: ["Add your DKIM selector (your mail provider's DKIM page shows it) and run the check again."],
    },
    references: [rfc(6376, '3.1')],
  },
  'bulk.spf-and-dkim.pass': {
    severity: 'pass',
    title: 'Both SPF and DKIM are set up',
    explanation: (e) =>
      `Bulk senders need both. ${evidenceText(e, 'domain')} has a valid SPF record and DKIM keys (${evidenceList(e, 'dkimSelectorsWithKeys').join(', ')}). ${requiredBy(e)}`,
    fix: NO_FIX,
    references: [rfc(7208), rfc(6376)],
  },
  'bulk.spf-and-dkim.fail': {
    severity: 'high',
    title: 'Bulk senders need both SPF and DKIM, and one is missing or failing',
    explanation: (e) =>
      `SPF: ${evidenceText(e, 'spf')}${e['spfSendingIp'] === null ? '' : ` (sending address ${evidenceText(e, 'spfSendingIp')})`}; DKIM: ${evidenceText(e, 'dkim')}. Senders of 5,000+ messages a day to Gmail, Yahoo or Outlook.com must pass both; Outlook.com refuses such mail with "550 5.7.515 Access denied, sending domain does not meet the required authentication level". ${requiredBy(e)}`,
    fix: {
      steps: [
        'If SPF is the problem: publish one SPF record that includes every service that sends your mail (see the SPF findings for the exact record), and make sure your sending server is in it.',
        'If DKIM is the problem: turn on DKIM signing at your mail provider and publish the key record it gives you.',
        'Send yourself a test message at a Gmail address and check "Show original": SPF and DKIM must both say PASS.',
      ],
    },
    references: [rfc(7208, '2.6'), rfc(6376, '6.1')],
  },
  'bulk.spf-and-dkim.unknown': {
    severity: 'info',
    title: 'SPF and DKIM: cannot tell from here',
    explanation: (e) =>
      `${CANNOT_TELL} SPF: ${evidenceText(e, 'spf')}; DKIM: ${evidenceText(e, 'dkim')} (no key among the ${evidenceText(e, 'dkimSelectorsTried')} common selectors tried; yours may be another). ${requiredBy(e)}`,
    fix: { steps: ['Add your DKIM selector to the account and run the check again.'] },
    references: [rfc(6376, '3.1')],
  },
  'bulk.dmarc-policy.pass': {
    severity: 'pass',
    title: (e) => `DMARC is published (p=${evidenceText(e, 'dmarcPolicy')})`,
    explanation: (e) => `Bulk senders need a DMARC record, p=none at least. ${requiredBy(e)}`,
    fix: NO_FIX,
    references: [rfc(7489, '6.3')],
  },
  'bulk.dmarc-policy.fail': {
    severity: 'high',
    title: 'No valid DMARC record: bulk mail is refused or filtered',
    explanation: (e) =>
      `${evidenceText(e, 'domain')} has no valid DMARC record. Gmail and Yahoo require one (p=none at least) of senders of 5,000+ messages a day, and Outlook.com refuses their mail with 550 5.7.515. ${requiredBy(e)}`,
    fix: (e) => ({
      steps: [
        "Sign in where your domain's DNS is managed.",
        `Add a TXT record at _dmarc.${evidenceText(e, 'domain')} with the value below (create the dmarc-reports mailbox first, or use your own address).`,
        'Read the reports for a few weeks, then move to p=quarantine and later p=reject (see the DMARC findings).',
      ],
      record: {
        type: 'TXT',
        name: `_dmarc.${evidenceText(e, 'domain')}`,
        value: `v=DMARC1; p=none; rua=mailto:dmarc-reports@${evidenceText(e, 'domain')}`,
      },
    }),
    references: [rfc(7489, '6.3'), rfc(7489, '7.1')],
  },
  'bulk.dmarc-policy.unknown': {
    severity: 'info',
    title: 'DMARC: cannot tell from here',
    explanation: (e) => `${CANNOT_TELL} the DMARC lookup did not give an answer. ${requiredBy(e)}`,
    fix: { steps: ['Run the check again.'] },
    references: [rfc(7489, '6.3')],
  },
  'bulk.dmarc-alignment.fail': {
    severity: 'high',
    title: 'DMARC alignment cannot pass',
    explanation: (e) =>
      `DMARC passes only when the From domain matches the SPF or DKIM domain of a message (alignment, RFC 7489 section 3.1). ${e['dmarcPolicy'] === null ? 'There is no DMARC record' : 'Neither SPF nor DKIM is set up'}, so it cannot. ${requiredBy(e)}`,
    fix: {
      steps: [
        'Publish DMARC, SPF and DKIM as the findings above describe.',
        'Make your mail provider sign with DKIM for your own domain (d= your domain), not only its own.',
      ],
    },
    references: [rfc(7489, '3.1')],
  },
  'bulk.dmarc-alignment.unknown': {
    severity: 'info',
    title: 'DMARC alignment: cannot tell from here (needs a real message)',
    explanation: (e) =>
      `${CANNOT_TELL} alignment compares the From domain with the domains SPF and DKIM checked on a real message (RFC 7489 section 3.1); DNS shows only that the pieces exist. ${requiredBy(e)}`,
    fix: {
      steps: [
        'Send a message to a Gmail address, open it, choose "Show original", and check that DMARC says PASS.',
        'If it fails, make your provider sign with DKIM for your own domain, or use a custom bounce (MAIL FROM) domain under your domain.',
      ],
    },
    references: [rfc(7489, '3.1')],
  },
  'bulk.reverse-dns.pass': {
    severity: 'pass',
    title: 'Your sending addresses have forward-confirmed reverse DNS',
    explanation: (e) => `${evidenceList(e, 'sendingAddresses').join('; ')}. ${requiredBy(e)}`,
    fix: NO_FIX,
    references: [rfc(8601, '2.7.3')],
  },
  'bulk.reverse-dns.fail': {
    severity: 'high',
    title: 'A sending address lacks valid reverse DNS',
    explanation: (e) =>
      `Gmail and Yahoo require valid forward and reverse DNS for sending addresses: ${evidenceList(e, 'sendingAddresses').join('; ')}. ${requiredBy(e)}`,
    fix: {
      steps: [
        'Ask whoever owns the sending IP address (your hosting or internet provider) to set its reverse DNS (PTR) to the server name, and give that name an A/AAAA record with the same address. See the reverse DNS findings.',
      ],
    },
    references: [rfc(8601, '2.7.3'), rfc(1912, '2.1')],
  },
  'bulk.reverse-dns.unknown': {
    severity: 'info',
    title: 'Reverse DNS of sending addresses: cannot tell from here',
    explanation: (e) =>
      `${CANNOT_TELL} no sending address was checked (or its lookup failed). When you send through a provider, its addresses are the ones that count, and providers keep them in order. ${requiredBy(e)}`,
    fix: {
      steps: ["Add the account's submission server, or enter your own server's IP address, and check again."],
    },
    references: [rfc(8601, '2.7.3')],
  },
  'bulk.tls.pass': {
    severity: 'pass',
    title: 'Mail is sent over TLS',
    explanation: (e) => `TLS worked at ${evidenceText(e, 'where', 'the server checked')}. ${requiredBy(e)}`,
    fix: NO_FIX,
    references: [rfc(3207), rfc(8314)],
  },
  'bulk.tls.fail': {
    severity: 'high',
    title: 'Mail is not sent over TLS',
    explanation: (e) =>
      `TLS did not work at ${evidenceText(e, 'where', 'the server checked')}. Gmail requires TLS for the connection that delivers your mail. ${requiredBy(e)}`,
    fix: {
      steps: [
        'Turn on TLS (STARTTLS on 587, or implicit TLS on 465) in your mail server or client; see the TLS findings.',
      ],
    },
    references: [rfc(3207), rfc(8314)],
  },
  'bulk.tls.unknown': {
    severity: 'info',
    title: 'TLS: cannot tell from here',
    explanation: (e) => `${CANNOT_TELL} the TLS check did not run for this domain. ${requiredBy(e)}`,
    fix: { steps: ['Run the full account audit, which tests the submission server.'] },
    references: [rfc(8314)],
  },
  'bulk.one-click-unsubscribe.unknown': {
    severity: 'info',
    title: 'One-click unsubscribe: cannot tell from here (needs a real message)',
    explanation: (e) =>
      `${CANNOT_TELL} marketing mail from bulk senders must carry List-Unsubscribe and List-Unsubscribe-Post: List-Unsubscribe=One-Click headers (RFC 8058), and honour them within 2 days. Only a real message shows them. ${requiredBy(e)}`,
    fix: {
      steps: [
        'Check that your newsletter tool adds one-click unsubscribe (most do), and send yourself a campaign to see the headers.',
      ],
    },
    references: [rfc(8058, '3'), rfc(2369)],
  },
  'bulk.spam-rate.unknown': {
    severity: 'info',
    title: 'Spam complaint rate: cannot tell from here (needs Postmaster Tools)',
    explanation: (e) =>
      `${CANNOT_TELL} the spam rate users report is kept by the receivers: Gmail wants it under 0.3% (ideally under 0.1%) in Postmaster Tools (unconfirmed). ${requiredBy(e)}`,
    fix: {
      steps: [
        'Register your domain in Google Postmaster Tools (postmaster.google.com) and Yahoo Sender Hub, and watch the spam rate.',
      ],
    },
    references: [],
  },
  'bulk.message-format.unknown': {
    severity: 'info',
    title: 'Message format: cannot tell from here (needs a real message)',
    explanation: (e) =>
      `${CANNOT_TELL} messages must follow RFC 5322 (one From header, a Date, a Message-ID, no impersonation of Gmail addresses). Only a real message shows it. ${requiredBy(e)}`,
    fix: { steps: ['Send yourself a message and look at its headers ("Show original" in Gmail).'] },
    references: [rfc(5322, '3.6')],
  },
});
