import { describe, expect, it } from 'vitest';
import { readAuthenticationResults } from '../../../../main/core/message/authentication-results';

describe('readAuthenticationResults', () => {
  it('reads Gmail’s results with their comments and properties (RFC 8601 section 2.2)', () => {
    const value =
      'mx.google.com; dkim=pass header.i=@example.com header.s=s1 header.b=abc; spf=pass (google.com: domain of a@example.com designates 198.51.100.20 as permitted sender) smtp.mailfrom=a@example.com; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com';
    expect(readAuthenticationResults(value)).toEqual({
      authservId: 'mx.google.com',
      verdicts: [
        { method: 'dkim', result: 'pass', subject: 'example.com' },
        { method: 'spf', result: 'pass', subject: 'a@example.com' },
        { method: 'dmarc', result: 'pass', subject: 'example.com' },
      ],
    });
  });

  it('ignores a semicolon inside a comment and methods it does not compare', () => {
    const value =
      'mx.example.net (version; 1); iprev=pass policy.iprev=192.0.2.1; dkim=fail (bad; signature) header.d=x.test';
    expect(readAuthenticationResults(value)?.verdicts).toEqual([
      { method: 'dkim', result: 'fail', subject: 'x.test' },
    ]);
  });

  it('gives nothing for a missing field, and no verdicts for "none"', () => {
    expect(readAuthenticationResults(undefined)).toBeNull();
    expect(readAuthenticationResults('mx.example.net; none')).toEqual({
      authservId: 'mx.example.net',
      verdicts: [],
    });
  });
});
