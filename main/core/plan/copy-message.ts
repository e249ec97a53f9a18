/**
 * "Copy a message for them": plain text a user can email to whoever acts (their DNS host, their mail
 * provider, their IT person), with what was seen, why it matters and the exact change.
 *
 * The reader of this text has not seen Mailwarden, so it stands on its own: no app words, no CLI flags.
 */
import type { AuditTargetDescription } from '../../../preload/contract/audit';
import type { PlanAction } from '../../../preload/contract/plan';
import { visibleText as plainText } from '../../../preload/contract/untrusted-text';

const GREETING: { readonly [A in PlanAction['who']]: (target: AuditTargetDescription) => string } = {
  dns: (target) =>
    `Hello,\n\nI am writing about the DNS records of ${target.domain ?? target.label}, which you manage for me.`,
  provider: (target) =>
    `Hello,\n\nI am writing about the mail server ${target.host ?? target.domain ?? target.label}, which you run for me.`,
  you: (target) => `Note to self about ${target.label}.`,
};

export function messageFor(
  action: Omit<PlanAction, 'message'>,
  input: { readonly target: AuditTargetDescription; readonly startedAt: string },
): string {
  const day = input.startedAt.slice(0, 10);
  const lines = [
    GREETING[action.who](input.target),
    '',
    `A security check on ${day} found this: ${action.title}${action.where.length > 0 ? ` (${action.where.join(', ')})` : ''}.`,
    '',
    `Why it matters: ${action.why}`,
    '',
    'What to change:',
    ...action.steps.map((step, index) => `${String(index + 1)}. ${step}`),
    ...(action.record === undefined
      ? []
      : [
          '',
          `The record to publish (${action.record.type}):`,
          `  Name:  ${action.record.name}`,
          `  Value: ${action.record.value}`,
        ]),
    '',
    ...(action.who === 'you'
      ? []
      : ['Could you make this change and let me know when it is done?', '', 'Thank you.']),
  ];
  // Titles and records can quote server and DNS text: nothing in it may control a mail client or terminal.
  return plainText(lines.join('\n')).trimEnd() + '\n';
}
