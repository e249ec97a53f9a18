/**
 * History: two real audits of one account, with the domain's DMARC record published in between (the app's
 * DNS setting moved to a second Knot server that has it), then the stored runs listed, one opened, the two
 * compared and one deleted, in Chromium against the real main-process handlers.
 */
import type { Page } from '@playwright/test';
import type { HistoryListing } from '../../preload/contract/history';
import { startKnot, type KnotServer } from '../helpers/knot-server';
import { makeCanary } from './harness/account-form';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';
import {
  addScenarioAccount,
  AUDIT_DOMAIN,
  AUDIT_LABEL,
  startAuditScenario,
  useScenarioDns,
  type AuditScenario,
} from './harness/audit-scenario';

/** A whole audit against loopback takes a few seconds; this leaves room on a slow machine. */
const AUDIT_DEADLINE_MS = 45_000;
const TEST_TIMEOUT_MS = 150_000;
const DMARC_MISSING = 'dmarc.record.missing';

/** The scenario's zone with the DMARC record published (RFC 7489 section 6.1). */
const ZONE_WITH_DMARC = `
@ MX 10 mail
@ TXT "v=spf1 mx -all"
_dmarc TXT "v=DMARC1; p=reject"
mail A 127.0.0.1
`;

let scenario: AuditScenario | undefined;
let fixedDns: KnotServer | undefined;

test.beforeAll(async () => {
  scenario = await startAuditScenario(makeCanary());
  fixedDns = await startKnot({ [AUDIT_DOMAIN]: ZONE_WITH_DMARC });
});

test.afterAll(async () => {
  await fixedDns?.stop();
  await scenario?.stop();
});

function world(): AuditScenario {
  if (scenario === undefined) throw new Error('The audit scenario did not start.');
  return scenario;
}

function historyHeading(page: Page) {
  return page.getByRole('heading', { level: 1, name: `History of ${AUDIT_LABEL}` });
}

