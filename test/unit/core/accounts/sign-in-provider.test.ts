import { describe, expect, it } from 'vitest';
import { signInProviderOf } from '../../../../main/core/accounts/sign-in-provider';

describe('signInProviderOf', () => {
  it.each([
    ['smtp.office365.com', 'microsoft'],
    ['outlook.office365.com', 'microsoft'],
    ['smtp-mail.outlook.com', 'microsoft'],
    ['contoso-com.mail.protection.outlook.com', 'microsoft'],
    ['SMTP.Office365.com.', 'microsoft'],
    ['smtp.gmail.com', 'google'],
    ['imap.gmail.com', 'google'],
    ['aspmx.l.google.com', 'google'],
    ['smtp.example.com', null],
    ['office365.com.example.org', null],
    ['notoutlook.com', null],
  ] as const)('recognises %s by its name as %s', (host, provider) => {
    expect(signInProviderOf(host, null)).toBe(provider);
  });

  it('knows a provider from the account’s preset when its server has a name of its own', () => {
    expect(signInProviderOf('mail.contoso.example', 'microsoft-365')).toBe('microsoft');
    expect(signInProviderOf('mail.contoso.example', 'google-workspace')).toBe('google');
    expect(signInProviderOf('mail.contoso.example', 'fastmail')).toBeNull();
  });

  it('still knows a Microsoft server by name when the preset is another provider’s', () => {
    expect(signInProviderOf('smtp.office365.com', 'fastmail')).toBe('microsoft');
  });
});
