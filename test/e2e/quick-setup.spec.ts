/**
 * Quick setup end to end: an address and a password, a lookup against a real authoritative DNS server
 * (Knot) on loopback, one sentence saying what was found and where, "Save and test" straight to the test;
 * nothing found leads to the full form, which keeps what was typed. Screenshots of found, not found and
 * the manual form at 1024x768 and 1440x900, light and dark, each checked with axe.
 */
import type { Page } from '@playwright/test';
import { startKnot, type KnotServer } from '../helpers/knot-server';
import { keytar } from '../helpers/test-services';
import { makeCanary, waitForAccounts } from './harness/account-form';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';

const ZONES: Record<string, string> = {
  // The domain declares its own submission servers (RFC 8314 section 5.1, RFC 6186 section 3.1).
  'shop.test': `
_submissions._tcp SRV 0 1 465 mail.shop.test.
_submission._tcp SRV 0 1 587 mail.shop.test.
_imaps._tcp SRV 0 1 993 imap.shop.test.
mail A 127.0.0.1
`,
  'nothing.test': 'www A 192.0.2.1',
};
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
] as const;

let knot: KnotServer | undefined;

test.beforeAll(async () => {
  knot = await startKnot(ZONES);
});
test.afterAll(async () => {
  await knot?.stop();
});

async function openQuickSetup(app: AppHarness): Promise<void> {
  const { page } = app;
  await app.open();
  if (knot === undefined) throw new Error('The test DNS server did not start.');
  const saved = await page.evaluate(
    (server) => window.mailwarden.settings.update({ dnsServer: server }),
    knot.server,
  );
  expect(saved).toMatchObject({ ok: true });
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add an account' })).toBeFocused();
}

async function find(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Find settings' }).click();
}

/** The top of the screen at both sizes, light and dark, each checked with axe. */
async function shoot(app: AppHarness, name: string): Promise<void> {
  const { page } = app;
  await page.mouse.move(0, 0);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await app.screenshot(`${name}-${String(size.width)}x${String(size.height)}-${scheme}`, {
        fullPage: false,
      });
      await expectAccessible(page, `${name}-${String(size.width)}-${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('found: one sentence with the server and where it was found, then "Save and test" opens the test', async ({
  app,
}) => {
  const { page } = app;
  const canary = makeCanary();
  await openQuickSetup(app);
  await find(page, 'ann@shop.test');
  await page.getByLabel('Password', { exact: true }).fill(canary);
  await expect(
    page.getByText('Configuration found: mail.shop.test:465, encrypted (recommended)'),
  ).toBeVisible();
  await expect(page.getByText('Found in the domain’s DNS records (SRV).', { exact: true })).toBeVisible();
  // Where it was found is said once, beside its choice, not again above the choices.
  await expect(page.getByText(/_submissions\._tcp\.shop\.test points here/)).toHaveCount(1);
  await expect(page.getByText(/_submissions\._tcp\.shop\.test points here/)).toBeVisible();
  // The other server found is one choice away, described the same way but not recommended.
  await expect(
    page.getByRole('radio', { name: 'mail.shop.test:587, encrypted after connecting (STARTTLS)' }),
  ).toBeVisible();
  // The server to read mail from, declared beside it (RFC 6186), is saved with the same password.
  await expect(
    page.getByText(
      'Reading mail (IMAP): imap.shop.test:993, encrypted, found in the domain’s DNS records (SRV). It uses the same password.',
    ),
  ).toBeVisible();
  await shoot(app, 'quick-setup-found');

  await page.getByRole('button', { name: 'Save and test' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Test ann@shop.test' })).toBeVisible();
  const [account] = await waitForAccounts(page, 1);
  expect(account).toMatchObject({
    email: 'ann@shop.test',
    host: 'mail.shop.test',
    port: 465,
    security: 'tls',
    hasPassword: 'stored',
    incoming: { protocol: 'imap', host: 'imap.shop.test', port: 993, security: 'tls', ownPassword: false },
  });
  expect(await keytar.getPassword(app.env.keychainService, account?.id ?? '')).toBe(canary);
});

test('not found: says so, and "Configure manually" opens the full form with the address kept', async ({
  app,
}) => {
  const { page } = app;
  await openQuickSetup(app);
  await find(page, 'ann@nothing.test');
  await expect(page.getByRole('heading', { level: 2, name: 'No configuration found' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(/found no server settings for nothing\.test/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save and test' })).toHaveCount(0);
  await shoot(app, 'quick-setup-not-found');

  await page.getByRole('button', { name: 'Configure manually' }).click();
  await expect(page.getByRole('button', { name: 'Save account' })).toBeVisible();
  await expect(page.getByLabel('Email address', { exact: true })).toHaveValue('ann@nothing.test');
  await shoot(app, 'quick-setup-manual');
});

test('the password label follows the provider, and a new address drops what the old one found', async ({
  app,
}) => {
  const { page } = app;
  await openQuickSetup(app);
  await find(page, 'ann@gmail.com');
  await expect(page.getByText(/^Configuration found: smtp\.gmail\.com:465, encrypted/)).toBeVisible();
  await expect(page.getByLabel('App password', { exact: true })).toBeVisible();

  // Another address: Gmail's server and label must not stay behind.
  await page.getByLabel('Email address', { exact: true }).fill('ann@shop.test');
  await expect(page.getByText(/smtp\.gmail\.com/)).toHaveCount(0);
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Find settings' }).click();
  await expect(
    page.getByText('Configuration found: mail.shop.test:465, encrypted (recommended)'),
  ).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();

  // The full form from here starts from this address's server, not Gmail's.
  await page.getByRole('button', { name: 'Configure manually' }).click();
  await expect(page.getByLabel('Outgoing mail server (SMTP)')).toHaveValue('mail.shop.test');
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue('465');
});

test('an address that is not whole is caught before any lookup', async ({ app }) => {
  const { page } = app;
  await openQuickSetup(app);
  await find(page, 'ann-at-shop.test');
  await expect(page.getByText('Enter a whole email address, like ann@example.com.')).toBeVisible();
  expect(app.calls.filter((call) => call.channel === 'discovery:run')).toEqual([]);
});
