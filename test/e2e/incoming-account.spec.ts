/**
 * The account form's "Incoming mail" section, adding and editing: IMAP or POP3, host, a port that follows
 * the protocol and security, the user name, and the sending password or its own. The own password goes
 * to its own keychain entry (`<id>/incoming`) and nowhere else; switching back to the shared password
 * removes that entry. Checked with axe and photographed light and dark at 1024x768.
 */
import { keytar } from '../helpers/test-services';
import {
  containsSecret,
  fillAccountForm,
  makeCanary,
  readAllFiles,
  SHOP,
  waitForAccounts,
} from './harness/account-form';
import { expectAccessible } from './harness/accessibility';
import { expect, test, type AppHarness } from './harness/app-fixture';

async function shoot(app: AppHarness, name: string): Promise<void> {
  const { page } = app;
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('heading', { level: 2, name: 'Incoming mail' }).scrollIntoViewIfNeeded();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await app.screenshot(`${name}-1024x768-${scheme}`, { fullPage: false });
    await expectAccessible(page, `${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('adding: an IMAP server with its own password, stored under its own keychain entry only', async ({
  app,
}) => {
  const { page, env } = app;
  const sending = makeCanary();
  const reading = makeCanary();
  await app.open();
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await fillAccountForm(page, { ...SHOP, password: sending });

  const section = page.getByRole('region', { name: 'Incoming mail' });
  await expect(section.getByRole('radio', { name: 'Not in Mailwarden' })).toBeChecked();
  await expect(section.getByLabel('Incoming server')).toHaveCount(0);
  await section.getByRole('radio', { name: /^IMAP/ }).check();
  await expect(section.getByLabel('Incoming port')).toHaveValue('993');
  // STARTTLS moves a port still at its standard value: 143 for IMAP.
  await section.getByRole('radio', { name: /^STARTTLS/ }).check();
  await expect(section.getByLabel('Incoming port')).toHaveValue('143');
  await section.getByRole('radio', { name: /^TLS/ }).check();
  await expect(section.getByLabel('Incoming port')).toHaveValue('993');
  await section.getByLabel('Incoming server').fill('imap.shop.example');
  await expect(section.getByLabel(/^Incoming user name/)).toHaveAttribute('placeholder', SHOP.email);
  await expect(section.getByRole('radio', { name: 'Same password as sending' })).toBeChecked();
  await section.getByRole('radio', { name: /^Its own password/ }).check();
  await section.getByLabel(/^Password for reading mail/).fill(reading);
  await shoot(app, 'incoming-add');

  await page.getByRole('button', { name: 'Save account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
  const [account] = await waitForAccounts(page, 1);
  const id = account?.id ?? '';
  expect(account).toMatchObject({
    incoming: {
      protocol: 'imap',
      host: 'imap.shop.example',
      port: 993,
      security: 'tls',
      username: SHOP.email,
      ownPassword: true,
    },
    hasPassword: 'stored',
    incomingPassword: 'stored',
  });
  expect(await keytar.getPassword(env.keychainService, id)).toBe(sending);
  expect(await keytar.getPassword(env.keychainService, `${id}/incoming`)).toBe(reading);
  for (const file of await readAllFiles(env.dataDir)) {
    expect(containsSecret(file.bytes, reading), file.path).toBe(false);
  }
});

test('editing: the section opens as saved, a mistake is shown beside it, POP3 with the shared password drops the own entry', async ({
  app,
}) => {
  const { page, env } = app;
  const sending = makeCanary();
  await app.open();
  const added = await page.evaluate(
    ([email, host, password]) =>
      window.mailwarden.accounts.add(
        {
          email,
          host,
          port: 587,
          security: 'starttls',
          label: 'Shop orders',
          incoming: {
            protocol: 'imap',
            host: 'imap.shop.example',
            port: 993,
            security: 'tls',
            ownPassword: true,
          },
        },
        password,
      ),
    [SHOP.email, SHOP.host, sending] as const,
  );
  expect(added.ok).toBe(true);
  const id = added.ok ? added.value.id : '';
  const reading = makeCanary();
  const stored = await page.evaluate(
    ([accountId, password]) => window.mailwarden.accounts.setIncomingPassword(accountId, password),
    [id, reading] as const,
  );
  expect(stored).toMatchObject({ ok: true, value: { incomingPassword: 'stored' } });
  expect(await keytar.getPassword(env.keychainService, `${id}/incoming`)).toBe(reading);
  await page.reload();

  await page.getByRole('button', { name: 'More actions for Shop orders' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Shop orders' })).toBeFocused();
  const section = page.getByRole('region', { name: 'Incoming mail' });
  await expect(section.getByRole('radio', { name: /^IMAP/ })).toBeChecked();
  await expect(section.getByLabel('Incoming server')).toHaveValue('imap.shop.example');
  await expect(section.getByLabel('Incoming port')).toHaveValue('993');
  await expect(section.getByRole('radio', { name: /^Its own password/ })).toBeChecked();
  await expect(section.getByLabel(/^Password for reading mail/)).toHaveValue('');
  await shoot(app, 'incoming-edit');

  // Main's message about the incoming server appears beside its host and in the summary.
  await section.getByLabel('Incoming server').fill('imap shop');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('Incoming server host is not valid');
  await expect(section.getByText(/Incoming server host is not valid/)).toBeVisible();

  await section.getByLabel('Incoming server').fill('pop.shop.example');
  await section.getByRole('radio', { name: /^POP3/ }).check();
  await expect(section.getByLabel('Incoming port')).toHaveValue('995');
  await section.getByRole('radio', { name: 'Same password as sending' }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
  const [edited] = await waitForAccounts(page, 1);
  expect(edited).toMatchObject({
    id,
    incoming: { protocol: 'pop3', host: 'pop.shop.example', port: 995, ownPassword: false },
    incomingPassword: 'shared',
  });
  expect(await keytar.getPassword(env.keychainService, `${id}/incoming`)).toBeNull();
  expect(await keytar.getPassword(env.keychainService, id)).toBe(sending);
});
