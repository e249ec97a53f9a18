import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../../../preload/contract/findings';
import { findingFactory } from '../../../../main/core/findings/finding-factory';
import type { LoginEvidence } from '../../../../main/core/knowledge/auth-evidence';
import { AUTH_KNOWLEDGE, classifyAuthReply } from '../../../../main/core/knowledge/auth-knowledge';
import type { KnowledgeTable } from '../../../../main/core/knowledge/knowledge-entry';

const finding = findingFactory(AUTH_KNOWLEDGE);
/** Untyped, as the catalogue words a finding from whatever evidence a report holds. */
const anyEvidenceFinding = findingFactory<KnowledgeTable>(AUTH_KNOWLEDGE);
const IDS = Object.keys(AUTH_KNOWLEDGE);
const EVIDENCE: LoginEvidence = {
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls',
  address: '192.0.2.1',
  outcome: 'rejected',
  mechanism: 'PLAIN',
  reply: { code: 535, enhancedCode: '5.7.8', text: 'Error: authentication failed' },
  mechanismsBeforeTls: ['PLAIN', 'LOGIN'],
  mechanismsAfterTls: ['PLAIN'],
  startTlsOffered: false,
  tlsAuthorized: false,
  authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
  fingerprintSha256: 'AB:CD',
  tlsProtocol: 'TLSv1.3',
  failure: 'No reply within 15 s.',
  failureKind: 'timeout',
  elapsedMs: 1200,
  presetId: null,
};

