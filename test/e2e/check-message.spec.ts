/**
 * "Check a message" in the app: a message nobody here wrote (RFC 8463 Appendix A) pasted into the real
 * renderer in Chromium or opened from a file through the open dialog's stand-in, judged by the real
 * main-side handler offline or online against its published keys in the suite's Knot (the app's DNS
 * setting points there), its results shown, kept in "Checked messages", reopened and exported.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { renderAnalysisReport } from '../../main/core/report/render-analysis-report';
import type { AnalysisRecord, MessageCheckResult } from '../../preload/contract/message-check';
import type { Outcome } from '../../preload/contract/outcome';
import { startKnot, type KnotServer } from '../helpers/knot-server';
import { makeTempDir } from '../helpers/temp-dir';
import { zoneLines } from '../helpers/zone-txt';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';
import { createExportStandIns } from './harness/export-stand-ins';
import { createOpenStandIn } from './harness/open-stand-in';

const FIXTURES = join(import.meta.dirname, '../fixtures/messages');
/** The results screen has a few dozen controls (findings, record copies); the export is among them. */
const MAX_TAB_STOPS = 80;
const SCREENS_TIMEOUT_MS = 240_000;

const fixture = (): Promise<string> => readFile(join(FIXTURES, 'rfc8463-appendix-a.eml'), 'utf8');
/** The keys RFC 8463 Appendix A publishes, as "name: TXT value". */
const publishedKeys = (): Record<string, string> =>
  JSON.parse(readFileSync(join(FIXTURES, 'rfc8463-keys.json'), 'utf8')) as Record<string, string>;

