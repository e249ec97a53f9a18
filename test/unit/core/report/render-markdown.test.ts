import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../main/core/report/render-markdown';
import { sampleReport } from '../../../helpers/report-samples';

describe('renderMarkdown', () => {
  const text = renderMarkdown(sampleReport());
  const lines = text.split('\n');

  it('keeps hostile text inert: no raw HTML, no link or image, no heading or list it did not make', () => {
    // Outside code blocks (where text is literal by definition), nothing could become an element.
    const prose = text.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '');
    expect(prose).toContain('## Protocol transcript');
    expect(prose).not.toMatch(/(?<!\\)<(script|img)/i);
    expect(text).toContain('\\<script\\>alert("pwned")\\</script\\>');
    // "[x](javascript:...)" and "![track](https://...)" lose their brackets, so they are no link or image.
    expect(prose).not.toMatch(/[^\\]\[x\]\(javascript:/);
    expect(prose).not.toMatch(/!\[track\]/);
    expect(text).toContain('!\\[track\\](`https://evil.example/pixel.png)`');
    // The hostile explanation's "# Heading" and "- item" stay on the explanation's line.
    const explanation = lines.find((line) => line.startsWith('The record reads'));
    expect(explanation).toContain(' and # Heading - item ');
    expect(prose.split('\n').filter((line) => line.startsWith('# '))).toHaveLength(1);
  });

  it('keeps evidence tables whole: a "|" from a server cannot add a cell', () => {
    const rows = lines.filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
    for (const row of rows) {
      const cells = row.split(/(?<!\\)\|/).length - 2;
      expect([2, 3]).toContain(cells);
    }
    expect(text).toContain('| record | \\<script\\>alert("pwned")\\</script\\> |');
  });

  it('fences records and the transcript so no backtick inside can end the block', () => {
    // The hostile record value holds a ``` fence: the block uses a longer one.
    expect(text).toContain('````text\nx TXT ```\n# not a heading\n````');
    expect(text).toMatch(/```text\n {3}100 ms {2}smtp\.example\.com:587 {2}S: 220 <script>/);
    expect(text).toContain('C: AUTH PLAIN <redacted>');
  });

  it('has the same content as the HTML report, worst first', () => {
    // An address is a code span, so no GFM renderer turns it into a mailto: link.
    expect(lines[0]).toBe('# Mail security report: `ann@example.com`');
    expect(text).toContain('- **Finished:** 2026-11-27 10:00:01 UTC (1.4 s)');
    expect(text).toContain('| **Overall** | **49 / 100** | **F** |');
    expect(text).toContain('| Login | 100 / 100 | A |');
    const order = [
      '### Critical (1)',
      '### High (1)',
      '### Medium (1)',
      '### Low (1)',
      '### Information (1)',
    ].map((heading) => lines.indexOf(heading));
    expect(order.every((position, index) => position > (order[index - 1] ?? 0))).toBe(true);
    expect(text).toContain('#### [Critical] smtp.example.com is an open relay');
    expect(text).toContain('**How to fix it**\n\n1. Allow relaying only for logged-in users.');
    expect(text).toContain('**Steps for postfix**\n\n1. Set smtpd\\_relay\\_restrictions.');
    expect(text).toContain('```text\n_dmarc.example.com TXT v=DMARC1; p=none; rua=mailto:d@example.com\n```');
    expect(text).toContain('- [RFC 5321 section 3.9](https://www.rfc-editor.org/rfc/rfc5321#section-3.9)');
    expect(text).toContain('- Hostile link (`javascript:alert(1)`)');
    expect(text).toContain('| capabilities | PIPELINING, AUTH PLAIN |');
  });

  it('collapses passing checks and ends with the transcript', () => {
    const details = text.slice(text.indexOf('<details>'), text.indexOf('</details>'));
    expect(details).toContain('<summary>Show the 2 checks that passed</summary>');
    expect(details).toContain('- Only TLS 1.2 and 1.3 are accepted (`tls.protocol.modern`)');
    expect(text.indexOf('## Protocol transcript')).toBeGreaterThan(text.indexOf('</details>'));
  });

  it('says when the audit was cancelled', () => {
    expect(renderMarkdown(sampleReport({ cancelled: true }))).toContain('> **This audit was cancelled');
  });
});
