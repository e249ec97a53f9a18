/**
 * The first screens, end to end: the built renderer in Chromium, the preload's own bridge, the real IPC
 * router, real JSON files and the real keychain. A canary password proves the secret goes one way only.
 * (g) lives in manage-account.spec.ts and (i) in keyboard.spec.ts.
 */
import type { Outcome } from '../../preload/contract/outcome';
import { DEFAULT_SETTINGS } from '../../preload/contract/settings';
import { keytar } from '../helpers/test-services';
import {
  addShopAccount,
  containsSecret,
  fillAccountForm,
  listFromPage,
  makeCanary,
  readAllFiles,
  SHOP,
  waitForAccounts,
  openManualForm,
} from './harness/account-form';
import { expectAccessible } from './harness/accessibility';
import { expect, test } from './harness/app-fixture';
import { TEST_ORIGIN } from './harness/serve-renderer';

// (h) The app fixture checks after every test that the page requested nothing outside its own origin,
// logged no console error and broke no CSP rule.

test('(a) the empty state explains what is checked and that nothing leaves this computer', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check that your business email is safe');
  const checks = page.getByRole('region', { name: 'What Mailwarden checks' });
  for (const title of [
    'Server connection and encryption',
    'Login',
    'Abuse protection',
    'Your domain’s records',
  ]) {
    await expect(checks.getByRole('heading', { name: title })).toBeVisible();
  }
  await expect(checks).toContainText('SPF, DKIM, DMARC');
  const promise = page.getByRole('region', { name: 'Nothing leaves this computer' });
  await expect(promise).toContainText('Passwords go straight into your system keychain');
  await expect(promise).toContainText(
    'No third-party service sees your domain, your password or your results',
  );
  await expect(page.getByRole('button', { name: 'Add your first account' })).toBeVisible();
  await app.screenshot('welcome');
  await expectAccessible(app.page, 'welcome');
  await page.setViewportSize({ width: 800, height: 600 });
  await app.screenshot('welcome-800x600');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('welcome-dark');
  await expectAccessible(app.page, 'welcome-dark');
});

test('(b, c, d) a canary password goes to the keychain, is stored, and never comes back', async ({ app }) => {
  const { page, env } = app;
  const canary = makeCanary();
  await app.open();
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await openManualForm(page);
  await expect(page.getByRole('button', { name: 'Save account' })).toBeVisible();
  await expectAccessible(page, 'add-account-empty');
  await fillAccountForm(page, { ...SHOP, password: canary });
  await app.screenshot('add-account');
  await expectAccessible(app.page, 'add-account');
  await page.getByRole('button', { name: 'Save account' }).click();

  // (b) The list shows the account with its password stored, and says so.
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Shop orders was added' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Shop orders' }) });
  await expect(card).toContainText('ann@shop.example');
  await expect(card).toContainText('Not tested yet');
  // How it is set up waits under More.
  await card.getByRole('button', { name: 'More actions for Shop orders' }).click();
  await expect(card).toContainText('smtp.shop.example:587');
  await expect(card).toContainText('STARTTLS');
  await expect(card).toContainText('Stored in keychain');
  await app.screenshot('account-list');
  await expectAccessible(app.page, 'account-list');
  await page.setViewportSize({ width: 400, height: 300 });
  await app.screenshot('account-list-zoom-200');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('account-list-dark');
  await expectAccessible(app.page, 'account-list-dark');

  // (c) Read every read method from the page; nothing the bridge ever answered holds the canary.
  const reads = await page.evaluate(async () => ({
    list: await window.mailwarden.accounts.list(),
    presets: await window.mailwarden.presets.list(),
    settings: await window.mailwarden.settings.get(),
    bridgeShape: Object.fromEntries(
      Object.entries(window.mailwarden).map(([area, methods]) => [
        area,
        Object.keys(methods as object).sort(),
      ]),
    ),
  }));
  if (!reads.list.ok || !reads.presets.ok || !reads.settings.ok) throw new Error(JSON.stringify(reads));
  expect(reads.list.value.accounts).toHaveLength(1);
  const [account] = reads.list.value.accounts;
  expect(account).toMatchObject({ label: 'Shop orders', email: 'ann@shop.example', hasPassword: 'stored' });
  expect(reads.presets.value.map((preset) => preset.id)).toContain('gmail');
  expect(reads.settings.value).toEqual({ settings: DEFAULT_SETTINGS, certificates: [], warnings: [] });
  // There is no method that could read a password back.
  expect(reads.bridgeShape).toEqual({
    // The OAuth methods answer with the account and the signed-in address only (oauth-sign-in.spec.ts).
    accounts: [
      'add',
      'cancelSignIn',
      'deletePassword',
      'list',
      'remove',
      'setIncomingPassword',
      'setPassword',
      'signIn',
      'signInStatus',
      'signOut',
      'update',
    ],
    audit: ['cancel', 'onEvent', 'start'],
    clients: ['recordRun', 'rename', 'runs'],
    discovery: ['run'],
    history: ['compare', 'delete', 'get', 'list'],
    // A checked message comes back as its verdict, never its text (check-message.spec.ts); a test message
    // is sent only by prove, after the consent panel (send-test-message.spec.ts).
    message: [
      'cancelProof',
      'checkFile',
      'checkPaste',
      'export',
      'exportProof',
      'get',
      'onProofEvent',
      'prove',
    ],
    presets: ['list'],
    report: ['export', 'exportClient'],
    settings: ['get', 'update'],
  });
  expect(app.calls.map((call) => call.channel)).toEqual(
    expect.arrayContaining(['accounts:add', 'accounts:list', 'presets:list', 'settings:get']),
  );
  expect(app.calls.filter((call) => call.response.includes(canary))).toEqual([]);
  // Nor does the page itself: no input, no text, no attribute.
  expect(await page.content()).not.toContain(canary);
  const inputValues = await page
    .locator('input')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  expect(inputValues.join('\n')).not.toContain(canary);

  // (d) The canary is in no file Mailwarden wrote, and it is in the real keychain under the account id.
  const files = await readAllFiles(env.dataDir);
  expect(files.length).toBeGreaterThan(0);
  expect(files.filter((file) => containsSecret(file.bytes, canary)).map((file) => file.path)).toEqual([]);
  expect(files.some((file) => file.bytes.includes('ann@shop.example'))).toBe(true);
  expect(await keytar.getPassword(env.keychainService, account?.id ?? '')).toBe(canary);
});

