/**
 * Clients, for consultants: test all of a client's accounts one after another, see each row reach its
 * end, open an account's results from the summary, cancel a run part-way, and export one report for the
 * whole client in every format. Driven in Chromium against the real main-process audit, a real Knot DNS
 * server and a real submission server on loopback (harness/audit-scenario.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { AuditReport } from '../../preload/contract/audit';
import type { ExportFormat } from '../../preload/contract/export';
import { parseAuditReport } from '../../main/core/report/report-schema';
import { containsSecret, makeCanary, readAllFiles, sortByClient } from './harness/account-form';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';
import { createExportStandIns } from './harness/export-stand-ins';
import { AUDIT_DOMAIN, MAIL_HOST, startAuditScenario, type AuditScenario } from './harness/audit-scenario';

/** Two accounts in a row against loopback; room for a slow machine. */
const CLIENT_RUN_DEADLINE_MS = 90_000;
const EXPORT_DEADLINE_MS = 30_000;
const TEST_TIMEOUT_MS = 180_000;
/** Slow enough to watch an account run, quick enough to finish. */
const WATCHABLE_GREETING_MS = 1_200;
/** Longer than any test waits: an account started with it is still running when Cancel is pressed. */
const STUCK_GREETING_MS = 25_000;
const MIN_PDF_BYTES = 5_000;

const BAKERY = 'Bakery';
const FLORIST = 'Florist';
const ORDERS = 'Bakery orders';
const DESK = 'Bakery front desk';
const FLORIST_SHOP = 'Florist shop';

let scenario: AuditScenario | undefined;
const saving = createExportStandIns();

test.use({ exportPorts: saving.ports });

test.beforeAll(async () => {
  scenario = await startAuditScenario(makeCanary());
  await saving.start();
});

test.afterAll(async () => {
  await saving.stop();
  await scenario?.stop();
});

test.beforeEach(async () => {
  test.setTimeout(TEST_TIMEOUT_MS);
  world().setGreetingDelay(0);
  await saving.reset();
});

test.afterEach(async () => {
  await saving.clean();
});

function world(): AuditScenario {
  if (scenario === undefined) throw new Error('The audit scenario did not start.');
  return scenario;
}

/**
 * Two clients on the scenario's server, saved through the real services before the page opens: Bakery
 * (one account with the password, one without) and Florist (one account). DNS points at Knot.
 */
async function openWithClients(app: AppHarness): Promise<void> {
  const { services } = app.env;
  const server = world();
  await services.settings.update({ dnsServer: server.knot.server });
  const common = { host: MAIL_HOST, port: server.smtp.port, security: 'starttls' } as const;
  await services.accounts.add(
    { ...common, email: `ann@${AUDIT_DOMAIN}`, label: ORDERS, clientGroup: BAKERY },
    server.password,
  );
  await services.accounts.add({ ...common, email: `desk@${AUDIT_DOMAIN}`, label: DESK, clientGroup: BAKERY });
  await services.accounts.add(
    { ...common, email: `flora@${AUDIT_DOMAIN}`, label: FLORIST_SHOP, clientGroup: FLORIST },
    server.password,
  );
  await app.open();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
  await sortByClient(app.page);
}

function clientButton(page: Page, client: string, count: number) {
  return page
    .getByRole('region', { name: client })
    .getByRole('button', { name: `Test all ${String(count)} accounts` });
}

function row(page: Page, label: string) {
  return page
    .locator('.client-row')
    .filter({ has: page.getByRole('heading', { level: 3, name: label, exact: true }) });
}

function finishedReports(app: AppHarness): AuditReport[] {
  return app.calls
    .filter((call) => call.channel === 'audit:event')
    .map((call) => JSON.parse(call.response) as { type: string; report?: AuditReport })
    .flatMap((event) => (event.type === 'finished' && event.report !== undefined ? [event.report] : []));
}

/** Screenshots of the screen as shown: light, dark, 800x600, and 200% zoom (400x300 CSS pixels). */
async function screenshots(app: AppHarness, name: string): Promise<void> {
  const { page } = app;
  await page.mouse.move(0, 0);
  await app.screenshot(name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot(`${name}-dark`);
  await expectAccessible(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 800, height: 600 });
  await app.screenshot(`${name}-800x600`, { fullPage: false });
  await page.setViewportSize({ width: 400, height: 300 });
  await app.screenshot(`${name}-zoom-200`);
  // Nothing scrolls sideways at 200% zoom.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  await page.setViewportSize({ width: 1024, height: 768 });
}

