/**
 * Signing an account in with OAuth from the app (issue 17 §6), against a real OpenID provider
 * (oidc-provider over HTTPS from the test CA) and the real keychain. The "system browser" is a page in a
 * browser context of its own (as the person's browser is another program), opened on the URL main asked
 * to open; the provider's own login and consent pages are filled in there.
 */
import type { Browser, Page } from '@playwright/test';
import { startTestOidcProvider, TEST_CLIENT_ID, type TestOidcProvider } from '../helpers/oidc-test-provider';
import { fillAccountForm, readAllFiles, containsSecret, SHOP } from './harness/account-form';
import { keytar } from '../helpers/test-services';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';

let provider: TestOidcProvider;

test.beforeAll(async () => {
  provider = await startTestOidcProvider();
});
test.afterAll(async () => provider.close());

/** Fills the form for SHOP with "Sign in with another provider", and saves it; returns the URL main opened. */
async function addOAuthAccount(app: AppHarness, issuer = provider.issuer): Promise<string> {
  const { page, env } = app;
  await env.services.settings.update({ extraCaPem: provider.caPem });
  await app.open();
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await fillAccountForm(page, SHOP);
  await page.getByRole('radio', { name: 'Sign in with another provider' }).click();
  await expect(page.locator('#account-password')).toHaveCount(0);
  await page.getByLabel('Issuer URL').fill(issuer);
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

/** Signs in on the provider's page as `login` (its test accounts are named by their address). */
async function logIn(page: Page, login: string = SHOP.email): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
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

/** Adds SHOP, signs in as `login` on the provider's page and consents; leaves the app on the signed-in step. */
async function signInAs(app: AppHarness, browser: Browser, login: string, issuer = provider.issuer) {
  const url = await addOAuthAccount(app, issuer);
  const browserPage = await systemBrowser(browser, url);
  await logIn(browserPage, login);
  await browserPage.getByRole('button', { name: 'Continue' }).click();
  await expect(app.page.locator('.sign-in-panel .notice')).toContainText(`Signed in as ${login}.`);
  await browserPage.context().close();
}

/** Light and dark, at 1024x768 and 1440x900, each checked by axe. */
async function screensOf(app: AppHarness, name: string): Promise<void> {
  const { page } = app;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `${name}-${scheme}`);
    for (const [width, height] of [
      [1024, 768],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await app.screenshot(`${name}-${scheme}-${String(width)}x${String(height)}`, { fullPage: false });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** A mailbox the provider signs in as that is not SHOP's own address. */
const OTHER = 'someone.else@elsewhere.example';

/**
 * The list's flash after signing in as OTHER: one warning (no “signed in” confirmation), in the polite
 * status region, naming OTHER and saying to sign in again as the account's own address.
 */
async function expectOtherMailboxFlash(app: AppHarness, title: string): Promise<void> {
  const region = app.page.locator('.page__flash');
  await expect(region).toHaveAttribute('role', 'status');
  const warning = region.locator('.notice--warning');
  await expect(warning.locator('.notice__title')).toHaveText(title);
  await expect(warning).toContainText(
    `This is not ${SHOP.email}: the tests would prove that other mailbox, not this account’s. Sign in again as ${SHOP.email}.`,
  );
  await expect(region.locator('.notice--success')).toHaveCount(0);
}

test('once signed in, Done is the one primary button, with Sign in again beside it on the same row', async ({
  app,
  browser,
}) => {
  const { page } = app;
  await signInAs(app, browser, SHOP.email);
  const done = page.getByRole('button', { name: 'Done' });
  const again = page.getByRole('button', { name: 'Sign in again' });
  await expect(done).toHaveClass(/button--primary/);
  await expect(again).toHaveClass(/button--secondary/);
  await expect(page.locator('.button--primary')).toHaveCount(1);
  const [doneBox, againBox] = [await done.boundingBox(), await again.boundingBox()];
  expect(doneBox?.y).toBe(againBox?.y);
  expect(doneBox?.x ?? 0).toBeLessThan(againBox?.x ?? 0);
  await screensOf(app, 'oauth-signed-in-panel');
});

test('signed in as the account’s own address, the account facts show it with no warning', async ({
  app,
  browser,
}) => {
  const { page } = app;
  await signInAs(app, browser, SHOP.email);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'More actions for Shop orders' }).click();
  const fact = page.locator('[data-signed-in-as]');
  await expect(fact).toHaveText(SHOP.email);
  await expect(fact).toHaveAttribute('data-signed-in-as', 'this-account');
  await expect(page.getByText(`This is not ${SHOP.email}`)).toHaveCount(0);
});

test('signed in as another mailbox, the account facts warn that the tests would prove that mailbox', async ({
  app,
  browser,
}) => {
  const { page } = app;
  await signInAs(app, browser, OTHER);
  await page.getByRole('button', { name: 'Done' }).click();
  await expectOtherMailboxFlash(app, `Shop orders was added and is signed in as ${OTHER}.`);
  await screensOf(app, 'oauth-added-other-mailbox-flash');
  await page.getByRole('button', { name: 'More actions for Shop orders' }).click();
  const fact = page.locator('[data-signed-in-as]');
  await expect(fact).toContainText(OTHER);
  await expect(fact).toHaveAttribute('data-signed-in-as', 'another-mailbox');
  await expect(fact.locator('.text-warning')).toHaveText(
    `This is not ${SHOP.email}: the tests would prove that other mailbox, not this account’s. Sign in again as ${SHOP.email}.`,
  );
  await screensOf(app, 'oauth-facts-other-mailbox');
});

test('signing in again from the list as another mailbox says so in a warning, not “is signed in”', async ({
  app,
  browser,
}) => {
  const { page } = app;
  await signInAs(app, browser, SHOP.email);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('.page__flash .notice--success')).toHaveText(
    'Shop orders was added and is signed in.',
  );
  await page.getByRole('button', { name: 'More actions for Shop orders' }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const opened = app.nextBrowserUrl();
  await page.getByRole('button', { name: 'Sign in again' }).click();
  const browserPage = await systemBrowser(browser, await opened);
  await logIn(browserPage, OTHER);
  await browserPage.getByRole('button', { name: 'Continue' }).click();
  await browserPage.context().close();
  await expectOtherMailboxFlash(app, `Shop orders is signed in as ${OTHER}.`);
  await app.screenshot('oauth-signed-in-again-other-mailbox-flash-light-1024x768', { fullPage: false });
});

test('switching to a password when the provider cannot be reached deletes the sign-in and says the provider may still hold it, and how to withdraw it', async ({
  app,
  browser,
}) => {
  const { page, env } = app;
  // A provider of this test's own, so it can go away without taking the others' with it.
  const gone = await startTestOidcProvider();
  try {
    await signInAs(app, browser, SHOP.email, gone.issuer);
  } finally {
    await gone.close();
  }
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'More actions for Shop orders' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('radio', { name: 'With a password' }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
  const warning = page.locator('.page__flash .notice--warning');
  await expect(warning).toContainText('The provider may still hold the sign-in');
  await expect(warning).toContainText(
    'The sign-in was deleted on this computer, but the provider could not be told, so it may still hold it.',
  );
  // The reason reads as a sentence, not nested brackets ("(... (ECONNREFUSED).)").
  await expect(warning).toContainText('The provider did not confirm that it revoked the sign-in: ');
  await expect(warning).not.toContainText(').)');
  await expect(warning).toContainText(
    'To withdraw it, remove Mailwarden from the apps allowed to use your account on your provider’s account page.',
  );
  await screensOf(app, 'oauth-switched-not-withdrawn');
  // The sign-in is gone from the keychain all the same, and no token crossed to the page.
  const status = await page.evaluate(async () => {
    const list = await window.mailwarden.accounts.list();
    return list.ok ? list.value.accounts[0]?.signIn : null;
  });
  expect(status).toEqual({ method: 'password' });
  expect(await keytar.findCredentials(env.keychainService)).toEqual([]);
  const answered = app.calls.map((call) => call.response).join('\n');
  for (const token of gone.issuedTokens) expect(answered).not.toContain(token);
});

test('signing out when the provider cannot be reached says the provider may still hold the sign-in, and how to withdraw it', async ({
  app,
  browser,
}) => {
  const { page, env } = app;
  const gone = await startTestOidcProvider();
  try {
    await signInAs(app, browser, SHOP.email, gone.issuer);
  } finally {
    await gone.close();
  }
  await page.getByRole('button', { name: 'Sign out: Shop orders' }).click();
  const said = page.locator('.sign-in-panel p.muted');
  await expect(said).toContainText(
    'Deleted from your keychain, but the provider could not be told to end the sign-in, so it may still hold it:',
  );
  await expect(said).toContainText(
    'To withdraw it, remove Mailwarden from the apps allowed to use your account on your provider’s account page.',
  );
  await expectAccessible(page, 'oauth-signed-out-not-withdrawn');
  expect(await keytar.findCredentials(env.keychainService)).toEqual([]);
});
