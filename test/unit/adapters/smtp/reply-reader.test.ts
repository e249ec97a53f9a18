import { describe, expect, it } from 'vitest';
import { ReplyReader, type ReaderEvent } from '../../../../main/adapters/smtp/reply-reader';

const LIMITS = { maxReplyLineBytes: 64, maxReplyLines: 5, maxReplyBytes: 200 };

function feed(...chunks: string[]): ReaderEvent[] {
  const reader = new ReplyReader(LIMITS);
  return chunks.flatMap((chunk) => reader.push(Buffer.from(chunk, 'latin1')));
}

function replies(events: readonly ReaderEvent[]): unknown[] {
  return events.flatMap((event) => (event.kind === 'reply' ? [event.parsed.reply] : []));
}

function failureKind(events: readonly ReaderEvent[]): string | null {
  const failure = events.find((event) => event.kind === 'failure');
  return failure?.kind === 'failure' ? failure.failure.kind : null;
}

describe('ReplyReader', () => {
  it('joins a multi-line 250- reply across chunks and reads the enhanced code', () => {
    const events = feed('250-mail.test he', 'llo\r\n250-PIPELINING\r\n25', '0 2.0.0 SIZE 100\r\n');
    expect(replies(events)).toEqual([
      { code: 250, enhancedCode: null, lines: ['mail.test hello', 'PIPELINING', '2.0.0 SIZE 100'] },
    ]);
  });

  it('reads the RFC 3463 enhanced code from the first line', () => {
    expect(
      replies(feed('535-5.7.8 Username and Password not accepted.\r\n535 5.7.8 Learn more\r\n')),
    ).toEqual([
      {
        code: 535,
        enhancedCode: '5.7.8',
        lines: ['5.7.8 Username and Password not accepted.', '5.7.8 Learn more'],
      },
    ]);
  });

  it('accepts a bare code as the last line and a bare LF as the line end', () => {
    expect(replies(feed('354\n'))).toEqual([{ code: 354, enhancedCode: null, lines: [''] }]);
  });

  it('returns several replies from one chunk in order', () => {
    const events = feed('220 hi\r\n250 ok\r\n');
    expect(replies(events).map((reply) => (reply as { code: number }).code)).toEqual([220, 250]);
  });

  it('does not take an enhanced code of another class than the reply', () => {
    expect(replies(feed('550 2.0.0 odd\r\n'))).toEqual([
      { code: 550, enhancedCode: null, lines: ['2.0.0 odd'] },
    ]);
  });

  it.each([
    ['a four-digit code', '2500 hello\r\n'],
    ['plain text', 'hello there\r\n'],
    ['a code out of range', '199 hi\r\n'],
    ['a code followed by a letter', '250x\r\n'],
    ['a code that changes between lines', '250-a\r\n251 b\r\n'],
  ])('rejects %s as malformed-reply', (_label, text) => {
    expect(failureKind(feed(text))).toBe('malformed-reply');
  });

  it('fails a line with no CRLF as soon as it crosses the cap, keeping no more than the cap', () => {
    const reader = new ReplyReader(LIMITS);
    expect(reader.push(Buffer.from('220 ' + 'A'.repeat(40)))).toEqual([]);
    const events = reader.push(Buffer.from('B'.repeat(10_000)));
    expect(failureKind(events)).toBe('line-too-long');
    const failure = events[0];
    expect(failure?.kind === 'failure' ? failure.failure.partial?.length : 0).toBeLessThanOrEqual(64);
    // After the failure the reader holds nothing and ignores what follows.
    expect(reader.pendingBytes()).toBe(0);
    expect(reader.push(Buffer.from('250 ok\r\n'))).toEqual([]);
  });

  it('counts the CRLF in the line cap (RFC 5321 section 4.5.3.1.5)', () => {
    expect(failureKind(feed(`250 ${'x'.repeat(58)}\r\n`))).toBeNull();
    expect(failureKind(feed(`250 ${'x'.repeat(59)}\r\n`))).toBe('line-too-long');
  });

  it('fails a reply of too many lines, and one too large in bytes', () => {
    expect(failureKind(feed('250-a\r\n'.repeat(6)))).toBe('too-many-lines');
    const reader = new ReplyReader({ ...LIMITS, maxReplyLines: 100 });
    const events = reader.push(Buffer.from(`250-${'y'.repeat(50)}\r\n`.repeat(5)));
    expect(failureKind(events)).toBe('reply-too-large');
  });

  it('shows control characters in the text visibly, keeping the partial reply as evidence', () => {
    const reader = new ReplyReader(LIMITS);
    expect(replies(reader.push(Buffer.from('220 a\u001b[2Jb\u0000c\r\n')))).toEqual([
      { code: 220, enhancedCode: null, lines: ['a⟨U+001B⟩[2Jb⟨U+0000⟩c'] },
    ]);
    reader.push(Buffer.from('250-first\r\n250-sec'));
    expect(reader.partial()).toBe('250-first\n250-sec');
    expect(reader.discard()).toBe('250-first\n250-sec');
    expect(reader.pendingBytes()).toBe(0);
  });
});
