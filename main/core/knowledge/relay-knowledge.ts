/**
 * Words for the open-relay findings: may a stranger, without logging in, send mail through this server to
 * another stranger? (RFC 5321 section 3.9, RFC 2505.) The probe stops after the RCPT reply: never DATA.
 */
import { evidenceText } from './evidence-text';
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';
import type { RelayEvidence } from './relay-evidence';
import type { ReplyEvidence } from './reply-evidence';

type HostPort = { readonly host: string; readonly port: number };
const where = (e: HostPort): string => `${evidenceText(e, 'host')} port ${evidenceText(e, 'port')}`;

/** The last reply the relay dialogue got: RCPT TO's, or MAIL FROM's when it stopped there. */
const rcptReply = (e: { readonly mailReply?: ReplyEvidence; readonly rcptReply?: ReplyEvidence }): string => {
  const reply: unknown = e.rcptReply ?? e.mailReply;
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) return 'no reply';
  const fields = reply as { readonly [key: string]: unknown };
  const code = typeof fields['code'] === 'number' ? String(fields['code']) : '?';
  const text = typeof fields['text'] === 'string' ? ` ${fields['text']}` : '';
  return `"${code}${text}"`;
};

export const RELAY_KNOWLEDGE = defineKnowledge<RelayEvidence>()({
  'relay.open': {
    severity: 'critical',
    title: (e) => `${where(e)} is an open relay`,
    explanation: (e) =>
      `Without logging in, we asked the server to take mail from ${evidenceText(e, 'from')} to ${evidenceText(e, 'to')}, two addresses that are not yours, and it agreed (${rcptReply(e)}). ` +
      'Spammers look for servers like this: they would send their mail through yours, your server’s address would land on block lists, and your own mail would stop arriving. ' +
      'We stopped there: no message was sent.',
    fix: {
      steps: [
        'Allow relaying only for logged-in users and your own network.',
        'Postfix: in main.cf set smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination; keep mynetworks to your own addresses; run "postfix reload".',
        'Exim: make the RCPT ACL end with "require verify = recipient" and deny relaying to hosts outside relay_from_hosts.',
        'Microsoft Exchange: remove "Anonymous users" from receive connectors that allow relay (Get-ReceiveConnector | Get-ADPermission).',
        'Run this check again, then check your server’s address at a block-list lookup site.',
      ],
    },
    references: [rfc(5321, '3.9'), rfc(2505, '2')],
  },
  'relay.closed': {
    severity: 'pass',
    title: (e) => `${where(e)} refuses to relay for strangers`,
    explanation: (e) =>
      `Without a login, the server refused to pass mail between two outside addresses (${rcptReply(e)}).`,
    fix: NO_FIX,
    references: [rfc(5321, '3.9')],
  },
  'relay.inconclusive': {
    severity: 'info',
    title: (e) => `Relay test on ${where(e)} was not conclusive`,
    explanation: (e) =>
      `The server answered with a temporary refusal (${rcptReply(e)}), for example greylisting or a rate limit, so we cannot tell whether it would relay.`,
    fix: { steps: ['Run the check again in a few minutes.'] },
    references: [rfc(5321, '4.2.1')],
  },
  'relay.unreachable': {
    severity: 'info',
    title: (e) => `Relay test on ${where(e)} could not run`,
    explanation: (e) => `The test could not get as far as asking: ${evidenceText(e, 'reason')}`,
    fix: { steps: ['Check that the server name and port are right, and that this computer may reach them.'] },
    references: [rfc(5321, '3.1')],
  },
  'relay.skipped': {
    severity: 'info',
    title: 'Relay test skipped at your request',
    explanation:
      'The open-relay test is switched off in your settings, so we did not ask the server to relay.',
    fix: { steps: ['To run it, switch the relay test back on.'] },
    references: [rfc(5321, '3.9')],
  },
});
