/** The account list: main's warnings shown prominently, and accounts grouped by client for consultants. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ACCOUNTS_FILE_NAME } from '../../main/core/accounts/accounts-document';
import { fillAccountForm, makeCanary, sortByClient, type AccountEntry } from './harness/account-form';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';

async function addThroughForm(app: AppHarness, entry: AccountEntry, first: boolean): Promise<void> {
  const { page } = app;
  await page.getByRole('button', { name: first ? 'Add your first account' : 'Add account' }).click();
  await fillAccountForm(page, entry);
  await page.getByRole('button', { name: 'Save account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
}

test('an unreadable accounts file is reported at the top of the screen, and the app still starts', async ({
  app,
}) => {
  const { page, env } = app;
  await writeFile(join(env.dataDir, ACCOUNTS_FILE_NAME), '{"version": 1, "accounts": [ this is not JSON');
  await app.open();
  const warning = page.getByText('Please read this').locator('..');
  await expect(warning).toContainText('Your accounts file could not be read');
  await expect(warning).toContainText('so nothing is lost');
  // It sits above the screen's own heading, so it is the first thing read.
  const warningBox = await warning.boundingBox();
  const headingBox = await page.getByRole('heading', { level: 1 }).boundingBox();
  expect(warningBox?.y ?? Infinity).toBeLessThan(headingBox?.y ?? 0);
  await expect(page.getByRole('button', { name: 'Add your first account' })).toBeVisible();
  await app.screenshot('warning');
  await expectAccessible(app.page, 'warning');
});

test('accounts are grouped by client group, ungrouped ones last', async ({ app }) => {
  const { page } = app;
  await app.open();
  const common = {
    host: 'smtp.clients.example',
    port: '465',
    security: 'TLS',
    password: makeCanary(),
  } as const;
  await addThroughForm(
    app,
    { ...common, email: 'orders@garage.example', label: 'Garage orders', clientGroup: 'Garage' },
    true,
  );
  await addThroughForm(app, { ...common, email: 'me@own.example', label: 'My own mail' }, false);
  await addThroughForm(
    app,
    { ...common, email: 'info@bakery.example', label: 'Bakery', clientGroup: 'Bakery' },
    false,
  );

  await sortByClient(page);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'Bakery',
    'Garage',
    'Not in a client group',
  ]);
  for (const [group, account] of [
    ['Bakery', 'Bakery'],
    ['Garage', 'Garage orders'],
    ['Not in a client group', 'My own mail'],
  ] as const) {
    const section = page.getByRole('region', { name: group });
    await expect(section.getByRole('heading', { level: 3 })).toHaveText([account]);
    // A stored password is the normal case: only a missing one would take room on the desk.
    await expect(section.getByRole('heading', { level: 3 })).toHaveCount(1);
    await expect(section).not.toContainText('Missing');
  }
  await expect(page.getByText('3 accounts')).toBeVisible();
  await app.screenshot('account-list-groups');
  await expectAccessible(app.page, 'account-list-groups');
  await page.setViewportSize({ width: 800, height: 600 });
  await app.screenshot('account-list-groups-800x600');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('account-list-groups-dark');
});