test('(e) invalid input shows main’s messages next to the fields they are about', async ({ app }) => {
  const { page } = app;
  await app.open();
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await fillAccountForm(page, {
    email: 'ann-at-shop.example',
    host: 'smtp.shop.example',
    port: '70000',
    password: makeCanary(),
  });
  await page.getByRole('button', { name: 'Save account' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'Please check these fields' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  const answer = app.calls.filter((call) => call.channel === 'accounts:add').at(-1);
  const outcome = JSON.parse(answer?.response ?? '{}') as Outcome<unknown>;
  if (outcome.ok) throw new Error('main accepted port 70000 and an email without @');
  const messageFor = (field: string) =>
    outcome.error.fields?.find((error) => error.field === field)?.message ?? '';
  expect(messageFor('email')).not.toBe('');
  expect(messageFor('port')).not.toBe('');

  for (const [field, label] of [
    ['email', 'Email address'],
    ['port', 'Port'],
  ] as const) {
    const input = page.getByLabel(label, { exact: true });
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(new RegExp(escapeRegExp(messageFor(field))));
    await expect(page.locator(`#account-${field}-error`)).toHaveText(`Error: ${messageFor(field)}`);
    await expect(summary).toContainText(messageFor(field));
  }
  // Fields that were fine carry no error.
  await expect(page.getByLabel('Outgoing mail server (SMTP)')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field__error')).toHaveCount(2);
  // The summary's entries take the person to the field.
  await summary.getByRole('button', { name: messageFor('port') }).click();
  await expect(page.getByLabel('Port', { exact: true })).toBeFocused();
  await app.screenshot('errors');
  await expectAccessible(app.page, 'errors');
  // At 200% zoom an 800x600 window is 400x300 CSS pixels: still one readable column.
  await page.setViewportSize({ width: 400, height: 300 });
  await app.screenshot('errors-zoom-200');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  // Nothing was saved.
  const list = await listFromPage(page);
  expect(list.ok && list.value.accounts).toEqual([]);
});

test('(f) choosing a provider fills the server settings and shows its app-password advice', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await openManualForm(page);
  await page.getByLabel('Email provider', { exact: true }).selectOption({ label: 'Gmail' });

  await expect(page.getByLabel('Outgoing mail server (SMTP)')).toHaveValue('smtp.gmail.com');
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue('465');
  await expect(page.getByRole('radio', { name: /^TLS/ })).toBeChecked();
  const advice = page.getByTestId('preset-quirks');
  await expect(advice).toContainText('app password');
  await expect(advice).toContainText('your full Gmail address');
  // The fact the reference could not confirm is marked as such.
  await expect(advice.locator('li').filter({ hasText: 'myaccount.google.com/apppasswords' })).toContainText(
    'Not yet confirmed',
  );
  await app.screenshot('add-account-preset');
  await expectAccessible(app.page, 'add-account-preset');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('add-account-preset-dark');
  await expectAccessible(app.page, 'add-account-preset-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 800, height: 600 });
  await app.screenshot('add-account-preset-800x600');

  // The second endpoint is one click away and fills the form the same way.
  await page.getByRole('radio', { name: /smtp\.gmail\.com:587/ }).check();
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue('587');
  await expect(page.getByRole('radio', { name: /^STARTTLS/ })).toBeChecked();

  await page.getByLabel('Email address', { exact: true }).fill('ann@gmail.com');
  await page.getByRole('button', { name: 'Save account' }).click();
  const list = await waitForAccounts(page, 1);
  expect(list[0]).toMatchObject({
    host: 'smtp.gmail.com',
    port: 587,
    security: 'starttls',
    presetId: 'gmail',
    hasPassword: 'missing',
  });
  await expect(page.getByText('Missing', { exact: true })).toBeVisible();
});

test('(h) every screen loads from the page’s own origin only, with no console errors', async ({ app }) => {
  const { page } = app;
  await addShopAccount(app, makeCanary());
  await page.getByRole('button', { name: 'Add account' }).click();
  await openManualForm(page);
  await page.getByRole('radio', { name: 'Find my server settings' }).check();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
  expect(new Set(app.requests.map((url) => new URL(url).origin))).toEqual(new Set([TEST_ORIGIN]));
  // The CSP forbids connections outright, so even a stray fetch could not leave.
  const blocked = await page.evaluate(async () => {
    try {
      await window.fetch('http://mailwarden.test/index.html');
      return false;
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);
  // That refusal was a CSP violation on purpose; it is the only problem seen.
  const probe = (problem: string) =>
    problem.includes('Content Security Policy') || problem.startsWith('csp: connect-src');
  await expect.poll(() => app.problems.some((problem) => problem.startsWith('csp: connect-src'))).toBe(true);
  expect(app.problems.filter((problem) => !probe(problem))).toEqual([]);
  app.problems.length = 0;
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
