/**
 * Settings, end to end: the DNS resolver chosen on the Settings screen is saved by main and used for
 * every lookup afterwards, proven with a record that only a real Knot DNS server on loopback holds; the
 * extra trusted CA (pasted or loaded from a file, parsed by main, summarised), the waiting times and the
 * default tests, which the plan screen starts from.
 */
import { X509Certificate } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { checkDnsServer } from '../../main/composition';
import type { Outcome } from '../../preload/contract/outcome';
import type { DiscoveryResult } from '../../preload/contract/providers';
import { startKnot, type KnotServer } from '../helpers/knot-server';
import { getTestPki, TEST_CA_NAME } from '../helpers/test-certificates';
import { fillAccountForm, sortByClient, openManualForm } from './harness/account-form';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';

/** A .test name (RFC 6761 section 6.2): no resolver but the test's own Knot server can answer for it. */
const DOMAIN = 'knot-only.test';
const ZONES: Record<string, string> = {
  // RFC 8314 section 5.1 / RFC 6186 section 3.1: the domain declares its submission server.
  [DOMAIN]: `
_submissions._tcp SRV 0 1 465 mail.knot-only.test.
mail A 127.0.0.1
`,
};
const SYSTEM_SAVED = 'Settings saved. Mailwarden now uses this computer’s DNS resolver.';

let knot: KnotServer | undefined;

test.beforeAll(async () => {
  knot = await startKnot(ZONES);
});

test.afterAll(async () => {
  await knot?.stop();
});

function knotServer(): string {
  if (knot === undefined) throw new Error('The test DNS server did not start.');
  return knot.server;
}

/** What main's own validation says about `text`: the message the field must show, word for word. */
function mainsMessage(text: string): string {
  const checked = checkDnsServer(text);
  if (checked.ok) throw new Error(`${text} was expected to be refused`);
  return checked.message;
}

/** settings.json as main wrote it, or null when main never wrote one. */
async function savedFile(app: AppHarness): Promise<unknown> {
  const text = await readFile(join(app.env.dataDir, 'settings.json'), 'utf8').catch(() => null);
  return text === null ? null : JSON.parse(text);
}

async function saveThroughBridge(page: Page, dnsServer: string | null): Promise<void> {
  const saved = await page.evaluate(
    (value) => window.mailwarden.settings.update({ dnsServer: value }),
    dnsServer,
  );
  expect(saved).toMatchObject({ ok: true, value: { settings: { dnsServer } } });
}

function settingsButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: 'Settings', exact: true });
}

function addressField(page: Page) {
  return page.getByLabel('DNS server address');
}

async function openSettings(app: AppHarness): Promise<void> {
  await settingsButton(app.page).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
}

