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

  it('leaves text without secrets alone, and ignores secrets too short to scrub safely', () => {
    expect(redactor.scrub('250 2.0.0 OK')).toBe('250 2.0.0 OK');
    expect(createRedactor(['ab'], USER).scrub('tab stop')).toBe('tab stop');
  });
});
