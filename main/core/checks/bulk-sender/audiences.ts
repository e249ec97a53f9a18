/**
 * Which rules each mailbox provider applies to which senders.
 *
 * From shared/reference/providers.md, keeping its marks: Google's DMARC rule for 5,000+ a day is
 * "(unconfirmed here)" there, and Yahoo's rules are not in it at all, so both rule sets carry
 * UNCONFIRMED_MARK; Microsoft's 550 5.7.515 rule is documented (✔) but its 5 May 2025 start date comes
 * from third-party reports (◐), and the label says so.
 */
import type { Reference } from '../../../../preload/contract/findings';
import { UNCONFIRMED_MARK } from '../../accounts/provider-presets';
import type { RuleId } from './scorecard-rules';

export type AudienceId = 'google-all' | 'google-bulk' | 'yahoo-all' | 'yahoo-bulk' | 'microsoft-bulk';

export interface Audience {
  readonly id: AudienceId;
  /** Shown as is: provider, who it applies to, and how sure the reference is. */
  readonly label: string;
  readonly rules: readonly RuleId[];
  readonly reference: Reference;
}

const GOOGLE_ALL_RULES: readonly RuleId[] = [
  'spf-or-dkim',
  'reverse-dns',
  'tls',
  'spam-rate',
  'message-format',
];
const BULK_RULES: readonly RuleId[] = [
  'spf-and-dkim',
  'dmarc-policy',
  'dmarc-alignment',
  'one-click-unsubscribe',
];
const YAHOO_ALL_RULES: readonly RuleId[] = ['spf-or-dkim', 'reverse-dns', 'spam-rate', 'message-format'];

const GOOGLE_GUIDELINES: Reference = {
  label: 'Google: Email sender guidelines',
  url: 'https://support.google.com/a/answer/81126',
};
const YAHOO_GUIDELINES: Reference = {
  label: 'Yahoo: Sender best practices',
  url: 'https://senders.yahooinc.com/best-practices/',
};
const MICROSOFT_NDR: Reference = {
  label: 'Microsoft support: Fix NDR error 550 5.7.515 in Outlook.com',
  url: 'https://support.microsoft.com/search?query=550%205.7.515',
};

export const AUDIENCES: readonly Audience[] = [
  {
    id: 'google-all',
    label: `Gmail, all senders (Google's sender guidelines of February 2024) ${UNCONFIRMED_MARK}`,
    rules: GOOGLE_ALL_RULES,
    reference: GOOGLE_GUIDELINES,
  },
  {
    id: 'google-bulk',
    label: `Gmail, senders of 5,000+ messages a day ${UNCONFIRMED_MARK}`,
    rules: [...GOOGLE_ALL_RULES, ...BULK_RULES],
    reference: GOOGLE_GUIDELINES,
  },
  {
    id: 'yahoo-all',
    label: `Yahoo Mail, all senders (February 2024) ${UNCONFIRMED_MARK}`,
    rules: YAHOO_ALL_RULES,
    reference: YAHOO_GUIDELINES,
  },
  {
    id: 'yahoo-bulk',
    label: `Yahoo Mail, bulk senders ${UNCONFIRMED_MARK}`,
    rules: [...YAHOO_ALL_RULES, ...BULK_RULES],
    reference: YAHOO_GUIDELINES,
  },
  {
    id: 'microsoft-bulk',
    label:
      'Outlook.com / Hotmail, senders of 5,000+ messages a day: rejected with 550 5.7.515 (from 5 May 2025; that date is from third-party reports)',
    rules: ['spf-and-dkim', 'dmarc-policy', 'dmarc-alignment'],
    reference: MICROSOFT_NDR,
  },
];
