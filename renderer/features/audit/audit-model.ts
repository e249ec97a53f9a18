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
 * the relay area is left out as well: "no login" must mean no login. The incoming server's checks end in
 * a login too, so they are left out with it.
 */
export function auditOptionsFor(choices: PlanChoices, account: AccountView): AuditOptions {
  if (!canLogIn(account) || choices.login) return { relayTest: choices.relayTest };
  const skipped = new Set<AuditArea>(['auth', 'relay', 'imap', 'pop3']);
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

/** Words a person reads for the evidence fields that matter; anything else is labelled from its key. */
const EVIDENCE_LABELS: { readonly [key: string]: string } = {
  host: 'Server',
  port: 'Port',
  address: 'Address',
  domain: 'Domain',
  record: 'Record',
  records: 'Records',
  issuer: 'Issued by',
  subject: 'Issued to',
  names: 'Names on the certificate',
  notAfter: 'Valid until',
  notBefore: 'Valid from',
  daysLeft: 'Days left',
  fingerprintSha256: 'Certificate fingerprint (SHA-256)',
  protocol: 'TLS version',
  cipher: 'Cipher suite',
  greeting: 'Greeting',
  banner: 'Greeting',
  mechanisms: 'Login methods offered',
  mechanismsAfterTls: 'Login methods after encryption',
  reason: 'Why',
  resolver: 'DNS server',
  selector: 'DKIM selector',
  policy: 'Policy',
};

/**
 * Fields for the "Technical details" fold rather than the finding's main facts: how the check ran
 * (timings, deadlines, internal outcomes), library codes, yes/no flags, and nested data.
 */
const TECHNICAL_KEYS: ReadonlySet<string> = new Set([
  'outcome',
  'elapsedMs',
  'deadlineSeconds',
  'presetId',
  'authorizationError',
  'reasonCode',
  'enhancedCode',
  'checkId',
  'title',
]);

export interface EvidenceRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

/** A finding's evidence as the facts a person reads first and the technical rest; empty values dropped. */
export function splitEvidence(evidence: Finding['evidence']): {
  readonly facts: readonly EvidenceRow[];
  readonly technical: readonly EvidenceRow[];
} {
  const facts: EvidenceRow[] = [];
  const technical: EvidenceRow[] = [];
  for (const [key, value] of Object.entries(evidence)) {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    const row = { key, label: EVIDENCE_LABELS[key] ?? evidenceLabel(key), value: evidenceText(value) };
    const isTechnical =
      TECHNICAL_KEYS.has(key) ||
      /(?:Ms|Code|Seconds)$/.test(key) ||
      typeof value === 'boolean' ||
      (typeof value === 'object' && !(Array.isArray(value) && value.every((v) => typeof v !== 'object')));
    (isTechnical ? technical : facts).push(row);
  }
  return { facts, technical };
}

/**
 * Notes about protocol details (which SMTP extensions a server lists, how many features it advertises):
 * true, but for the technically curious, so they sit in their own fold.
 */
export function isProtocolDetail(finding: Finding): boolean {
  return (
    finding.id.startsWith('smtp.ext.') ||
    finding.id.startsWith('smtp.dialogue.capabilities-') ||
    finding.id === 'smtp.dialogue.banner'
  );
}