/** From the account list: one full audit with the plan's defaults, then back to the list. */
async function runAudit(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Test this account' }).click();
  await page.getByRole('button', { name: 'Start the test' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Results for ${AUDIT_LABEL}` })).toBeFocused({
    timeout: AUDIT_DEADLINE_MS,
  });
  await page.getByRole('button', { name: 'Back to your accounts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
}

async function storedRuns(app: AppHarness): Promise<HistoryListing['runs']> {
  const listed = await app.page.evaluate(() => window.mailwarden.history.list());
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.runs;
}

test('two runs listed, one opened read-only, compared (DMARC fixed), and one deleted', async ({ app }) => {
  test.setTimeout(TEST_TIMEOUT_MS);
  const { page } = app;
  await app.open();
  await useScenarioDns(page, world());
  await addScenarioAccount(page, world());

  // Before any test: the empty state, and Escape goes back to the accounts.
  await page.getByRole('button', { name: 'History' }).click();
  await expect(historyHeading(page)).toBeFocused();
  await expect(page.getByText('No tests yet')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeFocused();

  // First run without DMARC; then the record is published and the account tested again.
  await runAudit(page);
  const dns = fixedDns;
  if (dns === undefined) throw new Error('The second Knot server did not start.');
  const saved = await page.evaluate(
    (server) => window.mailwarden.settings.update({ dnsServer: server }),
    dns.server,
  );
  expect(saved.ok).toBe(true);
  await runAudit(page);
  const runs = await storedRuns(app);
  expect(runs).toHaveLength(2);
  const [newer, older] = runs;
  if (newer === undefined || older === undefined) throw new Error('Two runs were not stored.');

  // The list: newest first, each with its date, its grade and its counts by severity.
  await page.getByRole('button', { name: 'History' }).click();
  await expect(historyHeading(page)).toBeFocused();
  await expect(page.getByText('2 stored tests')).toBeVisible();
  const rows = page.locator('.run-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-run-id', newer.runId);
  await expect(rows.nth(1)).toHaveAttribute('data-run-id', older.runId);
  for (const [index, run] of [newer, older].entries()) {
    // The grade comes with the list; it is the stored report's own.
    expect(run.overall).not.toBeNull();
    await expect(rows.nth(index).locator('.run-row__grade')).toHaveText(`Grade ${run.overall?.grade ?? ''}`);
    await expect(rows.nth(index).locator('[data-severity="pass"] .severity-count__n')).toHaveText(
      String(run.counts.pass),
    );
  }
  // The list came whole: no stored report was fetched to draw it.
  expect(app.calls.filter((call) => call.channel === 'history:get')).toEqual([]);
  await page.mouse.move(0, 0);
  await app.screenshot('history');
  await expectAccessible(app.page, 'history');

  // The older run, opened: the stored report with its DMARC finding, read-only; Escape goes back.
  await rows
    .nth(1)
    .getByRole('button', { name: /^Open the test of / })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Results for ${AUDIT_LABEL}` })).toBeFocused();
  await page.locator('details[data-fold="all"] > summary').click();
  await expect(page.locator(`[data-finding-id="${DMARC_MISSING}"]`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Test this again' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Back to the history' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Export the report' })).toBeVisible();
  await page.mouse.move(0, 0);
  await app.screenshot('history-run');
  await expectAccessible(app.page, 'history-run');
  await page.keyboard.press('Escape');
  await expect(historyHeading(page)).toBeFocused();

  // Compare stays inert until two runs are chosen; the checkboxes work from the keyboard.
  const compare = page.getByRole('button', { name: 'Compare' });
  await expect(compare).toHaveAttribute('aria-disabled', 'true');
  const boxes = page.getByRole('checkbox', { name: /^Choose the test of / });
  await boxes.nth(0).focus();
  await page.keyboard.press('Space');
  await expect(boxes.nth(0)).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(boxes.nth(1)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(boxes.nth(1)).toBeChecked();
  await expect(compare).not.toHaveAttribute('aria-disabled', 'true');
  await compare.click();

  // Fixed: the missing DMARC record. It is neither new nor unchanged.
  await expect(page.getByRole('heading', { level: 1, name: 'Two tests compared' })).toBeFocused();
  const fixed = page.locator('[data-group="fixed"]');
  await expect(fixed.locator(`[data-finding-id="${DMARC_MISSING}"]`)).toBeVisible();
  await expect(fixed.locator(`[data-finding-id="${DMARC_MISSING}"] .severity`)).toHaveText(/\S/);
  await expect(page.locator(`[data-group="new"] [data-finding-id="${DMARC_MISSING}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-group="unchanged"] [data-finding-id="${DMARC_MISSING}"]`)).toHaveCount(0);
  const unchangedGroup = page.locator('[data-group="unchanged"]');
  await expect(unchangedGroup.locator('.compare-item').first()).toBeVisible();
  // What stayed wrong is in view; what passed both times is folded away, and opens from the keyboard.
  const stillPassing = unchangedGroup.locator('details[data-fold="unchanged-passed"]');
  await expect(stillPassing).not.toHaveAttribute('open');
  await expect(stillPassing.locator('summary')).toHaveText(/^\d+ checks? passed$/);
  await expect(stillPassing.locator('.compare-item').first()).toBeHidden();
  expect(await unchangedGroup.locator(':scope > .compare-list .severity').allTextContents()).not.toContain(
    'Passed',
  );
  await page.mouse.move(0, 0);
  await app.screenshot('compare');
  await expectAccessible(app.page, 'compare');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('compare-dark');
  await expectAccessible(app.page, 'compare-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await stillPassing.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(stillPassing).toHaveAttribute('open');
  await expect(stillPassing.locator('.compare-item').first()).toBeVisible();
  await expect(stillPassing.locator('.severity').first()).toHaveText('Passed');
  await page.keyboard.press('Escape');
  await expect(historyHeading(page)).toBeFocused();

  // Delete the newer run: a confirm step first (Cancel keeps it), then it is gone for good.
  const deleteNewer = rows.nth(0).getByRole('button', { name: /^Delete the test of / });
  await deleteNewer.click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(deleteNewer).toBeFocused();
  await expect(rows).toHaveCount(2);
  await deleteNewer.click();
  await page.getByRole('button', { name: 'Delete test' }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: /^The test of .+ was deleted\.$/ })).toBeVisible();
  await expect(rows.nth(0)).toHaveAttribute('data-run-id', older.runId);
  expect((await storedRuns(app)).map((run) => run.runId)).toEqual([older.runId]);
});
