import { describe, expect, it } from 'vitest';
import { demoteHeadings, renderClientMarkdown } from '../../../../main/core/report/render-client-markdown';
import { renderMarkdown } from '../../../../main/core/report/render-markdown';
import { sampleClientReport } from '../../../helpers/client-report-samples';

/** ATX headings outside fenced code blocks, as a CommonMark reader would see them. */
function headings(markdown: string): string[] {
  let fence = 0;
  const found: string[] = [];
  for (const line of markdown.split('\n')) {
    const ticks = /^(`{3,})/.exec(line)?.[1]?.length ?? 0;
    if (fence === 0 && ticks > 0) fence = ticks;
    else if (fence > 0 && ticks >= fence && /^`+\s*$/.test(line)) fence = 0;
    else if (fence === 0 && /^#{1,6} /.test(line)) found.push(line);
  }
  return found;
}

describe('renderClientMarkdown', () => {
  const report = sampleClientReport();
  const text = renderClientMarkdown(report);

  it('has one title naming the client, escaped so its markup stays words', () => {
    const titles = headings(text).filter((line) => line.startsWith('# '));
    expect(titles).toEqual([
      '# Client mail security report: \\<script\\>alert("pwned")\\</script\\> \\& "\\>\\<img src=x onerror=alert(1)\\>',
    ]);
    // The summary (before the first account's report) holds no raw markup; code blocks come later.
    const summary = text.slice(0, text.indexOf('\n---\n'));
    expect(summary).not.toMatch(/(?<!\\)<(script|img)/i);
  });

  it('opens with a summary table: a row per account, a cell per column, the hostile label escaped', () => {
    const table = text.split('\n').filter((line) => line.startsWith('| '));
    const header = table[0] ?? '';
    expect(header).toBe(
      '| Account | Tested | Grade | Score | Worst | Critical | High | Medium | Low | Information | Passed | Complete |',
    );
    const rows = table.slice(2, 4);
    expect(rows[0]).toMatch(/^\| `ann@example\.com` \| .* \| F \| 49 \| Critical \| /);
    expect(rows[0]?.endsWith(' | Yes |')).toBe(true);
    expect(rows[1]).toContain(' | – | – | Medium | 0 | 0 | 1 | 0 | 0 | 1 | No: cancelled |');
    // An escaped "|" in a label never adds a cell: every row has the header's cells.
    const cells = (line: string) => line.split(/(?<!\\)\|/).length;
    for (const row of rows) expect(cells(row)).toBe(cells(header));
  });

  it('follows with every account’s full report, headings one level down', () => {
    for (const { report: account } of report.accounts) {
      const own = renderMarkdown(account);
      expect(text).toContain(demoteHeadings(own));
      expect(headings(demoteHeadings(own))).toEqual(headings(own).map((line) => `#${line}`));
    }
    expect(headings(text).filter((line) => line.startsWith('## Mail security report: '))).toHaveLength(2);
  });

  it('leaves lines in fenced code blocks alone, however many backticks the fence has', () => {
    const source = ['# Title', '````text', '# not a heading', '```', '## still code', '````', '## Real'].join(
      '\n',
    );
    expect(demoteHeadings(source)).toBe(
      ['## Title', '````text', '# not a heading', '```', '## still code', '````', '### Real'].join('\n'),
    );
  });
});
