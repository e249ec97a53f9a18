/**
 * Pure helpers the audit screens share: ordering and counting findings, the transcript behind a finding,
 * and what the plan's switches mean as AuditOptions.
 *
 * Kept free of React so the rules read in one place.
 */
import type { AccountView } from '../../../preload/contract/accounts';
import type { Settings } from '../../../preload/contract/settings';
import {
  AUDIT_AREAS,
  type AuditArea,
  type AuditOptions,
  type TranscriptLine,
} from '../../../preload/contract/audit';
import { severityRank, type Finding, type JsonValue } from '../../../preload/contract/findings';
import { appText } from '../../../preload/contract/untrusted-text';

/** The two switches on the plan screen. */
export interface PlanChoices {
  /** The open-relay and spoofing tests. */
  readonly relayTest: boolean;
  /** A real login with the stored password; meaningless when no password is stored. */
  readonly login: boolean;
}

export const DEFAULT_CHOICES: PlanChoices = { relayTest: true, login: true };

/** The switches a new plan starts with: the default tests saved in Settings. */
export function choicesFromSettings(settings: Settings): PlanChoices {
  return { relayTest: settings.defaultTests.relayTest, login: settings.defaultTests.login };
}

/** True when the account's password can be used for a real login. */
export function canLogIn(account: AccountView): boolean {
  return account.hasPassword === 'stored';
}

/**
 * The options main needs for these choices.
 *
 * The spoofing half of the relay test signs in with the stored password, so with the login switched off
 * the relay area is left out as well: "no login" must mean no login.
 */
export function auditOptionsFor(choices: PlanChoices, account: AccountView): AuditOptions {
  if (!canLogIn(account) || choices.login) return { relayTest: choices.relayTest };
  const skipped = new Set<AuditArea>(['auth', 'relay']);
  return { relayTest: false, only: AUDIT_AREAS.filter((area) => !skipped.has(area)) };
}

/** Worst first; the order main gave is kept within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

/**
 * The transcript lines recorded by the check that produced `finding`.
 *
 * The runner labels each line with its check's id ("tls-all:host"); a finding's own id can name the port
 * as well ("smtp-reach:host:587"), so a check id followed by ":" also matches.
 */
export function transcriptFor(finding: Finding, transcript: readonly TranscriptLine[]): TranscriptLine[] {
  return transcript.filter(
    (line) => line.connection === finding.checkId || finding.checkId.startsWith(`${line.connection}:`),
  );
}

/** Protocol names and units that stay in capitals when an evidence key is read as words. */
const ACRONYMS: ReadonlySet<string> = new Set([
  'tls',
  'smtp',
  'mx',
  'spf',
  'dkim',
  'dmarc',
  'dns',
  'dane',
  'tlsa',
  'bimi',
  'ip',
  'ptr',
  'url',
  'id',
  'sha256',
]);

/** "certificateSubject" -> "Certificate subject", "startTlsOffered" -> "Start TLS offered". */
export function evidenceLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word));
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/**
 * One evidence value as compact text: strings as they are, lists joined, objects as JSON; control and
 * direction characters from servers and DNS shown as ⟨U+XXXX⟩ (preload/contract/untrusted-text.ts).
 */
export function evidenceText(value: JsonValue): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return appText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value as readonly JsonValue[];
    return items.every((item) => typeof item !== 'object' || item === null)
      ? items.map((item) => evidenceText(item)).join(', ')
      : appText(JSON.stringify(value));
  }
  return appText(JSON.stringify(value));
}
