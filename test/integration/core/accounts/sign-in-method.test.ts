/**
 * The account's sign-in method: an accounts file written before it existed (version 2, made by that
 * version's own CLI) loads with nothing lost and every account signing in with a password; an OAuth
 * account records its provider, issuer and client ID, and its refresh token key goes with the account.
 */
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountInput } from '../../../../preload/contract/accounts';
import { ACCOUNTS_SCHEMA_VERSION } from '../../../../main/core/accounts/accounts-document';
import { oauthSecretKey } from '../../../../main/core/accounts/secret-keys';
import { MailwardenError } from '../../../../main/core/errors/mailwarden-error';
import { createTestServices, keytar, type TestServices } from '../../../helpers/test-services';

const V2_FILE = join(import.meta.dirname, '../../../fixtures/accounts/accounts-v2.json');
const CANARY_REFRESH = 'Canary-refresh-token-6e0b!';
const INPUT: AccountInput = {
  email: 'ann@contoso.example',
  host: 'smtp.office365.com',
  port: 587,
  security: 'starttls',
};

describe('sign-in method on an account (real file store, real keychain)', () => {
  let env: TestServices;
  beforeEach(async () => {
    env = await createTestServices();
  });
  afterEach(async () => env.cleanup());

  it('loads a version 2 accounts file with every field kept and password sign-in, and writes the current version on the next change', async () => {
    const path = join(env.dataDir, 'accounts.json');
    await copyFile(V2_FILE, path);
    const original = JSON.parse(await readFile(V2_FILE, 'utf8')) as {
      schemaVersion: number;
      accounts: Record<string, unknown>[];
    };
    expect(original.schemaVersion).toBe(2);

    const { accounts, warnings } = await env.services.accounts.list();
    expect(warnings).toEqual([]);
    expect(accounts).toEqual(
      original.accounts.map((account) => ({
        ...account,
        signIn: { method: 'password' },
        hasPassword: 'missing',
        // The first account reads mail with its own password (none stored here); the second reads none.
        incomingPassword: account['incoming'] === null ? null : 'missing',
      })),
    );
    expect(await readFile(path, 'utf8')).toBe(await readFile(V2_FILE, 'utf8'));

    const [first, second] = original.accounts;
    const updated = await env.services.accounts.update(String(second?.['id']), {
      email: String(second?.['email']),
      host: String(second?.['host']),
      port: Number(second?.['port']),
      security: String(second?.['security']),
      presetId: String(second?.['presetId']),
      signIn: { method: 'oauth', provider: 'microsoft', clientId: 'contoso-native-client' },
    });
    const saved = JSON.parse(await readFile(path, 'utf8')) as typeof original;
    expect(saved.schemaVersion).toBe(ACCOUNTS_SCHEMA_VERSION);
    expect(saved.accounts[0]).toEqual({ ...first, signIn: { method: 'password' } });
    expect(saved.accounts[1]).toEqual({
      ...second,
      updatedAt: updated.updatedAt,
      signIn: {
        method: 'oauth',
        provider: 'microsoft',
        issuer: 'https://login.microsoftonline.com/organizations/v2.0',
        clientId: 'contoso-native-client',
      },
    });
  });

  it('keeps the sign-in method when an edit does not name one, and going back to a password deletes the refresh token', async () => {
    const account = await env.services.accounts.add({
      ...INPUT,
      signIn: { method: 'oauth', provider: 'google', clientId: 'shop-desktop.apps.example' },
    });
    await keytar.setPassword(env.keychainService, oauthSecretKey(account.id), CANARY_REFRESH);
    expect((await env.services.accounts.get(account.id)).hasPassword).toBe('stored');

    const relabelled = await env.services.accounts.update(account.id, { ...INPUT, label: 'Shop' });
    expect(relabelled.signIn).toEqual({
      method: 'oauth',
      provider: 'google',
      issuer: 'https://accounts.google.com',
      clientId: 'shop-desktop.apps.example',
    });
    expect(await keytar.getPassword(env.keychainService, oauthSecretKey(account.id))).toBe(CANARY_REFRESH);

    const back = await env.services.accounts.update(account.id, { ...INPUT, signIn: { method: 'password' } });
    expect(back.signIn).toEqual({ method: 'password' });
    expect(await keytar.getPassword(env.keychainService, oauthSecretKey(account.id))).toBeNull();
  });

  it('removes the refresh token with the account, and does not call it an orphan while the account exists', async () => {
    const account = await env.services.accounts.add({
      ...INPUT,
      signIn: { method: 'oauth', provider: 'microsoft', clientId: 'contoso-native-client' },
    });
    await keytar.setPassword(env.keychainService, oauthSecretKey(account.id), CANARY_REFRESH);
    expect((await env.services.accounts.orphanedPasswords()).accountIds).toEqual([]);

    await env.services.accounts.remove(account.id);
    expect(await keytar.findCredentials(env.keychainService)).toEqual([]);
  });

  it.each([
    [{ method: 'oauth', provider: 'yahoo', clientId: 'x' }, 'Provider "yahoo" is not known'],
    [{ method: 'oauth', provider: 'oidc', clientId: 'x' }, 'needs its issuer URL'],
    [
      { method: 'oauth', provider: 'oidc', issuer: 'http://login.example', clientId: 'x' },
      'must start with https:',
    ],
    [{ method: 'oauth', provider: 'microsoft', clientId: '' }, 'needs the client ID you registered'],
    [{ method: 'oauth', provider: 'google', clientId: 'has space' }, 'printable characters without spaces'],
  ] as const)('refuses a sign-in method that cannot work: %j', async (signIn, message) => {
    const added = env.services.accounts.add({ ...INPUT, signIn });
    await expect(added).rejects.toBeInstanceOf(MailwardenError);
    await expect(added).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ field: 'signIn', message: expect.stringContaining(message) as unknown }],
    });
  });
});
