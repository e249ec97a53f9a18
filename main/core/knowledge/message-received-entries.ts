/**
 * Words for the Received-chain findings of `mailwarden analyse` (RFC 5321 section 4.4), spread into
 * MESSAGE_KNOWLEDGE.
 */
import type { Evidence } from '../../../preload/contract/findings';
import { evidenceRecords, evidenceText } from './evidence-text';
import { rfc, type KnowledgeEntry } from './knowledge-entry';
import type { MessageEvidence } from './message-evidence';

/** "1. mx.example.com from smtp.out.example (192.0.2.1), ESMTPS TLSv1.3, 2 s" per hop. */
function hopLines(e: Evidence): string {
  const hops = evidenceRecords(e, 'hops');
  if (hops.length === 0) return 'no hops could be read';
  return hops
    .map((h) => {
      const tls =
        h['tlsVersion'] === null || h['tlsVersion'] === undefined ? '' : ` ${evidenceText(h, 'tlsVersion')}`;
      const delay =
        typeof h['delaySeconds'] === 'number' ? `, after ${evidenceText(h, 'delaySeconds')} s` : '';
      return `${evidenceText(h, 'index')}. ${evidenceText(h, 'by', 'unknown')} from ${evidenceText(h, 'from', 'unknown')} (${evidenceText(h, 'fromIp', 'no address')}), ${evidenceText(h, 'protocol', 'protocol not said')}${tls}${delay}`;
    })
    .join('; ');
}

export const MESSAGE_RECEIVED_ENTRIES = {
  'message.received.chain': {
    severity: 'info',
    title: (e) => `The message passed ${evidenceText(e, 'hopCount')} servers`,
    explanation: (e) =>
      `From the receiver back to the sender: ${hopLines(e)}. Each line was added by the server named after the number; only the top ones, added by the receiver's own servers, can be trusted, since anything below could have been written by the sender.`,
    fix: { steps: [] },
    references: [rfc(5321, '4.4')],
  },
  'message.received.unencrypted-hop': {
    severity: 'low',
    title: 'Part of the path was not encrypted',
    explanation: (e) =>
      `The servers ${evidenceText(e, 'hops')} recorded receiving the message without TLS (protocol SMTP or ESMTP rather than ESMTPS), so on that step anyone on the network path could read it.`,
    fix: {
      steps: [
        'If the unencrypted step is between your own servers or from your mail program, switch on TLS there (port 465, or STARTTLS on 587).',
        'For delivery to your domain, publish MTA-STS so senders must use TLS (see "mailwarden audit").',
      ],
    },
    references: [rfc(3848, '1'), rfc(8461, '1')],
  },
  'message.received.too-many': {
    severity: 'medium',
    title: 'The message has more Received lines than a mail loop limit',
    explanation: (e) =>
      `The message has ${evidenceText(e, 'total')} Received lines; servers treat 100 or more as a mail loop and stop delivering. Only the top ${evidenceText(e, 'judged')} were read.`,
    fix: {
      steps: [
        'If this is your own mail, look for two mailboxes or servers forwarding to each other and break the loop.',
        'If it came from outside, treat it as hostile.',
      ],
    },
    references: [rfc(5321, '6.3')],
  },
} satisfies {
  readonly [Id in `message.received.${string}` & keyof MessageEvidence]: KnowledgeEntry<MessageEvidence[Id]>;
};
