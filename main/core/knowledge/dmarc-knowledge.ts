/**
 * Words for the DMARC findings (RFC 7489 and DMARCbis), including the staged plan none -> quarantine -> reject.
 */
import type { Evidence, Fix } from '../../../preload/contract/findings';
import { NO_FIX, rfc, type KnowledgeTable } from './knowledge-entry';

const str = (evidence: Evidence, key: string): string => {
  const value = evidence[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

const DMARCBIS = {
  label: 'DMARCbis (draft-ietf-dmarc-dmarcbis)',
  url: 'https://datatracker.ietf.org/doc/draft-ietf-dmarc-dmarcbis/',
};

/** The three stages, with the record for the next one; `stage` is 1, 2 or 3. */
function stagedPlan(evidence: Evidence, intro: string[]): Fix {
  const name = str(evidence, 'recordName');
  const next = str(evidence, 'nextRecord');
  return {
    steps: [
      ...intro,
      'Stage 1, monitor: p=none with a rua= address, and read the aggregate reports for 2 to 4 weeks until every service that sends as your domain passes SPF or DKIM in alignment.',
      'Stage 2, quarantine: p=quarantine; failing mail goes to spam. Watch the reports for another 2 to 4 weeks.',
      'Stage 3, reject: p=reject; failing mail is refused, and nobody can send mail that claims to be from your domain.',
      `Publish this TXT record at ${name} for the next stage (replace the existing DMARC record; keep only one): ${next}`,
    ],
    record: { type: 'TXT', name, value: next },
  };
}

export const DMARC_KNOWLEDGE = {
  'dmarc.domain.invalid': {
    severity: 'info',
    title: 'DMARC could not be checked: the domain name is not valid',
    explanation: (e) => `"${str(e, 'domain')}" cannot be looked up: ${str(e, 'reason')}.`,
    fix: { steps: ['Enter the domain part of your email address, such as example.com.'] },
    references: [rfc(7489, '6.1')],
  },
  'dmarc.lookup.failed': {
    severity: 'medium',
    title: 'The DMARC record could not be read',
    explanation: (e) =>
      `The lookup of ${str(e, 'name')} failed: ${str(e, 'reason')}. Receivers that hit the same failure treat your domain as having no DMARC policy for that message.`,
    fix: {
      steps: [
        'Run the check again in a few minutes.',
        'If it keeps failing, ask your DNS host why that name does not answer.',
      ],
    },
    references: [rfc(7489, '6.6.3')],
  },
  'dmarc.record.missing': {
    severity: 'high',
    title: 'No DMARC record',
    explanation: (e) =>
      `There is no DMARC record at ${str(e, 'recordName')}${str(e, 'orgDomain') === '' ? '' : ` nor at the organisational domain ${str(e, 'orgDomain')}`}. Anyone can send mail that claims to be from your domain, receivers have no instructions, and the big mailbox providers now require DMARC from bulk senders.`,
    fix: (e) =>
      stagedPlan(e, [
        'Start at stage 1: publish the record below, with an address where you can read the reports.',
      ]),
    references: [rfc(7489, '6.1'), rfc(7489, '6.6.3')],
  },
  'dmarc.record.multiple': {
    severity: 'high',
    title: 'More than one DMARC record',
    explanation: (e) =>
      `${str(e, 'recordName')} has ${str(e, 'recordCount')} records starting with v=DMARC1. Receivers then ignore DMARC completely, as if there were none.`,
    fix: (e) => ({
      steps: [
        `Delete all but one DMARC record at ${str(e, 'recordName')}. Merge what you need into the one you keep.`,
      ],
    }),
    references: [rfc(7489, '6.6.3')],
  },
  'dmarc.record.syntax': {
    severity: 'high',
    title: 'The DMARC record has errors',
    explanation: (e) =>
      `The record at ${str(e, 'recordName')} has problems receivers may not forgive (listed in the evidence). A record that cannot be read counts as no record.`,
    fix: (e) => ({
      steps: ['Replace the record with the corrected one below (it keeps your valid settings).'],
      record: { type: 'TXT', name: str(e, 'recordName'), value: str(e, 'correctedRecord') },
    }),
    references: [rfc(7489, '6.3'), rfc(7489, '6.4')],
  },
  'dmarc.record.inherited': {
    severity: 'info',
    title: 'DMARC policy comes from the organisational domain',
    explanation: (e) =>
      `${str(e, 'domain')} has no DMARC record of its own, so receivers use the one at ${str(e, 'recordName')}, applying its subdomain policy (${str(e, 'appliedPolicy')}).`,
    fix: {
      steps: [
        'Nothing to do if that policy suits this domain. To set a different one, publish a DMARC record at _dmarc of this domain.',
      ],
    },
    references: [rfc(7489, '6.6.3')],
  },
  'dmarc.policy.none': {
    severity: 'medium',
    title: 'DMARC policy is "none": monitoring only',
    explanation:
      'Your DMARC record asks receivers to do nothing with mail that fails the checks. That is the right first stage to collect reports, but it does not stop anyone from sending mail in your name.',
    fix: (e) =>
      stagedPlan(e, [
        'You are at stage 1. When the reports show all your real mail passing, move to stage 2.',
      ]),
    references: [rfc(7489, '6.3'), DMARCBIS],
  },
  'dmarc.policy.quarantine': {
    severity: 'low',
    title: 'DMARC policy is "quarantine"',
    explanation:
      'Mail that fails DMARC goes to the spam folder. That protects you well; "reject" goes one step further and stops forged mail at the door.',
    fix: (e) =>
      stagedPlan(e, ['You are at stage 2. When the reports show no real mail failing, move to stage 3.']),
    references: [rfc(7489, '6.3')],
  },
  'dmarc.policy.reject': {
    severity: 'pass',
    title: 'DMARC policy is "reject"',
    explanation:
      'Receivers refuse mail that fails DMARC: nobody can send mail that appears to come from your domain.',
    fix: NO_FIX,
    references: [rfc(7489, '6.3')],
  },
  'dmarc.pct.partial': {
    severity: 'medium',
    title: 'DMARC policy applies to only part of the mail',
    explanation: (e) =>
      `pct=${str(e, 'pct')} applies the policy to ${str(e, 'pct')}% of failing mail; the rest is treated as p=none. DMARCbis drops pct altogether, and mailbox providers expect it to be 100.`,
    fix: (e) => ({
      steps: ['Remove the pct tag (the default is 100) once the reports look clean:'],
      record: { type: 'TXT', name: str(e, 'recordName'), value: str(e, 'nextRecord') },
    }),
    references: [rfc(7489, '6.3'), DMARCBIS],
  },
  'dmarc.subdomain-policy.weaker': {
    severity: 'low',
    title: 'Subdomains have a weaker DMARC policy',
    explanation: (e) =>
      `The record says ${str(e, 'tag')}=${str(e, 'value')} while p=${str(e, 'policy')}. Someone can send mail from made-up subdomains such as billing.${str(e, 'domain')} under the weaker policy.`,
    fix: (e) => ({
      steps: [
        `Remove the ${str(e, 'tag')} tag (subdomains then follow p) unless a subdomain really needs it.`,
      ],
    }),
    references: [rfc(7489, '6.3'), DMARCBIS],
  },
  'dmarc.alignment.strict': {
    severity: 'info',
    title: 'DMARC alignment is strict',
    explanation: (e) =>
      `The record asks for strict alignment (${str(e, 'strict')}): mail from subdomains or from services that sign with a subdomain fails DMARC. That is fine when every sender uses exactly ${str(e, 'domain')}.`,
    fix: {
      steps: [
        'Check in the aggregate reports that no real mail fails alignment; otherwise use relaxed alignment (remove adkim=s / aspf=s).',
      ],
    },
    references: [rfc(7489, '3.1')],
  },
  'dmarc.rua.missing': {
    severity: 'low',
    title: 'DMARC reports are not requested',
    explanation:
      'The record has no rua= address, so you receive no aggregate reports and cannot see who sends mail in your name or whether your own mail passes.',
    fix: (e) => ({
      steps: ['Add a rua= address that someone reads (or a DMARC report service):'],
      record: { type: 'TXT', name: str(e, 'recordName'), value: str(e, 'suggestedRecord') },
    }),
    references: [rfc(7489, '6.3'), rfc(7489, '7.2')],
  },
  'dmarc.report-destination.unauthorised': {
    severity: 'medium',
    title: 'A DMARC report address at another domain has not agreed to receive reports',
    explanation: (e) =>
      `Reports for ${str(e, 'domain')} go to ${str(e, 'address')}, but ${str(e, 'authorisationName')} has no v=DMARC1 record, so receivers will not send reports there.`,
    fix: (e) => ({
      steps: [
        `Ask whoever runs ${str(e, 'destinationDomain')} to publish this TXT record (report services do it when you add your domain):`,
        'Or use an address at your own domain instead.',
      ],
      record: { type: 'TXT', name: str(e, 'authorisationName'), value: 'v=DMARC1' },
    }),
    references: [rfc(7489, '7.1')],
  },
  'dmarc.report-destination.unverified': {
    severity: 'info',
    title: 'A DMARC report destination could not be verified',
    explanation: (e) =>
      `The lookup of ${str(e, 'authorisationName')} failed (${str(e, 'reason')}), so it is unknown whether ${str(e, 'address')} accepts reports for your domain.`,
    fix: { steps: ['Run the check again later.'] },
    references: [rfc(7489, '7.1')],
  },
  'dmarc.report-destination.authorised': {
    severity: 'pass',
    title: 'External DMARC report addresses accept your reports',
    explanation:
      'Every report address at another domain has published the record that lets receivers send it your reports.',
    fix: NO_FIX,
    references: [rfc(7489, '7.1')],
  },
  'dmarc.tags.unknown': {
    severity: 'info',
    title: 'The DMARC record has tags receivers ignore',
    explanation: (e) =>
      `These tags are not part of DMARC and are ignored: ${str(e, 'tagList')}. Often a typing error.`,
    fix: { steps: ['Check the spelling of those tags, or remove them.'] },
    references: [rfc(7489, '6.3')],
  },
} as const satisfies KnowledgeTable;
