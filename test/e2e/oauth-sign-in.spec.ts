/**
 * Signing an account in with OAuth from the app (issue 17 §6), against a real OpenID provider
 * (oidc-provider over HTTPS from the test CA) and the real keychain. The "system browser" is a page in a
 * browser context of its own (as the person's browser is another program), opened on the URL main asked
 * to open; the provider's own login and consent pages are filled in there.
 */
import type { Browser, Page } from '@playwright/test';
import { startTestOidcProvider, TEST_CLIENT_ID, type TestOidcProvider } from '../helpers/oidc-test-provider';
import { fillAccountForm, readAllFiles, containsSecret, SHOP } from './harness/account-form';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';

let provider: TestOidcProvider;

test.beforeAll(async () => {
  provider = await startTestOidcProvider();
});
test.afterAll(async () => provider.close());

/** Fills the form for SHOP with "Sign in with another provider", and saves it; returns the URL main opened. */
async function addOAuthAccount(app: AppHarness): Promise<string> {
  const { page, env } = app;
  await env.services.settings.update({ extraCaPem: provider.caPem });
  await app.open();
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await fillAccountForm(page, SHOP);
  await page.getByRole('radio', { name: 'Sign in with another provider' }).click();
  await expect(page.locator('#account-password')).toHaveCount(0);
  await page.getByLabel('Issuer URL').fill(provider.issuer);
  await page.getByLabel('Client ID').fill(TEST_CLIENT_ID);
  const opened = app.nextBrowserUrl();
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  return opened;
}

/** The person's own browser, trusting the test CA's provider, on the page Mailwarden asked it to open. */
async function systemBrowser(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function logIn(page: Page): Promise<void> {
  await page.locator('input[name="login"]').fill(SHOP.email);
  await page.locator('input[name="password"]').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
}

test('adds an OAuth account, signs in on the provider’s page and shows the signed-in address; no token reaches the page or the data folder', async ({
  app,
  browser,
}) => {
  const { page, env } = app;
  const url = new URL(await addOAuthAccount(app));
  expect(url.origin).toBe(provider.issuer);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');

  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Shop orders' })).toBeVisible();
  await expect(page.getByText('Finish signing in in your browser', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel sign-in' })).toBeVisible();
  await expectAccessible(page, 'oauth-waiting');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of [
      [1024, 768],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await app.screenshot(`oauth-waiting-${scheme}-${String(width)}x${String(height)}`, { fullPage: false });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });

  const browserPage = await systemBrowser(browser, url.href);
  await logIn(browserPage);
  await browserPage.getByRole('button', { name: 'Continue' }).click();

  await expect(page.locator('.sign-in-panel .notice')).toContainText(`Signed in as ${SHOP.email}.`);
  await expectAccessible(page, 'oauth-signed-in');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'oauth-signed-in-dark');
  await app.screenshot('oauth-signed-in-dark-1440x900', { fullPage: false });
  await page.emulateMedia({ colorScheme: 'light' });
  await browserPage.context().close();

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
  await expect(page.getByText('OAuth · an OpenID provider')).toBeVisible();
  await page.getByRole('button', { name: 'More actions for Shop orders' }).click();
  await expect(page.getByText('OAuth with an OpenID provider')).toBeVisible();
  await expect(page.locator('[data-password-state="stored"]')).toHaveText('Signed in');

  // Canary: not one token the provider issued crossed IPC to the page or lies in the data folder.
  expect(provider.issuedTokens.size).toBeGreaterThan(0);
  const answered = app.calls.map((call) => call.response).join('\n');
  const files = await readAllFiles(env.dataDir);
  for (const token of provider.issuedTokens) {
    expect(answered).not.toContain(token);
    expect(files.filter((file) => containsSecret(file.bytes, token)).map((file) => file.path)).toEqual([]);
  }
});

test('Cancel stops waiting for the browser and stores nothing', async ({ app }) => {
  const { page } = app;
  await addOAuthAccount(app);
  await page.getByRole('button', { name: 'Cancel sign-in' }).click();
  await expect(page.locator('.sign-in-panel p.muted')).toHaveText(
    'The sign-in was cancelled. Nothing was stored.',
  );
  await expect(page.getByRole('button', { name: 'Sign in with your provider' })).toBeVisible();
  await expectAccessible(page, 'oauth-cancelled');
  const status = await page.evaluate(async () => {
    const list = await window.mailwarden.accounts.list();
    return list.ok ? list.value.accounts[0]?.hasPassword : null;
  });
  expect(status).toBe('missing');
});

test('a denied consent is shown in plain words', async ({ app, browser }) => {
  const { page } = app;
  const url = await addOAuthAccount(app);
  const browserPage = await systemBrowser(browser, url);
  await logIn(browserPage);
  // The consent page's way out: the person refuses access.
  await browserPage.goto(`${browserPage.url()}/abort`);
  await expect(page.getByRole('alert')).toContainText(
    'The sign-in was refused in the browser (access denied)',
  );
  await expectAccessible(page, 'oauth-denied');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await app.screenshot(`oauth-denied-${scheme}-1024x768`, { fullPage: false });
  }
  await browserPage.context().close();
});
