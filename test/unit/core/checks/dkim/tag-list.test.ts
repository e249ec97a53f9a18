import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeTagListProblem,
  MAX_TAG_LIST_CHARS,
  MAX_TAG_LIST_PROBLEMS,
  parseTagList,
  printable,
  tagValue,
} from '../../../../../main/core/checks/dkim/tag-list';

/** Record-like text: mostly tag-list characters, sometimes anything at all. */
const recordish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 2_000 }),
  fc
    .tuple(
      fc.array(
        fc.tuple(fc.constantFrom('v', 'p', 'k', 'h', 't', '1x', 'a b', ''), fc.string({ maxLength: 40 })),
        {
          maxLength: 60,
        },
      ),
      fc.constantFrom(';', '; ', ';;'),
    )
    .map(([pairs, separator]) => pairs.map(([name, value]) => `${name}=${value}`).join(separator)),
);

describe('parseTagList (RFC 6376 section 3.2)', () => {
  it('reads tags with their offsets, trims values and allows a trailing semicolon', () => {
    const list = parseTagList(' v=DKIM1; k = rsa ;p=AB CD;');
    expect(list.problems).toEqual([]);
    expect(list.tags).toEqual([
      { name: 'v', value: 'DKIM1', offset: 1 },
      { name: 'k', value: 'rsa', offset: 10 },
      { name: 'p', value: 'AB CD', offset: 19 },
    ]);
    expect(tagValue(list, 'K', true)).toBe('rsa');
    expect(tagValue(list, 'K')).toBeUndefined();
  });

  it('reports every problem with its position: empty entries, no "=", bad names, bad characters, duplicates', () => {
    const list = parseTagList('a=1;;b;9x=2;c=\u0001;a=3');
    expect(list.problems.map((p) => [p.code, p.offset])).toEqual([
      ['empty-tag-spec', 4],
      ['missing-equals', 5],
      ['bad-tag-name', 7],
      ['bad-value-char', 14],
      ['duplicate-tag', 16],
    ]);
    // RFC 6376 section 3.2: the first occurrence is kept, the duplicate reported.
    expect(tagValue(list, 'a')).toBe('1');
    expect(list.problems.map(describeTagListProblem).every((text) => text.length > 0)).toBe(true);
  });

  it('bounds what it reads and reports', () => {
    const long = parseTagList(`a=${'x'.repeat(MAX_TAG_LIST_CHARS * 2)}`);
    expect(long.problems[0]?.code).toBe('too-long');
    const noisy = parseTagList(';'.repeat(500) + 'a=1');
    expect(noisy.problems).toHaveLength(MAX_TAG_LIST_PROBLEMS + 1);
    expect(noisy.problems.at(-1)?.code).toBe('too-many-problems');
  });

  it('never throws, stays fast and keeps its output bounded (property)', () => {
    fc.assert(
      fc.property(recordish, (text) => {
        const started = performance.now();
        const list = parseTagList(text);
        expect(performance.now() - started).toBeLessThan(500);
        expect(list.problems.length).toBeLessThanOrEqual(MAX_TAG_LIST_PROBLEMS + 1);
        expect(list.tags.length).toBeLessThanOrEqual(MAX_TAG_LIST_CHARS);
        for (const tag of list.tags) expect(tag.name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
        expect(new Set(list.tags.map((t) => t.name)).size).toBe(list.tags.length);
      }),
      { numRuns: 300 },
    );
  });

  it('makes any text printable and short (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3_000 }), (text) => {
        const shown = printable(text, 100);
        expect(shown).not.toMatch(/\p{Cc}/u);
        expect(shown.length).toBeLessThanOrEqual(101);
      }),
    );
  });
});
