/** What each provider is asked for: the scopes mail needs and a refresh token the way it wants it. */
import { describe, expect, it } from 'vitest';
import { PROVIDER_PROFILES } from '../../../../main/core/oauth/oauth-providers';

describe('OAuth provider profiles', () => {
  it('asks Microsoft 365 for SMTP, IMAP and POP access and offline_access with a consent prompt', () => {
    const microsoft = PROVIDER_PROFILES.microsoft;
    expect(microsoft.defaultIssuer).toBe('https://login.microsoftonline.com/organizations/v2.0');
    expect(microsoft.scopes).toEqual(
      expect.arrayContaining([
        'https://outlook.office.com/SMTP.Send',
        'https://outlook.office.com/IMAP.AccessAsUser.All',
        'https://outlook.office.com/POP.AccessAsUser.All',
        'offline_access',
        'openid',
        'email',
      ]),
    );
    expect(microsoft.refreshTokenParameters).toEqual({ prompt: 'consent' });
  });

  it('asks Google for full mail access and a refresh token with access_type=offline', () => {
    expect(PROVIDER_PROFILES.google.defaultIssuer).toBe('https://accounts.google.com');
    expect(PROVIDER_PROFILES.google.scopes).toContain('https://mail.google.com/');
    expect(PROVIDER_PROFILES.google.refreshTokenParameters).toEqual({
      access_type: 'offline',
      prompt: 'consent',
    });
  });

  it('has no issuer of its own for a generic OpenID provider: the person gives one', () => {
    expect(PROVIDER_PROFILES.oidc.defaultIssuer).toBeNull();
    expect(PROVIDER_PROFILES.oidc.scopes).toContain('offline_access');
  });
});
