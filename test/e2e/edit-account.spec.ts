/**
 * Editing an account in the app: every field is there, filled in; saving keeps the id, the keychain
 * password and the history; a new server is announced, and each stored run still names the server it
 * tested. An empty history offers "Test now".
 */
import { join } from 'node:path';
import { createFileHistoryStore } from '../../main/adapters/file-history-store';
import { HISTORY_DIR_NAME } from '../../main/core/history/history-document';
import { testEntry } from '../helpers/history-fixtures';
import { keytar } from '../helpers/test-services';
import { addShopAccount, makeCanary, SHOP, waitForAccounts } from './harness/account-form';
import { expectAccessible } from './harness/accessibility';
import { expect, test } from './harness/app-fixture';

test('editing keeps the id, password and history; earlier runs say they tested another server', async ({
  app,
}) => {
  const { page, env } = app;
  const canary = makeCanary();
  await addShopAccount(app, canary);
  const [account] = await waitForAccounts(page, 1);
  const id = account?.id ?? '';
  const store = createFileHistoryStore(join(env.dataDir, HISTORY_DIR_NAME));
  const target = {
    kind: 'account' as const,
    label: SHOP.label,
    domain: 'shop.example',
    host: SHOP.host,
    port: 587,
    security: 'starttls',
  };
  for (const index of [1, 2]) await store.save({ ...testEntry(index, { target }), accountId: id });

  // The form opens with every field as saved, and no password field.
  await page.getByRole('button', { name: 'More actions for Shop orders' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Shop orders' })).toBeFocused();
  await expect(page.getByLabel('Email address', { exact: true })).toHaveValue(SHOP.email);
  await expect(page.getByLabel(/^Name for this account/)).toHaveValue(SHOP.label);
  await expect(page.getByLabel('Domain', { exact: true })).toHaveValue('shop.example');
  await expect(page.getByLabel('Outgoing mail server (SMTP)')).toHaveValue(SHOP.host);
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue('587');
  await expect(page.getByRole('radio', { name: /^STARTTLS/ })).toBeChecked();
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
  await expect(page.getByText('use “Replace password” in your list')).toBeVisible();
  await expectAccessible(page, 'edit-account');
  for (const [width, height] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await app.screenshot(`edit-account-${String(width)}x${String(height)}`, { fullPage: false });
  }

  // A mistake is caught by main and nothing is saved.
  await page.getByLabel('Port', { exact: true }).fill('70000');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('70000 is too high');
  expect((await waitForAccounts(page, 1))[0]?.port).toBe(587);

  await page.getByLabel('Port', { exact: true }).fill('465');
  await page.getByRole('radio', { name: /^TLS/ }).check();
  await page.getByLabel('Outgoing mail server (SMTP)').fill('smtp2.shop.example');
  await page.getByLabel(/^Name for this account/).fill('Shop desk');
  await page.getByLabel(/^Client group/).fill('Acme');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Shop desk was saved with a new server.' }),
  ).toContainText(
    'The 2 earlier runs in its history tested another server (smtp.shop.example:587, STARTTLS)',
  );
  const [edited] = await waitForAccounts(page, 1);
  expect(edited).toMatchObject({
    id,
    label: 'Shop desk',
    host: 'smtp2.shop.example',
    port: 465,
    security: 'tls',
    clientGroup: 'Acme',
    hasPassword: 'stored',
  });
  expect(await keytar.getPassword(env.keychainService, id)).toBe(canary);
  expect(app.calls.filter((call) => call.response.includes(canary))).toEqual([]);

  // The history is the same account's: both runs, each naming the server it tested.
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History of Shop desk' })).toBeVisible();
  const rows = page.getByRole('list', { name: 'Stored tests, newest first' }).locator('> li');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) {
    await expect(row).toContainText('Tested smtp.shop.example:587, STARTTLS');
    await expect(row).toContainText('Another server than the account uses now');
  }
  await expectAccessible(page, 'history-other-server');
  await app.screenshot('history-other-server', { fullPage: false });
});

test('Cancel leaves the account as it was; an empty history offers "Test now"', async ({ app }) => {
  const { page } = app;
  await addShopAccount(app, makeCanary());
  await page.getByRole('button', { name: 'More actions for Shop orders' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Port', { exact: true }).fill('2525');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
  expect((await waitForAccounts(page, 1))[0]?.port).toBe(587);

  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByText('No tests yet')).toBeVisible();
  await page.getByRole('button', { name: 'Test now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Test Shop orders' })).toBeVisible();
});
