/**
 * (g) Looking after an account from the list: a new password replaces the old one in the real keychain,
 * and removing an account (after a confirm step) deletes it from the file and its secret from the keychain.
 */
import { keytar } from '../helpers/test-services';
import { addShopAccount, makeCanary, readAllFiles, waitForAccounts } from './harness/account-form';
import { expectAccessible } from './harness/accessibility';
import { expect, test } from './harness/app-fixture';

test('(g) replacing the password updates the keychain; removing deletes the account and its secret', async ({
  app,
}) => {
  const { page, env } = app;
  const first = makeCanary();
  await addShopAccount(app, first);
  const [account] = await waitForAccounts(page, 1);
  const id = account?.id ?? '';
  expect(await keytar.getPassword(env.keychainService, id)).toBe(first);

  const second = makeCanary();
  // Replace password and Remove wait under the row's More.
  await page.getByRole('button', { name: 'More actions for Shop orders' }).click();
  await page.getByRole('button', { name: 'Replace password' }).click();
  await page.getByLabel('New password', { exact: true }).fill(second);
  await app.screenshot('replace-password');
  await expectAccessible(app.page, 'replace-password');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The password for Shop orders was replaced.' }),
  ).toBeVisible();
  await expect(page.getByLabel('New password', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Replace password' })).toBeFocused();
  expect(await keytar.getPassword(env.keychainService, id)).toBe(second);
  expect(app.calls.filter((call) => call.response.includes(first) || call.response.includes(second))).toEqual(
    [],
  );

  // Remove asks first, and Cancel keeps everything.
  await page.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('Remove Shop orders?')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await app.screenshot('remove-confirm');
  await expectAccessible(app.page, 'remove-confirm');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await waitForAccounts(page, 1)).toHaveLength(1);

  await page.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Remove account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Shop orders was removed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add your first account' })).toBeVisible();
  expect(await waitForAccounts(page, 0)).toEqual([]);
  expect(await keytar.getPassword(env.keychainService, id)).toBeNull();
  const files = await readAllFiles(env.dataDir);
  expect(files.filter((file) => file.bytes.includes('ann@shop.example')).map((file) => file.path)).toEqual(
    [],
  );
});