test('tests all of one client’s accounts, shows each row’s end and the grades, and exports one report per format', async ({
  app,
}) => {
  const { page } = app;
  const server = world();
  await openWithClients(app);
  await expect(clientButton(page, BAKERY, 2)).toHaveAccessibleDescription(BAKERY);
  await expect(
    page.getByRole('region', { name: FLORIST }).getByRole('button', { name: 'Test the 1 account' }),
  ).toBeVisible();
  await app.screenshot('clients-account-list');
  await expectAccessible(page, 'clients-account-list');

  // The plan: both accounts, the one without a password says its login is skipped, and the two switches.
  await clientButton(page, BAKERY, 2).click();
  await expect(page.getByRole('heading', { level: 1, name: `Test all accounts of ${BAKERY}` })).toBeFocused();
  const planned = page.locator('.client-plan__account');
  await expect(planned).toHaveCount(2);
  await expect(planned.filter({ hasText: DESK })).toContainText('Login skipped: no password');
  await expect(planned.filter({ hasText: ORDERS })).toContainText('Signs in with the saved password');
  await expect(page.getByRole('switch', { name: 'Open-relay and spoofing test' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Sign in with the saved password' })).toBeChecked();
  await expect(page.getByRole('heading', { name: 'What will be tested' })).toBeVisible();
  await expectAccessible(page, 'client-plan');
  await screenshots(app, 'client-plan');

  // The run: one account at a time, each row with its state.
  server.setGreetingDelay(WATCHABLE_GREETING_MS);
  await page.getByRole('button', { name: 'Start testing 2 accounts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Testing ${BAKERY}` })).toBeFocused();
  await expect(row(page, DESK)).toHaveAttribute('data-state', 'running');
  await expect(row(page, ORDERS)).toHaveAttribute('data-state', 'waiting');
  await expect(row(page, ORDERS)).toContainText('Waiting');
  await expect(row(page, DESK)).toContainText(/Running · \d+ of \d+ checks · \d+(\.\d)? s/);
  await expect(
    page.getByRole('status').filter({ hasText: `Testing ${DESK}, account 1 of 2.` }),
  ).toBeAttached();
  await expect(page.getByRole('progressbar', { name: 'Accounts finished' })).toHaveAttribute(
    'aria-valuenow',
    '0',
  );
  // Never two at once: while the second runs, the first is done.
  await expect(row(page, ORDERS)).toHaveAttribute('data-state', 'running', {
    timeout: CLIENT_RUN_DEADLINE_MS,
  });
  await expect(row(page, DESK)).toHaveAttribute('data-state', 'done');
  await expect(page.locator('.client-row--running')).toHaveCount(1);
  await expect(
    page.getByRole('status').filter({ hasText: `Testing ${ORDERS}, account 2 of 2.` }),
  ).toBeAttached();
  await expectAccessible(page, 'client-running');
  await page.mouse.move(0, 0);
  await app.screenshot('client-running');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('client-running-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The summary: every row done, with the grade of its own report.
  await expect(page.getByRole('heading', { level: 1, name: `Results for ${BAKERY}` })).toBeFocused({
    timeout: CLIENT_RUN_DEADLINE_MS,
  });
  server.setGreetingDelay(0);
  await expect(
    page.getByRole('status').filter({ hasText: 'All 2 accounts have been tested.' }),
  ).toBeAttached();
  await expect(page.getByText('2 of 2 accounts tested')).toBeVisible();
  const reports = finishedReports(app);
  expect(reports.map((report) => report.target.label)).toEqual([DESK, ORDERS]);
  for (const report of reports) {
    const item = row(page, report.target.label);
    await expect(item).toHaveAttribute('data-state', 'done');
    const overall = report.score.overall;
    await expect(item.locator('[data-grade]')).toHaveAttribute('data-grade', overall?.grade ?? '');
    if (overall !== null) await expect(item).toContainText(`${String(Math.round(overall.score))} / 100`);
    await expect(item).toContainText(/Worst: (Critical|High|Medium|Low|Note|Passed)/);
  }
  // The Florist account was not touched.
  const florist = (await app.env.services.accounts.list()).accounts.find((a) => a.label === FLORIST_SHOP);
  expect(
    (await app.env.services.history.list({ kind: 'account', accountId: florist?.id ?? '' })).runs,
  ).toEqual([]);
  // The client run is kept, with each account's run as the history stores it (the client page lists it).
  await expect
    .poll(async () =>
      (await app.env.services.clients.list(BAKERY)).runs.map((run) => run.accounts.map((a) => a.runId)),
    )
    .toEqual([
      app.calls
        .filter((call) => call.channel === 'audit:event')
        .map((call) => JSON.parse(call.response) as { type: string; runId: string })
        .flatMap((event) => (event.type === 'finished' ? [event.runId] : [])),
    ]);
  await expectAccessible(page, 'client-summary');
  await screenshots(app, 'client-summary');

  // An account's full results, read from the history, and back to the summary with Escape.
  await page.getByRole('button', { name: `Open results for ${ORDERS}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Results for ${ORDERS}` })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Back to the client summary' })).toBeVisible();
  await page.locator('details[data-fold="all"] > summary').click();
  await expect(page.locator('[data-finding-id="auth.tls.untrusted"]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: `Results for ${BAKERY}` })).toBeFocused();

  // One file for the whole client, in every format.
  const status = page.getByRole('status').filter({ hasText: /Saved|Export cancelled|Preparing/ });
  const group = page.getByRole('group', { name: 'Export as' });
  const labels: Record<ExportFormat, string> = {
    html: 'HTML',
    pdf: 'PDF',
    md: 'Markdown',
    json: 'JSON',
    csv: 'CSV',
  };
  for (const format of ['html', 'pdf', 'md', 'json', 'csv'] as const) {
    saving.answers.push(`client.${format}`);
    await group.getByRole('button', { name: labels[format], exact: true }).click();
    await expect(status).toHaveText(`Saved client.${format}`, { timeout: EXPORT_DEADLINE_MS });
    expect(saving.asked.at(-1)?.suggestedName).toMatch(
      new RegExp(`^mailwarden-client-bakery-\\d{4}-\\d{2}-\\d{2}\\.${format}$`),
    );
  }
  const read = (format: ExportFormat) => readFile(join(saving.outDir(), `client.${format}`), 'utf8');
  const html = await read('html');
  expect(html.match(/<section class="client-account"/g)).toHaveLength(2);
  for (const label of [DESK, ORDERS]) {
    expect(html).toContain(`aria-label="${label}"`);
    expect(await read('md')).toContain(`## Mail security report: ${label}`);
  }
  expect(html).not.toContain(FLORIST_SHOP);
  const json = JSON.parse(await read('json')) as {
    kind: string;
    client: string;
    accounts: { report: unknown }[];
  };
  expect(json).toMatchObject({ kind: 'mailwarden-client-report', client: BAKERY });
  expect(json.accounts.map((account) => parseAuditReport(account.report))).toEqual(reports);
  const csv = await read('csv');
  // Every field quoted; one row per finding, then one per check that did not run.
  expect(csv.startsWith('"account","grade","id",')).toBe(true);
  expect(csv.split('\r\n').filter((line) => line.startsWith(`"${ORDERS}",`)).length).toBe(
    (reports[1]?.findings.length ?? 0) +
      (reports[1]?.coverage?.checks.filter((check) => check.status !== 'ran').length ?? 0),
  );
  const pdf = await readFile(join(saving.outDir(), 'client.pdf'));
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(MIN_PDF_BYTES);
  await expectAccessible(page, 'client-exported');

  // The password is nowhere: not in a saved file, the data folder, or anything the page was sent.
  for (const file of [...(await readAllFiles(saving.outDir())), ...(await readAllFiles(app.env.dataDir))])
    expect(containsSecret(file.bytes, server.password), file.path).toBe(false);
  for (const call of app.calls) expect(call.response).not.toContain(server.password);
});

test('keyboard only: cancel part-way stops the running account and skips the rest', async ({ app }) => {
  const { page } = app;
  const server = world();
  await openWithClients(app);

  await clientButton(page, BAKERY, 2).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Test all accounts of ${BAKERY}` })).toBeFocused();
  // Login off with the keyboard: the relay test goes off with it, as on the single plan.
  const login = page.getByRole('switch', { name: 'Sign in with the saved password' });
  await tabTo(page, login);
  await page.keyboard.press('Space');
  await expect(login).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'Open-relay and spoofing test' })).toBeDisabled();
  await expect(page.locator('.client-plan__account').filter({ hasText: ORDERS })).toContainText(
    'Login switched off',
  );
  const start = page.getByRole('button', { name: 'Start testing 2 accounts' });
  await tabTo(page, start);
  server.setGreetingDelay(STUCK_GREETING_MS);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: `Testing ${BAKERY}` })).toBeFocused();
  await expect(row(page, DESK)).toHaveAttribute('data-state', 'running');
  const cancel = page.getByRole('button', { name: 'Cancel the run' });
  await tabTo(page, cancel);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: `Results for ${BAKERY}` })).toBeFocused({
    timeout: CLIENT_RUN_DEADLINE_MS,
  });
  server.setGreetingDelay(0);
  await expect(row(page, DESK)).toHaveAttribute('data-state', 'cancelled');
  await expect(row(page, DESK)).toContainText('Cancelled: the results are incomplete');
  await expect(row(page, ORDERS)).toHaveAttribute('data-state', 'skipped');
  await expect(row(page, ORDERS)).toContainText('Skipped: the run was cancelled');
  await expect(page.getByText('You cancelled this run')).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Cancelled. The accounts not yet tested were skipped.' }),
  ).toBeAttached();
  await expect(page.getByText('1 of 2 accounts tested')).toBeVisible();
  // Only the first account was ever started.
  expect(app.calls.filter((call) => call.channel === 'audit:start')).toHaveLength(1);
  await expectAccessible(page, 'client-cancelled');
  await screenshots(app, 'client-cancelled');

  // The cancelled run is in the history: its report exports, marked as cancelled.
  const json = page.getByRole('group', { name: 'Export as' }).getByRole('button', { name: 'JSON' });
  await tabTo(page, json);
  saving.answers.push('cancelled.json');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved cancelled.json' })).toBeVisible({
    timeout: EXPORT_DEADLINE_MS,
  });
  const saved = JSON.parse(await readFile(join(saving.outDir(), 'cancelled.json'), 'utf8')) as {
    accounts: { label: string; cancelled: boolean }[];
  };
  expect(saved.accounts.map((account) => [account.label, account.cancelled])).toEqual([[DESK, true]]);

  // Back to the accounts with the keyboard.
  await tabTo(page, page.getByRole('button', { name: 'Back to your accounts' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeFocused();
});

test('an account that cannot be tested says why, and a client with no stored run has nothing to export', async ({
  app,
}) => {
  const { page } = app;
  await openWithClients(app);
  await page
    .getByRole('region', { name: FLORIST })
    .getByRole('button', { name: 'Test the 1 account' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Test all accounts of ${FLORIST}` }),
  ).toBeFocused();
  // Removed elsewhere (another window, the command line) after the plan opened: main refuses to test it.
  const florist = (await app.env.services.accounts.list()).accounts.find((a) => a.label === FLORIST_SHOP);
  await app.env.services.accounts.remove(florist?.id ?? '');
  await page.getByRole('button', { name: 'Start the test' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Results for ${FLORIST}` })).toBeFocused({
    timeout: CLIENT_RUN_DEADLINE_MS,
  });
  await expect(row(page, FLORIST_SHOP)).toHaveAttribute('data-state', 'failed');
  await expect(row(page, FLORIST_SHOP)).toContainText('Could not run');
  await expect(row(page, FLORIST_SHOP)).toContainText(`There is no account with id ${florist?.id ?? ''}.`);
  await expect(page.locator('.page-head__meta')).toHaveText('0 of 1 accounts tested');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: '0 of 1 accounts tested. Each row says why the others could not run.' }),
  ).toBeAttached();
  await expect(page.getByText('No account finished a test, so there is no report to export.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Export as' })).toHaveCount(0);
  await expectAccessible(page, 'client-failed');
  await app.screenshot('client-failed');
});

/** Presses Tab (or Shift+Tab) until `target` has focus: the way a keyboard-only person gets there. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, key = 'Tab'): Promise<void> {
  const MAX_STOPS = 40;
  for (let stop = 0; stop < MAX_STOPS; stop += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Focus never reached the target in ${String(MAX_STOPS)} presses of ${key}.`);
}
