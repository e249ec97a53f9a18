/**
 * The fix plan: findings grouped into actions by root cause, ordered by impact, each with who acts and
 * the exact change once, and one verdict sentence on top. Built once in main/core/plan; the app, the CLI
 * and every report format show it as it is.
 */
import type { RecordToPublish, Severity } from './findings';

/** Who makes the change. */
export const ACTORS = ['dns', 'provider', 'you'] as const;
export type Actor = (typeof ACTORS)[number];

export const ACTOR_LABELS: { readonly [A in Actor]: string } = {
  dns: 'Whoever runs your DNS',
  provider: 'Your mail provider or server administrator',
  you: 'You, in your mail program',
};

export const VERDICT_TONES = ['good', 'improve', 'fix', 'stop', 'incomplete'] as const;
export type VerdictTone = (typeof VERDICT_TONES)[number];

export interface Verdict {
  readonly tone: VerdictTone;
  /** e.g. "Safe to use; 2 improvements" or "Stop: anyone on the internet can send mail through this server". */
  readonly sentence: string;
}

/** One finding an action covers: its id and the check (port, host) it was found on. */
export interface FindingRef {
  readonly id: string;
  readonly checkId: string;
}

export interface PlanAction {
  /** Stable within a report, e.g. "tls.old-versions" or "dmarc.record.missing". */
  readonly id: string;
  readonly title: string;
  /** The worst severity among the findings it covers. */
  readonly severity: Severity;
  readonly who: Actor;
  /** Where it was seen, e.g. ["port 465", "port 587"]; empty for the domain as a whole. */
  readonly where: readonly string[];
  readonly findings: readonly FindingRef[];
  /** Why it matters, in plain words. */
  readonly why: string;
  /** The exact change, once. */
  readonly steps: readonly string[];
  readonly record?: RecordToPublish;
  /** Plain text to send to whoever acts: what was seen, why it matters and the exact change. */
  readonly message: string;
}

export interface FixPlan {
  readonly verdict: Verdict;
  /** Most important first. */
  readonly actions: readonly PlanAction[];
}
