/**
 * "Check a message" in the app: a message nobody here wrote (RFC 8463 Appendix A) pasted into the real
 * renderer in Chromium, judged by the real main-side handler offline, its results shown and kept in
 * "Checked messages", reopened from there.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectAccessible } from './harness/accessibility';
import { expect, test } from './harness/app-fixture';

const FIXTURES = join(import.meta.dirname, '../fixtures/messages');

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