describe('AUTH_KNOWLEDGE', () => {
  it('uses stable lowercase dotted ids of the form auth.<subject>.<state>', () => {
    for (const id of IDS) expect(id).toMatch(/^auth\.[a-z0-9-]+\.[a-z0-9-]+$/);
  });

  it('words every finding for a person, even with missing evidence, and cites a reference', () => {
    for (const id of IDS) {
      for (const evidence of [{ ...EVIDENCE, reason: 'NXDOMAIN', resolver: 'system' }, {}]) {
        const made = anyEvidenceFinding(id, 'auth:smtp.example.com:587', evidence);
        const words = [made.title, made.explanation, ...made.fix.steps].join('\n');
        expect(words, id).not.toMatch(/undefined|\[object|NaN/);
        expect(SEVERITIES).toContain(made.severity);
        expect(made.references.length, id).toBeGreaterThan(0);
        if (made.severity !== 'pass' && made.severity !== 'info')
          expect(made.fix.steps.length, id).toBeGreaterThan(0);
        if (made.severity === 'pass') expect(made.fix.steps, id).toEqual([]);
      }
    }
  });
});

describe('provider steps', () => {
  it('gives Zoho, iCloud and Google accounts their own fix for a refused password', () => {
    const made = finding('auth.login.bad-credentials', 'auth:smtp.zoho.eu:465', {
      ...EVIDENCE,
      provider: null,
    });
    expect(made.fix.providerSteps?.['zoho-eu']?.join(' ')).toContain('App Passwords');
    expect(made.fix.providerSteps?.['icloud']?.join(' ')).toContain('App-Specific Passwords');
    expect(made.fix.providerSteps?.['gmail']?.join(' ')).toContain('App passwords');
  });
});

describe('classifyAuthReply', () => {
  const cases: [number, string | null, string, string | null, string, string | null][] = [
    // code, enhanced, text, mechanism -> id, provider (replies as in shared/reference/providers.md)
    [
      534,
      '5.7.9',
      'Application-specific password required. https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp',
      'PLAIN',
      'auth.login.gmail-app-password-required',
      'gmail',
    ],
    [
      534,
      '5.7.14',
      '<https://accounts.google.com/signin/continue?...> Please log in via your web browser - gsmtp',
      'PLAIN',
      'auth.login.gmail-web-login-required',
      'gmail',
    ],
    [
      535,
      '5.7.8',
      'Username and Password not accepted. https://support.google.com/mail/?p=BadCredentials - gsmtp',
      'LOGIN',
      'auth.login.gmail-bad-credentials',
      'gmail',
    ],
    [
      535,
      '5.7.139',
      'Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.',
      'LOGIN',
      'auth.login.m365-smtp-auth-disabled',
      'microsoft-365',
    ],
    [
      535,
      '5.7.139',
      'Authentication unsuccessful, basic authentication is disabled.',
      'LOGIN',
      'auth.login.oauth-required',
      'microsoft-365',
    ],
    [
      550,
      '5.7.30',
      'Basic authentication is not supported for Client Submission.',
      'LOGIN',
      'auth.login.oauth-required',
      'microsoft-365',
    ],
    [
      535,
      '5.7.139',
      'Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully.',
      'LOGIN',
      'auth.login.m365-conditional-access',
      'microsoft-365',
    ],
    [
      535,
      '5.7.139',
      "Authentication unsuccessful, user is locked by your organization's security defaults policy.",
      'LOGIN',
      'auth.login.m365-security-defaults',
      'microsoft-365',
    ],
    [
      535,
      '5.7.139',
      'Authentication unsuccessful, the user credentials were incorrect.',
      'LOGIN',
      'auth.login.m365-bad-credentials',
      'microsoft-365',
    ],
    [
      535,
      '5.7.3',
      'Authentication unsuccessful [AM0PR02CA0001.eurprd02.prod.outlook.com]',
      'XOAUTH2',
      'auth.login.token-rejected',
      null,
    ],
    [
      535,
      '5.7.3',
      'Authentication unsuccessful [AM0PR02CA0001.eurprd02.prod.outlook.com]',
      'LOGIN',
      'auth.login.m365-auth-failed',
      'microsoft-365',
    ],
    [
      535,
      '5.7.0',
      '(#AUTH005) Too many bad auth attempts.',
      'PLAIN',
      'auth.login.yahoo-app-password',
      'yahoo',
    ],
    [
      535,
      null,
      'Authentication Credentials Invalid',
      'PLAIN',
      'auth.login.ses-credentials-invalid',
      'amazon-ses',
    ],
    [
      535,
      null,
      'Authentication failed: Bad username / password',
      'PLAIN',
      'auth.login.sendgrid-bad-credentials',
      'sendgrid',
    ],
    [535, '5.7.0', 'Invalid login or password', 'LOGIN', 'auth.login.brevo-bad-credentials', 'brevo'],
    [535, null, 'Authentication Failed', 'PLAIN', 'auth.login.bad-credentials', null],
    [
      535,
      '5.7.8',
      'Error: authentication failed: authentication failure',
      'PLAIN',
      'auth.login.bad-credentials',
      null,
    ],
    [454, '4.7.0', 'Temporary authentication failure', 'PLAIN', 'auth.login.temporary-failure', null],
    [530, '5.7.0', 'Must issue a STARTTLS command first', 'PLAIN', 'auth.login.tls-required', null],
    [534, '5.7.9', 'Authentication mechanism is too weak', 'CRAM-MD5', 'auth.login.mechanism-too-weak', null],
    [
      538,
      '5.7.11',
      'Encryption required for requested authentication mechanism',
      'PLAIN',
      'auth.login.encryption-required',
      null,
    ],
    [535, '5.7.8', 'Username and Password not accepted', 'XOAUTH2', 'auth.login.token-rejected', null],
    [599, null, 'Something new', 'PLAIN', 'auth.login.rejected', null],
  ];
  it.each(cases)('%i %s "%s" (%s) -> %s', (code, enhancedCode, text, mechanism, id, provider) => {
    const host = provider === 'amazon-ses' ? 'email-smtp.eu-west-1.amazonaws.com' : 'smtp.example.com';
    expect(classifyAuthReply({ code, enhancedCode, text }, mechanism, host)).toEqual({ id, provider });
  });

  it('reads Microsoft’s generic 535 5.7.3 to a password as "use OAuth" only from a Microsoft server', () => {
    const reply = {
      code: 535,
      enhancedCode: '5.7.3',
      text: 'Authentication unsuccessful [AM0PR02CA0001.eurprd02.prod.outlook.com]',
    };
    expect(classifyAuthReply(reply, 'LOGIN', 'smtp.office365.com', 'microsoft')).toEqual({
      id: 'auth.login.oauth-required',
      provider: 'microsoft-365',
    });
    expect(classifyAuthReply(reply, 'XOAUTH2', 'smtp.office365.com', 'microsoft').id).toBe(
      'auth.login.token-rejected',
    );
    expect(classifyAuthReply(reply, 'LOGIN', 'smtp.example.com', null).id).toBe(
      'auth.login.m365-auth-failed',
    );
  });

  it('reads any 535 5.7.8 to a password on a Google server as "use Google sign-in or an app password"', () => {
    const reply = { code: 535, enhancedCode: '5.7.8', text: 'Username and Password not accepted.' };
    expect(classifyAuthReply(reply, 'PLAIN', 'smtp.gmail.com', 'google')).toEqual({
      id: 'auth.login.gmail-bad-credentials',
      provider: 'gmail',
    });
    expect(classifyAuthReply(reply, 'PLAIN', 'mail.example.org', null).id).toBe('auth.login.bad-credentials');
  });

  it("blames Amazon SES only for SES's own servers, not for RFC 4954's generic 535 wording", () => {
    const reply = { code: 535, enhancedCode: '5.7.8', text: 'Authentication credentials invalid' };
    expect(classifyAuthReply(reply, 'PLAIN', 'mail.example.org')).toEqual({
      id: 'auth.login.bad-credentials',
      provider: null,
    });
  });
});
describe('auth.cleartext.offered wording', () => {
  it('stays true when the login went ahead after an upgrade the server did not advertise', () => {
    const entry = AUTH_KNOWLEDGE['auth.cleartext.offered'];
    const text =
      typeof entry.explanation === 'function'
        ? entry.explanation({ ...EVIDENCE, host: 'h.test', mechanismsBeforeTls: ['PLAIN'] })
        : entry.explanation;
    expect(text).not.toContain('without sending a password');
    expect(text).toContain('before any password was sent');
  });
});

describe('the untrusted-certificate login finding', () => {
  it('says what is wrong with the certificate in words, keeping the library code out of the prose', () => {
    const made = findingFactory(AUTH_KNOWLEDGE)('auth.tls.untrusted', 'auth:h:587', {
      ...EVIDENCE,
      host: 'h',
      port: 587,
      authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN',
      fingerprintSha256: 'AB:CD',
    });
    expect(made.explanation).toContain(
      'ends in a private root certificate that this computer does not trust',
    );
    expect(made.explanation).not.toContain('SELF_SIGNED_CERT_IN_CHAIN');
    expect(made.evidence['authorizationError']).toBe('SELF_SIGNED_CERT_IN_CHAIN');
    expect(made.fix.steps.join(' ')).toContain('“Allow this certificate for one test”');
  });
});
