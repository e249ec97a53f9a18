import { describe, expect, it } from 'vitest';
import {
  authMechanisms,
  fingerprintAllowed,
  parseReply,
} from '../../../../main/adapters/smtp/nodemailer-auth-facts';

const FINGERPRINT = Array.from({ length: 32 }, (_, i) =>
  (i * 7).toString(16).padStart(2, '0').toUpperCase(),
).join(':');
const facts = {
  protocol: 'TLSv1.3',
  authorized: false,
  authorizationError: 'x',
  fingerprintSha256: FINGERPRINT,
  subject: null,
};

describe('parseReply', () => {
  it('reads code, enhanced code and the text of every line of a multi-line reply', () => {
    const reply = parseReply(
      '534-5.7.9 Application-specific password required. For more information, go to\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp',
    );
    expect(reply.code).toBe(534);
    expect(reply.enhancedCode).toBe('5.7.9');
    expect(reply.text).toBe(
      'Application-specific password required. For more information, go to  https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp',
    );
  });

  it('copes with a reply without an enhanced code, and with garbage', () => {
    expect(parseReply('535 Authentication Credentials Invalid')).toEqual({
      code: 535,
      enhancedCode: null,
      text: 'Authentication Credentials Invalid',
    });
    expect(parseReply('garbage').code).toBe(0);
  });
});

describe('authMechanisms', () => {
  it('lists the AUTH line, in the modern and the old "AUTH=" form, without duplicates', () => {
    expect(
      authMechanisms('250-mail.test\n250-AUTH PLAIN LOGIN\n250-AUTH=LOGIN CRAM-MD5\n250 SIZE 10'),
    ).toEqual(['PLAIN', 'LOGIN', 'CRAM-MD5']);
    expect(authMechanisms('250-mail.test\n250 STARTTLS')).toEqual([]);
  });
});

describe('fingerprintAllowed', () => {
  it('matches the presented fingerprint in any case and with or without colons', () => {
    expect(fingerprintAllowed(facts, FINGERPRINT)).toBe(true);
    expect(fingerprintAllowed(facts, FINGERPRINT.replace(/:/g, '').toLowerCase())).toBe(true);
  });

  it('refuses another, a partial, or no fingerprint', () => {
    expect(fingerprintAllowed(facts, '00'.repeat(32))).toBe(false);
    expect(fingerprintAllowed(facts, FINGERPRINT.slice(0, 20))).toBe(false);
    expect(fingerprintAllowed(facts, undefined)).toBe(false);
    expect(fingerprintAllowed({ ...facts, fingerprintSha256: null }, FINGERPRINT)).toBe(false);
  });
});

describe('parseReply', () => {
  it('shows control characters a hostile server could use instead of passing them on', () => {
    expect(parseReply('535 5.7.8 ok\u001b[31m red\u0000').text).toBe('ok⟨U+001B⟩[31m red⟨U+0000⟩');
  });
});
