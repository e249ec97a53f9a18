import { describe, expect, it } from 'vitest';
import { measureMimeDepth } from '../../../../main/core/message/mime-depth';

describe('measureMimeDepth', () => {
  it('counts an alternative inside a mixed message as two levels (RFC 2046 section 5.1.1)', () => {
    const body = [
      '--outer',
      'Content-Type: multipart/alternative; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/plain',
      '',
      'hi',
      '--inner--',
      '--outer',
      'Content-Type: application/pdf',
      '',
      'JVBERi0=',
      '--outer--',
    ].join('\r\n');
    expect(measureMimeDepth('multipart/mixed; boundary=outer', body)).toEqual({ depth: 2, tooDeep: false });
  });

  it('gives 0 for a single-part message and ignores "--" lines that are no boundary', () => {
    expect(measureMimeDepth('text/plain', '-- \r\nsignature\r\n')).toEqual({ depth: 0, tooDeep: false });
  });
});
