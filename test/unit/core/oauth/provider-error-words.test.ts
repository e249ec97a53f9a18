/**
 * Provider errors that come back on the browser's redirect (RFC 6749 section 4.1.2.1) rather than from
 * the token endpoint, shaped as Microsoft and Google send them: the words name the fix; an error
 * Mailwarden does not know gets no words (the caller quotes the provider).
 */
import { describe, expect, it } from 'vitest';
import { providerErrorWords } from '../../../../main/core/oauth/provider-error-words';

describe('provider error words', () => {
  it('explains AADSTS50020 (an account of another organisation, or a personal one) from the description alone', () => {
    const words = providerErrorWords(
      'access_denied',
      "AADSTS50020: User account 'ann@outlook.com' from identity provider 'live.com' does not exist in tenant 'Contoso' and cannot access the application '4b0db8c2-9f26-4417-8bde-3f0e3656f8e0'(Mailwarden) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.\r\nTrace ID: 0f5c6a0e\r\nCorrelation ID: 7a8b9c0d\r\nTimestamp: 2026-12-06 10:12:31Z",
    );
    expect(words).toContain('Sign in with the work or school account of this mailbox');
    expect(words).not.toContain('ann@outlook.com');
  });

  it.each([
    [
      'interaction_required',
      'AADSTS50079: Due to a configuration change made by your administrator, or because you moved to a new location, you are required to enroll in multi-factor authentication.',
      'setting up the Authenticator app',
    ],
    [
      'consent_required',
      "AADSTS65001: The user or administrator has not consented to use the application with ID '4b0db8c2' named 'Mailwarden'.",
      'Grant admin consent',
    ],
  ])('explains Microsoft %s with its AADSTS code', (error, description, expected) => {
    expect(providerErrorWords(error, description)).toContain(expected);
  });

  it('reads Microsoft’s code from error_codes when the description is cut short', () => {
    expect(providerErrorWords('invalid_client', 'AADSTS7000', [7000218])).toContain(
      'Allow public client flows',
    );
  });

  it('explains Google’s org_internal and admin_policy_enforced', () => {
    expect(providerErrorWords('org_internal', undefined)).toContain('registered as "Internal"');
    expect(providerErrorWords('admin_policy_enforced', undefined)).toContain(
      'marks the client ID as trusted',
    );
  });

  it('has no words for errors it does not know, nor for names inherited from Object', () => {
    expect(providerErrorWords('temporarily_unavailable', 'try later')).toBeNull();
    expect(providerErrorWords('constructor', undefined)).toBeNull();
    expect(providerErrorWords('server_error', 'AADSTS90999: something new')).toBeNull();
  });
});
