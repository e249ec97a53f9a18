/** Words for findings about the audit itself: a check that could not finish. */
import { defineKnowledge, NO_FIX } from './knowledge-entry';

/** Every audit finding names the check it is about, and the deadline it ran under. */
type CheckEnding = { readonly title: string; readonly deadlineSeconds: number };

export type AuditEvidence = {
  'audit.check.timed-out': CheckEnding;
  'audit.check.failed': CheckEnding;
  'audit.check.cancelled': CheckEnding;
};

// Typed evidence promises the fields; a report from elsewhere may still lack them.
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const count = (value: unknown): string => (typeof value === 'number' ? String(value) : '?');

export const AUDIT_KNOWLEDGE = defineKnowledge<AuditEvidence>()({
  'audit.check.timed-out': {
    severity: 'info',
    title: (e) => `${text(e.title)} did not finish in time`,
    explanation: (e) =>
      `Mailwarden stopped this check after ${count(e.deadlineSeconds)} s so the rest of the audit could finish. ` +
      'Its result is unknown; the server or DNS may be slow or unreachable from here.',
    fix: {
      steps: [
        'Run the audit again. If it keeps timing out, check your network connection and the server address.',
      ],
    },
    references: [],
  },
  'audit.check.failed': {
    severity: 'info',
    title: (e) => `${text(e.title)} could not run`,
    explanation:
      'Something unexpected stopped this check. The other checks are not affected. This is a fault in Mailwarden, not in your mail setup.',
    fix: { steps: ['Run the audit again. If it keeps failing, report it with the audit file attached.'] },
    references: [],
  },
  'audit.check.cancelled': {
    severity: 'info',
    title: (e) => `${text(e.title)} was cancelled`,
    explanation: 'You cancelled the audit before this check finished, so its result is unknown.',
    fix: NO_FIX,
    references: [],
  },
});
