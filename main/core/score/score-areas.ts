/**
 * Which score area each finding belongs to, by id prefix, with each area's label and weight.
 *
 * One table, so the README, the score and its tests read the same mapping. The weights say how much an
 * area matters to the overall score: an open relay or a forgeable sender hurts everyone who receives
 * mail, so abuse protection counts most; reaching the server and deliverability hygiene count least.
 */
import type { ScoreArea } from '../../../preload/contract/score';

export interface ScoreAreaInfo {
  readonly area: ScoreArea;
  readonly label: string;
  /** Weight in the overall score's weighted mean. */
  readonly weight: number;
  /** Finding-id prefixes (with their trailing dot) that belong to this area. */
  readonly prefixes: readonly string[];
  /**
   * The checks (by the kind before the first ":" of their id) whose running decides whether the area was
   * tested. A check that did not run leaves its areas partly or not tested (docs/scoring.md).
   */
  readonly checkKinds: readonly string[];
}

/**
 * In SCORE_AREAS order. Findings about the audit itself (audit.*) and about one analysed message
 * (message.*, `mailwarden analyse`: a message, not an account) belong to no area.
 */
export const SCORE_AREA_TABLE: readonly ScoreAreaInfo[] = [
  {
    area: 'connection',
    label: 'Connection',
    weight: 1,
    prefixes: ['smtp.reach.', 'smtp.dialogue.', 'smtp.ext.'],
    checkKinds: ['smtp-reach', 'smtp-dialogue'],
  },
  {
    area: 'encryption',
    label: 'Encryption',
    weight: 2,
    prefixes: ['tls.', 'smtp.starttls.', 'mta-sts.', 'tls-rpt.', 'dane.'],
    // The incoming server's TLS checks too: its certificate and versions are encryption like the SMTP side's.
    checkKinds: [
      'tls',
      'tls-suites-untestable',
      'smtp-starttls-injection',
      'mta-sts',
      'tls-rpt',
      'dane',
      'imap-tls',
      'pop3-tls',
    ],
  },
  { area: 'login', label: 'Login', weight: 2, prefixes: ['auth.'], checkKinds: ['auth'] },
  {
    area: 'abuse-protection',
    label: 'Abuse protection',
    weight: 3,
    prefixes: ['relay.', 'spoofing.', 'smtp.vrfy.', 'smtp.expn.'],
    checkKinds: ['relay', 'spoofing'],
  },
  {
    area: 'domain-authentication',
    label: 'Domain authentication',
    weight: 2,
    prefixes: ['spf.', 'dkim.', 'dmarc.', 'bimi.'],
    checkKinds: ['spf', 'dkim', 'dmarc', 'bimi'],
  },
  {
    area: 'deliverability',
    label: 'Deliverability rules',
    weight: 1,
    prefixes: ['mx.', 'rdns.', 'bulk.'],
    checkKinds: ['mx', 'reverse-dns', 'bulk-sender'],
  },
  {
    area: 'incoming',
    label: 'Incoming mail',
    weight: 2,
    prefixes: ['imap.', 'pop3.'],
    checkKinds: ['imap-reach', 'imap-dialogue', 'imap-login', 'pop3-reach', 'pop3-dialogue', 'pop3-login'],
  },
];

/** The kind of a check, e.g. "tls" for "tls:smtp.example.com:465". */
export function checkKindOf(checkId: string): string {
  const colon = checkId.indexOf(':');
  return colon === -1 ? checkId : checkId.slice(0, colon);
}

/** The areas a check decides the testedness of (see ScoreAreaInfo.checkKinds). */
export function areasFedBy(checkId: string): readonly ScoreArea[] {
  const kind = checkKindOf(checkId);
  return SCORE_AREA_TABLE.filter((info) => info.checkKinds.includes(kind)).map((info) => info.area);
}

/** The area a finding id counts towards, or null (audit.*, message.* and anything unknown count nowhere). */
export function scoreAreaOf(findingId: string): ScoreArea | null {
  let best: { area: ScoreArea; length: number } | null = null;
  for (const { area, prefixes } of SCORE_AREA_TABLE) {
    for (const prefix of prefixes) {
      // The longest prefix wins, so a narrower rule (smtp.starttls.) could sit beside a broader one.
      if (findingId.startsWith(prefix) && (best === null || prefix.length > best.length))
        best = { area, length: prefix.length };
    }
  }
  return best?.area ?? null;
}
