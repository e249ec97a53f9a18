import { describe, expect, it } from 'vitest';
import { readMessage, type ReadHeader } from '../../../../main/core/message/read-message';

const read = (text: string): ReadHeader => {
  const result = readMessage(Buffer.from(text, 'utf8'));
  if (result.kind !== 'read') throw new Error(`not read: ${result.kind}`);
  return result;
};

describe('readMessage', () => {
  it('unfolds fields (RFC 5322 section 2.2.3) with CRLF and with bare LF', () => {
    for (const eol of ['\r\n', '\n']) {
      const header = read(['Subject: a long', '\tsubject', 'From: a@example.com', '', 'body'].join(eol));
      expect(header.fields).toEqual([
        { name: 'subject', value: 'a long\tsubject' },
        { name: 'from', value: 'a@example.com' },
      ]);
      expect(header.hasBody).toBe(true);
    }
  });

  it('tells a header paste from a message, an empty line with nothing after it included', () => {
    expect(read('From: a@example.com\r\n').hasBody).toBe(false);
    expect(read('From: a@example.com\r\n\r\n').hasBody).toBe(false);
    expect(read('From: a@example.com\r\n\r\nx').hasBody).toBe(true);
  });

  it('reads UTF-8 header text (RFC 6532) and keeps other 8-bit bytes as Latin-1', () => {
    expect(read('Subject: Grüße\r\n\r\nx').fields[0]?.value).toBe('Grüße');
    const latin1 = readMessage(Buffer.from('Subject: Gr\xfc\xdfe\r\n\r\nx', 'latin1'));
    expect(latin1.kind === 'read' ? latin1.fields[0]?.value : null).toBe('Grüße');
  });

  it('names over-long lines and counts fields past the limit without keeping them', () => {
    const header = read(`X-Long: ${'a'.repeat(1000)}\r\n${'X-N: 1\r\n'.repeat(1200)}\r\nx`);
    expect(header.longLineFields).toEqual(['x-long']);
    expect(header.fieldCount).toBe(1201);
    expect(header.fields).toHaveLength(1000);
  });

  it('says there is no header when the input starts with its body', () => {
    expect(readMessage(Buffer.from('\r\nHello')).kind).toBe('no-header');
    expect(readMessage(Buffer.alloc(0)).kind).toBe('no-header');
  });
});
