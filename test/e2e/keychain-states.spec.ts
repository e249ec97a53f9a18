/**
 * Keychain states named right: the welcome says before anything is typed that the keychain is locked
 * or missing, and the list marks each password "keychain locked" rather than "not reachable".
 *
 * The shared test keyring cannot be locked for one spec without locking it for every other, so these
 * specs hand main a keychain that answers every call with what the keytar adapter makes of libsecret's
 * own messages in that state (classifyKeychainError).
 */
import { classifyKeychainError } from '../../main/adapters/keychain-errors';
import type { SecretStore } from '../../main/core/ports';
import type { Outcome } from '../../preload/contract/outcome';
import { closedPort } from '../helpers/closed-port';
import { startKnot } from '../helpers/knot-server';
import { expectAccessible } from './harness/accessibility';
import { expect, test } from './harness/app-fixture';

function refusingKeychain(rawMessage: string): SecretStore {
  const refuse = () => Promise.reject(classifyKeychainError(new Error(rawMessage), 'linux'));
  return { get: refuse, set: refuse, delete: refuse, accountIdsWithSecrets: refuse };
}

test.describe('a locked keychain', () => {
  test.use({
    keychainOverride: { secretStore: refusingKeychain('Cannot create an item in a locked collection') },
  });

  test('the welcome says so first; the list marks passwords "keychain locked"', async ({ app }) => {
    const { page, env } = app;
    await app.open();
    const notice = page.getByText('Your keychain is locked').locator('..');
    await expect(notice).toContainText('Unlock it before you add an account');
    await expectAccessible(page, 'welcome-keychain-locked');
    await page.setViewportSize({ width: 1024, height: 768 });
    await app.screenshot('welcome-keychain-locked', { fullPage: false });

    // Saved without a password (that never asks the keychain), then listed.
    await env.services.accounts.add({
      email: 'ann@shop.example',
      host: 'smtp.shop.example',
      port: 465,
      security: 'tls',
    });
    await app.open();
    await expect(page.getByText('Please read this').locator('..')).toContainText(
      'Mailwarden cannot tell which accounts have a password stored. Your keychain is locked.',
    );
    await expect(page.getByText('could not reach')).toHaveCount(0);
    const row = page.locator('li.account-row');
    await expect(row).toContainText('Unknown: keychain locked');
  });

  test('a test the keychain blocks offers "Test without signing in", which never asks it', async ({
    app,
  }) => {
    test.setTimeout(120_000);
    const { page, env } = app;
    const knot = await startKnot({ 'shop.test': 'www A 192.0.2.1' });
    try {
      await env.services.settings.update({ dnsServer: knot.server });
      await env.services.accounts.add({
        label: 'Shop',
        email: 'ann@shop.test',
        host: '127.0.0.1',
        port: await closedPort(),
        security: 'tls',
      });
      await app.open();
      await page.getByRole('button', { name: 'Test this account' }).click();
      await page.getByRole('button', { name: 'Start the test' }).click();
      const notice = page.getByRole('alert');
      await expect(notice).toContainText('locked');
      await expect(notice).toContainText('sends no password');

      await page.getByRole('button', { name: 'Test without signing in' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Results for Shop' })).toBeVisible({
        timeout: 60_000,
      });
      const starts = app.calls.filter((call) => call.channel === 'audit:start');
      expect(starts).toHaveLength(2);
      const last = JSON.parse(starts[1]?.response ?? '{}') as Outcome<unknown>;
      expect(last.ok).toBe(true);
    } finally {
      await knot.stop();
    }
  });
});

test.describe('no keychain', () => {
  test.use({
    keychainOverride: { secretStore: refusingKeychain('Cannot autolaunch D-Bus without X11 $DISPLAY') },
  });

  test('the welcome says passwords cannot be stored, before the form is filled', async ({ app }) => {
    const { page } = app;
    await app.open();
    const notice = page.getByText('No keychain is reachable on this computer').locator('..');
    await expect(notice).toContainText('accounts are saved without a password');
    await expect(page.getByText('Your keychain is locked')).toHaveCount(0);
    await expectAccessible(page, 'welcome-no-keychain');
  });
});

test('a working keychain: the welcome makes its promise without a warning', async ({ app }) => {
  const { page } = app;
  await app.open();
  await expect(page.getByRole('button', { name: 'Add your first account' })).toBeVisible();
  await expect(page.getByText('Your keychain is locked')).toHaveCount(0);
  await expect(page.getByText('No keychain is reachable')).toHaveCount(0);
});
