import { describe, expect, it } from 'vitest';
import { SafeHtml, escapeHtml, markup } from '../../../../main/core/report/html-template';

describe('markup', () => {
  it('escapes every interpolated string, in content and in attributes', () => {
    const hostile = `"><img src=x onerror=alert(1)> & 'q'`;
    expect(markup`<p title="${hostile}">${hostile}</p>`.markup).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;</p>',
    );
  });

  it('passes its own fragments through, joins lists and drops null', () => {
    const items = ['<a>', 'b'].map((text) => markup`<li>${text}</li>`);
    expect(markup`<ul>${items}${null}${undefined}</ul><p>${3}</p>`.markup).toBe(
      '<ul><li>&lt;a&gt;</li><li>b</li></ul><p>3</p>',
    );
    expect(markup`${new SafeHtml('<b>ours</b>')}`.markup).toBe('<b>ours</b>');
  });

  it('shows control characters as visible escapes', () => {
    expect(escapeHtml('a\u001b[31mb')).toBe('a⟨U+001B⟩[31mb');
  });
});
