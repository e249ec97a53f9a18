/**
 * Exporting the results from the app: the Export buttons on the results screen save the stored run's
 * report through the save dialog (a stand-in answering with a path in a temporary folder, or Cancel) and,
 * for PDF, through Chromium's print-to-PDF, the engine the app's hidden print window uses.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditReport } from '../../preload/contract/audit';
import { renderCsv } from '../../main/core/report/render-csv';
import { renderHtml } from '../../main/core/report/render-html';
import { A4_POINTS, allPagesAre, LETTER_POINTS } from '../helpers/pdf-page-sizes';
import { makeCanary } from './harness/account-form';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';
import { createExportStandIns } from './harness/export-stand-ins';
import {
  addScenarioAccount,
  AUDIT_LABEL,
  startAuditScenario,
  useScenarioDns,
  type AuditScenario,
} from './harness/audit-scenario';

const AUDIT_DEADLINE_MS = 45_000;
const EXPORT_DEADLINE_MS = 30_000;
const TEST_TIMEOUT_MS = 120_000;
const OWNER_ONLY = 0o600;
const MIN_PDF_BYTES = 5_000;

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
  await saving.reset();
});

test.afterEach(async () => {
  await saving.clean();
});

function world(): AuditScenario {
  if (scenario === undefined) throw new Error('The audit scenario did not start.');
  return scenario;
}

/** Runs an audit of the scenario's account in the app and waits for the results screen. */
async function runAudit(app: AppHarness): Promise<AuditReport> {
  const { page } = app;
  await app.open();
  await useScenarioDns(page, world());
  await addScenarioAccount(page, world());
  await page.getByRole('button', { name: 'Test this account' }).click();
  await page.getByRole('button', { name: 'Start the test' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Results for ${AUDIT_LABEL}` })).toBeVisible({
    timeout: AUDIT_DEADLINE_MS,
  });
  const finished = app.calls
    .filter((call) => call.channel === 'audit:event')
    .map((call) => JSON.parse(call.response) as { type: string; report?: AuditReport })
    .find((event) => event.type === 'finished');
  if (finished?.report === undefined) throw new Error('No audit finished.');
  return finished.report;
}

function exportGroup(app: AppHarness) {
  return app.page.getByRole('group', { name: 'Export as' });
}

test('exports the results as PDF, CSV and HTML through the save dialog', async ({ app }) => {
  const { page } = app;
  const report = await runAudit(app);
  const status = page.getByRole('status').filter({ hasText: /Saved|Export cancelled|Preparing/ });
  const day = report.startedAt.slice(0, 10);

  saving.answers.push('results.pdf');
  await exportGroup(app).getByRole('button', { name: 'PDF' }).click();
  await expect(status).toHaveText('Saved results.pdf', { timeout: EXPORT_DEADLINE_MS });
  await app.screenshot('results-exported');
  await expectAccessible(app.page, 'results-exported');
  // The account's label ("Shop orders"), made safe for a file name, and the day of the run.
  expect(saving.asked.at(-1)).toEqual({ suggestedName: `mailwarden-shop-orders-${day}.pdf`, format: 'pdf' });
  const pdf = await readFile(join(saving.outDir(), 'results.pdf'));
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(MIN_PDF_BYTES);
  expect(allPagesAre(pdf, A4_POINTS)).toBe(true);

  // US Letter, chosen with the keyboard, then CSV with the keyboard too.
  await page.getByLabel('PDF paper size').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('PDF paper size')).toHaveValue('Letter');
  saving.answers.push('results.csv');
  const csvButton = exportGroup(app).getByRole('button', { name: 'CSV' });
  await csvButton.focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Saved results.csv', { timeout: EXPORT_DEADLINE_MS });
  expect(await readFile(join(saving.outDir(), 'results.csv'), 'utf8')).toBe(renderCsv(report));

  saving.answers.push('results.html');
  await exportGroup(app).getByRole('button', { name: 'HTML' }).click();
  await expect(status).toHaveText('Saved results.html', { timeout: EXPORT_DEADLINE_MS });
  expect(await readFile(join(saving.outDir(), 'results.html'), 'utf8')).toBe(renderHtml(report));

  saving.answers.push('letter.pdf');
  await exportGroup(app).getByRole('button', { name: 'PDF' }).click();
  await expect(status).toHaveText('Saved letter.pdf', { timeout: EXPORT_DEADLINE_MS });
  expect(allPagesAre(await readFile(join(saving.outDir(), 'letter.pdf')), LETTER_POINTS)).toBe(true);

  for (const name of ['results.pdf', 'results.csv', 'results.html', 'letter.pdf']) {
    expect((await stat(join(saving.outDir(), name))).mode & 0o777).toBe(OWNER_ONLY);
  }
  // The page learnt the file names it was told, never the folder they went to.
  const exports = app.calls.filter((call) => call.channel === 'report:export');
  expect(exports).toHaveLength(4);
  for (const call of exports) expect(call.response).not.toContain(saving.outDir());
});

test('says "Export cancelled" and writes nothing when the save dialog is cancelled', async ({ app }) => {
  const { page } = app;
  await runAudit(app);
  saving.answers.push(null);
  await exportGroup(app).getByRole('button', { name: 'PDF' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Export cancelled' })).toBeVisible({
    timeout: EXPORT_DEADLINE_MS,
  });
  saving.answers.push(null);
  await exportGroup(app).getByRole('button', { name: 'Markdown' }).click();
  await expect.poll(() => saving.asked.length).toBe(2);
  await expect(page.getByRole('status').filter({ hasText: 'Export cancelled' })).toBeVisible();
  expect(saving.asked.map((request) => request.format)).toEqual(['pdf', 'md']);
  expect(await readdir(saving.outDir())).toEqual([]);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
