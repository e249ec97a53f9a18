/**
 * Words for the BIMI findings (draft-brand-indicators-for-message-identification).
 */
import type { Evidence, Reference } from '../../../preload/contract/findings';
import type { BimiEvidence } from './bimi-evidence';
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';

/** A field of the finding's own evidence as text; only fields its type declares can be named. */
const str = <E extends Evidence>(evidence: E, key: keyof E & string): string => {
  const value = evidence[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

const BIMI_DRAFT: Reference = {
  label: 'draft-brand-indicators-for-message-identification',
  url: 'https://datatracker.ietf.org/doc/draft-brand-indicators-for-message-identification/',
};

export const BIMI_KNOWLEDGE = defineKnowledge<BimiEvidence>()({
  'bimi.domain.invalid': {
    severity: 'info',
    title: 'BIMI could not be checked: the domain name is not valid',
    explanation: (e) => `"${str(e, 'domain')}" cannot be looked up: ${str(e, 'reason')}.`,
    fix: { steps: ['Enter the domain part of your email address, such as example.com.'] },
    references: [BIMI_DRAFT],
  },
  'bimi.lookup.failed': {
    severity: 'info',
    title: 'The BIMI record could not be read',
    explanation: (e) => `The lookup of ${str(e, 'recordName')} failed: ${str(e, 'reason')}.`,
    fix: { steps: ['Run the check again later.'] },
    references: [BIMI_DRAFT],
  },
  'bimi.record.missing': {
    severity: 'info',
    title: 'No BIMI record',
    explanation:
      'BIMI lets some mailbox providers show your logo next to your messages. It is optional, and it only works once DMARC is at quarantine or reject.',
    fix: (e) => ({
      steps: [
        'Get DMARC to p=quarantine or p=reject first.',
        'Make your logo an SVG Tiny PS file and host it over https.',
        'For Gmail and Apple Mail, obtain a Verified Mark Certificate (VMC) or Common Mark Certificate (CMC) and host its PEM file.',
        'Publish the TXT record below with your own addresses.',
      ],
      record: { type: 'TXT', name: str(e, 'recordName'), value: str(e, 'suggestedRecord') },
    }),
    references: [BIMI_DRAFT],
  },
  'bimi.record.multiple': {
    severity: 'medium',
    title: 'More than one BIMI record',
    explanation: (e) =>
      `${str(e, 'recordName')} has ${str(e, 'recordCount')} records starting with v=BIMI1, so receivers show no logo.`,
    fix: { steps: ['Keep exactly one v=BIMI1 record at that name.'] },
    references: [BIMI_DRAFT],
  },
  'bimi.record.syntax': {
    severity: 'medium',
    title: 'The BIMI record has errors',
    explanation: (e) =>
      `The record at ${str(e, 'recordName')} has problems (listed in the evidence), so receivers show no logo.`,
    fix: (e) => ({
      steps: ['Replace it with a record of this form, with your own addresses:'],
      record: { type: 'TXT', name: str(e, 'recordName'), value: str(e, 'suggestedRecord') },
    }),
    references: [BIMI_DRAFT],
  },
  'bimi.logo.bad-url': {
    severity: 'medium',
    title: 'The BIMI logo address is not usable',
    explanation: (e) =>
      `The logo address has problems: ${str(e, 'problemList')}. Receivers only fetch an SVG logo over https.`,
    fix: {
      steps: [
        'Host the logo as an SVG Tiny PS file at an https:// address ending in .svg, and put that address in l=.',
      ],
    },
    references: [BIMI_DRAFT],
  },
  'bimi.authority.bad-url': {
    severity: 'medium',
    title: 'The BIMI certificate address is not usable',
    explanation: (e) => `The a= address has problems: ${str(e, 'problemList')}.`,
    fix: { steps: ['Host the VMC or CMC PEM file at an https:// address and put that address in a=.'] },
    references: [BIMI_DRAFT],
  },
  'bimi.authority.missing': {
    severity: 'low',
    title: 'The BIMI record has no mark certificate',
    explanation:
      'Without a Verified Mark Certificate (VMC) or Common Mark Certificate (CMC) in a=, Gmail and Apple Mail do not show your logo; only some other providers do.',
    fix: {
      steps: [
        'Obtain a VMC or CMC from a certificate authority that issues them, host its PEM file over https, and add a=<that address> to the record.',
      ],
    },
    references: [BIMI_DRAFT],
  },
  'bimi.logo.declined': {
    severity: 'info',
    title: 'BIMI is declined for this domain',
    explanation: 'The record has an empty l= tag, which says the domain does not want a logo shown.',
    fix: NO_FIX,
    references: [BIMI_DRAFT],
  },
  'bimi.dmarc.too-weak': {
    severity: 'high',
    title: 'BIMI will not show: DMARC is not strict enough',
    explanation: (e) =>
      `BIMI needs a DMARC policy of quarantine or reject applied to all mail (pct=100, and no sp=none). Here: ${str(e, 'dmarcSummary')}. Receivers ignore the BIMI record until that changes.`,
    fix: {
      steps: [
        'Follow the DMARC findings to move your policy to p=quarantine or p=reject with pct=100 (no pct tag), without sp=none.',
      ],
    },
    references: [BIMI_DRAFT, rfc(7489, '6.3')],
  },
  'bimi.record.ok': {
    severity: 'pass',
    title: 'BIMI record is valid',
    explanation: (e) =>
      `The BIMI record points to the logo ${str(e, 'logo')} and DMARC is strict enough for receivers to use it.`,
    fix: NO_FIX,
    references: [BIMI_DRAFT],
  },
});
