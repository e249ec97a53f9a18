import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, renderCsv } from '../../../../main/core/report/render-csv';
import { HOSTILE_FORMULA, sampleReport } from '../../../helpers/report-samples';

/** A strict RFC 4180 reader (section 2), written independently of the renderer, to read its output back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') {
      if (cell !== '') throw new Error(`quote inside an unquoted field at ${String(i)}`);
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i += 1;
    } else if (char === '\n' || char === '\r') throw new Error(`bare line break at ${String(i)}`);
    else cell += char;
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length > 0) throw new Error('last record has no CRLF');
  return rows;
}

describe('renderCsv', () => {
  const report = sampleReport();
  const rows = parseCsv(renderCsv(report));

  it('writes a header and one row per finding, each with every column (RFC 4180)', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(report.findings.length + 1);
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
    expect(hostile?.[5]).toContain('\n- item');
  });

  it('neutralises cells a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    const hostile = rows.find((row) => row[0] === 'spf.record.hostile');
    expect(hostile?.[6]).toBe(`'${HOSTILE_FORMULA}`);
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvCell(`${start}1+1`)).toMatch(/^"?'/);
    // A carriage return is shown as an escape, so it cannot start a formula either.
    expect(csvCell('\r=1+1')).toBe('\\x0d=1+1');
    expect(csvCell('plain, "quoted"')).toBe('"plain, ""quoted"""');
    expect(csvCell('smtp.example.com')).toBe('smtp.example.com');
  });
});
