/**
 * A client as a place, and the desk side by side, with 30 accounts in 10 clients and their stored runs
 * (harness/desk-seed.ts, the catalogue's own wording) and client runs kept through the real services:
 * the client page from the desk, its last client run and every client run reopened as the summary it
 * made, Rename (accounts keep their ids and history); on a window of 1280 px or more, the account list
 * beside the selected account's history and results, and one column below that.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { AccountView } from '../../preload/contract/accounts';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';
import { seedDesk, WORST } from './harness/desk-seed';

const GARAGE = WORST.client;

/** Two client runs of Garage: an older one where one account could not run, and the newest. */
async function seedClientRuns(app: AppHarness, accounts: readonly AccountView[]): Promise<void> {
  const { services } = app.env;
  const garage = accounts.filter((account) => account.clientGroup === GARAGE);
  const runsOf = async (account: AccountView) =>
    (await services.history.list({ kind: 'account', accountId: account.id })).runs;
  const runIdsAt = (index: number) =>
    Promise.all(
      garage.map(async (account) => {
        const run = (await runsOf(account))[index];
        if (run === undefined) throw new Error(`${account.label} has no stored run ${String(index)}`);
        return { account, runId: run.runId };
      }),
    );
  // Newest first: index 1 is the older run of each account.
  const olderRuns = await runIdsAt(1);
  const newerRuns = await runIdsAt(0);
  await services.clients.record({
    client: GARAGE,
    startedAt: '2026-11-27T12:00:00.000Z',
    accounts: olderRuns.map(({ account, runId }, position) =>
      position === 2
        ? {
            accountId: account.id,
            result: { kind: 'failed', message: 'The keychain is locked. Unlock it and try again.' },
          }
        : { accountId: account.id, result: { kind: 'tested', runId } },
    ),
  });
  await services.clients.record({
    client: GARAGE,
    startedAt: '2026-11-28T12:00:00.000Z',
    accounts: newerRuns.map(({ account, runId }) => ({
      accountId: account.id,
      result: { kind: 'tested', runId },
    })),
  });
}

function deskRow(page: Page, label: string): Locator {
  return page
    .locator('li.account-row')
    .filter({ has: page.getByRole('heading', { name: label, exact: true }) });
}

async function photograph(app: AppHarness, name: string): Promise<void> {
  const { page } = app;
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await app.screenshot(`${name}-${String(width)}x${String(height)}${scheme === 'dark' ? '-dark' : ''}`, {
        fullPage: false,
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a client page: its accounts, the last client run, every client run reopened, and Rename', async ({
  app,
}) => {
  const { page, env } = app;
  const accounts = await seedDesk(env);
  await seedClientRuns(app, accounts);
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.open();

  // From the desk: choose the client in the filter, then its page.
  await page.getByLabel('Client', { exact: true }).selectOption({ label: GARAGE });
  await expect(page.getByText('Garage: 3 accounts')).toBeVisible();
  await page.getByRole('button', { name: 'Client page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: GARAGE })).toBeFocused();
  await expect(page.getByText('3 accounts', { exact: true })).toBeVisible();

  // Its accounts with their last grade and worst problem, as on the desk.
  const accountsSection = page.getByRole('region', { name: 'Accounts' });
  await expect(accountsSection.getByRole('heading', { level: 3 })).toHaveText([
    'Garage info',
    'Garage orders',
    'Garage owner',
  ]);
  await expect(deskRow(page, WORST.label)).toContainText('Grade F');
  await expect(deskRow(page, WORST.label)).toContainText('smtp.garage.example port 465 is an open relay');

  // The last client run, summed up; then every client run, newest first.
  const last = page.getByRole('region', { name: 'Last client run' });
  await expect(last).toContainText('3 of 3 accounts tested');
  await expect(last).toContainText('Worst grade F');
  const runs = page.getByRole('region', { name: '2 client runs' });
  await expect(runs.getByRole('listitem')).toHaveCount(2);
  await expect(runs.getByRole('listitem').last()).toContainText('2 of 3 accounts tested');
  await expectAccessible(page, 'client-page');
  await photograph(app, 'client-page');
  // At 200% zoom (400x300 CSS pixels) nothing scrolls sideways.
  await page.setViewportSize({ width: 400, height: 300 });
  await app.screenshot('client-page-zoom-200');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  await page.setViewportSize({ width: 1440, height: 900 });

  // The older run reopens as the summary it made: who ran, who could not and why, and the export.
  await runs
    .getByRole('listitem')
    .last()
    .getByRole('button', { name: /^Open the client run of / })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Results for ${GARAGE}` })).toBeVisible();
  await expect(page.getByText(/^2 of 3 accounts tested · /)).toBeVisible();
  const rows = page.locator('li.client-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Garage owner' })).toContainText(
    'The keychain is locked. Unlock it and try again.',
  );
  await expect(page.getByRole('heading', { name: 'Export the client report' })).toBeVisible();
  await expectAccessible(page, 'client-run-reopened');
  await photograph(app, 'client-run-reopened');
  await page.setViewportSize({ width: 1440, height: 900 });

  // An account's full results, in the catalogue's words, and back to the run, then to the page.
  await page.getByRole('button', { name: `Open results for ${WORST.label}` }).click();
  await expect(page.getByText('DMARC policy is "none": monitoring only').first()).toBeVisible();
  await page.getByRole('button', { name: 'Back to the client summary' }).click();
  await page.getByRole('button', { name: `Back to ${GARAGE}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: GARAGE })).toBeVisible();

  // Rename: every account moves, ids and history stay, the desk's filter follows.
  const before = accounts.filter((account) => account.clientGroup === GARAGE).map((account) => account.id);
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New client name').fill('   ');
  await page.getByRole('button', { name: 'Save the name' }).click();
  await expect(page.getByText('Client name is empty; type the name to use.')).toBeVisible();
  await expectAccessible(page, 'client-rename-error');
  await page.getByLabel('New client name').fill('Garage & Tyres');
  await page.getByRole('button', { name: 'Save the name' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Garage & Tyres' })).toBeVisible();
  await expect(
    page.getByText('Renamed Garage to Garage & Tyres on 3 accounts; their history stays.'),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: '2 client runs' })).toBeVisible();
  const after = (await env.services.accounts.list()).accounts.filter(
    (account) => account.clientGroup === 'Garage & Tyres',
  );
  expect(after.map((account) => account.id)).toEqual(before);
  for (const id of before)
    expect((await env.services.history.list({ kind: 'account', accountId: id })).runs).toHaveLength(2);
  const lists = () => app.calls.filter((call) => call.channel === 'accounts:list').length;
  const listed = lists();
  await page.getByRole('button', { name: 'Back to your accounts' }).click();
  await expect(page.getByLabel('Client', { exact: true })).toHaveValue('client:Garage & Tyres');
  await expect(page.locator('li.account-row')).toHaveCount(3);
  // The desk reads the list again on the way back; the keychain is asked before the test's clean-up.
  await expect.poll(lists).toBeGreaterThan(listed);
});

