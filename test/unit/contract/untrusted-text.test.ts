import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appText,
  csvRows,
  decodeUtf8,
  excerpt,
  htmlText,
  jsonText,
  markdownCodeBlock as codeBlock,
  markdownCodeSpan as codeSpan,
  markdownText,
  terminalText,
} from '../../../preload/contract/untrusted-text';
import { parseCsv, readCsvAsSpreadsheet } from '../../helpers/parse-csv';

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

/** Everything the policy promises never to pass on raw, tab and line feed aside. */
const RAW_HIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]|\p{Cs}/u;
const RAW_HIDDEN_OR_BREAK =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]|\p{Cs}/u;
/** What a spreadsheet runs as a formula when a cell starts with it (OWASP "CSV Injection"). */
const FORMULA_START = /^\s*[=+\-@]/;

/** Strings rich in what hostile servers send: controls, direction marks, quotes, separators, URLs. */
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u001b', '\u0007', '\u009b', '\u202e', '\u2066', '\u2028', '\ufeff', '\r', '\n', '\t'),
    fc.constantFrom('"', ',', ';', '|', '=', '+', '-', '@', ' ', '`', '<', '>', '&', '[', '*', '#'),
    fc.constantFrom('https://evil.example/x', 'www.evil.example', 'a@evil.example', '\ud800'),
    fc.string({ unit: 'grapheme', maxLength: 3 }),
  ),
  maxLength: 40,
});

describe('one policy per output', () => {
  it('never passes a control or hidden character on raw, and never leaves a cell to start a formula', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(terminalText(text)).not.toMatch(RAW_HIDDEN_OR_BREAK);
        expect(excerpt(text, 20)).not.toMatch(RAW_HIDDEN_OR_BREAK);
        expect(markdownText(text)).not.toMatch(RAW_HIDDEN_OR_BREAK);
        expect(appText(text)).not.toMatch(RAW_HIDDEN);
        expect(htmlText(text)).not.toMatch(RAW_HIDDEN);
        expect(htmlText(text)).not.toMatch(/[<>"']/);
        const json = jsonText({ text });
        expect(json).not.toMatch(RAW_HIDDEN);
        expect((JSON.parse(json) as { text: string }).text).toBe(text);
        const csv = csvRows([[text, text]]);
        // Read with the right separator, the text is all there but for apostrophes.
        expect(parseCsv(csv)[0]?.[0]?.replace(/'/g, '')).toBe(appText(text).replace(/'/g, ''));
        for (const separator of [',', ';', '\t', '|']) {
          for (const cell of readCsvAsSpreadsheet(csv, separator).flat()) {
            expect(cell).not.toMatch(FORMULA_START);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('shows a direction override as a code point instead of reordering the text', () => {
    expect(appText('invoice\u202Efdp.exe')).toBe('invoice⟨U+202E⟩fdp.exe');
    expect(terminalText('\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007')).toBe(
      '⟨U+001B⟩]8;;https://evil.example⟨U+0007⟩click⟨U+001B⟩]8;;⟨U+0007⟩',
    );
    expect(appText('line one\r\nline\ttwo')).toBe('line one\nline\ttwo');
  });

  it('writes C1 controls and direction marks in JSON as escapes a reader turns back into the text', () => {
    const json = jsonText({ record: 'v=spf1 \u009b31m \u202e' });
    expect(json).toContain('\\u009b31m \\u202e');
    expect(JSON.parse(json)).toEqual({ record: 'v=spf1 \u009b31m \u202e' });
  });

  it('cuts an excerpt before showing controls, so a run of controls cannot make it long', () => {
    expect(excerpt('\u0000'.repeat(1000), 3)).toBe('⟨U+0000⟩⟨U+0000⟩⟨U+0000⟩…');
    expect(excerpt('short', 10)).toBe('short');
  });

  it('decodes bytes as UTF-8, with U+FFFD for what is not UTF-8', () => {
    expect(decodeUtf8(Buffer.from('v=DMARC1; ruf=mailto:rapports@exemple.fr; n=Société', 'utf8'))).toBe(
      'v=DMARC1; ruf=mailto:rapports@exemple.fr; n=Société',
    );
    expect(decodeUtf8(Uint8Array.of(0x61, 0xff, 0x62))).toBe('a\ufffdb');
  });
});

describe('CSV in a semicolon locale', () => {
  it('gives a spreadsheet splitting on ";" no cell that starts a formula', () => {
    const csv = csvRows([['spf', `v=spf1 ;=cmd|' /C calc'!A0 -all`, '=HYPERLINK("http://evil")']]);
    const cells = readCsvAsSpreadsheet(csv, ';').flat();
    expect(cells.length).toBeGreaterThan(1);
    for (const cell of cells) expect(cell).not.toMatch(FORMULA_START);
    // Read with the right separator, the text is all there, the apostrophes aside.
    expect(parseCsv(csv)).toEqual([
      ['spf', `v=spf1 ;'=cmd|' /C calc'!A0 -all`, `'=HYPERLINK("http://evil")`],
    ]);
  });
});

describe('Markdown autolinks', () => {
  it('puts URLs, www. names and addresses in code spans, which GFM never links', () => {
    expect(markdownText('see https://evil.example/pay now')).toBe('see `https://evil.example/pay` now');
    expect(markdownText('www.evil.example')).toBe('`www.evil.example`');
    expect(markdownText('mail boss@evil.example today')).toBe('mail `boss@evil.example` today');
    expect(markdownText('mailto:boss@evil.example')).toBe('`mailto:boss@evil.example`');
  });
});
