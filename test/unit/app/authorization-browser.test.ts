/**
 * The OAuth policy of the main process (issue 17): the authorization URL goes to the person's own
 * browser only when it is https: (the loopback test issuer included), and a provider's page is never
 * loaded in a Mailwarden window. No Electron here: the opener is given a recorder for shell.openExternal.
 */
import { describe, expect, it } from 'vitest';
import { createAuthorizationBrowser } from '../../../main/app/authorization-browser';
import { isAllowedNavigation, windowOpenDecision } from '../../../main/app/security-policy';

const MICROSOFT_PAGE =
  'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=abc&response_type=code' +
  '&redirect_uri=http%3A%2F%2F127.0.0.1%3A49152%2F&code_challenge_method=S256&state=xyz';
const LOOPBACK_TEST_ISSUER_PAGE = 'https://127.0.0.1:40123/auth?client_id=mailwarden-native-test&state=s';

function recordingBrowser(fails = false) {
  const opened: string[] = [];
  const open = createAuthorizationBrowser((url) => {
    opened.push(url);
    return fails ? Promise.reject(new Error('xdg-open: not found')) : Promise.resolve();
  });
  return { opened, open };
}

describe('which sign-in pages the app hands to the system browser', () => {
  it.each([
    ['a Microsoft sign-in page', MICROSOFT_PAGE],
    ['the loopback test issuer (https: on 127.0.0.1)', LOOPBACK_TEST_ISSUER_PAGE],
  ])('opens %s in the system browser', async (_name, url) => {
    const browser = recordingBrowser();
    await browser.open(url);
    expect(browser.opened).toEqual([url]);
  });

  it.each([
    ['plain http:, readable on the way', 'http://login.example.com/authorize?state=s'],
    ['a file', 'file:///home/ann/.ssh/id_ed25519'],
    ['a script', 'javascript:alert(1)'],
    ['a data: page', 'data:text/html,<form action=https://evil.example>'],
    ['a custom handler', 'ms-settings:privacy'],
    ['a user name that disguises the host', 'https://login.microsoftonline.com@evil.example/authorize'],
    ['no URL at all', 'not a url'],
  ])('refuses %s with a plain sentence and opens nothing', async (_name, url) => {
    const browser = recordingBrowser();
    await expect(browser.open(url)).rejects.toMatchObject({
      code: 'SIGN_IN_FAILED',
      message: expect.stringContaining('not a plain https: address') as unknown,
    });
    expect(browser.opened).toEqual([]);
  });

  it('says the browser could not be opened when the system refuses, without the system’s own words', async () => {
    const browser = recordingBrowser(true);
    const opening = browser.open(MICROSOFT_PAGE);
    await expect(opening).rejects.toMatchObject({ code: 'SIGN_IN_FAILED' });
    await expect(opening).rejects.not.toThrow(/xdg-open/);
  });
});

describe('a provider page never loads in a Mailwarden window', () => {
  it.each([MICROSOFT_PAGE, LOOPBACK_TEST_ISSUER_PAGE])('refuses to navigate the window to %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it.each([MICROSOFT_PAGE, LOOPBACK_TEST_ISSUER_PAGE])('opens no new window for %s', (url) => {
    expect(windowOpenDecision(url).response).toEqual({ action: 'deny' });
  });
});
