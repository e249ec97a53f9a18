import { describe, expect, it } from 'vitest';
import { missingScope } from '../../../../main/core/oauth/mail-scopes';

describe('the scope a mail login needs', () => {
  it('finds SMTP.Send missing from a Microsoft token that can only read mail', () => {
    expect(
      missingScope('microsoft', 'smtp', ['https://outlook.office.com/IMAP.AccessAsUser.All', 'openid']),
    ).toEqual({
      provider: 'microsoft',
      scope: 'https://outlook.office.com/SMTP.Send',
      granted: ['https://outlook.office.com/IMAP.AccessAsUser.All', 'openid'],
    });
  });

  it('accepts Microsoft’s permission by its name, whichever resource spelling the token response uses', () => {
    expect(missingScope('microsoft', 'smtp', ['https://outlook.office365.com/SMTP.Send'])).toBeNull();
    expect(missingScope('microsoft', 'pop3', ['pop.accessasuser.all', 'offline_access'])).toBeNull();
  });

  it('needs Google’s one mail scope for every protocol', () => {
    expect(missingScope('google', 'imap', ['openid', 'email'])?.scope).toBe('https://mail.google.com/');
    expect(missingScope('google', 'smtp', ['https://mail.google.com/'])).toBeNull();
  });

  it('judges nothing when the provider did not list the scopes (RFC 6749 5.1) or names no mail scope', () => {
    expect(missingScope('microsoft', 'smtp', [])).toBeNull();
    expect(missingScope('oidc', 'smtp', ['openid'])).toBeNull();
  });
});
