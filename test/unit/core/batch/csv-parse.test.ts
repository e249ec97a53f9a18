import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvRecord, type CsvRecordError } from '../../../../main/core/batch/csv-parse';

function records(text: string): (CsvRecord | CsvRecordError)[] {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return [...parsed.records];
}

function messageOf(record: CsvRecord | CsvRecordError | undefined): string {
  return record?.kind === 'error' ? record.message : '';
}

describe('parseCsv', () => {
  it('reads plain records with the line each starts on, LF or CRLF', () => {
    expect(records('a,b,c\nd,e,f\n')).toEqual([
      { kind: 'record', line: 1, fields: ['a', 'b', 'c'] },
      { kind: 'record', line: 2, fields: ['d', 'e', 'f'] },
    ]);
    expect(records('a,b\r\nc,d\r\n')).toEqual(records('a,b\nc,d\n'));
    expect(records('a,b\r\nc,d')).toEqual(records('a,b\nc,d\n'));
  });

  it('strips a UTF-8 byte order mark so the first header name is not "\\uFEFFclient"', () => {
    expect(records('\uFEFFclient,x\n')[0]).toEqual({ kind: 'record', line: 1, fields: ['client', 'x'] });
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields (RFC 4180 section 2.5-2.7)', () => {
    const parsed = records('"Acme, Inc.","say ""hi""","two\r\nlines"\nnext,row,here\n');
    expect(parsed[0]).toEqual({
      kind: 'record',
      line: 1,
      fields: ['Acme, Inc.', 'say "hi"', 'two\r\nlines'],
    });
    // The quoted line break moved the next record to line 3.
    expect(parsed[1]).toMatchObject({ line: 3, fields: ['next', 'row', 'here'] });
  });

  it('keeps empty fields, including a trailing one and an empty quoted one', () => {
    expect(records('a,,"",\n')[0]).toMatchObject({ fields: ['a', '', '', ''] });
  });

  it('skips blank lines but keeps counting them', () => {
    expect(records('a\n\n\r\nb\n').map((r) => r.line)).toEqual([1, 4]);
  });

  it('turns a stray quote into an error for that line only and carries on', () => {
    const parsed = records('a,b"c,d\ne,f,g\n"x"y,z\nh,i,j\n');
    expect(parsed.map((r) => [r.kind, r.line])).toEqual([
      ['error', 1],
      ['record', 2],
      ['error', 3],
      ['record', 4],
    ]);
    expect(messageOf(parsed[0])).toContain('double quote');
    expect(messageOf(parsed[2])).toContain('after a closing quote');
  });

  it('reports a quote that never closes with the line where it opened', () => {
    const parsed = records('a,b\nc,"open\nd,e\n');
    expect(parsed[0]).toMatchObject({ kind: 'record', line: 1 });
    expect(parsed[1]).toMatchObject({ kind: 'error', line: 2 });
    expect(messageOf(parsed[1])).toContain('line 2');
    expect(parsed).toHaveLength(2);
  });

  it('refuses a file with more records than the cap, saying the limit', () => {
    const parsed = parseCsv('h\n1\n2\n3\n', 3);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('more than 2 rows');
    expect(parseCsv('h\n1\n2\n', 3).ok).toBe(true);
  });
});
