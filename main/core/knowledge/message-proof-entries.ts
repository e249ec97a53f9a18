/**
 * Words for `mailwarden prove`: where the test message landed, or what is known when it never arrived,
 * and the DKIM selector it taught. Spread into MESSAGE_KNOWLEDGE; the message's own verdicts are the
 * analyse findings.
 */
import { evidenceList, evidenceText } from './evidence-text';
import { NO_FIX, rfc, type KnowledgeEntry } from './knowledge-entry';
import type { MessageEvidence } from './message-evidence';

const t = evidenceText;

export const MESSAGE_PROOF_ENTRIES = {
  'message.proof.inbox': {
    severity: 'pass',
    title: 'The test message arrived in the inbox',
    explanation: (e) =>
      `Mailwarden sent one test message to ${t(e, 'to')} and found it in ${t(e, 'mailbox')} after ${t(e, 'waitedSeconds')} s. What the message proves about its signatures follows.`,
    fix: NO_FIX,
    references: [rfc(5321, '3.3')],
  },
  'message.proof.junk': {
    severity: 'high',
    title: 'The test message was filed as junk',
    explanation: (e) =>
      `Mailwarden sent one test message to ${t(e, 'to')} and found it in the junk folder (${t(e, 'mailbox')}) after ${t(e, 'waitedSeconds')} s. Mail from this account to this mailbox is treated as spam: recipients may never see it. The test message’s other findings usually say why (a missing or broken DKIM signature, an SPF or DMARC failure).`,
    fix: {
      steps: [
        'Fix the test message’s DKIM, SPF and DMARC findings first; receivers weigh them heavily.',
        'If all of them pass, the mailbox’s own filter rules (a Sieve rule, a blocked sender list) filed it: look at the filter settings of the receiving mailbox.',
        'Send the test again after each change.',
      ],
    },
    references: [rfc(6154, '2')],
  },
  'message.proof.not-arrived': {
    severity: 'high',
    title: 'The test message did not arrive',
    explanation: (e) =>
      `Mailwarden sent one test message to ${t(e, 'to')}; the sending server accepted it${e.queueId === null ? '' : ` (queue id ${t(e, 'queueId')})`} with the reply "${t(e, 'reply')}". It was not in ${evidenceList(e, 'searched').join(' or ')} within ${t(e, 'waitedSeconds')} s. It may be delayed in a queue, bounced, or dropped silently by a filter on the way.`,
    fix: (e) => ({
      steps: [
        `Ask the sending server's administrator or provider what became of the message${e.queueId === null ? '' : ` with queue id ${t(e, 'queueId')}`}; the mail log says whether it was delivered, deferred or dropped.`,
        'Look for a bounce message in the mailbox, then send the test message again with a longer wait.',
      ],
    }),
    references: [rfc(5321, '4.5.4.1')],
  },
  'message.proof.refused': {
    severity: 'high',
    title: 'The sending server refused the test message',
    explanation: (e) =>
      `Mailwarden logged in and tried to send one test message to ${t(e, 'to')}, but the server refused it at ${t(e, 'refusedAt')} with "${t(e, 'reply')}". Nothing was sent. Mail programs using this account meet the same refusal.`,
    fix: {
      steps: [
        'Read the reply: a 5.7.x code names a policy (a sender address this login may not use, a blocked recipient, a sending limit).',
        'Check that the account’s address is one this login may send as, and that the recipient address exists.',
      ],
    },
    references: [rfc(5321, '4.2.2')],
  },
  'message.proof.not-watched': {
    severity: 'medium',
    title: 'The mailbox could not be read to find the test message',
    explanation: (e) =>
      `The test message was sent (the server replied "${t(e, 'reply')}"), but Mailwarden could not watch the account's mailbox: ${t(e, 'problem')}. Whether and where it arrived is unknown; it stays in the mailbox.`,
    fix: {
      steps: [
        'Run "mailwarden audit" for this account to see why the incoming server refused the login or its certificate.',
        'Look for the test message (subject "Mailwarden test message") yourself and delete it.',
      ],
    },
    references: [rfc(9051, '6.2')],
  },
  'message.proof.selector-learned': {
    severity: 'info',
    title: (e) => `The account signs with DKIM selector ${t(e, 'selector')}`,
    explanation: (e) =>
      `The test message carries a valid DKIM signature by ${t(e, 'domain')} with selector ${t(e, 'selector')}, which the account does not list yet. Listed, it lets every audit check the key behind it in DNS (its size, whether it is still published) without guessing selector names.`,
    fix: (e) => ({ steps: [`Add it: ${t(e, 'command')}`] }),
    references: [rfc(6376, '3.1')],
  },
} satisfies {
  readonly [K in `message.proof.${string}` & keyof MessageEvidence]: KnowledgeEntry<MessageEvidence[K]>;
};
