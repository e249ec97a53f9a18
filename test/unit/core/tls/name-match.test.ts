import { describe, expect, it } from 'vitest';
import { matchCertificateName } from '../../../../main/core/tls/name-match';

const NO_CN = 'O=Example';

describe('matchCertificateName (RFC 6125 section 6.4)', () => {
  it('matches a DNS name exactly, ignoring case and a final dot', () => {
    const sans = ['DNS:Mail.Example.COM', 'IP Address:127.0.0.1'];
    expect(matchCertificateName('mail.example.com.', sans, NO_CN).matchedName).toBe('Mail.Example.COM');
    expect(matchCertificateName('smtp.example.com', sans, NO_CN)).toEqual({
      matchedName: null,
      certificateNames: ['Mail.Example.COM', '127.0.0.1'],
    });
  });

  it('lets a wildcard stand for exactly one left-most label', () => {
    const sans = ['DNS:*.example.com'];
    expect(matchCertificateName('mail.example.com', sans, NO_CN).matchedName).toBe('*.example.com');
    expect(matchCertificateName('example.com', sans, NO_CN).matchedName).toBeNull();
    expect(matchCertificateName('a.mail.example.com', sans, NO_CN).matchedName).toBeNull();
  });

  it('refuses partial and over-broad wildcards', () => {
    expect(matchCertificateName('mail.example.com', ['DNS:m*.example.com'], NO_CN).matchedName).toBeNull();
    expect(matchCertificateName('example.com', ['DNS:*.com'], NO_CN).matchedName).toBeNull();
    expect(matchCertificateName('mail.example.com', ['DNS:*.*.com'], NO_CN).matchedName).toBeNull();
  });

  it('matches an address only against IP entries, IPv6 in any spelling', () => {
    const sans = ['DNS:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1'];
    expect(matchCertificateName('127.0.0.1', sans, NO_CN).matchedName).toBeNull();
    expect(matchCertificateName('[::1]', sans, NO_CN).matchedName).toBe('0:0:0:0:0:0:0:1');
    expect(matchCertificateName('127.0.0.1', ['IP Address:127.0.0.1'], NO_CN).matchedName).toBe('127.0.0.1');
  });

  it('uses the common name only when there is no DNS name at all (RFC 6125 section 6.4.4)', () => {
    expect(matchCertificateName('mail.example.com', [], 'CN=mail.example.com, O=Example')).toEqual({
      matchedName: 'mail.example.com',
      certificateNames: ['mail.example.com'],
    });
    expect(
      matchCertificateName('mail.example.com', ['DNS:other.example.com'], 'CN=mail.example.com').matchedName,
    ).toBeNull();
  });
});
