/**
 * The one-page summary every report format opens with: the verdict, what could not be tested, the grades
 * with their caps, the fix plan and what to send to whom. The technical appendix (every finding, the
 * transcript) follows it.
 *
 * Built once here so the CLI's text, Markdown, HTML (and so the PDF) and CSV say the same things in the
 * same order; each renderer only escapes and lays it out.
 */
import type { AuditReport } from '../../../preload/contract/audit';
import { bannerBlockers } from '../../../preload/contract/coverage';
import type { RecordToPublish, Severity } from '../../../preload/contract/findings';
import {
  ACTOR_LABELS,
  ACTORS,
  type Actor,
  type PlanAction,
  type VerdictTone,
} from '../../../preload/contract/plan';
import { readScore, type ScoreView } from './report-score';
import { visibleText as plainText } from '../../../preload/contract/untrusted-text';

export interface ActionView {
  /** 1-based, in plan order: "Action 2" in "what to send to whom" refers to it. */
  readonly number: number;
  readonly title: string;
  readonly severity: Severity;
  readonly who: Actor;
  readonly whoLabel: string;
  /** "port 465, port 587", or null for the domain as a whole. */
  readonly where: string | null;
  readonly steps: readonly string[];
  readonly record: RecordToPublish | null;
  /** How many findings it fixes. */
  readonly fixes: number;
  readonly message: string;
}

export interface RecipientView {
  readonly who: Actor;
  readonly whoLabel: string;
  readonly actions: readonly ActionView[];
}

/** Checks that did not run, grouped under their one cause. */
export interface NotRunView {
  /** The cause's sentence, or how the checks ended when nothing else stopped them. */
  readonly why: string;
  /** e.g. "MX records (not run)". */
  readonly checks: readonly string[];
}

export interface SummaryView {
  readonly verdict: string;
  readonly tone: VerdictTone;
  /** Causes that stopped a whole part of the audit, one sentence each. */
  readonly banners: readonly string[];
  readonly score: ScoreView;
  readonly actions: readonly ActionView[];
  /** Whom to send what: only those with something to do, DNS first. */
  readonly recipients: readonly RecipientView[];
  /** Every check that did not run, grouped by cause. */
  readonly notRun: readonly NotRunView[];
}

const STATUS_TEXT = {
  'not-run': 'not run',
  'timed-out': 'did not finish in time',
  cancelled: 'cancelled',
  failed: 'could not run',
} as const;

export function readSummary(report: AuditReport): SummaryView {
  const { plan, coverage } = report;
  const actions = actionViews(plan.actions);
  return {
    verdict: plainText(plan.verdict.sentence),
    tone: plan.verdict.tone,
    banners: bannerBlockers(coverage?.blockers ?? []).map((blocker) => plainText(blocker.message)),
    score: readScore(report),
    actions,
    recipients: ACTORS.map((who) => ({
      who,
      whoLabel: ACTOR_LABELS[who],
      actions: actions.filter((action) => action.who === who),
    })).filter((recipient) => recipient.actions.length > 0),
    notRun: groupNotRun(report),
  };
}

/** Plan actions as every renderer shows them: numbered in plan order, texts as plain visible text. */
export function actionViews(actions: readonly PlanAction[]): ActionView[] {
  return actions.map((action, index) => ({
    number: index + 1,
    title: plainText(action.title),
    severity: action.severity,
    who: action.who,
    whoLabel: ACTOR_LABELS[action.who],
    where: action.where.length === 0 ? null : action.where.join(', '),
    steps: action.steps.map(plainText),
    record: action.record ?? null,
    fixes: action.findings.length,
    message: action.message,
  }));
}

function groupNotRun({ coverage }: AuditReport): NotRunView[] {
  const blockers = new Map((coverage?.blockers ?? []).map((blocker) => [blocker.id, blocker]));
  const groups = new Map<string, string[]>();
  for (const check of coverage?.checks ?? []) {
    if (check.status === 'ran') continue;
    const blocker = check.blockedBy === null ? undefined : blockers.get(check.blockedBy);
    const why = blocker?.message ?? `These checks ${STATUS_TEXT[check.status]}.`;
    const title = check.status === 'not-run' ? check.title : `${check.title} (${STATUS_TEXT[check.status]})`;
    groups.set(why, [...(groups.get(why) ?? []), title]);
  }
  return [...groups.entries()].map(([why, checks]) => ({
    why: plainText(why),
    checks: checks.map(plainText),
  }));
}
