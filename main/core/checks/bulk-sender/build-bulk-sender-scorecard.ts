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
import { RULE_IDS, judgeRule, type RuleId, type RuleOutcome, type RuleStatus } from './scorecard-rules';

const finding = findingFactory(BULK_SENDER_KNOWLEDGE);

type FindingId = keyof typeof BULK_SENDER_KNOWLEDGE;

const STATUS_SUFFIX: Record<RuleStatus, string> = { pass: 'pass', fail: 'fail', 'cannot-tell': 'unknown' };

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
  readonly rules: { readonly [rule in RuleId]: RuleOutcome };
  readonly findings: readonly Finding[];
}

/** Judge every rule once and lay the results out per provider audience. */
export function buildBulkSenderScorecard(inputs: ScorecardInputs): BulkSenderScorecard {
  const domain = inputs.domain;
  const rules = Object.fromEntries(RULE_IDS.map((rule) => [rule, judgeRule(rule, inputs)])) as {
    [rule in RuleId]: RuleOutcome;
  };
  const checkId = `bulk-sender:${domain}`;
  const findings = RULE_IDS.flatMap((rule) => {
    const requiredBy = AUDIENCES.filter((audience) => audience.rules.includes(rule)).map(
      (audience) => audience.label,
    );
    if (requiredBy.length === 0) return [];
    const judged = rules[rule];
    const id = `bulk.${rule}.${STATUS_SUFFIX[judged.status]}`;
    if (!(id in BULK_SENDER_KNOWLEDGE)) return [];
    return [finding(id as FindingId, checkId, { domain, ...judged.evidence, requiredBy })];
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
