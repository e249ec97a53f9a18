/**
 * Running an audit from the account list to its results, and photographing the top of the results at the
 * two window sizes the verdict specs pin (1024x768 and 1440x900), light and dark, each checked with axe.
 */
import type { Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { expect, type AppHarness } from './app-fixture';
import { AUDIT_LABEL } from './audit-scenario';

const AUDIT_DEADLINE_MS = 45_000;

export const RESULT_SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
] as const;

/** From the account list: Test this account → Start the test → the results, with focus on their heading. */
export async function runAuditToResults(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Test this account' }).click();
  await page.getByRole('button', { name: 'Start the test' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Results for ${AUDIT_LABEL}` })).toBeFocused({
    timeout: AUDIT_DEADLINE_MS,
  });
}

/** Screenshots of the top of the results at both sizes, light and dark, each checked with axe. */
export async function shootResults(app: AppHarness, name: string): Promise<void> {
  const { page } = app;
  await page.mouse.move(0, 0);
  for (const size of RESULT_SIZES) {
    await page.setViewportSize(size);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => {
        window.scrollTo(0, 0);
      });
      await app.screenshot(`${name}-${String(size.width)}x${String(size.height)}-${scheme}`, {
        fullPage: false,
      });
      await expectAccessible(page, `${name}-${String(size.width)}-${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
