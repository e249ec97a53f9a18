/**
 * The HTML report as Chromium reads it: a real audit's report (against the loopback Knot zone and SMTP
 * server) loaded with no network, checked for structure, printed to A4 and Letter PDFs and photographed.
 * No app is involved: the report is a file a consultant hands over.
 */
import { mkdir } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { renderHtml } from '../../main/core/report/render-html';
import { expectAccessible } from './harness/accessibility';
import { FIXTURE_USER, startAuditFixture, type AuditFixture } from '../helpers/audit-fixture';
import { HOSTILE_ATTRIBUTE, HOSTILE_SCRIPT, sampleReport } from '../helpers/report-samples';

const SCREENS_DIR = 'test-results/screens';
const CANARY = 'Canary-html-report-5c2a!';
/** PDF page sizes in points (1/72 inch): ISO 216 A4 and US Letter. */
const A4_POINTS = { width: 595.92, height: 842.16 };
const LETTER_POINTS = { width: 612, height: 792 };
const PAGE_TOLERANCE_POINTS = 1.5;

interface Watch {
  readonly requests: string[];
  readonly problems: string[];
  readonly dialogs: string[];
}

/** Loads markup with every request blocked and counted, and every console error or dialog recorded. */
async function openOffline(page: Page, markup: string): Promise<Watch> {
  const watch: Watch = { requests: [], problems: [], dialogs: [] };
  await page.route('**/*', async (route) => {
    watch.requests.push(route.request().url());
    await route.abort();
  });
  page.on('request', (request) => {
    if (!watch.requests.includes(request.url())) watch.requests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watch.problems.push(message.text());
  });
  page.on('pageerror', (error) => watch.problems.push(error.message));
  page.on('dialog', async (dialog) => {
    watch.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.setContent(markup, { waitUntil: 'load' });
  return watch;
}

/** The page boxes of a PDF as Chromium writes them (uncompressed /MediaBox entries), one per page. */
function mediaBoxes(pdf: Buffer): { width: number; height: number }[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map(
    (match) => ({ width: Number(match[1]), height: Number(match[2]) }),
  );
}

test.describe('the HTML report in Chromium', () => {
  let fixture: AuditFixture;
  let markup: string;

  test.beforeAll(async () => {
    fixture = await startAuditFixture(CANARY);
    const saved = await fixture.cli(
      [
        'accounts',
        'add',
        '--email',
        FIXTURE_USER,
        '--label',
        'Garage Müller: front desk',
        '--host',
        'smtp.mail.test',
        '--port',
        String(fixture.smtp.port),
        '--security',
        'starttls',
        '--password-stdin',
      ],
      CANARY,
    );
    expect(saved.code, saved.stderr).toBe(0);
    const audit = await fixture.cli(['audit', FIXTURE_USER, ...fixture.environmentArgs, '--format', 'html']);
    expect(audit.code, audit.stderr).toBe(0);
    markup = audit.stdout;
    expect(markup).not.toContain(CANARY);
  });
  test.afterAll(async () => {
    await fixture.close();
  });

  test('loads with no request, no console error, and a heading outline a screen reader can follow', async ({
    page,
  }) => {
    const watch = await openOffline(page, markup);
    expect(watch.requests).toEqual([]);
    expect(watch.problems).toEqual([]);
    await expect(page).toHaveTitle('Mail security report: Garage Müller: front desk');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Garage Müller: front desk');
    // The one-page summary first, then the technical appendix.
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([
      'Summary',
      'Technical appendix',
      'How to do each action',
      'Checks that did not run',
      'All findings',
      /^Passing checks \(\d+\)$/,
      'Protocol transcript',
    ]);
    await expect(page.getByRole('heading', { level: 3 }).first()).toHaveText('What to do');
    await expect(page.getByRole('heading', { level: 3, name: /^Critical \(\d+\)$/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 4, name: /is an open relay/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Findings by severity' })).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Grades' }).getByRole('rowheader', { name: 'Overall' }),
    ).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Connection' })).toBeVisible();
    // Passing checks start collapsed and open on request.
    const passed = page.getByText('Certificate key is strong', { exact: false }).first();
    await expect(passed).toBeHidden();
    await page.getByText(/^Show the \d+ checks that passed$/).click();
    await expect(passed).toBeVisible();
    // The transcript is at the end, with the login's secret replaced.
    await expect(page.getByRole('cell', { name: 'AUTH PLAIN <redacted>' }).first()).toBeVisible();
    // The print-only header stays hidden on screen.
    await expect(page.locator('.print-header')).toBeHidden();

    await mkdir(SCREENS_DIR, { recursive: true });
    await page.setViewportSize({ width: 1024, height: 1800 });
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: `${SCREENS_DIR}/report.png` });
    // The report is read by clients too: the same accessibility bar as the app's screens.
    await expectAccessible(page, 'report');
  });

  test('prints to A4 and Letter with the print header, several pages, nothing fetched', async ({ page }) => {
    const watch = await openOffline(page, markup);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-header')).toBeVisible();
    await expect(page.locator('.print-header')).toContainText('Garage Müller: front desk');
    // On paper the passing checks are listed, not hidden behind a click.
    await expect(page.locator('.passes li').first()).toBeVisible();
    await expect(page.getByText(/^Show the \d+ checks that passed$/)).toBeHidden();
    await mkdir(SCREENS_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENS_DIR}/report-print.png` });
    for (const [format, size] of [
      ['A4', A4_POINTS],
      ['Letter', LETTER_POINTS],
    ] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20_000);
      const boxes = mediaBoxes(pdf);
      expect(boxes.length).toBeGreaterThan(2);
      for (const box of boxes) {
        // Chromium rounds the page to whole CSS pixels (0.75 pt each).
        expect(Math.abs(box.width - size.width)).toBeLessThan(PAGE_TOLERANCE_POINTS);
        expect(Math.abs(box.height - size.height)).toBeLessThan(PAGE_TOLERANCE_POINTS);
      }
      expect(pdf.toString('latin1')).not.toContain(CANARY);
    }
    expect(watch.requests).toEqual([]);
    expect(watch.problems).toEqual([]);
  });

  test('hostile server text stays text: nothing runs, nothing loads, the words are shown', async ({
    page,
  }) => {
    const watch = await openOffline(page, renderHtml(sampleReport()));
    expect(watch.requests).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(watch.problems).toEqual([]);
    expect(await page.locator('script, img, iframe, object, embed').count()).toBe(0);
    await expect(page.getByRole('heading', { level: 4, name: `SPF says ${HOSTILE_SCRIPT}` })).toBeVisible();
    await expect(page.getByRole('cell', { name: HOSTILE_ATTRIBUTE, exact: true })).toBeVisible();
    // javascript: references are shown, never linked.
    const hrefs = await page
      .locator('a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
  });
});