test('a pasted RFC 8463 message offline shows both signatures, says DNS was not asked, and reopens from Checked messages', async ({
  app,
}) => {
  const { page } = app;
  const message = await readFile(join(FIXTURES, 'rfc8463-appendix-a.eml'), 'utf8');
  await app.open();
  await page.getByRole('button', { name: 'Check a message' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check a message' })).toBeVisible();
  await page.getByLabel('Message or headers').fill(message);
  await page.getByRole('switch', { name: 'Don’t look anything up (offline)' }).check();
  await page.getByRole('button', { name: 'Check the pasted message' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Message from football.example.com' }),
  ).toBeVisible();
  const dkim = page.locator('table[data-table="dkim"] tbody tr');
  await expect(dkim).toHaveCount(2);
  await expect(dkim.nth(0)).toContainText('brisbane');
  await expect(dkim.nth(1)).toContainText('test');
  await expect(page.getByText('DMARC: it needs the From domain’s policy in DNS')).toBeVisible();
  await expectAccessible(page, 'check a message: results');
  await app.screenshot('check-message-results-1024-light');

  await page.getByRole('button', { name: 'Back to Check a message' }).click();
  const row = page.locator('.checked-messages .run-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('football.example.com');
  await row.getByRole('button', { name: /Open the message checked/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Message from football.example.com' }),
  ).toBeVisible();
  // The message itself never comes back to the page: only the verdict.
  expect(app.calls.map((call) => call.response).join('\n')).not.toContain('Joe SixPack');
});

// ---- Online against the suite's Knot, a header paste, a file, export, keyboard, screens ----------------

let knot: KnotServer | undefined;
const saving = createExportStandIns();
const opening = createOpenStandIn();
let filesDir = '';

test.describe('checking a message against the published keys', () => {
  test.use({ exportPorts: saving.ports, openPorts: opening.ports });

  test.beforeAll(async () => {
    knot = await startKnot({
      'football.example.com': zoneLines(publishedKeys(), 'football.example.com'),
      // The organisational domain DMARC falls back to (RFC 7489 section 6.6.3): there, with no record.
      'example.com': '',
    });
  });
  test.afterAll(async () => {
    await knot?.stop();
  });
  test.beforeEach(async () => {
    await saving.reset();
    opening.reset();
    filesDir = await makeTempDir();
  });
  test.afterEach(async () => {
    await saving.clean();
    await rm(filesDir, { recursive: true, force: true });
  });

  test('online, verifies both RFC 8463 signatures with the keys in DNS and saves the verdict as Markdown and JSON', async ({
    app,
  }) => {
    const { page } = app;
    await openCheckScreen(app);
    await page.getByLabel('Message or headers').fill(await fixture());
    await page.getByRole('button', { name: 'Check the pasted message' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Message from football.example.com' }),
    ).toBeVisible();
    await expect(page.locator('.page-head__meta')).toContainText(`DNS: ${dns()}`);
    const dkim = page.locator('table[data-table="dkim"] tbody tr');
    await expect(dkim).toHaveCount(2);
    await expect(dkim.nth(0)).toContainText('valid');
    await expect(dkim.nth(1)).toContainText('valid');
    await expect(page.getByText('DMARC: it needs the From domain’s policy in DNS')).toHaveCount(0);

    const record = checkedRecord(app);
    expect(record.authentication?.dkim.map((s) => s.outcome)).toEqual(['pass', 'pass']);
    const status = page.getByRole('status').filter({ hasText: /Saved|Export cancelled|Preparing/ });
    const day = record.analysedAt.slice(0, 10);

    saving.answers.push('verdict.md');
    await exportButton(app, 'Markdown').click();
    await expect(status).toHaveText('Saved verdict.md');
    expect(saving.asked.at(-1)).toEqual({
      suggestedName: `mailwarden-message-football.example.com-${day}.md`,
      format: 'md',
    });
    expect(await readFile(join(saving.outDir(), 'verdict.md'), 'utf8')).toBe(
      renderAnalysisReport(record, 'md'),
    );

    saving.answers.push('verdict.json');
    await exportButton(app, 'JSON').click();
    await expect(status).toHaveText('Saved verdict.json');
    // The same record, read back from the history (its schema orders the keys its own way).
    expect(JSON.parse(await readFile(join(saving.outDir(), 'verdict.json'), 'utf8'))).toEqual(
      JSON.parse(renderAnalysisReport(record, 'json')),
    );

    // Cancel in the save dialog saves nothing and says so.
    saving.answers.push(null);
    await exportButton(app, 'HTML').click();
    await expect(status).toHaveText('Export cancelled');
    expect((await readdir(saving.outDir())).sort()).toEqual(['verdict.json', 'verdict.md']);
    expect(app.calls.map((call) => call.response).join('\n')).not.toContain('Joe SixPack');
  });

  test('a pasted header without its body says each body hash cannot be checked without the body', async ({
    app,
  }) => {
    const { page } = app;
    const whole = await fixture();
    const header = whole.slice(0, whole.indexOf('\n\n') + 1);
    await openCheckScreen(app);
    await page.getByLabel('Message or headers').fill(header);
    await page.getByRole('button', { name: 'Check the pasted message' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Message from football.example.com' }),
    ).toBeVisible();
    await expect(page.locator('.page-head__meta')).toContainText('header only');
    const couldNot = page.getByRole('region', { name: 'What could not be checked' });
    await expect(couldNot.getByRole('listitem')).toHaveText([
      // The selector tells the two signatures of one domain apart (RFC 8463: an Ed25519 and an RSA one).
      'Body hash of football.example.com’s DKIM signature (selector brisbane): only the header was given, so the body could not be compared with what was signed.',
      'Body hash of football.example.com’s DKIM signature (selector test): only the header was given, so the body could not be compared with what was signed.',
      'SPF: no outside server is recorded in the Received lines, so there is no address to judge.',
    ]);
    const dkim = page.locator('table[data-table="dkim"] tbody tr');
    await expect(dkim).toHaveCount(2);
    await expect(dkim.nth(0)).not.toContainText('body changed after signing');
    await expectAccessible(page, 'check a message: header only');
  });

  test('opens an .eml file chosen in the open dialog, read by main; Cancel and a vanished file say what happened', async ({
    app,
  }) => {
    const { page } = app;
    const path = join(filesDir, 'lunch-order.eml');
    await writeFile(path, await fixture());
    await openCheckScreen(app);
    // Offline, so the file alone decides: both signatures wait for DNS, and the source is the file.
    await page.getByRole('switch', { name: 'Don’t look anything up (offline)' }).check();

    opening.answers.push(null);
    await page.getByRole('button', { name: 'Open a message file…' }).click();
    await expect(page.getByRole('button', { name: 'Open a message file…' })).toBeEnabled();
    expect(opening.asked()).toBe(1);
    await expect(page.getByRole('alert')).toHaveCount(0);

    opening.answers.push(join(filesDir, 'gone.eml'));
    await page.getByRole('button', { name: 'Open a message file…' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The message could not be checked');
    await expect(alert).toContainText('Mailwarden could not read gone.eml. Choose the file again.');
    await expect(alert).not.toContainText(filesDir);

    opening.answers.push(path);
    await page.getByRole('button', { name: 'Open a message file…' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Message from football.example.com' }),
    ).toBeVisible();
    await expect(page.locator('.page-head__meta')).toContainText('from a file');
    await expect(page.locator('table[data-table="dkim"] tbody tr')).toHaveCount(2);
    expect(checkedRecord(app).source).toBe('file');
    expect(opening.asked()).toBe(3);
    // The page never learns where the file was.
    expect(app.calls.map((call) => call.response).join('\n')).not.toContain(filesDir);
  });

  test('keyboard only: reaches the paste, checks it and exports the verdict with Tab and Enter', async ({
    app,
  }) => {
    const { page } = app;
    await app.open();
    await useKnot(page);
    const header = page.getByRole('banner').getByRole('button', { name: 'Check a message' });
    await tabTo(page, header);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Check a message' })).toBeFocused();

    await tabTo(page, page.getByLabel('Message or headers'));
    await page.keyboard.insertText(await fixture());
    await tabTo(page, page.getByRole('button', { name: 'Check the pasted message' }));
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Message from football.example.com' }),
    ).toBeFocused();

    saving.answers.push('by-keyboard.json');
    await tabTo(page, exportButton(app, 'JSON'));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved by-keyboard.json');
    const saved = JSON.parse(await readFile(join(saving.outDir(), 'by-keyboard.json'), 'utf8')) as unknown;
    expect(saved).toEqual(JSON.parse(renderAnalysisReport(checkedRecord(app), 'json')));
    expect(checkedRecord(app).authentication?.dkim.map((s) => s.outcome)).toEqual(['pass', 'pass']);
  });

  test('the check screen and its results at 1024×768 and 1440×900, light and dark, pass axe', async ({
    app,
  }) => {
    // Eight screenshots and eight axe runs on a shared 2-core machine.
    test.setTimeout(SCREENS_TIMEOUT_MS);
    const { page } = app;
    await openCheckScreen(app);
    await page.getByLabel('Message or headers').fill(await fixture());
    await shootAll(app, 'check-message-intake');
    await page.getByRole('button', { name: 'Check the pasted message' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Message from football.example.com' }),
    ).toBeVisible();
    await page.locator('details[data-fold="all"] > summary').click();
    await shootAll(app, 'check-message-online-results');
  });
});

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
] as const;

/** Each size in light and dark: a screenshot in test-results/screens/ and an axe run on what is shown. */
async function shootAll(app: AppHarness, name: string): Promise<void> {
  for (const size of SIZES) {
    await app.page.setViewportSize(size);
    for (const colorScheme of ['light', 'dark'] as const) {
      await app.page.emulateMedia({ colorScheme });
      const shot = `${name}-${String(size.width)}-${colorScheme}`;
      await app.screenshot(shot);
      await expectAccessible(app.page, shot);
    }
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
  await app.page.setViewportSize({ width: 1024, height: 768 });
}

function dns(): string {
  if (knot === undefined) throw new Error('Knot did not start.');
  return knot.server;
}

/** The app pointed at the suite's Knot (Settings' DNS server), then the check screen opened. */
async function openCheckScreen(app: AppHarness): Promise<void> {
  const { page } = app;
  await app.open();
  const saved = await page.evaluate(
    (server) => window.mailwarden.settings.update({ dnsServer: server }),
    dns(),
  );
  expect(saved.ok).toBe(true);
  await page.getByRole('button', { name: 'Check a message' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check a message' })).toBeVisible();
}

/** Points the app's DNS setting at the suite's Knot, as Settings would. */
async function useKnot(page: Page): Promise<void> {
  const saved = await page.evaluate(
    (server) => window.mailwarden.settings.update({ dnsServer: server }),
    dns(),
  );
  expect(saved.ok).toBe(true);
}

function exportButton(app: AppHarness, format: string) {
  return app.page.getByRole('group', { name: 'Export as' }).getByRole('button', { name: format });
}

/** The record main sent back for the last check, as the page received it. */
function checkedRecord(app: AppHarness): AnalysisRecord {
  const answer = app.calls.filter((call) => call.channel === 'message:check').at(-1);
  if (answer === undefined) throw new Error('No message was checked.');
  const outcome = JSON.parse(answer.response) as Outcome<MessageCheckResult>;
  if (!outcome.ok || outcome.value.kind !== 'analysed') throw new Error(`No analysis: ${answer.response}`);
  return outcome.value.entry.analysis;
}

/** Presses Tab until `target` has the focus; fails after MAX_TAB_STOPS (keyboard.spec.ts checks focus rings). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let stop = 0; stop < MAX_TAB_STOPS; stop += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab did not reach the element within ${String(MAX_TAB_STOPS)} stops.`);
}
