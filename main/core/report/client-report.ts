/**
 * One report for all of a client's accounts: a summary row per account, then each account's full report.
 *
 * The model is decided once here, so the HTML, Markdown, JSON and CSV client reports show the same rows
 * in the same order (the order the runs were asked for, which is the order the accounts were tested).
 */
import type { AuditReport } from '../../../preload/contract/audit';
import { SEVERITIES, severityRank, type Severity } from '../../../preload/contract/findings';
import type { HistoryEntry } from '../../../preload/contract/history';
import type { Grade } from '../../../preload/contract/score';
import { visibleText as plainText } from '../../../preload/contract/untrusted-text';
import { targetText } from './report-view';

export const CLIENT_REPORT_KIND = 'mailwarden-client-report';
export const CLIENT_REPORT_SCHEMA_VERSION = 1;

/** One account's line of the summary table. */
export interface ClientAccountSummary {
  readonly runId: string;
  readonly accountId: string | null;
  readonly label: string;
  /** The target in one line: label, server and domain. */
  readonly target: string;
  /** Null when the report has no overall score (nothing scorable was tested). */
  readonly grade: Grade | null;
  readonly score: number | null;
  /** The worst severity among the findings; null when there are none. */
  readonly worst: Severity | null;
  readonly counts: { readonly [S in Severity]: number };
  readonly cancelled: boolean;
  readonly startedAt: string;
  readonly finishedAt: string;
}

export interface ClientAccountReport {
  readonly summary: ClientAccountSummary;
  readonly report: AuditReport;
}

export interface ClientReport {
  readonly client: string;
  /** ISO time the client report was made. */
  readonly generatedAt: string;
  readonly accounts: readonly ClientAccountReport[];
}

/** The client report for these stored runs, in the order given. */
export function buildClientReport(
  client: string,
  entries: readonly HistoryEntry[],
  generatedAt: string,
): ClientReport {
  return {
    client,
    generatedAt,
    accounts: entries.map((entry) => ({ summary: summarizeAccount(entry), report: entry.report })),
  };
}

export function summarizeAccount(entry: HistoryEntry): ClientAccountSummary {
  const { report } = entry;
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  let worst: Severity | null = null;
  for (const finding of report.findings) {
    counts[finding.severity] += 1;
    if (worst === null || severityRank(finding.severity) > severityRank(worst)) worst = finding.severity;
  }
  const overall = report.score.overall ?? null;
  return {
    runId: entry.runId,
    accountId: entry.accountId,
    label: plainText(report.target.label),
    target: targetText(report),
    grade: overall?.grade ?? null,
    score: overall === null ? null : Math.round(overall.score),
    worst,
    counts,
    cancelled: report.cancelled,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
  };
}
