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
}

/** In SCORE_AREAS order. Findings about the audit itself (audit.*) belong to no area. */
export const SCORE_AREA_TABLE: readonly ScoreAreaInfo[] = [
  {
    area: 'connection',
    label: 'Connection',
    weight: 1,
    prefixes: ['smtp.reach.', 'smtp.dialogue.', 'smtp.ext.'],
  },
  {
    area: 'encryption',
    label: 'Encryption',
    weight: 2,
    prefixes: ['tls.', 'smtp.starttls.', 'mta-sts.', 'tls-rpt.', 'dane.'],
  },
  { area: 'login', label: 'Login', weight: 2, prefixes: ['auth.'] },
  {
    area: 'abuse-protection',
    label: 'Abuse protection',
    weight: 3,
    prefixes: ['relay.', 'spoofing.', 'smtp.vrfy.', 'smtp.expn.'],
  },
  {
    area: 'domain-authentication',
    label: 'Domain authentication',
    weight: 2,
    prefixes: ['spf.', 'dkim.', 'dmarc.', 'bimi.'],
  },
  {
    area: 'deliverability',
    label: 'Deliverability rules',
    weight: 1,
    prefixes: ['mx.', 'rdns.', 'bulk.'],
  },
  { area: 'incoming', label: 'Incoming mail', weight: 2, prefixes: ['imap.', 'pop3.'] },
];

/** The area a finding id counts towards, or null (audit.* and anything unknown count nowhere). */
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
