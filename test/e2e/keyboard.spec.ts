/** (i) Keyboard only: every field is reachable in reading order, focus is always visible, and a whole account can be added without a mouse. */
import type { Page } from '@playwright/test';
import { makeCanary } from './harness/account-form';
import { expect, test } from './harness/app-fixture';

test('(i) keyboard only: tab order reaches every field and focus is always visible', async ({ app }) => {
  const { page } = app;
  await app.open();
  const start = page.getByRole('button', { name: 'Add your first account' });
  await expect(start).toBeVisible();
  // The skip link is the first stop, the header's Check a message and Settings buttons the next, then the
  // screen's own content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expectVisibleFocus(page);
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Check a message' })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Settings', exact: true })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Tab');
  await expect(start).toBeFocused();
  await expectVisibleFocus(page);
  await app.screenshot('welcome-focus', { fullPage: false });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Add an account' })).toBeFocused();

  // Quick setup comes first: address, password, its three buttons; the full form is behind the second.
  const quickOrder: string[] = [];
  for (let step = 0; step < 5; step += 1) {
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page);
    quickOrder.push(
      await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ''),
    );
  }
  expect(quickOrder).toEqual([
    'quick-email',
    'quick-password',
    'Find settings',
    'Configure manually',
    'Cancel',
  ]);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Add an account' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Save account' })).toBeVisible();

  const order: string[] = [];
  for (let step = 0; step < 16; step += 1) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ''),
    );
  }
  expect(order).toEqual([
    'account-email',
    'account-label',
    'account-domain',
    'account-method-preset',
    'account-preset',
    'account-host',
    'account-port',
    'account-security-starttls',
    'account-username',
    // Signing in: one stop on its chosen option ("With a password"), the arrows pick a provider.
    'account-signin-password',
    'account-password',
    // Incoming mail: one stop on its chosen option ("Not in Mailwarden"), the arrows pick another.
    'account-incoming-choice-none',
    'account-dkimSelectors',
    'account-clientGroup',
    'Save account',
    'Cancel',
  ]);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Save account' })).toBeFocused();
  await expectVisibleFocus(page);
  await app.screenshot('save-focus', { fullPage: false });

  // A whole account, typed and saved without the mouse.
  await page.getByLabel('Email address', { exact: true }).focus();
  await page.keyboard.type('bob@shop.example');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Bob');
  await page.getByLabel('Outgoing mail server (SMTP)').focus();
  await page.keyboard.type('smtp.shop.example');
  await page.getByLabel('Password', { exact: true }).focus();
  await page.keyboard.type(makeCanary());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeFocused();
  await expect(page.getByText('Bob was added. Its password is in your system keychain.')).toBeVisible();
});

/** The focused element draws an outline at least 2 px wide in a colour that is not transparent. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement ?? document.body);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
  });
  expect(outline.style).toBe('solid');
  expect(outline.width).toBeGreaterThanOrEqual(2);
  expect(outline.color).not.toMatch(/rgba\(\d+, \d+, \d+, 0\)|transparent/);
}
