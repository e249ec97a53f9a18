/**
 * The results as a person first sees them, at 1024x768 and 1440x900, light and dark, with axe: a weak
 * account (an untrusted certificate, no DMARC) gets a verdict, a capped grade and a plan; a run whose
 * DNS server is dead gets no letter, one banner naming the cause, and the way to DNS settings.
 */
import type { Page } from '@playwright/test';
import { closedPort } from '../helpers/closed-port';
import { makeCanary } from './harness/account-form';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';
import {
  addScenarioAccount,
  AUDIT_LABEL,
  startAuditScenario,
  useScenarioDns,
  type AuditScenario,
} from './harness/audit-scenario';

const AUDIT_DEADLINE_MS = 45_000;
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
] as const;

let scenario: AuditScenario | undefined;

test.beforeAll(async () => {
  scenario = await startAuditScenario(makeCanary());
});
test.afterAll(async () => {
  await scenario?.stop();
});
test.beforeEach(() => {
  test.setTimeout(120_000);
});

function world(): AuditScenario {
  if (scenario === undefined) throw new Error('The audit scenario did not start.');
  return scenario;
}

async function runTest(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Test this account' }).click();
  await page.getByRole('button', { name: 'Start the test' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Results for ${AUDIT_LABEL}` })).toBeFocused({
    timeout: AUDIT_DEADLINE_MS,
  });
}

/** Screenshots of the top of the results at both sizes, light and dark, each checked with axe. */
async function shoot(app: AppHarness, name: string): Promise<void> {
  const { page } = app;
  await page.mouse.move(0, 0);
  for (const size of SIZES) {
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

test('a weak account: the verdict, the capped grade with its reason, and a plan', async ({ app }) => {
  const { page } = app;
  await app.open();
  await useScenarioDns(page, world());
  await addScenarioAccount(page, world());
  await runTest(page);
  // The certificate of the account's port is not trusted here: capped at D, and the screen says why.
  await expect(page.locator('.verdict__sentence')).toHaveText(/^(Stop|Fix before relying on it): /);
  await expect(page.locator('.score__cap').first()).toHaveText(/^Capped at [A-F]: /);
  await expect(page.locator('.score .grade')).toHaveAttribute('data-grade', /^[A-F]$/);
  await expect(page.locator('.action').first()).toBeVisible();
  // Above the fold at 1024x768: the verdict and the grade.
  await page.setViewportSize(SIZES[0]);
  await expect(page.locator('.verdict__sentence')).toBeInViewport();
  await expect(page.locator('.score .grade')).toBeInViewport();
  await shoot(app, 'verdict-weak');
});

test('a dead DNS server: no letter, one named cause, and the way to DNS settings', async ({ app }) => {
  const { page } = app;
  await app.open();
  await useScenarioDns(page, world());
  await addScenarioAccount(page, world());
  // Now point every lookup at a port where nothing answers.
  const dead = `127.0.0.1:${String(await closedPort())}`;
  const saved = await page.evaluate(
    (server) => window.mailwarden.settings.update({ dnsServer: server }),
    dead,
  );
  expect(saved.ok).toBe(true);
  await runTest(page);

  await expect(page.locator('.score .grade')).toHaveAttribute('data-grade', 'incomplete');
  await expect(page.locator('.verdict__sentence')).toHaveText(/^Incomplete: /);
  const banner = page.locator('.blocker--dns-unreachable');
  await expect(banner).toContainText(`Mailwarden could not reach the DNS server ${dead}.`);
  // No domain fault among the findings: nothing that could not be read is blamed on the domain.
  await expect(page.locator('[data-finding-id^="spf."], [data-finding-id^="dmarc."]')).toHaveCount(0);
  // The checks that could not run are listed under their cause, with their own icon.
  await page.locator('details[data-fold="not-run"] > summary').click();
  await expect(page.locator('.not-run .status-icon--not-run').first()).toBeVisible();
  await shoot(app, 'verdict-could-not-test');
  // The way out: DNS settings, one click away.
  await page.setViewportSize(SIZES[1]);
  await banner.getByRole('button', { name: 'DNS settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});
