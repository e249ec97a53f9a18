/**
 * Testing an account end to end: "What will be tested", the live run, and the explained results, driven
 * in Chromium against the real main-process audit, a real Knot DNS server and a real submission server
 * on loopback (see harness/audit-scenario.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { HISTORY_DIR_NAME } from '../../main/core/history/history-document';
import type { AuditReport } from '../../preload/contract/audit';
import type { Finding } from '../../preload/contract/findings';
import { makeCanary } from './harness/account-form';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';
import {
  addScenarioAccount,
  AUDIT_LABEL,
  copiedTexts,
  recordCopies,
  startAuditScenario,
  useScenarioDns,
  type AuditScenario,
} from './harness/audit-scenario';

/** A whole audit against loopback takes a few seconds; this leaves room on a slow machine. */
const AUDIT_DEADLINE_MS = 45_000;
const TEST_TIMEOUT_MS = 120_000;
/** Slow enough to watch the SMTP checks run (each opens a few connections), quick enough to finish. */
const WATCHABLE_GREETING_MS = 1_500;
/** Longer than any test waits: a run started with it is still going when it is cancelled. */
const STUCK_GREETING_MS = 25_000;

let scenario: AuditScenario | undefined;

test.beforeAll(async () => {
  scenario = await startAuditScenario(makeCanary());
});

test.afterAll(async () => {
  await scenario?.stop();
});

test.beforeEach(() => {
  test.setTimeout(TEST_TIMEOUT_MS);
  world().setGreetingDelay(0);
});

function world(): AuditScenario {
  if (scenario === undefined) throw new Error('The audit scenario did not start.');
  return scenario;
}

