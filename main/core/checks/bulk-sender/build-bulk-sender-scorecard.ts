/**
 * The bulk-sender scorecard: Google, Yahoo and Microsoft Outlook.com rules, each pass / fail / cannot tell.
 *
 * Pure: it reads a ScorecardInputs summary of the other checks and makes no lookups. Each rule gives one
 * finding (listing every audience that requires it), and each audience gets a row with its verdict.
 */
import type { Finding } from '../../../../preload/contract/findings';
import { findingFactory } from '../../findings/finding-factory';
import { BULK_SENDER_KNOWLEDGE } from '../../knowledge/bulk-sender-knowledge';
import { AUDIENCES, type AudienceId } from './audiences';
import type { ScorecardInputs } from './scorecard-inputs';
import { RULE_IDS, judgeRule, type RuleId, type RuleOutcomes, type RuleStatus } from './scorecard-rules';

const finding = findingFactory(BULK_SENDER_KNOWLEDGE);

/** The last part of a rule's finding id for each outcome: "bulk.tls.unknown" words "cannot tell". */
const SUFFIX = { pass: 'pass', fail: 'fail', 'cannot-tell': 'unknown' } as const;

/** What every rule finding carries besides the rule's own evidence. */
type Judged = { readonly domain: string; readonly requiredBy: readonly string[] };

export interface AudienceScore {
  readonly audience: AudienceId;
  readonly label: string;
  readonly rules: readonly { readonly rule: RuleId; readonly status: RuleStatus }[];
  /** "fail" when any rule fails; otherwise "no-failure-found" (some rules always need a real message). */
  readonly verdict: 'fail' | 'no-failure-found';
  readonly counts: { readonly pass: number; readonly fail: number; readonly cannotTell: number };
}

export interface BulkSenderScorecard {
  readonly domain: string;
  readonly audiences: readonly AudienceScore[];
  readonly rules: RuleOutcomes;
  readonly findings: readonly Finding[];
}

/** Judge every rule once and lay the results out per provider audience. */
export function buildBulkSenderScorecard(inputs: ScorecardInputs): BulkSenderScorecard {
  const domain = inputs.domain;
  const rules = judgeEveryRule(inputs);
  const checkId = `bulk-sender:${domain}`;
  const findings = RULE_IDS.flatMap((rule) => {
    const requiredBy = AUDIENCES.filter((audience) => audience.rules.includes(rule)).map(
      (audience) => audience.label,
    );
    if (requiredBy.length === 0) return [];
    return [ruleFinding(rule, rules, checkId, { domain, requiredBy })];
  });
  const audiences = AUDIENCES.map((audience): AudienceScore => {
    const row = audience.rules.map((rule) => ({ rule, status: rules[rule].status }));
    const count = (status: RuleStatus): number => row.filter((entry) => entry.status === status).length;
    return {
      audience: audience.id,
      label: audience.label,
      rules: row,
      verdict: count('fail') > 0 ? 'fail' : 'no-failure-found',
      counts: { pass: count('pass'), fail: count('fail'), cannotTell: count('cannot-tell') },
    };
  });
  return { domain, audiences, rules, findings };
}

function judgeEveryRule(inputs: ScorecardInputs): RuleOutcomes {
  return {
    'spf-or-dkim': judgeRule('spf-or-dkim', inputs),
    'spf-and-dkim': judgeRule('spf-and-dkim', inputs),
    'dmarc-policy': judgeRule('dmarc-policy', inputs),
    'dmarc-alignment': judgeRule('dmarc-alignment', inputs),
    'reverse-dns': judgeRule('reverse-dns', inputs),
    tls: judgeRule('tls', inputs),
    'one-click-unsubscribe': judgeRule('one-click-unsubscribe', inputs),
    'spam-rate': judgeRule('spam-rate', inputs),
    'message-format': judgeRule('message-format', inputs),
  };
}

/** The finding for one rule's outcome; each id's evidence type (bulk-sender-evidence.ts) is checked here. */
function ruleFinding(rule: RuleId, rules: RuleOutcomes, checkId: string, judged: Judged): Finding {
  switch (rule) {
    case 'spf-or-dkim': {
      const { status, evidence } = rules[rule];
      return finding(`bulk.spf-or-dkim.${SUFFIX[status]}`, checkId, { ...judged, ...evidence });
    }
    case 'spf-and-dkim': {
      const { status, evidence } = rules[rule];
      return finding(`bulk.spf-and-dkim.${SUFFIX[status]}`, checkId, { ...judged, ...evidence });
    }
    case 'dmarc-policy': {
      const { status, evidence } = rules[rule];
      return finding(`bulk.dmarc-policy.${SUFFIX[status]}`, checkId, { ...judged, ...evidence });
    }
    case 'dmarc-alignment': {
      const { status, evidence } = rules[rule];
      return finding(`bulk.dmarc-alignment.${SUFFIX[status]}`, checkId, { ...judged, ...evidence });
    }
    case 'reverse-dns': {
      const { status, evidence } = rules[rule];
      return finding(`bulk.reverse-dns.${SUFFIX[status]}`, checkId, { ...judged, ...evidence });
    }
    case 'tls': {
      const { status, evidence } = rules[rule];
      return finding(`bulk.tls.${SUFFIX[status]}`, checkId, { ...judged, ...evidence });
    }
    case 'one-click-unsubscribe':
      return finding('bulk.one-click-unsubscribe.unknown', checkId, { ...judged, ...rules[rule].evidence });
    case 'spam-rate':
      return finding('bulk.spam-rate.unknown', checkId, { ...judged, ...rules[rule].evidence });
    case 'message-format':
      return finding('bulk.message-format.unknown', checkId, { ...judged, ...rules[rule].evidence });
  }
}
