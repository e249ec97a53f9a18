/**
 * An account's audit plan also holds what its latest test message proved (issue 13 section 3): "the
 * message arrived unsigned" and "no DKIM key in DNS" become one action, naming the test message.
 *
 * The rule (docs/scoring.md, "What a test message adds"): the account's newest proof run sent at most
 * PROOF_IN_PLAN_DAYS before the audit started. Its findings join the plan and the verdict's count of
 * actions; the score and the grade stay the audit's alone, so a report is graded on what the audit saw.
 * The report keeps the test message it joined (`proof`), so re-judging it plans the same test message.
 */
import type { AuditReport, JoinedProof } from '../../../preload/contract/audit';
import type { HistoryStore } from '../history/history-port';
import { buildFixPlan } from '../plan/build-fix-plan';

/** A test message older than this says little about today's settings. */
export const PROOF_IN_PLAN_DAYS = 30;
const WINDOW_MS = PROOF_IN_PLAN_DAYS * 24 * 60 * 60 * 1000;

/** Sent before the audit started, and no longer ago than the window. */
export function isRecentProof(provedAt: string, auditStartedAt: string): boolean {
  const age = Date.parse(auditStartedAt) - Date.parse(provedAt);
  return Number.isFinite(age) && age >= 0 && age <= WINDOW_MS;
}

/** The report with its plan rebuilt around the account's recent test message; unchanged when there is none. */
export async function joinRecentProof(
  report: AuditReport,
  accountId: string,
  history: Pick<HistoryStore, 'list' | 'getProof'>,
): Promise<AuditReport> {
  const { proofs } = await history.list({ target: { kind: 'account', accountId } });
  // Newest first: the first one in the window is the latest word on how this account's mail arrives.
  const recent = proofs.find((summary) => isRecentProof(summary.provedAt, report.startedAt));
  if (recent === undefined) return report;
  const entry = await history.getProof(recent.runId);
  if (entry === null) return report;
  return planWithProof(report, {
    runId: entry.runId,
    provedAt: entry.proof.provedAt,
    findings: entry.proof.findings,
  });
}

/**
 * The report with its plan built around `proof`, which it keeps: re-judging the report later
 * (`mailwarden reevaluate`) joins the same test message again instead of silently dropping it.
 */
export function planWithProof(report: AuditReport, proof: JoinedProof): AuditReport {
  const plan = buildFixPlan({
    target: report.target,
    startedAt: report.startedAt,
    findings: report.findings,
    score: report.score,
    proof: { provedAt: proof.provedAt, findings: proof.findings },
  });
  return { ...report, plan, proof };
}
