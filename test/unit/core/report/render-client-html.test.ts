import { describe, expect, it } from 'vitest';
import { renderClientHtml } from '../../../../main/core/report/render-client-html';
import { buildClientReport } from '../../../../main/core/report/client-report';
import {
  clientEntries,
  GENERATED_AT,
  HOSTILE_CLIENT,
  sampleClientReport,
} from '../../../helpers/client-report-samples';

/** Every id attribute the markup declares (text never holds a raw '"', so these are all ours). */
function ids(markup: string): string[] {
  return [...markup.matchAll(/ id="([^"]*)"/g)].map((match) => match[1] ?? '');
}

/** Heading levels in document order. */
function headingLevels(markup: string): number[] {
  return [...markup.matchAll(/<h([1-6])\b/g)].map((match) => Number(match[1]));
}

describe('renderClientHtml', () => {
  const report = sampleClientReport();
  const markup = renderClientHtml(report);

  it('shows a hostile client name and account label as text: no script, no injected element', () => {
    expect(markup).not.toMatch(/<script/i);
    expect(markup).not.toMatch(/<img/i);
    expect(markup).toContain(
      '<h1>&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</h1>',
    );
    expect(markup).toContain('<title>Client mail security report: &lt;script&gt;');
    expect(markup).toContain('aria-label="=HYPERLINK(&quot;https://evil.example/');
  });

  it('is self-contained: a CSP that forbids every load and script, and nothing to fetch', () => {
    expect(markup).toContain(
      'content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src &#39;none&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;"',
    );
    expect(markup).not.toMatch(/<(link|iframe|object|embed|img|script)\b/i);
    expect(markup).not.toMatch(/<[a-z][^>]*\ssrc=/i);
    expect(markup).not.toMatch(/url\(/i);
  });

  it('opens with a summary table: a row per account with grade, score, worst, counts and completeness', () => {
    const table = markup.slice(markup.indexOf('<table class="client-summary">'), markup.indexOf('</table>'));
    const rows = table.split('<tr>').slice(2);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('<a href="#account-1">ann@example.com</a>');
    expect(rows[0]).toContain('<strong>F</strong></td><td class="num">49</td><td>Critical</td>');
    expect(rows[0]).toContain('<td>Yes</td>');
    expect(rows[1]).toContain('<a href="#account-2">');
    // No score: a dash, not 0 or 100; medium is the worst; 1 medium and 1 pass; cancelled said in words.
    expect(rows[1]).toContain(
      '<strong>–</strong></td><td class="num">–</td><td>Medium</td><td class="num">0</td><td class="num">0</td><td class="num">1</td><td class="num">0</td><td class="num">0</td><td class="num">1</td><td>No: cancelled</td>',
    );
  });

  it('follows with each account’s full report, one section each, printed from a new page', () => {
    expect(markup.match(/<section class="client-account"/g)).toHaveLength(2);
    expect(markup).toContain('<section class="client-account" id="account-1" aria-label="ann@example.com">');
    // Each account keeps its findings, its cancelled warning and its transcript.
    for (const { report: account } of report.accounts)
      for (const finding of account.findings) expect(markup).toContain(finding.id);
    expect(markup).toContain('This audit was cancelled before every check finished');
    expect(markup).toContain('id="account-1-transcript-heading"');
    expect(markup).toMatch(/@media print \{\s*\.client-account \{ break-before: page;/);
  });

  it('keeps one h1, never skips a heading level and never declares an id twice', () => {
    const levels = headingLevels(markup);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level).toBeLessThanOrEqual((levels[index - 1] ?? 0) + 1);
    });
    const declared = ids(markup);
    expect(new Set(declared).size).toBe(declared.length);
    // Every in-page link and label points at an id that exists.
    for (const match of markup.matchAll(/(?:href="#|aria-labelledby=")([^"]*)"/g))
      expect(declared).toContain(match[1]);
  });

  it('says so when no account was tested', () => {
    const empty = renderClientHtml(buildClientReport(HOSTILE_CLIENT, [], GENERATED_AT));
    expect(empty).toContain('<p>No account was tested.</p>');
    expect(empty).not.toContain('<section class="client-account"');
    expect(clientEntries()).toHaveLength(2);
  });
});
