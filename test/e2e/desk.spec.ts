/**
 * The desk with 30 accounts in 10 clients: compact rows with each account's last grade, date, worst
 * problem and change; the worst account one click from the start screen; sort, client filter, "needs
 * attention" and search; at 1440×900 at least 12 rows in view.
 */
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './harness/accessibility';
import { expect, test } from './harness/app-fixture';
import { openManualForm } from './harness/account-form';
import { CLIENTS, seedDesk, UNTESTED, WORST } from './harness/desk-seed';

function rows(page: Page): Locator {
  return page.locator('li.account-row');
}

function row(page: Page, label: string): Locator {
  return rows(page).filter({ has: page.getByRole('heading', { name: label, exact: true }) });
}

/** Rows whose whole box is inside the window. */
async function rowsInView(page: Page): Promise<number> {
  const height = page.viewportSize()?.height ?? 0;
  let count = 0;
  for (const box of await Promise.all((await rows(page).all()).map((item) => item.boundingBox())))
    if (box !== null && box.y >= 0 && box.y + box.height <= height) count += 1;
  return count;
}

test('30 accounts in 10 clients: last results per row, the worst one click away, 12+ rows in view', async ({
  app,
}) => {
  const { page, env } = app;
  await seedDesk(env);
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
  await expect(rows(page)).toHaveCount(30);
  await expect(page.getByText('30 accounts', { exact: true })).toBeVisible();
  // Worst grade first to begin with: the F leads, the untested come last.
  await expect(rows(page).first()).toContainText(WORST.label);
  await expect(rows(page).last()).toContainText('Not tested yet');

  // What a row tells: the stored grade and its date, the worst problem, the change since the run before.
  const worst = row(page, WORST.label);
  await expect(worst).toContainText('Grade F');
  await expect(worst).toContainText('Critical smtp.garage.example port 465 is an open relay');
  await expect(worst).toContainText('Worse, 1 new, 1 fixed');
  await expect(row(page, 'Bakery info')).toContainText('Grade A');
  await expect(row(page, 'Bakery info')).toContainText('Better, 1 fixed');
  for (const label of UNTESTED) {
    await expect(row(page, label)).toContainText('Not tested yet');
    await expect(row(page, label)).toContainText('Missing');
  }
  // A stored password is the normal case and takes no room.
  await expect(row(page, 'Bakery info')).not.toContainText('Stored in keychain');

  expect(await rowsInView(page)).toBeGreaterThanOrEqual(12);
  await app.screenshot('desk-1440x900', { fullPage: false });
  await expectAccessible(page, 'desk');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('desk-1440x900-dark', { fullPage: false });
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.screenshot('desk-1024x768-dark', { fullPage: false });
  await page.emulateMedia({ colorScheme: 'light' });
  await app.screenshot('desk-1024x768', { fullPage: false });
  await expectAccessible(page, 'desk-1024');

  // Sorted by client: each client under its heading, with "Test all".
  await page.getByLabel('Sort by').selectOption({ label: 'Client' });
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Bakery');
  await expect(page.getByRole('region', { name: 'Garage' }).getByRole('heading', { level: 3 })).toHaveText([
    'Garage info',
    'Garage orders',
    'Garage owner',
  ]);
  await expect(
    page.getByRole('region', { name: 'Garage' }).getByRole('button', { name: 'Test all 3 accounts' }),
  ).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.screenshot('desk-by-client-1440x900', { fullPage: false });
  await page.getByLabel('Sort by').selectOption({ label: 'Worst grade first' });
  await expect(rows(page).first()).toContainText(WORST.label);

  // Filters: a client, "needs attention", a search; the count says how many are shown.
  await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Garage' });
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByText('3 of 30 accounts shown')).toBeVisible();
  await page.getByLabel('Client', { exact: true }).selectOption({ label: 'All clients' });
  await page.getByLabel('Needs attention only').check();
  // The F, the untested three, the D grades with a high problem, and every score that fell.
  for (const label of [WORST.label, ...UNTESTED]) await expect(row(page, label)).toBeVisible();
  await expect(row(page, 'Bakery info')).toHaveCount(0);
  await page.getByLabel('Needs attention only').uncheck();
  await page.getByLabel('Search').fill('florist own');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Florist owner');
  await page.getByLabel('Search').fill('nothing like this');
  await expect(page.getByText('No account matches.')).toBeVisible();
  await page.getByRole('button', { name: 'Show all accounts' }).click();
  await expect(rows(page)).toHaveCount(30);

  // One click from the start screen: the account that most needs a look, named above the list.
  await page
    .getByRole('group', { name: 'Needs a look first' })
    .getByRole('button', { name: WORST.label })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `History of ${WORST.label}` })).toBeVisible();
});

test('More holds Edit, Replace password and Remove; focus comes back where it was', async ({ app }) => {
  const { page, env } = app;
  await seedDesk(env);
  await app.open();
  const more = row(page, 'Bakery info').getByRole('button', { name: 'More actions for Bakery info' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await row(page, 'Bakery info').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(row(page, 'Bakery info').getByRole('button', { name: 'Remove' })).toBeFocused();
  await more.click();
  await expect(row(page, 'Bakery info').getByRole('button', { name: 'Remove' })).toHaveCount(0);
});

test('keyboard: the skip link passes the header, and the 30th account is one Tab stop per row away', async ({
  app,
}) => {
  const { page, env } = app;
  await seedDesk(env);
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.open();
  await expect(rows(page)).toHaveCount(30);

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // Sorted by name, the 30th row is the last one; count the presses it takes to reach its Test button.
  await page.getByLabel('Sort by').selectOption({ label: 'Name' });
  const last = rows(page).last();
  const target = last.getByRole('button', { name: 'Test this account' });
  await page.locator('main').focus();
  let presses = 0;
  while (presses < 60) {
    await page.keyboard.press('Tab');
    presses += 1;
    if (await target.evaluate((button) => button === document.activeElement)) break;
  }
  await expect(target).toBeFocused();
  // The desk's own controls, then one stop per row: not three per row as before.
  expect(presses).toBeLessThanOrEqual(40);

  // Inside a row the arrow keys move between Test, History and More, and Tab leaves the row.
  await page.keyboard.press('ArrowRight');
  await expect(last.getByRole('button', { name: 'History' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(last.getByRole('button', { name: /^More actions for / })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(target).toBeFocused();
  await expectAccessible(page, 'desk-keyboard');
});

test('the client field suggests the clients already in use, when adding and when editing', async ({
  app,
}) => {
  const { page, env } = app;
  await seedDesk(env);
  await app.open();
  await page.getByRole('button', { name: 'Add account' }).click();
  await openManualForm(page);
  const field = page.getByLabel(/^Client group/);
  const suggestions = async (): Promise<string[]> =>
    field.evaluate((input) =>
      [...((input as HTMLInputElement).list?.options ?? [])].map((option) => option.value),
    );
  expect(await suggestions()).toEqual([...CLIENTS].sort((a, b) => a.localeCompare(b)));
  await page.getByRole('button', { name: 'Cancel' }).click();

  const garage = row(page, WORST.label);
  await garage.getByRole('button', { name: /^More actions for / }).click();
  await garage.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByLabel(/^Client group/)).toHaveValue(WORST.client);
  expect(await suggestions()).toContain('Vineyard');
});
