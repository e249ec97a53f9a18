import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../../main/core/report/render-html';
import { HOSTILE_ATTRIBUTE, HOSTILE_SCRIPT, sampleReport } from '../../../helpers/report-samples';

/**
 * The real opening tags in document order with their attribute names. Text never holds a raw "<" (it is
 * escaped), so every "<name" in the markup is an element the renderer wrote.
 */
function tags(markup: string): { name: string; attributes: string[] }[] {
  return [...markup.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*>/g)].map(
    (match) => ({
      name: (match[1] ?? '').toLowerCase(),
      attributes: [...(match[2] ?? '').matchAll(/([a-zA-Z-]+)(?:="[^"]*")?/g)].map(
        (attribute) => attribute[1] ?? '',
      ),
    }),
  );
}

describe('renderHtml', () => {
  const markup = renderHtml(sampleReport());

  it('shows hostile server text as text: no script, no injected element or attribute', () => {
    expect(markup).not.toMatch(/<script/i);
    expect(markup).not.toMatch(/<img/i);
    // The same words are there, escaped, so the reader still sees what the server said.
    expect(markup).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(markup).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    // Only our own elements: nothing a server could have added.
    expect(new Set(tags(markup).flatMap((tag) => tag.attributes))).toEqual(
      new Set([
        'lang',
        'charset',
        'http-equiv',
        'content',
        'name',
        'class',
        'aria-labelledby',
        'id',
        'scope',
        'href',
        'rel',
      ]),
    );
    // Every "<" in the markup opens one of those tags: none is left for text to open.
    expect(markup.split('<').length - 1).toBe(tags(markup).length + (markup.match(/<\//g) ?? []).length + 1);
    expect(new Set(tags(markup).map((tag) => tag.name))).toEqual(
      new Set([
        'html',
        'head',
        'meta',
        'title',
        'style',
        'body',
        'div',
        'span',
        'header',
        'p',
        'h1',
        'dl',
        'dt',
        'dd',
        'main',
        'section',
        'h2',
        'table',
        'caption',
        'thead',
        'tr',
        'th',
        'tbody',
        'td',
        'strong',
        'h3',
        'article',
        'h4',
        'h5',
        'ol',
        'li',
        'ul',
        'a',
        'details',
        'summary',
        'footer',
        'pre',
      ]),
    );
  });

  it('links only to http(s) references, never javascript:', () => {
    const hrefs = [...markup.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
    expect(markup).toContain('Hostile link (javascript:alert(1))');
  });

  it('shows control and direction-override characters as visible escapes', () => {
    expect(markup).toContain('before⟨U+001B⟩[2Jafter⟨U+202E⟩esrever');
    // eslint-disable-next-line no-control-regex
    expect(markup).not.toMatch(/[\u001b\u202e]/);
  });

  it('is self-contained: nothing to fetch, nothing to run, and a policy that forbids both', () => {
    expect(markup).not.toMatch(/<(link|script|img|iframe|object|embed|video|audio|source|svg)\b/i);
    expect(tags(markup).flatMap((tag) => tag.attributes)).not.toContain('src');
    const css = markup.slice(markup.indexOf('<style>'), markup.indexOf('</style>'));
    expect(css).not.toMatch(/url\(|@import|@font-face/i);
    expect(markup).toContain(
      `content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src &#39;none&#39;;`,
    );
    expect(markup).toContain('<meta name="referrer" content="no-referrer">');
  });

  it('prints cleanly: page margins, findings kept whole, a print-only header with target and date', () => {
    expect(markup).toMatch(/@page \{[^}]*margin/);
    expect(markup).toMatch(/\.finding \{[^}]*break-inside: avoid/);
    expect(markup).toMatch(/\.print-header \{ display: none; \}/);
    expect(markup).toMatch(
      /<div class="print-header"><span>[^<]*ann@example\.com[^<]*<\/span><span>2026-11-27 10:00:01 UTC<\/span>/,
    );
  });

  it('is accessible: a language, one h1, heading levels that never skip, header cells in every table', () => {
    expect(markup).toMatch(/^<!doctype html>\n<html lang="en">/);
    const levels = [...markup.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level).toBeLessThanOrEqual((levels[index - 1] ?? 0) + 1);
    });
    const tables = markup.split('<table').slice(1);
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) expect(table.slice(0, table.indexOf('</table>'))).toContain('<th');
  });

  it('opens with the target, times and score, then findings worst first with fix, record, references and evidence', () => {
    expect(markup).toContain('<h1>ann@example.com</h1>');
    expect(markup).toContain('2026-11-27 10:00:00 UTC');
    expect(markup).toContain('(1.4 s)');
    expect(markup).toMatch(
      /<th scope="row">Overall<\/th><td><strong>49 \/ 100<\/strong><\/td><td><strong>F<\/strong>/,
    );
    expect(markup).toMatch(/Login<\/th><td>100 \/ 100<\/td><td>A<\/td>/);
    const order = ['Critical (1)', 'High (1)', 'Medium (1)', 'Low (1)', 'Information (1)'].map((heading) =>
      markup.indexOf(`>${heading}</h3>`),
    );
    expect(order.every((position, index) => position > (order[index - 1] ?? 0))).toBe(true);
    expect(markup).toContain(
      '<h5>How to fix it</h5><ol><li>Allow relaying only for logged-in users.</li></ol>',
    );
    expect(markup).toContain('<h5>Steps for postfix</h5><ol><li>Set smtpd_relay_restrictions.</li></ol>');
    expect(markup).toContain(
      '<tr><td>_dmarc.example.com</td><td>TXT</td><td>v=DMARC1; p=none; rua=mailto:d@example.com</td></tr>',
    );
    expect(markup).toContain(
      '<a href="https://www.rfc-editor.org/rfc/rfc5321#section-3.9" rel="noreferrer noopener">',
    );
    // Evidence is a compact key/value table: scalars as text, lists joined, objects as JSON.
    expect(markup).toContain('<tr><th scope="row">port</th><td>587</td></tr>');
    expect(markup).toContain('<tr><th scope="row">capabilities</th><td>PIPELINING, AUTH PLAIN</td></tr>');
    expect(markup).toContain('<td>{&quot;code&quot;:250,&quot;text&quot;:&quot;2.1.0 Ok&quot;}</td>');
    expect(markup).toContain('<tr><th scope="row">nothing</th><td>(none)</td></tr>');
  });

  it('lists passing checks collapsed, and ends with the redacted transcript', () => {
    const details = markup.slice(markup.indexOf('<details>'), markup.indexOf('</details>'));
    expect(details).toContain('<summary>Show the 2 checks that passed</summary>');
    expect(details).toContain('Only TLS 1.2 and 1.3 are accepted');
    expect(markup.indexOf('Only TLS 1.2 and 1.3 are accepted')).toBe(
      markup.indexOf(details) + details.indexOf('Only TLS'),
    );
    const transcript = markup.indexOf('<h2 id="transcript-heading">');
    expect(transcript).toBeGreaterThan(markup.indexOf('<h2 id="passed-heading">'));
    expect(markup.slice(transcript)).toContain('<td>sent</td><td>AUTH PLAIN &lt;redacted&gt;</td>');
  });

  it('says when the audit was cancelled, and when nothing needs attention', () => {
    const cancelled = renderHtml(sampleReport({ cancelled: true, findings: [] }));
    expect(cancelled).toContain('This audit was cancelled before every check finished');
    expect(cancelled).toContain('Nothing needs attention: every check passed.');
    expect(renderHtml(sampleReport())).not.toContain('was cancelled');
  });

  it('opens with the verdict, the capped grade and the fix plan, before the technical appendix', () => {
    const html = renderHtml(sampleReport());
    const order = [
      'Stop: anyone on the internet can send mail through this server.',
      'Capped at F: anyone on the internet can send mail through this server.',
      'What to do',
      'Who does what',
      'Technical appendix',
      'How to do each action',
      'All findings',
    ].map((text) => html.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('escapes the target label in the title too', () => {
    const hostile = sampleReport({
      target: {
        kind: 'domain',
        label: HOSTILE_SCRIPT + HOSTILE_ATTRIBUTE,
        domain: null,
        host: null,
        port: null,
        security: null,
      },
    });
    const page = renderHtml(hostile);
    expect(page).toMatch(/<title>Mail security report: &lt;script&gt;/);
    expect(page).not.toMatch(/<script|<img/i);
  });
});
