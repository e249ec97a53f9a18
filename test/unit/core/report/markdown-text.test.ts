import { describe, expect, it } from 'vitest';
import { codeBlock, codeSpan, markdownText } from '../../../../main/core/report/markdown-text';

describe('markdown-text', () => {
  it('escapes what acts anywhere in a line, and block markers only at its start', () => {
    expect(markdownText('*bold* _em_ `code` [link](x) <b> a|b ~~s~~ &amp; $x$')).toBe(
      '\\*bold\\* \\_em\\_ \\`code\\` \\[link\\](x) \\<b\\> a\\|b \\~\\~s\\~\\~ \\&amp; \\$x\\$',
    );
    const lineStarts: readonly (readonly [string, string])[] = [
      ['# title', '\\# title'],
      ['- item', '\\- item'],
      ['+ item', '\\+ item'],
      ['> quote', '\\> quote'],
      ['1. first', '1\\. first'],
      ['2) second', '2\\) second'],
      ['=====', '\\====='],
    ];
    for (const [text, escaped] of lineStarts) expect(markdownText(text)).toBe(escaped);
    expect(markdownText('smtp.example.com port 587 - fine')).toBe('smtp.example.com port 587 - fine');
  });

  it('folds line breaks so text cannot start a new block', () => {
    expect(markdownText('one\n# two\r\n- three')).toBe('one # two - three');
  });

  it('makes code spans and blocks that a backtick inside cannot end', () => {
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`edge`')).toBe('`` `edge` ``');
    expect(codeBlock('x\n```\ny')).toBe('````text\nx\n```\ny\n````');
    expect(codeBlock('plain')).toBe('```text\nplain\n```');
  });
});
