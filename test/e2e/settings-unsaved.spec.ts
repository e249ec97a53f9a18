/**
 * Settings never drops typed changes silently: leaving with edits not saved (Back or Escape) asks
 * first, names the sections, and keeps editing unless the person chooses to leave.
 */
import { expectAccessible } from './harness/accessibility';
import { expect, test } from './harness/app-fixture';

test('leaving Settings with unsaved edits asks first; saved edits leave at once', async ({ app }) => {
  const { page } = app;
  await app.open();
  await page.getByRole('banner').getByRole('button', { name: 'Settings', exact: true }).click();
  const wait = page.getByLabel('Wait for a server');
  await expect(wait).toHaveValue('15');
  await wait.fill('20');
  await page.getByRole('switch', { name: 'Open-relay and spoofing test' }).click();

  // Escape asks, naming both sections; the safe answer has focus.
  await page.keyboard.press('Escape');
  const question = page.getByRole('alertdialog', { name: 'Leave Settings without saving?' });
  await expect(question).toContainText('Not saved yet: Waiting times, Tests that start switched on.');
  await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expectAccessible(page, 'settings-leave-question');
  for (const [width, height] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await app.screenshot(`settings-unsaved-${String(width)}x${String(height)}`, { fullPage: false });
    // Reduced motion: the buttons' 120 ms colour transition has settled before axe measures contrast.
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await expectAccessible(page, `settings-leave-question-dark-${String(width)}`);
    await app.screenshot(`settings-unsaved-${String(width)}x${String(height)}-dark`, { fullPage: false });
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  }

  // Escape again is "keep editing": the typed value is still there.
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(wait).toHaveValue('20');

  // Saving one section leaves only the other unsaved.
  await page.getByRole('button', { name: 'Save waiting times' }).click();
  await expect(page.getByText('Saved. Mailwarden waits up to 20 seconds')).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(question).toContainText('Not saved yet: Tests that start switched on.');
  await question.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('button', { name: 'Add your first account' })).toBeVisible();

  // What was saved stays; what was dropped is gone.
  await page.getByRole('banner').getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByLabel('Wait for a server')).toHaveValue('20');
  await expect(page.getByRole('switch', { name: 'Open-relay and spoofing test' })).toBeChecked();
  // Nothing edited: Back leaves at once.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('button', { name: 'Add your first account' })).toBeVisible();
});
