/**
 * The audit report as CSV, one row per finding, for a spreadsheet or a ticket import, then one row per
 * check that did not run (severity "not-run", its cause as the explanation), so a spreadsheet never
 * reads a gap as a pass.
 *
 * RFC 4180: comma-separated, CRLF line ends, a header row, every field quoted and its quotes doubled.
 * Anything a spreadsheet could read as a formula gets a leading apostrophe, at the field's start and after
 * any separator, so a hostile DNS record cannot run anything when the file is opened, whichever list
 * separator the spreadsheet's locale uses (OWASP "CSV Injection"; preload/contract/untrusted-text.ts).
 */
import type { AuditReport } from '../../../preload/contract/audit';
import type { Finding } from '../../../preload/contract/findings';
import { csvRows } from '../../../preload/contract/untrusted-text';

export const CSV_COLUMNS = [
  'id',
  'checkId',
  'severity',
  'title',
  'target',
  'explanation',
  'firstFixStep',
  'recordToPublish',
  'references',
] as const;

export function renderCsv(report: AuditReport): string {
  const rows = [
    [...CSV_COLUMNS],
    ...report.findings.map((finding) => findingRow(finding, report.target.label)),
    ...notRunRows(report),
  ];
  return csvRows(rows);
}

/** Severity column value of a check that did not run: not a severity, so no filter mistakes it for one. */
export const NOT_RUN = 'not-run';

/** One row per check that did not run, under CSV_COLUMNS: the check, "not-run", and why. */
export function notRunRows(report: AuditReport): string[][] {
  const blockers = new Map((report.coverage?.blockers ?? []).map((blocker) => [blocker.id, blocker]));
  return (report.coverage?.checks ?? [])
    .filter((check) => check.status !== 'ran')
    .map((check) => [
      '',
      check.checkId,
      NOT_RUN,
      `${check.title}: ${check.status === 'not-run' ? 'not run' : check.status}`,
      report.target.label,
      (check.blockedBy === null ? undefined : blockers.get(check.blockedBy)?.message) ?? '',
      '',
      '',
      '',
    ]);
}

/** One finding as the cells under CSV_COLUMNS. */
export function findingRow(finding: Finding, target: string): string[] {
  const { record } = finding.fix;
  return [
    finding.id,
    finding.checkId,
    finding.severity,
    finding.title,
    target,
    finding.explanation,
    finding.fix.steps[0] ?? '',
    record === undefined ? '' : `${record.name} ${record.type} ${record.value}`,
    finding.references.map((reference) => `${reference.label} <${reference.url}>`).join('; '),
  ];
}
