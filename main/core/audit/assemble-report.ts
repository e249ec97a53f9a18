/**
 * The last step of every report: score it and plan its fixes from its findings and coverage.
 *
 * One function, used by a fresh audit, by re-evaluation and when an older report is read back from
 * history, so a report never carries a score or a plan that its findings do not support.
 */
import type { AuditReport } from '../../../preload/contract/audit';
import { buildFixPlan } from '../plan/build-fix-plan';
import { scoreAudit } from '../score/score-audit';

export type ReportBody = Omit<AuditReport, 'schemaVersion' | 'score' | 'plan'>;

export function assembleReport(body: ReportBody): AuditReport {
  const { target, findings, coverage, cancelled } = body;
  const score = scoreAudit({
    findings,
    coverage,
    cancelled,
    context: {
      accountPort: target.kind === 'domain' ? null : target.port,
      incomingPort: incomingPortOf(body),
    },
  });
  const plan = buildFixPlan({ target, startedAt: body.startedAt, findings, score });
  const { evidence, ...rest } = body;
  return {
    schemaVersion: 2,
    ...rest,
    score,
    plan,
    ...(evidence === undefined ? {} : { evidence }),
  };
}

/** The incoming server's own port: the one its login check (`imap-login:host:993`) was planned for. */
function incomingPortOf(body: ReportBody): number | null {
  const checkIds = [
    ...(body.coverage?.checks ?? []).map((check) => check.checkId),
    ...body.findings.map((finding) => finding.checkId),
  ];
  const login = checkIds.find((checkId) => /^(imap|pop3)-login:/.test(checkId));
  if (login === undefined) return null;
  const port = Number(login.slice(login.lastIndexOf(':') + 1));
  return Number.isInteger(port) ? port : null;
}

/**
 * A report as read back (history, a file): version 1 reports, written before coverage and the fix plan,
 * are scored again by today's rules with what they recorded; their areas cannot say "not tested".
 */
export function upgradeReport(report: AuditReport | LegacyReport): AuditReport {
  if (report.schemaVersion === 2) return report;
  const { schemaVersion: _version, score: _score, ...body } = report;
  return assembleReport({ ...body, coverage: null });
}

/** What version 1 wrote: no coverage or plan, and a score of an older shape (recomputed, never read). */
export type LegacyReport = Omit<AuditReport, 'schemaVersion' | 'coverage' | 'score' | 'plan'> & {
  readonly schemaVersion: 1;
  readonly score?: unknown;
};
