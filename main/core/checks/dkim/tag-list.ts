/**
 * The tag=value list of RFC 6376 section 3.2, shared by DKIM keys, DMARC, TLS-RPT, MTA-STS and BIMI records.
 *
 * Hand-written rather than mailauth's `parseDkimHeaders` because a person needs every problem with its
 * position (mailauth's parser keeps the last duplicate silently and reports nothing), and because the
 * parser must never throw on hostile DNS text. Input and output are bounded.
 */
import { excerpt } from '../../../../preload/contract/untrusted-text';

/** Longer records are parsed up to this many characters and reported as too long. */
export const MAX_TAG_LIST_CHARS = 8_192;
/** At most this many problems are reported; one more says "and more". */
export const MAX_TAG_LIST_PROBLEMS = 32;
/** How much of a value or record is quoted back in evidence. */
const MAX_PRINTABLE_CHARS = 512;

export interface Tag {
  /** As written; RFC 6376 section 3.2 tag names are case-sensitive. */
  readonly name: string;
  /** Trimmed of surrounding whitespace; inner whitespace kept (DKIM `p=` may be folded). */
  readonly value: string;
  /** Offset of the tag name in the record. */
  readonly offset: number;
}

export type TagListProblemCode =
  | 'too-long'
  | 'empty-tag-spec'
  | 'missing-equals'
  | 'bad-tag-name'
  | 'bad-value-char'
  | 'duplicate-tag'
  | 'too-many-problems';

export interface TagListProblem {
  readonly code: TagListProblemCode;
  /** Offset in the record where the problem starts. */
  readonly offset: number;
  readonly tag?: string;
}

export interface TagList {
  readonly tags: readonly Tag[];
  readonly problems: readonly TagListProblem[];
}

/** RFC 6376 section 3.2: tag-name = ALPHA *ALNUMPUNC. */
const TAG_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** RFC 6376 section 3.2: VALCHAR = %x21-3A / %x3C-7E, plus folding whitespace between tvals. */
const BAD_VALUE_CHAR = /[^\x21-\x3A\x3C-\x7E \t\r\n]/;
const WHITESPACE = /^[ \t\r\n]*$/;

/** Parses a tag-list; never throws, reports every problem (up to MAX_TAG_LIST_PROBLEMS). */
export function parseTagList(record: string): TagList {
  const problems: TagListProblem[] = [];
  const report = (problem: TagListProblem): void => {
    if (problems.length < MAX_TAG_LIST_PROBLEMS) problems.push(problem);
    else if (problems.length === MAX_TAG_LIST_PROBLEMS)
      problems.push({ code: 'too-many-problems', offset: problem.offset });
  };
  let text = record;
  if (text.length > MAX_TAG_LIST_CHARS) {
    report({ code: 'too-long', offset: MAX_TAG_LIST_CHARS });
    text = text.slice(0, MAX_TAG_LIST_CHARS);
  }
  const tags: Tag[] = [];
  const seen = new Set<string>();
  const specs = text.split(';');
  const lastFilled = specs.findLastIndex((spec) => !WHITESPACE.test(spec));
  let start = 0;
  specs.forEach((spec, index) => {
    const offset = start;
    start += spec.length + 1;
    if (WHITESPACE.test(spec)) {
      // RFC 6376 section 3.2 allows a trailing ";"; empty specs between tags are a (harmless) syntax error.
      if (index < lastFilled) report({ code: 'empty-tag-spec', offset });
      return;
    }
    const equals = spec.indexOf('=');
    if (equals === -1) {
      report({ code: 'missing-equals', offset: offset + leadingSpace(spec) });
      return;
    }
    const name = spec.slice(0, equals).trim();
    const nameOffset = offset + leadingSpace(spec);
    if (!TAG_NAME.test(name)) {
      report({ code: 'bad-tag-name', offset: nameOffset, tag: printable(name, 32) });
      return;
    }
    const rawValue = spec.slice(equals + 1);
    const bad = BAD_VALUE_CHAR.exec(rawValue);
    if (bad !== null) report({ code: 'bad-value-char', offset: offset + equals + 1 + bad.index, tag: name });
    if (seen.has(name)) {
      // RFC 6376 section 3.2: a duplicate tag name makes the entire tag-list invalid.
      report({ code: 'duplicate-tag', offset: nameOffset, tag: name });
      return;
    }
    seen.add(name);
    tags.push({ name, value: rawValue.trim(), offset: nameOffset });
  });
  return { tags, problems };
}

/** The value of a tag, matched case-insensitively (DMARC and friends) or exactly (DKIM). */
export function tagValue(list: TagList, name: string, caseInsensitive = false): string | undefined {
  const wanted = caseInsensitive ? name.toLowerCase() : name;
  return list.tags.find((tag) => (caseInsensitive ? tag.name.toLowerCase() : tag.name) === wanted)?.value;
}

/** Record text made safe to show (preload/contract/untrusted-text.ts), with a record's length bound. */
export function printable(text: string, maxChars = MAX_PRINTABLE_CHARS): string {
  return excerpt(text, maxChars);
}

/** Words for a tag-list problem, for evidence lists. */
export function describeTagListProblem(problem: TagListProblem): string {
  const at = `at character ${String(problem.offset + 1)}`;
  const tag = problem.tag === undefined ? '' : ` "${problem.tag}"`;
  switch (problem.code) {
    case 'too-long':
      return `the record is longer than ${String(MAX_TAG_LIST_CHARS)} characters; the rest was not read`;
    case 'empty-tag-spec':
      return `an empty entry (two semicolons in a row) ${at}`;
    case 'missing-equals':
      return `an entry without "=" ${at}`;
    case 'bad-tag-name':
      return `the tag name${tag} ${at} is not letters, digits and underscores starting with a letter`;
    case 'bad-value-char':
      return `the value of tag${tag} has a character that is not allowed ${at}`;
    case 'duplicate-tag':
      return `the tag${tag} appears more than once (${at})`;
    case 'too-many-problems':
      return 'more problems were found than are listed here';
  }
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}
