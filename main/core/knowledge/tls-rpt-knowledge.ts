/**
 * Words for the TLS-RPT findings (RFC 8460).
 */
import type { Evidence } from '../../../preload/contract/findings';
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';
import type { TlsRptEvidence } from './tls-rpt-evidence';

/** A field of the finding's own evidence as text; only fields its type declares can be named. */
const str = <E extends Evidence>(evidence: E, key: keyof E & string): string => {
  const value = evidence[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

export const TLS_RPT_KNOWLEDGE = defineKnowledge<TlsRptEvidence>()({
  'tls-rpt.domain.invalid': {
    severity: 'info',
    title: 'TLS-RPT could not be checked: the domain name is not valid',
    explanation: (e) => `"${str(e, 'domain')}" cannot be looked up: ${str(e, 'reason')}.`,
    fix: { steps: ['Enter the domain part of your email address, such as example.com.'] },
    references: [rfc(8460, '3')],
  },
  'tls-rpt.lookup.failed': {
    severity: 'low',
    title: 'The TLS-RPT record could not be read',
    explanation: (e) => `The lookup of ${str(e, 'recordName')} failed: ${str(e, 'reason')}.`,
    fix: {
      steps: [
        'Run the check again later; if it keeps failing, ask your DNS host why that name does not answer.',
      ],
    },
    references: [rfc(8460, '3')],
  },
  'tls-rpt.record.missing': {
    severity: 'low',
    title: 'No TLS-RPT record',
    explanation:
      'With TLS reporting, the big mail providers send you a daily report of failed secure deliveries to your domain. Without it, a broken certificate or an MTA-STS mistake goes unnoticed.',
    fix: (e) => ({
      steps: [
        'Publish this TXT record, with an address where someone reads (or a service parses) the reports:',
      ],
      record: { type: 'TXT', name: str(e, 'recordName'), value: str(e, 'suggestedRecord') },
    }),
    references: [rfc(8460, '3')],
  },
  'tls-rpt.record.multiple': {
    severity: 'medium',
    title: 'More than one TLS-RPT record',
    explanation: (e) =>
      `${str(e, 'recordName')} has ${str(e, 'recordCount')} records starting with v=TLSRPTv1, so senders send no reports.`,
    fix: {
      steps: [
        'Keep exactly one v=TLSRPTv1 record; list several destinations in its rua= separated by commas.',
      ],
    },
    references: [rfc(8460, '3')],
  },
  'tls-rpt.record.syntax': {
    severity: 'medium',
    title: 'The TLS-RPT record has errors',
    explanation: (e) =>
      `The record at ${str(e, 'recordName')} has problems (listed in the evidence), so some or all reports will not be sent.`,
    fix: (e) => ({
      steps: ['Replace it with a record of this form:'],
      record: { type: 'TXT', name: str(e, 'recordName'), value: str(e, 'suggestedRecord') },
    }),
    references: [rfc(8460, '3')],
  },
  'tls-rpt.record.ok': {
    severity: 'pass',
    title: 'TLS-RPT reports are requested',
    explanation: (e) => `Senders send TLS reports for ${str(e, 'domain')} to: ${str(e, 'destinationList')}.`,
    fix: NO_FIX,
    references: [rfc(8460, '3')],
  },
});
