/**
 * Words for the DMARC findings (RFC 9989, which obsoletes RFC 7489; RFC 9990 for aggregate reports),
 * including the staged plan none -> quarantine -> reject, and what receivers still on RFC 7489 do instead.
 */
import type { Evidence, Fix } from '../../../preload/contract/findings';
import type { DmarcEvidence } from './dmarc-evidence';
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';

/** A field of the finding's own evidence as text; only fields its type declares can be named. */
const str = <E extends Evidence>(evidence: E, key: keyof E & string): string => {
  const value = evidence[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

const DMARCBIS = rfc(9989);
/** RFC 9989 section numbers follow its text as published from draft-ietf-dmarc-dmarcbis-41. */
const TREE_WALK = rfc(9989, '4.10');
const TAGS = rfc(9989, '4.7');

const PARKED_BCP = {
  label: 'M3AAWG: Protecting Parked Domains Best Common Practices',
  url: 'https://www.m3aawg.org/documents/en/m3aawg-protecting-parked-domains-best-common-practices',
};

/** " " + what receivers still on RFC 7489 do differently, when the evidence says. */
const older = (e: { readonly olderReceivers: string }): string => {
  const text = str(e, 'olderReceivers');
  return text === '' ? '' : ` ${text}`;
};

/** The three stages, with the record for the next one; `stage` is 1, 2 or 3. */
function stagedPlan(
  evidence: { readonly recordName: string; readonly nextRecord: string },
  intro: string[],
): Fix {
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

export const DMARC_KNOWLEDGE = defineKnowledge<DmarcEvidence>()({
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
    references: [TREE_WALK, rfc(7489, '6.6.3')],
  },
  'dmarc.record.missing': {
    severity: 'high',
    title: 'No DMARC record',
    explanation: (e) =>
      `There is no DMARC record at ${str(e, 'recordName')}, nor at any parent name the DNS tree walk asks about${str(e, 'orgDomain') === '' ? '' : ` (the organisational domain is ${str(e, 'orgDomain')})`}. Anyone can send mail that claims to be from your domain, receivers have no instructions, and the big mailbox providers now require DMARC from bulk senders.`,
    fix: (e) =>
      stagedPlan(e, [
        'Start at stage 1: publish the record below, with an address where you can read the reports.',
      ]),
    references: [TREE_WALK, rfc(7489, '6.6.3')],
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
    references: [TREE_WALK, rfc(7489, '6.6.3')],
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
    references: [TAGS, rfc(9989, '4.8'), rfc(7489, '6.4')],
  },
  'dmarc.record.inherited': {
    severity: 'info',
    title: 'DMARC policy comes from a parent domain',
    explanation: (e) =>
      `${str(e, 'domain')} has no DMARC record of its own. Walking up the DNS tree (RFC 9989), receivers find the one at ${str(e, 'recordName')} and apply its subdomain policy (${str(e, 'appliedPolicy')}).${older(e)}`,
    fix: {
      steps: [
        'Nothing to do if that policy suits this domain. To set a different one, publish a DMARC record at _dmarc of this domain.',
      ],
    },
    references: [TREE_WALK, rfc(7489, '6.6.3')],
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
    references: [TAGS, rfc(7489, '6.3')],
  },
  'dmarc.policy.quarantine': {
    severity: 'low',
    title: 'DMARC policy is "quarantine"',
    explanation:
      'Mail that fails DMARC goes to the spam folder. That protects you well; "reject" goes one step further and stops forged mail at the door.',
    fix: (e) =>
      stagedPlan(e, ['You are at stage 2. When the reports show no real mail failing, move to stage 3.']),
    references: [TAGS, rfc(7489, '6.3')],
  },
  'dmarc.policy.reject': {
    severity: 'pass',
    title: 'DMARC policy is "reject"',
    explanation:
      'Receivers refuse mail that fails DMARC: nobody can send mail that appears to come from your domain.',
    fix: NO_FIX,
    references: [TAGS, rfc(7489, '6.3')],
  },
  'dmarc.policy.missing': {
    severity: 'medium',
    title: 'The DMARC record has no policy (p): receivers read it as "none"',
    explanation: (e) =>
      `The record at ${str(e, 'recordName')} has no p tag. RFC 9989 reads such a record as p=none: reports flow, but nothing is done with mail that fails.${older(e)}`,
    fix: (e) => stagedPlan(e, ['Add the policy explicitly, starting where your reports say you are ready.']),
    references: [TAGS, rfc(7489, '6.6.3')],
  },
  'dmarc.policy.reject-with-errors': {
    severity: 'medium',
    title: 'DMARC policy is "reject", but the record has errors',
    explanation: (e) =>
      `The record at ${str(e, 'recordName')} asks for p=reject, but it also has errors (see the DMARC errors finding). Receivers that discard a record they cannot read fully apply no policy at all, so "reject" cannot be counted on until the errors are fixed.`,
    fix: {
      steps: ['Publish the corrected record from the DMARC errors finding, then run this check again.'],
    },
    references: [TAGS, rfc(9989, '4.8')],
  },
  'dmarc.policy.testing': {
    severity: 'low',
    title: (e) => `DMARC policy "${str(e, 'policy')}" is in testing mode (t=y)`,
    explanation: (e) =>
      `The record has t=y: the domain owner says the p=${str(e, 'policy')} policy is being tested, and RFC 9989 receivers do not apply it in full (they treat reject as quarantine, and quarantine as none). Receivers still following RFC 7489 do not know t and apply p=${str(e, 'policy')} as written.`,
    fix: (e) => ({
      steps: ['When the aggregate reports show no real mail failing, remove t=y:'],
      record: { type: 'TXT', name: str(e, 'recordName'), value: str(e, 'nextRecord') },
    }),
    references: [TAGS],
  },
  'dmarc.psd.public-suffix': {
    severity: 'info',
    title: 'The DMARC record says it belongs to a public suffix (psd=y)',
    explanation: (e) =>
      `The record at ${str(e, 'recordName')} has psd=y: it is the policy of a public suffix operator (such as a registry), and the tree walk treats the name below it as the organisation. Receivers still following RFC 7489 ignore psd (it came with the experimental RFC 9091).`,
    fix: {
      steps: [
        'Nothing to do if this domain is a public suffix. If it is an ordinary organisation domain, remove psd=y (or set psd=n).',
      ],
    },
    references: [TAGS, TREE_WALK],
  },
  'dmarc.parked.reject': {
    severity: 'pass',
    title: 'The parked domain has DMARC p=reject',
    explanation:
      'Receivers refuse any mail that claims to come from this domain, which is right for a domain that sends none.',
    fix: NO_FIX,
    references: [TAGS, PARKED_BCP],
  },
  'dmarc.parked.not-reject': {
    severity: 'high',
    title: (e) => `The parked domain has no DMARC p=reject (${str(e, 'policy')})`,
    explanation: (e) =>
      `${str(e, 'domain')} sends no mail, so every message claiming to be from it is forged. DMARC p=reject (policy now: ${str(e, 'policy')}) tells receivers to refuse them all.`,
    fix: (e) => ({
      steps: [`Publish this TXT record at ${str(e, 'recordName')} (replace any existing DMARC record):`],
      record: { type: 'TXT', name: str(e, 'recordName'), value: str(e, 'proposedRecord') },
    }),
    references: [TAGS, PARKED_BCP],
  },
  'dmarc.tag.obsolete': {
    severity: 'info',
    title: (e) =>
      `DMARC tag ${str(e, 'tag')}=${str(e, 'value')} is obsolete; older receivers may still honour it`,
    explanation: (e) =>
      `RFC 9989 removed ${str(e, 'tag')} (with pct, rf and ri): receivers following it ignore the tag.${older(e)}`,
    fix: (e) => ({
      steps: [
        `Remove ${str(e, 'tag')} when it no longer matters to you which behaviour an older receiver picks (for pct, use t=y while testing instead):`,
      ],
      record: { type: 'TXT', name: str(e, 'recordName'), value: str(e, 'nextRecord') },
    }),
    references: [DMARCBIS, rfc(7489, '6.3')],
  },
  'dmarc.record.leading-whitespace': {
    severity: 'high',
    title: 'The DMARC record starts with a space, so receivers ignore it',
    explanation: (e) =>
      `The TXT record at ${str(e, 'recordName')} has spaces before "v=DMARC1". A DMARC record must start with the version tag (RFC 9989 section 4.8, as RFC 7489 section 6.4 already required), so receivers discard it and the domain has no DMARC policy for them.`,
    fix: (e) => ({
      steps: ['Replace the record with the same text without the leading spaces:'],
      record: { type: 'TXT', name: str(e, 'recordName'), value: str(e, 'correctedRecord') },
    }),
    references: [rfc(9989, '4.8'), rfc(7489, '6.4')],
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
    references: [TAGS, rfc(7489, '6.3')],
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
    references: [rfc(9989), rfc(7489, '3.1')],
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
    references: [TAGS, rfc(9990)],
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
    references: [rfc(9990), rfc(7489, '7.1')],
  },
  'dmarc.report-destination.unverified': {
    severity: 'info',
    title: 'A DMARC report destination could not be verified',
    explanation: (e) =>
      `The lookup of ${str(e, 'authorisationName')} failed (${str(e, 'reason')}), so it is unknown whether ${str(e, 'address')} accepts reports for your domain.`,
    fix: { steps: ['Run the check again later.'] },
    references: [rfc(9990), rfc(7489, '7.1')],
  },
  'dmarc.report-destination.authorised': {
    severity: 'pass',
    title: 'External DMARC report addresses accept your reports',
    explanation:
      'Every report address at another domain has published the record that lets receivers send it your reports.',
    fix: NO_FIX,
    references: [rfc(9990), rfc(7489, '7.1')],
  },
  'dmarc.tags.unknown': {
    severity: 'info',
    title: 'The DMARC record has tags receivers ignore',
    explanation: (e) =>
      `These tags are not part of DMARC and are ignored: ${str(e, 'tagList')}. Often a typing error.`,
    fix: { steps: ['Check the spelling of those tags, or remove them.'] },
    references: [TAGS, rfc(7489, '6.3')],
  },
});
