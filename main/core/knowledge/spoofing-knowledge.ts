/**
 * Words for the sender-spoofing findings: once logged in, may this account send as someone else?
 * (RFC 6409 section 6.1: a submission server may check that the sender matches the login.)
 */
import { evidenceText } from './evidence-text';
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';
import type { SpoofingEvidence } from './spoofing-evidence';

const where = (e: { readonly host: string; readonly port: number }): string =>
  `${evidenceText(e, 'host')} port ${evidenceText(e, 'port')}`;

const ENFORCE_STEPS = [
  'Make the server check that the sender address (MAIL FROM) belongs to the logged-in account.',
  'Postfix: add "reject_sender_login_mismatch" to smtpd_sender_restrictions and point smtpd_sender_login_maps at a table of address -> login; run "postfix reload".',
  'Exim: in the MAIL ACL, deny unless $sender_address matches $authenticated_id (or a list of its aliases).',
  'Hosted mail (Microsoft 365, Google Workspace): allow "Send As" only for the people who need it.',
  'Run this check again.',
];

export const SPOOFING_KNOWLEDGE = defineKnowledge<SpoofingEvidence>()({
  'spoofing.same-domain.accepted': {
    severity: 'medium',
    title: (e) => `${where(e)} lets this account send as colleagues`,
    explanation: (e) =>
      `Logged in as ${evidenceText(e, 'account')}, we asked to send as ${evidenceText(e, 'from')}, another mailbox of the same domain, and the server agreed. ` +
      'Anyone who learns one password of your domain could send mail that looks like it comes from the boss or the accounts department. We stopped before sending anything.',
    fix: { steps: ENFORCE_STEPS },
    references: [rfc(6409, '6.1'), rfc(5321, '3.3')],
  },
  'spoofing.same-domain.refused': {
    severity: 'pass',
    title: (e) => `${where(e)} stops this account sending as colleagues`,
    explanation: (e) =>
      `Sending as ${evidenceText(e, 'from')} was refused: the server checks who is logged in.`,
    fix: NO_FIX,
    references: [rfc(6409, '6.1')],
  },
  'spoofing.foreign-domain.accepted': {
    severity: 'high',
    title: (e) => `${where(e)} lets this account send as any other domain`,
    explanation: (e) =>
      `Logged in as ${evidenceText(e, 'account')}, we asked to send as ${evidenceText(e, 'from')}, an address of a domain that is not yours, and the server agreed. ` +
      'A stolen password here lets someone send mail in other organisations’ names from your server, which damages its reputation. We stopped before sending anything.',
    fix: { steps: ENFORCE_STEPS },
    references: [rfc(6409, '6.1'), rfc(7208, '1')],
  },
  'spoofing.foreign-domain.refused': {
    severity: 'pass',
    title: (e) => `${where(e)} stops this account sending as other domains`,
    explanation: (e) => `Sending as ${evidenceText(e, 'from')} was refused.`,
    fix: NO_FIX,
    references: [rfc(6409, '6.1')],
  },
  'spoofing.inconclusive': {
    severity: 'info',
    title: (e) => `Sender test on ${where(e)} was not conclusive`,
    explanation: (e) =>
      `The server did not give a clear answer (${evidenceText(e, 'reason')}), so we cannot tell whether it checks the sender.`,
    fix: {
      steps: ['Run the check again; if it repeats, ask whoever runs the server what its sender rules are.'],
    },
    references: [rfc(5321, '4.2.1')],
  },
  'spoofing.skipped': {
    severity: 'info',
    title: (e) => `Sender test on ${where(e)} not run`,
    explanation: (e) =>
      `This test needs a working login, and the login ${evidenceText(e, 'reason')}. See the login findings for why.`,
    fix: { steps: ['Fix the login first (see the login findings), then run the check again.'] },
    references: [rfc(6409, '6.1')],
  },
});
