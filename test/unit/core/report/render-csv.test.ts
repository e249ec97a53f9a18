import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderCsv } from '../../../../main/core/report/render-csv';
import { parseCsv, readCsvAsSpreadsheet } from '../../../helpers/parse-csv';
import { HOSTILE_FORMULA, sampleReport } from '../../../helpers/report-samples';

describe('renderCsv', () => {
  const report = sampleReport();
  const rows = parseCsv(renderCsv(report));

  it('writes a header and one row per finding, each with every column (RFC 4180)', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    // One row per finding, then one per check that did not run (the sample's DANE check timed out).
    expect(rows).toHaveLength(report.findings.length + 1 + 1);
    expect(rows.at(-1)?.slice(1, 4)).toEqual([
      'dane:example.com',
      'not-run',
      'Check dane:example.com: timed-out',
    ]);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('fills each column from the finding', () => {
    const dmarc = rows.find((row) => row[0] === 'dmarc.record.missing');
    expect(dmarc).toEqual([
      'dmarc.record.missing',
      'check:dmarc.record.missing',
      'high',
      'Title of dmarc.record.missing',
      'ann@example.com',
      'Explanation of dmarc.record.missing.',
      'Publish a DMARC record.',
      '_dmarc.example.com TXT v=DMARC1; p=none; rua=mailto:d@example.com',
      'RFC 5321 section 3.9 <https://www.rfc-editor.org/rfc/rfc5321#section-3.9>',
    ]);
    expect(rows.find((row) => row[0] === 'tls.protocol.modern')?.[6]).toBe('');
  });

  it('keeps quotes, commas and line breaks inside their cell', () => {
    const hostile = rows.find((row) => row[0] === 'spf.record.hostile');
    expect(hostile?.[3]).toBe('SPF says <script>alert("pwned")</script>');
    // The "-" after a line break gets an apostrophe: a reader out of step with the quoting starts a row there.
    expect(hostile?.[5]).toContain("\n'- item");
  });

  it('neutralises cells a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    const hostile = rows.find((row) => row[0] === 'spf.record.hostile');
    expect(hostile?.[6]).toBe(`'${HOSTILE_FORMULA}`);
  });

  it('starts no formula in a spreadsheet whose locale splits cells on ";" (or tab, or "|")', () => {
    const [first, ...rest] = report.findings;
    if (first === undefined) throw new Error('the sample report has findings');
    const title = `v=spf1 ;=cmd|' /C calc'!A0;@SUM(1) -all`;
    const evil = { ...report, findings: [{ ...first, title }, ...rest] };
    const csv = renderCsv(evil);
    for (const separator of [';', '\t', '|']) {
      const cells = readCsvAsSpreadsheet(csv, separator).flat();
      expect(cells.filter((cell) => /^[\s"]*[=+\-@]/.test(cell))).toEqual([]);
    }
  });
});
