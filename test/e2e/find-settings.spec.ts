/**
 * "Find my server settings", end to end: the page asks main, main asks a real authoritative DNS server
 * (Knot) on loopback, and the suggestions, their reasons and the steps appear in the form.
 */
import type { DiscoveryResult } from '../../preload/contract/providers';
import type { Outcome } from '../../preload/contract/outcome';
import { startKnot, type KnotServer } from '../helpers/knot-server';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';
import { openManualForm } from './harness/account-form';

const ZONES: Record<string, string> = {
  // The domain declares its own submission server (RFC 8314 section 5.1, RFC 6186 section 3.1).
  'shop.test': `
_submissions._tcp SRV 0 1 465 mail.shop.test.
_submission._tcp SRV 0 1 587 mail.shop.test.
mail A 127.0.0.1
`,
  // The domain's mail goes to Google Workspace: the suggestion comes with the preset's advice.
  'workspace.test': '@ MX 1 aspmx.l.google.com.',
};

let knot: KnotServer | undefined;

test.beforeAll(async () => {
  knot = await startKnot(ZONES);
});

test.afterAll(async () => {
  await knot?.stop();
});

function dnsServer(): string {
  if (knot === undefined) throw new Error('The test DNS server did not start.');
  return knot.server;
}

/** Points Mailwarden at the test DNS server through the real settings channel, then opens the form. */
async function openFinder(app: AppHarness, email: string): Promise<void> {
  const { page } = app;
  await app.open();
  const saved = await page.evaluate(
    (server) => window.mailwarden.settings.update({ dnsServer: server }),
    dnsServer(),
  );
  expect(saved).toMatchObject({ ok: true, value: { settings: { dnsServer: dnsServer() } } });
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await openManualForm(page);
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByRole('radio', { name: 'Find my server settings' }).check();
  await page.getByRole('button', { name: 'Find my server settings' }).click();
}

function lastDiscovery(app: AppHarness): DiscoveryResult {
  const call = app.calls.filter((entry) => entry.channel === 'discovery:run').at(-1);
  const outcome = JSON.parse(call?.response ?? '{}') as Outcome<DiscoveryResult>;
  if (!outcome.ok) throw new Error(`discovery failed: ${JSON.stringify(outcome)}`);
  return outcome.value;
}

test('suggests the servers a domain declares, with reasons and steps, and fills the form', async ({
  app,
}) => {
  const { page } = app;
  await openFinder(app, 'ann@shop.test');

  const candidates = page.getByRole('list').filter({ has: page.getByRole('button', { name: /^Use / }) });
  await expect(
    page.getByRole('status').filter({ hasText: /Found \d+ suggestions? for shop\.test\./ }),
  ).toBeVisible();
  const result = lastDiscovery(app);
  expect(result.domain).toBe('shop.test');
  expect(result.resolver).toBe(dnsServer());
  const srv = result.candidates.find((candidate) => candidate.source === 'srv-submissions');
  expect(srv).toMatchObject({ host: 'mail.shop.test', port: 465, security: 'tls' });
  // Each suggestion shows where, how, and main's own reason.
  for (const candidate of result.candidates) {
    const item = candidates.getByRole('listitem').filter({ hasText: `${candidate.host}:${candidate.port}` });
    await expect(item).toContainText(candidate.reason);
  }
  // How Mailwarden looked, step by step, and which resolver answered.
  await page.getByText('How Mailwarden looked').click();
  for (const step of result.steps)
    await expect(page.getByText(step.outcome, { exact: false }).first()).toBeVisible();
  await expect(page.getByText(`DNS resolver: ${dnsServer()}`)).toBeVisible();
  await app.screenshot('find-settings');
  await expectAccessible(app.page, 'find-settings');

  await page.getByRole('button', { name: 'Use mail.shop.test:465' }).click();
  await expect(page.getByLabel('Outgoing mail server (SMTP)')).toHaveValue('mail.shop.test');
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue('465');
  await expect(page.getByRole('radio', { name: /^TLS/ })).toBeChecked();
  await expect(
    page.getByRole('status').filter({ hasText: 'Server settings filled in: mail.shop.test:465.' }),
  ).toBeVisible();
});

test('a domain hosted by a known provider gets that provider’s advice with the suggestion', async ({
  app,
}) => {
  const { page } = app;
  await openFinder(app, 'bob@workspace.test');
  await expect(page.getByRole('status').filter({ hasText: /for workspace\.test\./ })).toBeVisible();
  const result = lastDiscovery(app);
  const fromMx = result.candidates.find((candidate) => candidate.source === 'mx-provider');
  expect(fromMx).toMatchObject({ presetId: 'google-workspace' });
  await page.getByRole('button', { name: `Use ${String(fromMx?.host)}:${String(fromMx?.port)}` }).click();
  await expect(page.getByLabel('Outgoing mail server (SMTP)')).toHaveValue(String(fromMx?.host));
  await expect(page.getByTestId('preset-quirks')).toContainText('app password');
  await expect(page.getByText('Good to know about Google Workspace')).toBeVisible();
});
