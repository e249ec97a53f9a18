/** The line splitter: lines across chunks, caps on lines and literals, literals inlined into their line. */
import { describe, expect, it } from 'vitest';
import { LineReader } from '../../../../main/adapters/incoming/line-reader';

const LIMITS = { maxLineBytes: 64, maxLiteralBytes: 16 };
const feed = (reader: LineReader, ...chunks: string[]) =>
  chunks.flatMap((chunk) => reader.push(Buffer.from(chunk, 'latin1')));

describe('LineReader', () => {
  it('joins a line split across chunks, drops CR and shows control characters visibly', () => {
    const events = feed(new LineReader(LIMITS, false), '+OK hel', 'lo\x1b[31m\r\n+OK two\r\n');
    expect(events).toEqual([
      { kind: 'line', text: '+OK hello⟨U+001B⟩[31m', bytes: 16 },
      { kind: 'line', text: '+OK two', bytes: 9 },
    ]);
  });

  it('fails a line longer than the cap as soon as it crosses it, without waiting for its end', () => {
    const events = feed(new LineReader(LIMITS, false), 'x'.repeat(40), 'x'.repeat(40));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'failure', failure: { kind: 'line-too-long' } });
  });

  it('reads an IMAP literal into its line, then the rest of the line', () => {
    const events = feed(new LineReader(LIMITS, true), '* ID ("name" {7}\r\nDov', 'ecot)\r\n');
    expect(events).toEqual([{ kind: 'line', text: '* ID ("name" {7}Dovecot)', bytes: 28 }]);
  });

  it('refuses an announced literal over the cap at once (RFC 9051 section 4.3)', () => {
    const events = feed(new LineReader(LIMITS, true), '* CAPABILITY {999999999}\r\n');
    expect(events[0]).toMatchObject({ kind: 'failure', failure: { kind: 'literal-too-large' } });
  });

  it('treats {N} as text when literals are off (POP3)', () => {
    const events = feed(new LineReader(LIMITS, false), '+OK {999999999}\r\n');
    expect(events).toEqual([{ kind: 'line', text: '+OK {999999999}', bytes: 17 }]);
  });
});
