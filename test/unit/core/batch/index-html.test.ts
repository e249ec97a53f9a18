import { describe, expect, it } from 'vitest';
import { buildBatchIndex } from '../../../../main/core/batch/batch-index';
import { renderIndexHtml } from '../../../../main/core/batch/index-html';
import { htmlText as escapeHtml } from '../../../../preload/contract/untrusted-text';
import { SAMPLE_PROBLEMS, SAMPLE_RESULTS } from './batch-fixtures';

describe('renderIndexHtml', () => {
  const page = renderIndexHtml(
    buildBatchIndex({
      generatedAt: '2026-01-01T00:00:02.000Z',
      cancelled: true,
      results: SAMPLE_RESULTS,
      notRun: SAMPLE_PROBLEMS,
    }),
  );

  it('is one self-contained page that may load and run nothing', () => {
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(page).not.toMatch(/<script|<link|src=|url\(/i);
  });

  it('summarises the batch and says it was cancelled', () => {
    expect(page).toContain('5 rows, 1 audited, 2 cancelled, 1 could not run, 1 not run.');
    expect(page).toContain('The batch was cancelled.');
  });

  it('has one table row per input row, linking each finished report by relative name', () => {
    expect(page.match(/<tr><td class="num">/g)).toHaveLength(5);
    expect(page).toContain('<a href="00002-acme.html">report</a> · <a href="00002-acme.json">JSON</a>');
    expect(page).toContain('>72</td><td>C</td>');
    expect(page).toContain('not run: the port must be a whole number');
  });

  it('escapes text from the input file instead of rendering it as markup', () => {
    expect(page).toContain('&lt;b&gt;Beta&lt;/b&gt;');
    expect(page).not.toContain('<b>Beta</b>');
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;',
    );
  });
});

describe('renderIndexHtml with a rejected row from a hostile input file', () => {
  it('carries no raw ESC or BEL: they are shown as code points', () => {
    const hostile = renderIndexHtml(
      buildBatchIndex({
        generatedAt: 'x',
        cancelled: false,
        results: [],
        notRun: [
          {
            kind: 'problem',
            line: 4,
            client: 'Evil\u001b[2J\u0007',
            target: 'a\u202eb',
            reason: 'bad \u001b]8;;x\u0007',
          },
        ],
      }),
    );
    // eslint-disable-next-line no-control-regex
    expect(hostile).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(hostile).toContain('Evil⟨U+001B⟩[2J⟨U+0007⟩');
  });
});
