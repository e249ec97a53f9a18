/**
 * The audit report as CSV, one row per finding, for a spreadsheet or a ticket import.
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
  ];
  return csvRows(rows);
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
