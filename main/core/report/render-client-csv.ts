/**
 * The client report as CSV: every finding of every account, one row each, with the account first so a
 * spreadsheet can filter or pivot by account. Same RFC 4180 rules and formula-injection guard as the
 * single report (render-csv.ts), by the same policy (preload/contract/untrusted-text.ts).
 */
import type { ClientReport } from './client-report';
import { csvRows } from '../../../preload/contract/untrusted-text';
import { CSV_COLUMNS, findingRow, notRunRows } from './render-csv';

export const CLIENT_CSV_COLUMNS = ['account', 'grade', ...CSV_COLUMNS] as const;

export function renderClientCsv(report: ClientReport): string {
  const rows = [
    [...CLIENT_CSV_COLUMNS],
    ...report.accounts.flatMap(({ summary, report: account }) =>
      [
        ...account.findings.map((finding) => findingRow(finding, account.target.label)),
        ...notRunRows(account),
      ].map((row) => [summary.label, summary.grade ?? '', ...row]),
    ),
  ];
  return csvRows(rows);
}