test('(a) a resolver set with the keyboard is the one "Find my server settings" asks', async ({ app }) => {
  const { page } = app;
  await app.open();
  await expect(page.getByRole('button', { name: 'Add your first account' })).toBeVisible();

  // Keyboard only: the skip link is the first stop on the page, the header's Check a message, then Settings.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(settingsButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  await expect(settingsButton(page)).toHaveAttribute('aria-current', 'page');
  // The saved setting (none yet: this computer's resolver) is loaded from main before the form shows.
  const system = page.getByRole('radio', { name: 'Use this computer’s DNS resolver' });
  await expect(system).toBeChecked();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Back' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(system).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Use a specific DNS server' })).toBeChecked();
  // The address field appears with the choice, right after it in the tab order.
  await expect(addressField(page)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(addressField(page)).toBeFocused();
  await page.keyboard.type(knotServer());
  await page.keyboard.press('Enter');

  await expect(
    page.getByRole('status').filter({ hasText: `Settings saved. Every lookup now goes to ${knotServer()}.` }),
  ).toBeVisible();
  await expect(page.getByText(`In use now: ${knotServer()}`)).toBeVisible();
  expect(await savedFile(app)).toMatchObject({ schemaVersion: 2, dnsServer: knotServer() });

  // Escape returns to where the person was, with focus back on the button that opened Settings.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeHidden();
  await expect(settingsButton(page)).toBeFocused();
  await expect(settingsButton(page)).not.toHaveAttribute('aria-current');

  await page.getByRole('button', { name: 'Add your first account' }).click();
  await openManualForm(page);
  await page.getByLabel('Email address', { exact: true }).fill(`ann@${DOMAIN}`);
  await page.getByRole('radio', { name: 'Find my server settings' }).check();
  await page.getByRole('button', { name: 'Find my server settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: `for ${DOMAIN}.` })).toContainText('Found');
  await expect(page.getByRole('button', { name: 'Use mail.knot-only.test:465' })).toBeVisible();

  const call = app.calls.filter((entry) => entry.channel === 'discovery:run').at(-1);
  const outcome = JSON.parse(call?.response ?? '{}') as Outcome<DiscoveryResult>;
  expect(outcome.ok && outcome.value.resolver).toBe(knotServer());
});

test('(b) an invalid address shows main’s message next to the field and saves nothing', async ({ app }) => {
  const { page } = app;
  await app.open();
  await saveThroughBridge(page, '127.0.0.1:5353');
  await openSettings(app);
  // The saved value is loaded when Settings opens.
  await expect(page.getByRole('radio', { name: 'Use a specific DNS server' })).toBeChecked();
  await expect(addressField(page)).toHaveValue('127.0.0.1:5353');

  for (const [index, invalid] of ['dns.example:53', '127.0.0.1:70000'].entries()) {
    await addressField(page).fill(invalid);
    await page.getByRole('button', { name: 'Save DNS resolver' }).click();
    const message = mainsMessage(invalid);
    const error = page.locator('#settings-dns-server-error');
    await expect(error).toHaveText(`Error: ${message}`);
    await expect(addressField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(addressField(page)).toHaveAttribute('aria-describedby', /\bsettings-dns-server-error\b/);
    await expect(addressField(page)).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
    await expect(addressField(page)).toBeFocused();
    if (index === 0) {
      await app.screenshot('settings-error');
      await expectAccessible(app.page, 'settings-error');
    }
  }

  await expect(page.getByText('Settings saved.')).toHaveCount(0);
  await expect(page.getByText('In use now: 127.0.0.1:5353')).toBeVisible();
  expect(await savedFile(app)).toMatchObject({ schemaVersion: 2, dnsServer: '127.0.0.1:5353' });
  const refused = app.calls.filter((entry) => entry.channel === 'settings:update').slice(-2);
  for (const entry of refused) expect(JSON.parse(entry.response)).toMatchObject({ ok: false });
});

test('(c) switching back to this computer’s resolver saves null', async ({ app }) => {
  const { page } = app;
  await app.open();
  await saveThroughBridge(page, knotServer());
  await openSettings(app);
  await expect(addressField(page)).toHaveValue(knotServer());

  await page.getByRole('radio', { name: 'Use this computer’s DNS resolver' }).check();
  await expect(addressField(page)).toBeHidden();
  await page.getByRole('button', { name: 'Save DNS resolver' }).click();
  await expect(page.getByRole('status').filter({ hasText: SYSTEM_SAVED })).toBeVisible();
  await expect(page.getByText('In use now: this computer’s resolver')).toBeVisible();
  expect(await savedFile(app)).toMatchObject({ schemaVersion: 2, dnsServer: null });
  expect(await page.evaluate(() => window.mailwarden.settings.get())).toMatchObject({
    ok: true,
    value: { settings: { dnsServer: null } },
  });

  // The Back button returns too, and reopening shows what was saved.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(settingsButton(page)).toBeFocused();
  await openSettings(app);
  await expect(page.getByRole('radio', { name: 'Use this computer’s DNS resolver' })).toBeChecked();
});

test('a detour to Settings keeps a half-filled form, and the next lookup uses the new resolver', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await openManualForm(page);
  await page.getByLabel('Email address', { exact: true }).fill(`ann@${DOMAIN}`);
  await page.getByRole('radio', { name: 'Find my server settings' }).check();
  // Control: this computer's resolver knows nothing about the domain.
  await page.getByRole('button', { name: 'Find my server settings' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `No server settings could be found for ${DOMAIN}.` }),
  ).toBeVisible({ timeout: 30_000 });

  await openSettings(app);
  await expect(page.getByRole('heading', { level: 1, name: 'Add an account' })).toBeHidden();
  await page.getByRole('radio', { name: 'Use a specific DNS server' }).check();
  await addressField(page).fill(knotServer());
  await page.getByRole('button', { name: 'Save DNS resolver' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await page.keyboard.press('Escape');

  await expect(page.getByLabel('Email address', { exact: true })).toHaveValue(`ann@${DOMAIN}`);
  await expect(page.getByRole('radio', { name: 'Find my server settings' })).toBeChecked();
  await page.getByRole('button', { name: 'Find my server settings' }).click();
  await expect(page.getByRole('button', { name: 'Use mail.knot-only.test:465' })).toBeVisible();
});

test('(d) screenshots: light and dark, at 1024x768 and 800x600', async ({ app }) => {
  const { page } = app;
  await app.open();
  // A CA and an expired leaf are trusted, so the summaries and a warning are in every screenshot.
  const pki = await getTestPki();
  const expired = await pki.leaf('expired', 'old.test');
  const trusted = await page.evaluate(
    (pem) => window.mailwarden.settings.update({ extraCaPem: pem }),
    `${pki.caPem}${expired.certPem}`,
  );
  expect(trusted.ok).toBe(true);
  await openSettings(app);
  await expect(page.getByText('This certificate has expired')).toBeVisible();
  await page.getByRole('radio', { name: 'Use a specific DNS server' }).check();
  await addressField(page).fill(knotServer());
  await page.getByRole('button', { name: 'Save DNS resolver' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).focus();

  await app.screenshot('settings');
  await expectAccessible(app.page, 'settings');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('settings-dark');
  await expectAccessible(app.page, 'settings-dark');
  await page.setViewportSize({ width: 800, height: 600 });
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await app.screenshot('settings-800x600-dark', { fullPage: false });
  await page.emulateMedia({ colorScheme: 'light' });
  await app.screenshot('settings-800x600', { fullPage: false });
  // Nothing is cut off or scrolls sideways at the smaller size, nor at 200% zoom (400x300 CSS pixels).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  await page.setViewportSize({ width: 400, height: 300 });
  await app.screenshot('settings-zoom-200');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('settings-zoom-200-dark');
  await expectAccessible(app.page, 'settings-zoom-200-dark');
});

function caField(page: Page) {
  return page.getByLabel('CA certificates (PEM text)');
}

/** The certificate summaries under "Trusted now". */
function trustedList(page: Page) {
  return page.getByRole('list', { name: 'Trusted now' });
}

test('(e) a CA pasted with the keyboard is saved, summarised, still there on reopening, and can be removed', async ({
  app,
}) => {
  const { page } = app;
  const pki = await getTestPki();
  const fingerprint = new X509Certificate(pki.caPem).fingerprint256;
  await app.open();
  await openSettings(app);
  await expect(
    page.getByText('None: Mailwarden trusts only the certificates this computer trusts.'),
  ).toBeVisible();

  // Keyboard only: the text area is reached with Tab, the PEM pasted, and Save reached with Tab.
  await caField(page).focus();
  await page.keyboard.insertText(pki.caPem);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Load from a file…' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Save trusted certificates' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(
    page.getByRole('status').filter({ hasText: 'Saved. Mailwarden now also trusts 1 certificate.' }),
  ).toBeVisible();
  const item = trustedList(page).getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(`CN=${TEST_CA_NAME}`);
  await expect(item).toContainText(fingerprint);
  await expect(item).toContainText('Expires');
  await expect(item.getByText(/not a CA|expired/)).toHaveCount(0);
  const file = (await savedFile(app)) as { extraCaPem: string };
  expect(new X509Certificate(file.extraCaPem).fingerprint256).toBe(fingerprint);
  await app.screenshot('settings-ca');
  await expectAccessible(app.page, 'settings-ca');

  // What the screen shows is what main holds, and it survives closing and reopening Settings.
  await page.keyboard.press('Escape');
  await openSettings(app);
  await expect(trustedList(page).getByRole('listitem')).toContainText(fingerprint);

  await page.getByRole('button', { name: 'Stop trusting these' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Removed. Mailwarden now trusts only the certificates' }),
  ).toBeVisible();
  await expect(trustedList(page)).toHaveCount(0);
  expect(await savedFile(app)).toMatchObject({ extraCaPem: null });
});

test('(f) a certificate file is read in the page; a leaf that expired is accepted with warnings', async ({
  app,
}) => {
  const { page } = app;
  const pki = await getTestPki();
  const expired = await pki.leaf('expired', 'old.test');
  await app.open();
  // Listening early: Playwright starts intercepting file choosers asynchronously once someone listens,
  // and a chooser opened before that would go to the (headless, invisible) system dialog instead.
  const chooser = page.waitForEvent('filechooser');
  await openSettings(app);

  // The button opens the system's file chooser from the keyboard.
  await page.getByRole('button', { name: 'Load from a file…' }).focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(expired.certPath);
  await expect(
    page.getByRole('status').filter({ hasText: 'added to the text. Save to trust it.' }),
  ).toBeVisible();
  await expect(caField(page)).toBeFocused();
  await expect(caField(page)).toHaveValue(expired.certPem);

  await page.getByRole('button', { name: 'Save trusted certificates' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'now also trusts 1 certificate' })).toBeVisible();
  const item = trustedList(page).getByRole('listitem');
  await expect(item).toContainText('This is not a CA certificate');
  await expect(item).toContainText('This certificate has expired');
  await expect(item).toContainText(`CN=${TEST_CA_NAME}`); // its issuer
  await app.screenshot('settings-ca-warnings');
  await expectAccessible(app.page, 'settings-ca-warnings');
});

test('(g) garbage and private keys are refused next to the field, and nothing is saved', async ({ app }) => {
  const { page } = app;
  const pki = await getTestPki();
  const leaf = await pki.leaf('good', 'mail.test');
  await app.open();
  await openSettings(app);

  const cases: [string, string][] = [
    ['hello, this is not a certificate', 'This is not a PEM certificate.'],
    [leaf.keyPem, 'This text holds a private key.'],
  ];
  for (const [index, [text, message]] of cases.entries()) {
    await caField(page).fill(text);
    await page.getByRole('button', { name: 'Save trusted certificates' }).click();
    const error = page.locator('#settings-extra-ca-error');
    await expect(error).toContainText(message);
    await expect(caField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(caField(page)).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
    await expect(caField(page)).toBeFocused();
    if (index === 0) {
      await app.screenshot('settings-ca-error');
      await expectAccessible(app.page, 'settings-ca-error');
    }
  }
  // An empty box with nothing trusted yet is a mistake, said without asking main.
  await caField(page).fill('');
  await page.getByRole('button', { name: 'Save trusted certificates' }).click();
  await expect(page.locator('#settings-extra-ca-error')).toContainText('Paste a CA certificate');
  expect(await savedFile(app)).toBeNull();
  // The key never came back in any answer main gave the page.
  for (const call of app.calls) expect(call.response).not.toContain(leaf.keyPem.split('\n')[1]);
});

test('(h) waiting times: out of bounds is refused inline with main’s message, then saved', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await openSettings(app);
  const wait = page.getByLabel('Wait for a server');
  const limit = page.getByLabel('Longest time for one test');
  await expect(wait).toHaveValue('15');
  await expect(limit).toHaveValue('120');

  await wait.fill('1');
  await page.getByRole('button', { name: 'Save waiting times' }).click();
  await expect(page.locator('#settings-server-wait-error')).toHaveText(
    'Error: Enter a whole number of seconds from 2 to 25.',
  );
  await expect(wait).toBeFocused();
  await expect(wait).toHaveAttribute('aria-invalid', 'true');
  await app.screenshot('settings-timeouts-error');
  await expectAccessible(app.page, 'settings-timeouts-error');

  await wait.fill('20');
  await limit.fill('15');
  await page.keyboard.press('Enter');
  await expect(page.locator('#settings-audit-limit-error')).toContainText('at least as long as one wait');
  await expect(limit).toBeFocused();
  expect(await savedFile(app)).toBeNull();

  // Keyboard only: type the fixes, and Enter in a field saves the section.
  await wait.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await expect(limit).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('60');
  await page.keyboard.press('Enter');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Mailwarden waits up to 5 seconds for a server and 60 seconds' }),
  ).toBeVisible();
  await expect(page.locator('#settings-server-wait-error')).toHaveCount(0);
  expect(await savedFile(app)).toMatchObject({ timeouts: { serverWaitSeconds: 5, auditLimitSeconds: 60 } });
  await app.screenshot('settings-timeouts-saved');
  await expectAccessible(app.page, 'settings-timeouts-saved');
});

test('(i) a default test switched off in Settings starts off on the plan screens', async ({ app }) => {
  const { page } = app;
  await app.open();
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await fillAccountForm(page, {
    email: 'ann@shop.test',
    label: 'Shop orders',
    host: 'mail.shop.test',
    port: '587',
    security: 'STARTTLS',
    password: 'Canary-settings-plan-1!',
    clientGroup: 'Shop',
  });
  await page.getByRole('button', { name: 'Save account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();

  await openSettings(app);
  const relay = page.getByRole('switch', { name: 'Open-relay and spoofing test' });
  await expect(relay).toBeChecked();
  // Keyboard only: Space switches it off, Tab reaches Save.
  await relay.focus();
  await page.keyboard.press('Space');
  await expect(relay).not.toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('switch', { name: 'Sign in with the saved password' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Save tests' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'The next test you start begins with these switches.' }),
  ).toBeVisible();
  expect(await savedFile(app)).toMatchObject({ defaultTests: { relayTest: false, login: true } });
  await app.screenshot('settings-default-tests');
  await expectAccessible(app.page, 'settings-default-tests');

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Test this account/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Shop orders');
  await expect(page.getByRole('switch', { name: 'Open-relay and spoofing test' })).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'Sign in with the saved password' })).toBeChecked();
  await app.screenshot('plan-from-settings');
  await expectAccessible(app.page, 'plan-from-settings');

  // A client's plan starts from the same saved switches.
  await page.getByRole('button', { name: 'Back to your accounts' }).click();
  await sortByClient(page);
  await page
    .getByRole('region', { name: 'Shop' })
    .getByRole('button', { name: 'Test the 1 account' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Test all accounts of Shop' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Open-relay and spoofing test' })).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'Sign in with the saved password' })).toBeChecked();
});

test('(j) a settings file that could not be read is shown on Settings and in the app’s warnings', async ({
  app,
}) => {
  const { page } = app;
  await writeFile(join(app.env.dataDir, 'settings.json'), '{"schemaVersion": 2, "dnsServer": ');
  await app.open();
  const warning = page.getByText(
    /^Your settings file could not be read \(it is not valid JSON\); it was moved to /,
  );
  await expect(warning).toBeVisible();
  await openSettings(app);
  // The accounts screen (and its copy of the warning) is hidden behind Settings, which shows its own.
  await expect(warning.filter({ visible: true })).toHaveCount(1);
  await app.screenshot('settings-file-warning');
  await expectAccessible(app.page, 'settings-file-warning');
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
