/**
 * The audit report as CSV, one row per finding, for a spreadsheet or a ticket import.
 *
 * RFC 4180: comma-separated, CRLF line ends, a header row, fields with a comma, quote or line break
 * quoted and their quotes doubled. Cells a spreadsheet would read as a formula (starting with = + - @ tab
 * or CR) get a leading apostrophe, so a hostile DNS record cannot run anything when the file is opened
 * (OWASP "CSV Injection").
 */
import type { AuditReport } from '../../../preload/contract/audit';
import type { Finding } from '../../../preload/contract/findings';
import { plainText } from './report-view';

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

const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function renderCsv(report: AuditReport): string {
  const rows = [
    [...CSV_COLUMNS],
    ...report.findings.map((finding) => findingRow(finding, report.target.label)),
  ];
  return rows.map((row) => row.map(csvCell).join(',')).join(CRLF) + CRLF;
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

/** One field: formula starts neutralised, then quoted when RFC 4180 section 2 rules 5-7 require it. */
export function csvCell(value: string): string {
  const text = plainText(value);
  const inert = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
