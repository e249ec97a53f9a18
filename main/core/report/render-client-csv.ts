/**
 * The client report as CSV: every finding of every account, one row each, with the account first so a
 * spreadsheet can filter or pivot by account. Same RFC 4180 rules and formula-injection guard as the
 * single report (render-csv.ts), by the same cell function.
 */
import type { ClientReport } from './client-report';
import { CSV_COLUMNS, csvCell, findingRow, notRunRows } from './render-csv';

export const CLIENT_CSV_COLUMNS = ['account', 'grade', ...CSV_COLUMNS] as const;

const CRLF = '\r\n';

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
  return rows.map((row) => row.map(csvCell).join(',')).join(CRLF) + CRLF;
}
