import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../../../main/core/report/render-csv';
import { CLIENT_CSV_COLUMNS, renderClientCsv } from '../../../../main/core/report/render-client-csv';
import { HOSTILE_ACCOUNT_LABEL, sampleClientReport } from '../../../helpers/client-report-samples';
import { HOSTILE_FORMULA } from '../../../helpers/report-samples';
import { parseCsv } from '../../../helpers/parse-csv';

describe('renderClientCsv', () => {
  const report = sampleClientReport();
  const text = renderClientCsv(report);
  const rows = parseCsv(text);

  it('has one row per finding and per check that did not run of every account, the account first, under a header row', () => {
    expect(rows[0]).toEqual([...CLIENT_CSV_COLUMNS]);
    expect(rows[0]?.slice(2)).toEqual([...CSV_COLUMNS]);
    const rowsOf = (account: (typeof report.accounts)[number] | undefined) =>
      (account?.report.findings.length ?? -1) +
      (account?.report.coverage?.checks.filter((check) => check.status !== 'ran').length ?? 0);
    const total = report.accounts.reduce((sum, account) => sum + rowsOf(account), 0);
    expect(rows).toHaveLength(1 + total);
    const [first, second] = report.accounts;
    expect(rows.filter((row) => row[0] === 'ann@example.com')).toHaveLength(rowsOf(first));
    expect(rows.filter((row) => row[0] === `'${HOSTILE_ACCOUNT_LABEL}`)).toHaveLength(rowsOf(second));
    // The grade column: F for the scored account, empty for the cancelled one without a grade; its last
    // finding is followed by the check that did not run.
    expect(rows[1]?.[1]).toBe('F');
    expect(rows.at(-2)?.[1]).toBe('');
    expect(rows.at(-2)?.[2]).toBe('spf.ok');
    expect(rows.at(-1)?.slice(3, 5)).toEqual(['dane:example.com', 'not-run']);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('neutralises formulas in the account label and in server text alike', () => {
    expect(text).not.toMatch(/(^|,|\r\n)"?[=+\-@]/);
    expect(rows.some((row) => row.includes(`'${HOSTILE_FORMULA}`))).toBe(true);
    expect(rows.every((row) => row.every((cell) => !/^[=+\-@\t\r]/.test(cell)))).toBe(true);
  });
});
