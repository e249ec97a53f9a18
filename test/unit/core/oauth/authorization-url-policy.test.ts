/** Which addresses Mailwarden hands to the system browser: https: only, without credentials in them. */
import { describe, expect, it } from 'vitest';
import { isOpenableAuthorizationUrl } from '../../../../main/core/oauth/authorization-url-policy';

describe('authorization URL policy', () => {
  it.each([
    'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=x',
    'https://accounts.google.com/o/oauth2/v2/auth?access_type=offline',
    'https://127.0.0.1:8443/auth?client_id=test',
  ])('opens %s', (url) => {
    expect(isOpenableAuthorizationUrl(url)).toBe(true);
  });

  it.each([
    'http://login.example.com/auth',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<h1>x</h1>',
    'smb://server/share',
    'https://user:pass@login.example.com/auth',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isOpenableAuthorizationUrl(url)).toBe(false);
  });
});
