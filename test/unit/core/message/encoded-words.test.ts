import { describe, expect, it } from 'vitest';
import { decodeEncodedWords } from '../../../../main/core/message/encoded-words';

describe('decodeEncodedWords', () => {
  it('decodes B and Q words and drops the space between adjacent words (RFC 2047 section 6.2)', () => {
    expect(decodeEncodedWords('=?UTF-8?B?R3LDvMOfZQ==?= =?ISO-8859-1?Q?_aus_K=F6ln?=')).toBe(
      'Grüße aus Köln',
    );
  });

  it('leaves a word in an unknown charset as written', () => {
    expect(decodeEncodedWords('=?x-unknown?B?YQ==?=')).toBe('=?x-unknown?B?YQ==?=');
  });
});
