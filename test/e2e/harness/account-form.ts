/** Drives the add-account form the way a person does: by the labels they read. */
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { AccountList } from '../../../preload/contract/accounts';
import type { Outcome } from '../../../preload/contract/outcome';
import { expect, type AppHarness } from './app-fixture';

export interface AccountEntry {
  readonly email: string;
  readonly label?: string;
  readonly host: string;
  readonly port: string;
  readonly security?: 'TLS' | 'STARTTLS' | 'No encryption';
  readonly password?: string;
  readonly clientGroup?: string;
}

/** A password that appears nowhere else, so finding it anywhere proves a leak. */
export function makeCanary(): string {
  return `Canary-7f3a9!pw-${randomBytes(8).toString('hex')}`;
}

/** From quick setup, which "Add" opens first, to the full form; the full form as is when already there. */
export async function openManualForm(page: Page): Promise<void> {
  const manual = page.getByRole('button', { name: 'Configure manually' });
  if (await manual.isVisible()) await manual.click();
  await expect(page.getByRole('radio', { name: 'Enter them myself' })).toBeVisible();
}

export async function fillAccountForm(page: Page, entry: AccountEntry): Promise<void> {
  await openManualForm(page);
  await page.getByLabel('Email address', { exact: true }).fill(entry.email);
  if (entry.label !== undefined) await page.getByLabel(/^Name for this account/).fill(entry.label);
  await page.getByRole('radio', { name: 'Enter them myself' }).check();
  await page.getByLabel('Outgoing mail server (SMTP)').fill(entry.host);
  await page.getByLabel('Port', { exact: true }).fill(entry.port);
  if (entry.security !== undefined)
    await page.getByRole('radio', { name: new RegExp(`^${entry.security}`) }).check();
  if (entry.password !== undefined) await page.getByLabel('Password', { exact: true }).fill(entry.password);
  if (entry.clientGroup !== undefined) await page.getByLabel(/^Client group/).fill(entry.clientGroup);
}

/**
 * Every file under `dir`, recursively, with its bytes. A file gone between the listing and the read (a
 * lock file the app held for a moment while it read the accounts) held nothing at rest, so it is left out.
 */
export async function readAllFiles(dir: string): Promise<{ path: string; bytes: Buffer }[]> {
  const files: { path: string; bytes: Buffer }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    });
    if (bytes !== null) files.push({ path, bytes });
  }
  return files;
}

/** True when `bytes` hold `secret` in UTF-8 or UTF-16 (either byte order). */
export function containsSecret(bytes: Buffer, secret: string): boolean {
  const forms = [
    Buffer.from(secret, 'utf8'),
    Buffer.from(secret, 'utf16le'),
    Buffer.from(secret, 'utf16le').swap16(),
  ];
  return forms.some((form) => bytes.includes(form));
}

export const SHOP = {
  email: 'ann@shop.example',
  label: 'Shop orders',
  host: 'smtp.shop.example',
  port: '587',
} as const;

/** Adds SHOP with `password` through the form and waits for the account list. */
export async function addShopAccount(app: AppHarness, password: string): Promise<void> {
  const { page } = app;
  await app.open();
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await fillAccountForm(page, { ...SHOP, password });
  await page.getByRole('button', { name: 'Save account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
}

export async function listFromPage(page: Page): Promise<Outcome<AccountList>> {
  return page.evaluate(() => window.mailwarden.accounts.list());
}

/** The accounts main holds, asked through the page's bridge, once there are `count` of them. */
export async function waitForAccounts(page: Page, count: number): Promise<AccountList['accounts']> {
  let accounts: AccountList['accounts'] = [];
  await expect(async () => {
    const list = await listFromPage(page);
    accounts = list.ok ? list.value.accounts : [];
    expect(accounts).toHaveLength(count);
  }).toPass();
  return accounts;
}

/** Puts the desk in its by-client order: each client under its heading, with "Test all". */
export async function sortByClient(page: Page): Promise<void> {
  await page.getByLabel('Sort by').selectOption({ label: 'Client' });
}