test('a client page is also reached from its heading when the desk is sorted by client', async ({ app }) => {
  const { page, env } = app;
  await seedDesk(env);
  // A damaged client-runs.json is moved aside and said on the page, never silently dropped.
  await writeFile(join(env.dataDir, 'client-runs.json'), '{"schemaVersion": 1, "runs": [');
  await app.open();
  await page.getByLabel('Sort by').selectOption({ label: 'Client' });
  const florist = page.getByRole('region', { name: 'Florist' }).getByRole('button', { name: 'Client page' });
  await expect(florist).toHaveAccessibleDescription('Florist');
  await florist.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Florist' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Last client run' })).toContainText('No client run yet.');
  await expect(page.getByRole('region', { name: 'Last client run' })).toContainText(
    /Your client runs file could not be read \(it is not valid JSON\); it was moved to .*client-runs\.json\.corrupt-/,
  );
  await expectAccessible(page, 'client-page-no-runs');
  // Test all from the page, and back to the page (not to the desk) from its plan.
  await page.getByRole('button', { name: 'Test all 3 accounts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Test all accounts of Florist' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to Florist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Florist' })).toBeVisible();
});

test('side by side from 1280 px: the account list beside the selected account, one column below', async ({
  app,
}) => {
  const { page, env } = app;
  await seedDesk(env);
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.open();
  await page
    .getByRole('group', { name: 'Needs a look first' })
    .getByRole('button', { name: WORST.label })
    .click();
  const history = page.getByRole('heading', { level: 1, name: `History of ${WORST.label}` });
  await expect(history).toBeVisible();

  const list = page.getByRole('navigation', { name: 'Your accounts' });
  await expect(list.getByRole('button')).toHaveCount(30);
  // In the desk's order (worst grade first), the one on show marked.
  await expect(list.getByRole('button').first()).toContainText(WORST.label);
  await expect(list.locator('[aria-current="page"]')).toContainText(WORST.label);
  // The history uses the width beside the list.
  const listBox = await list.boundingBox();
  const historyBox = await page.locator('.split__detail').boundingBox();
  expect(listBox).not.toBeNull();
  expect(historyBox).not.toBeNull();
  if (listBox !== null && historyBox !== null) {
    expect(historyBox.x).toBeGreaterThanOrEqual(listBox.x + listBox.width);
    expect(historyBox.width).toBeGreaterThan(900);
  }
  await expectAccessible(page, 'side-by-side-history');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('side-by-side-history-1440x900-dark', { fullPage: false });
  await page.emulateMedia({ colorScheme: 'light' });
  await app.screenshot('side-by-side-history-1440x900', { fullPage: false });

  // Another account is one click away, and its history takes the place of the first.
  await list.getByRole('button', { name: /^Bakery info/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History of Bakery info' })).toBeVisible();
  await expect(list.locator('[aria-current="page"]')).toContainText('Bakery info');

  // Its results, beside the list.
  await page
    .getByRole('button', { name: /^Open the test of / })
    .first()
    .click();
  await expect(page.getByText('No MTA-STS policy').first()).toBeVisible();
  await expect(list).toBeVisible();
  // The policy file to create reads one setting per line, as it must be written (RFC 8461 section 3.2).
  const policyStep = page.locator('.fix-steps li:visible').filter({ hasText: 'version: STSv1' }).first();
  expect(await policyStep.innerText()).toMatch(/^version: STSv1\nmode: testing\nmx: /);
  await expectAccessible(page, 'side-by-side-results');
  await app.screenshot('side-by-side-results-1440x900', { fullPage: false });
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('side-by-side-results-1440x900-dark', { fullPage: false });
  await page.emulateMedia({ colorScheme: 'light' });

  // Below 1280 px: today's single column, the results still there.
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(list).toHaveCount(0);
  await expect(page.getByText('No MTA-STS policy').first()).toBeVisible();
  await app.screenshot('side-by-side-results-1024x768', { fullPage: false });
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('side-by-side-results-1024x768-dark', { fullPage: false });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(list).toBeVisible();
});
