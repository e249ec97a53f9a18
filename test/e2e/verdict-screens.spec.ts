/**
 * The results as a person first sees them, at 1024x768 and 1440x900, light and dark, with axe: a weak
 * account (an untrusted certificate, no DMARC) gets a verdict, a capped grade and a plan; a run whose
 * DNS server is dead gets no letter, one banner naming the cause, and the way to DNS settings.
 */
import { closedPort } from '../helpers/closed-port';
import { makeCanary } from './harness/account-form';
import { expect, test } from './harness/app-fixture';
import {
  addScenarioAccount,
  startAuditScenario,
  useScenarioDns,
  type AuditScenario,
} from './harness/audit-scenario';
import { RESULT_SIZES, runAuditToResults, shootResults } from './harness/results-screens';

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

test('a weak account: the verdict, the capped grade with its reason, and a plan', async ({ app }) => {
  const { page } = app;
  await app.open();
  await useScenarioDns(page, world());
  await addScenarioAccount(page, world());
  await runAuditToResults(page);
  // The certificate of the account's port is not trusted here: capped at D, and the screen says why.
  await expect(page.locator('.verdict__sentence')).toHaveText(/^(Stop|Fix before relying on it): /);
  await expect(page.locator('.score__cap').first()).toHaveText(/^Capped at [A-F]: /);
  await expect(page.locator('.score .grade')).toHaveAttribute('data-grade', /^[A-F]$/);
  await expect(page.locator('.action').first()).toBeVisible();
  // Above the fold at 1024x768: the verdict and the grade.
  await page.setViewportSize(RESULT_SIZES[0]);
  await expect(page.locator('.verdict__sentence')).toBeInViewport();
  await expect(page.locator('.score .grade')).toBeInViewport();
  await shootResults(app, 'verdict-weak');
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
  await runAuditToResults(page);

  await expect(page.locator('.score .grade')).toHaveAttribute('data-grade', 'incomplete');
  await expect(page.locator('.verdict__sentence')).toHaveText(/^Incomplete: /);
  const banner = page.locator('.blocker--dns-unreachable');
  await expect(banner).toContainText(`Mailwarden could not reach the DNS server ${dead}.`);
  // No domain fault among the findings: nothing that could not be read is blamed on the domain.
  await expect(page.locator('[data-finding-id^="spf."], [data-finding-id^="dmarc."]')).toHaveCount(0);
  // The checks that could not run are listed under their cause, with their own icon.
  await page.locator('details[data-fold="not-run"] > summary').click();
  await expect(page.locator('.not-run .status-icon--not-run').first()).toBeVisible();
  await shootResults(app, 'verdict-could-not-test');
  // The way out: DNS settings, one click away.
  await page.setViewportSize(RESULT_SIZES[1]);
  await banner.getByRole('button', { name: 'DNS settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});
