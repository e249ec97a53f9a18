import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../../../main/adapters/smtp/nodemailer-auth-redaction';

const USER = 'alice@example.com';
const SECRET = 'Canary-Redact-55e1';
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('createRedactor', () => {
  const redactor = createRedactor([SECRET], USER);

  it('keeps the AUTH verb and mechanism and hides any initial response', () => {
    expect(redactor.authCommand(`AUTH PLAIN ${b64(`\u0000${USER}\u0000${SECRET}`)}`)).toBe(
      `AUTH PLAIN ${REDACTED}`,
    );
    expect(redactor.authCommand('AUTH LOGIN')).toBe('AUTH LOGIN');
    expect(redactor.authCommand('AUTH XOAUTH2 dXNlcj1h')).toBe(`AUTH XOAUTH2 ${REDACTED}`);
  });

  it('scrubs the secret in clear, in base64, and inside a PLAIN or XOAUTH2 payload', () => {
    const forms = [
      SECRET,
      b64(SECRET),
      b64(`\u0000${USER}\u0000${SECRET}`),
      b64(`user=${USER}\u0001auth=Bearer ${SECRET}\u0001\u0001`),
    ];
    for (const form of forms) {
      const scrubbed = redactor.scrub(`535 you sent ${form} and that is wrong`);
      expect(scrubbed).not.toContain(form);
      expect(scrubbed).toContain(REDACTED);
    }
  });

  it('scrubs every encoding a server might echo: hex, spaced, quoted-printable, URL-encoded', () => {
    const secret = 'Pä ss=w%rd!';
    const bytes = Buffer.from(secret, 'utf8');
    const forms = [
      secret,
      bytes.toString('hex'),
      bytes.toString('hex').toUpperCase(),
      [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(' '),
      [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(':'),
      Array.from(secret).join(' '),
      'P=C3=A4 ss=3Dw%rd!',
      'P=c3=a4=20ss=3dw=25rd=21',
      encodeURIComponent(secret),
      encodeURIComponent(secret).toLowerCase(),
      'P%C3%A4+ss%3Dw%25rd%21',
      b64(secret),
      b64(secret).replace(/=+$/, ''),
    ];
    const scrubber = createRedactor([secret], USER);
    for (const form of forms) {
      const scrubbed = scrubber.scrub(`535 you sent "${form}" and that is wrong`);
      expect(scrubbed, form).toBe(`535 you sent "${REDACTED}" and that is wrong`);
    }
  });

  it('scrubs a password of any length, even one or two characters', () => {
    expect(createRedactor(['ab'], USER).scrub('535 bad password ab (hex 6162)')).toBe(
      `535 bad password ${REDACTED} (hex ${REDACTED})`,
    );
    expect(createRedactor(['7'], USER).scrub('535 got 7')).toBe(`535 got ${REDACTED}`);
  });

  it('leaves text without secrets alone', () => {
    expect(redactor.scrub('250 2.0.0 OK')).toBe('250 2.0.0 OK');
    expect(createRedactor([''], USER).scrub('250 OK')).toBe('250 OK');
  });
});