/** Opens the app, points DNS at Knot, adds the account and opens "What will be tested". */
async function openPlan(app: AppHarness): Promise<void> {
  const { page } = app;
  await app.open();
  await useScenarioDns(page, world());
  await addScenarioAccount(page, world());
  await page.getByRole('button', { name: 'Test this account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Test ${AUDIT_LABEL}` })).toBeFocused();
}

function resultsHeading(page: Page) {
  return page.getByRole('heading', { level: 1, name: `Results for ${AUDIT_LABEL}` });
}

/** The report main pushed to the page last, as the page received it. */
function lastReport(app: AppHarness): AuditReport {
  const finished = app.calls
    .filter((call) => call.channel === 'audit:event')
    .map((call) => JSON.parse(call.response) as { type: string; report?: AuditReport })
    .filter((event) => event.type === 'finished');
  const report = finished.at(-1)?.report;
  if (report === undefined) throw new Error('No audit finished.');
  return report;
}

function findingOf(report: AuditReport, id: string): Finding {
  const found = report.findings.find((finding) => finding.id === id);
  if (found === undefined) throw new Error(`The report has no ${id} finding.`);
  return found;
}

function findingItem(page: Page, id: string) {
  return page.locator(`[data-finding-id="${id}"]`).first();
}

test('plan, live run and results: the untrusted certificate and the missing DMARC record, with their fixes', async ({
  app,
}) => {
  const { page } = app;
  const server = world();
  await openPlan(app);

  // The plan: what is tested in plain words, and a switch for each test an admin might notice.
  await expect(page.getByRole('heading', { name: 'What will be tested' })).toBeVisible();
  const relay = page.getByRole('switch', { name: 'Open-relay and spoofing test' });
  const login = page.getByRole('switch', { name: 'Sign in with the saved password' });
  await expect(relay).toBeChecked();
  await expect(login).toBeChecked();
  await expect(relay).toHaveAccessibleDescription(/stops before any message is sent/);
  // No login means no login: the spoofing half of the relay test signs in, so it goes off with it.
  await login.uncheck();
  await expect(relay).toBeDisabled();
  await expect(relay).not.toBeChecked();
  await expect(relay).toHaveAccessibleDescription(/skipped too, because it signs in first/);
  await login.check();
  await expect(relay).toBeEnabled();
  await expect(relay).toBeChecked();
  await relay.uncheck();
  await expect(relay).not.toBeChecked();
  await app.screenshot('plan');
  await expectAccessible(app.page, 'plan');

  const commandsBefore = server.smtp.commands.length;
  server.setGreetingDelay(WATCHABLE_GREETING_MS);
  await page.getByRole('button', { name: 'Start the test' }).click();

  // The run: every planned check listed, the SMTP ones still running while the DNS ones are done.
  await expect(page.getByRole('heading', { level: 1, name: `Testing ${AUDIT_LABEL}` })).toBeFocused();
  const progress = page.getByRole('progressbar', { name: 'Checks finished' });
  await expect(page.locator('.check-row--done').first()).toBeVisible();
  await expect(page.locator('.check-row--running').first()).toBeVisible();
  const rows = await page.locator('.check-row').count();
  expect(rows).toBeGreaterThan(5);
  await expect(progress).toHaveAttribute('aria-valuemax', String(rows));
  expect(Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await expect(page.locator('.check-row--done').first()).toContainText(/Done in \d+\.\d s/);
  await expect(
    page.getByRole('status').filter({ hasText: /^Testing: \d+ of \d+ checks finished\.$/ }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel the test' })).toBeVisible();
  // Found so far, by severity: the chips add up to the total, read in one go so no event lands between.
  const soFar = await page.locator('.run-found').evaluate((panel) => ({
    total: Number(/\d+/.exec(panel.querySelector('.run-found__n')?.textContent ?? '')?.[0]),
    chips: [...panel.querySelectorAll('.severity-count__n')].map((chip) => Number(chip.textContent)),
  }));
  expect(soFar.chips).toHaveLength(6);
  expect(soFar.total).toBeGreaterThan(0);
  expect(soFar.chips.reduce((sum, n) => sum + n, 0)).toBe(soFar.total);
  await expect(page.getByRole('list', { name: 'Found so far, by severity' })).toBeVisible();
  await app.screenshot('run');
  await expectAccessible(app.page, 'run');

  // The results: the grades, then the findings worst first.
  await expect(resultsHeading(page)).toBeFocused({ timeout: AUDIT_DEADLINE_MS });
  server.setGreetingDelay(0);
  const report = lastReport(app);
  expect(report.cancelled).toBe(false);
  if (report.score.overall !== null) {
    await expect(page.locator('.score .grade')).toHaveAttribute('data-grade', report.score.overall.grade);
    await expect(page.getByText(`${String(report.score.overall.score)} out of 100`)).toBeVisible();
    await expect(page.locator('.area-grade')).toHaveCount(report.score.areas.length);
  }
  // The verdict on top, then the fix plan: one action per cause, each with a message to send.
  await expect(page.locator('.verdict__sentence')).toHaveText(report.plan.verdict.sentence);
  await expect(page.locator('.action')).toHaveCount(report.plan.actions.length);
  expect(report.plan.actions.length).toBeGreaterThan(0);
  const firstAction = page.locator('.action').first();
  await firstAction.getByRole('button', { name: 'Copy a message for them' }).click();
  await expect(firstAction.getByRole('status')).toHaveText(/Copied the message|Ctrl\+C/);
  await expect(firstAction.locator('.message-copy__text')).toHaveValue(report.plan.actions[0]?.message ?? '');
  // Every finding stays one click away, worst first.
  const allFindings = page.locator('details[data-fold="all"]');
  await expect(allFindings).not.toHaveAttribute('open');
  await allFindings.locator('summary').click();
  const severities = await page.locator('.finding-list').first().locator('.severity').allTextContents();
  const order = ['Critical', 'High', 'Medium', 'Low'];
  expect(severities.map((s) => order.indexOf(s))).toEqual(
    [...severities.map((s) => order.indexOf(s))].sort((a, b) => a - b),
  );
  // The relay test was switched off: the server never saw an envelope. The test CA is not trusted, so
  // the password was withheld: no AUTH reached the server either.
  expect(server.smtp.commands.slice(commandsBefore)).not.toContain('MAIL');
  expect(server.smtp.authAttempts).toEqual([]);
  await expect(findingItem(page, 'auth.tls.untrusted')).toBeVisible();
  // Passing checks are there too, folded away.
  const passed = page.locator('details[data-fold="passed"]');
  await expect(passed).not.toHaveAttribute('open');
  await expect(passed.locator('summary')).toHaveText(/^\d+ checks passed$/);
  await page.mouse.move(0, 0);
  await app.screenshot('results');
  await expectAccessible(app.page, 'results');

  // The untrusted certificate, opened: what we saw, what it means, how to fix it.
  const untrusted = findingOf(report, 'tls.chain.untrusted');
  const item = findingItem(page, 'tls.chain.untrusted');
  const toggle = item.getByRole('button', { name: untrusted.title });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(item.getByRole('heading', { name: 'What we saw' })).toBeVisible();
  const issuer = untrusted.evidence['issuer'];
  if (typeof issuer !== 'string') throw new Error('The finding names no issuer.');
  // The facts first, with human labels; the library's code folded into "Technical details".
  await expect(item.locator('.evidence').first()).toContainText(issuer);
  await expect(item.locator('.evidence').first()).toContainText('Issued by');
  await expect(item.locator('.evidence').first()).not.toContainText('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  const technical = item.locator('details.technical');
  await expect(technical).not.toHaveAttribute('open');
  await technical.locator('summary').click();
  await expect(technical).toContainText('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  await expect(item.getByText(untrusted.explanation)).toBeVisible();
  await expect(item.getByRole('heading', { name: 'How to fix it' })).toBeVisible();
  await expect(item.locator('.fix-steps > li')).toHaveCount(untrusted.fix.steps.length);
  // The fix names the setting, and the finding offers the way there.
  await expect(item.getByRole('button', { name: 'Open Settings: extra trusted certificates' })).toBeVisible();
  for (const reference of untrusted.references) {
    await expect(item.getByRole('link', { name: reference.label })).toHaveAttribute('rel', 'noreferrer');
  }
  await expect(item.getByRole('button', { name: 'Test this again' })).toBeVisible();
  await app.screenshot('finding-open');
  await expectAccessible(app.page, 'finding-open');

  // The withheld login shows the conversation that led to it, monospace and collapsed.
  const withheld = findingItem(page, 'auth.tls.untrusted');
  await withheld.getByRole('button').first().click();
  const transcript = withheld.locator('details.transcript');
  await expect(transcript).not.toHaveAttribute('open');
  await transcript.locator('summary').click();
  await expect(transcript.locator('.transcript__lines')).toContainText('STARTTLS');
  expect(
    await transcript.locator('.transcript__lines').evaluate((el) => getComputedStyle(el).fontFamily),
  ).toMatch(/mono/i);

  // The missing DMARC record: its exact record, copied with the page's fallback (no clipboard permission).
  const dmarc = findingOf(report, 'dmarc.record.missing');
  const record = dmarc.fix.record;
  if (record === undefined) throw new Error('The DMARC finding carries no record.');
  await recordCopies(page);
  const dmarcItem = findingItem(page, 'dmarc.record.missing');
  await dmarcItem.getByRole('button', { name: dmarc.title }).click();
  await expect(dmarcItem.getByLabel('Value')).toHaveValue(record.value);
  await expect(dmarcItem.locator('.record__facts')).toContainText(record.name);
  await dmarcItem.getByRole('button', { name: 'Copy value' }).click();
  await expect(dmarcItem.getByRole('status')).toHaveText('Copied the record’s value.');
  expect(await copiedTexts(page)).toEqual([record.value]);

  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('results-dark');
  await expectAccessible(app.page, 'results-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // "Allow this certificate for one test": the fingerprint to compare, then one run that sends the
  // password to exactly that certificate (the CLI's --allow-fingerprint).
  const fingerprint = findingOf(report, 'auth.tls.untrusted').evidence['fingerprintSha256'];
  if (typeof fingerprint !== 'string') throw new Error('The withheld login names no fingerprint.');
  await expect(withheld.locator('.allow-certificate__fingerprint')).toHaveText(fingerprint);
  await withheld.getByRole('button', { name: 'Allow this certificate for one test' }).click();
  await expect(resultsHeading(page)).toBeFocused({ timeout: AUDIT_DEADLINE_MS });
  await expect.poll(() => lastReport(app).startedAt).not.toBe(report.startedAt);
  expect(lastReport(app).findings.map((finding) => finding.id)).toContain('auth.tls.fingerprint-allowed');
  expect(server.smtp.authAttempts.length).toBeGreaterThan(0);

  // 200% zoom of an 800x600 window: nothing needs scrolling sideways.
  await page.setViewportSize({ width: 400, height: 300 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  await app.screenshot('results-zoom', { fullPage: false });
});

test('cancel stops a second run, and the results say they are incomplete', async ({ app }) => {
  const { page } = app;
  await openPlan(app);
  await page.getByRole('button', { name: 'Start the test' }).click();
  await expect(resultsHeading(page)).toBeFocused({ timeout: AUDIT_DEADLINE_MS });
  await expect(page.locator('.blocker--cancelled')).toBeHidden();

  world().setGreetingDelay(STUCK_GREETING_MS);
  await page.getByRole('button', { name: 'Test this again' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: `Testing ${AUDIT_LABEL}` })).toBeFocused();
  // The DNS checks finish; the SMTP checks wait for a greeting that does not come.
  await expect(page.locator('.check-row--done').first()).toBeVisible();
  await expect(page.locator('.check-row--running').first()).toBeVisible();
  // At 1024x768, scrolled to the end of the checks, progress and Cancel are still in view.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.evaluate(() => {
    window.scrollTo(0, document.body.scrollHeight);
  });
  await expect(page.getByRole('progressbar', { name: 'Checks finished' })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Cancel the test' })).toBeInViewport();
  await page.getByRole('button', { name: 'Cancel the test' }).click();

  await expect(resultsHeading(page)).toBeFocused({ timeout: AUDIT_DEADLINE_MS });
  // One banner names the cause; the verdict says there is no grade; the unfinished checks are listed.
  await expect(page.locator('.blocker--cancelled')).toContainText(
    'The run was cancelled before every check finished',
  );
  await expect(page.locator('.verdict__sentence')).toHaveText(/^Incomplete: /);
  await expect(page.locator('.score .grade')).toHaveAttribute('data-grade', 'incomplete');
  await expect(page.locator('details[data-fold="not-run"] > summary')).toHaveText(/checks? did not run$/);
  const cancel = app.calls.filter((call) => call.channel === 'audit:cancel');
  expect(cancel.map((call) => JSON.parse(call.response) as unknown)).toEqual([
    { ok: true, value: { cancelled: true } },
  ]);
  const report = lastReport(app);
  expect(report.cancelled).toBe(true);
  expect(report.findings.some((finding) => finding.id === 'audit.check.cancelled')).toBe(true);
  world().setGreetingDelay(0);
  await page.mouse.move(0, 0);
  await app.screenshot('results-cancelled');
  await expectAccessible(page, 'results-cancelled');
});

test('a run that cannot be kept in the history still shows its results, says so, and offers no export', async ({
  app,
}) => {
  const { page } = app;
  await openPlan(app);
  // A plain file where the history folder belongs: the save fails for root too (ENOTDIR).
  await writeFile(join(app.env.dataDir, HISTORY_DIR_NAME), 'not a folder\n');
  await page.getByRole('button', { name: 'Start the test' }).click();

  await expect(resultsHeading(page)).toBeFocused({ timeout: AUDIT_DEADLINE_MS });
  const notice = page.locator('.notice').filter({ hasText: 'These results were not saved in your history' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('cannot be exported or compared later');
  await page.locator('details[data-fold="all"] > summary').click();
  await expect(findingItem(page, 'auth.tls.untrusted')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Export the report' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'HTML' })).toHaveCount(0);
  const finished = app.calls
    .filter((call) => call.channel === 'audit:event')
    .map((call) => JSON.parse(call.response) as { type: string; history?: { status: string } })
    .filter((event) => event.type === 'finished');
  expect(finished.at(-1)?.history?.status).toBe('failed');
  await page.mouse.move(0, 0);
  await app.screenshot('results-not-saved');
  await expectAccessible(page, 'results-not-saved');
});

test('keyboard only: plan, run and results, with Escape closing an opened finding', async ({ app }) => {
  const { page } = app;
  await app.open();
  await useScenarioDns(page, world());
  await addScenarioAccount(page, world());
  // From the list's heading: Add account, the desk's search, sort and filter, then "Test this account".
  await page.getByRole('heading', { level: 1, name: 'Your accounts' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add account' })).toBeFocused();
  for (const control of [
    page.getByRole('searchbox', { name: 'Search' }),
    page.getByLabel('Sort by'),
    page.getByLabel('Needs attention only'),
    page.getByRole('button', { name: 'Test this account' }),
  ]) {
    await page.keyboard.press('Tab');
    await expect(control).toBeFocused();
  }
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: `Test ${AUDIT_LABEL}` })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Back to your accounts' })).toBeFocused();
  // The heading takes focus only on arrival; Tab goes on to the first switch.
  await page.keyboard.press('Tab');
  const relay = page.getByRole('switch', { name: 'Open-relay and spoofing test' });
  await expect(relay).toBeFocused();
  // The checkbox itself is invisible; its drawn track shows the focus ring.
  const ring = await page
    .locator('.switch__track')
    .first()
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).toBe('solid');
  await page.keyboard.press('Space');
  await expect(relay).not.toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('switch', { name: 'Sign in with the saved password' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Start the test' })).toBeFocused();
  world().setGreetingDelay(WATCHABLE_GREETING_MS);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: `Testing ${AUDIT_LABEL}` })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Cancel the test' })).toBeFocused();
  await expectVisibleFocus(page);

  await expect(resultsHeading(page)).toBeFocused({ timeout: AUDIT_DEADLINE_MS });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Test this again' })).toBeFocused();
  // The fix plan comes first: the next stop is a control of its first action.
  await page.keyboard.press('Tab');
  expect(
    await page
      .locator('.action')
      .first()
      .evaluate((action) => action.contains(document.activeElement)),
  ).toBe(true);
  await expectVisibleFocus(page);
  // Every finding is one key press away: open "All findings" from the keyboard.
  await page.locator('details[data-fold="all"] > summary').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('details[data-fold="all"]')).toHaveAttribute('open');
  await page.keyboard.press('Tab');
  const first = page.locator('.finding__toggle').first();
  await expect(first).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('heading', { name: 'What it means' }).first()).toBeVisible();
  // Into the opened finding, then Escape: closed, and focus is back on its button.
  await page.keyboard.press('Tab');
  await expect(first).not.toBeFocused();
  await page.keyboard.press('Escape');
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await expect(first).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('.finding__toggle').nth(1)).toBeFocused();
});

/** The focused element draws an outline at least 2 px wide in a colour that is not transparent. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement ?? document.body);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
  });
  expect(outline.style).toBe('solid');
  expect(outline.width).toBeGreaterThanOrEqual(2);
  expect(outline.color).not.toMatch(/rgba\(\d+, \d+, \d+, 0\)|transparent/);
}
