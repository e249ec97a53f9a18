/**
 * `mailwarden accounts signin ACCOUNT --device` (RFC 8628) against a real OpenID provider (oidc-provider
 * over HTTPS from the test CA) with its device flow on: Mailwarden prints the verification address and
 * the user code, a person enters the code on the provider's own pages (walked with plain HTTPS requests,
 * as on another device) while Mailwarden polls, and the refresh token lands in the real keyring.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../preload/contract/accounts';
import { oauthSecretKey } from '../../../main/core/accounts/secret-keys';
import { runCliIn } from '../../helpers/cli-harness';
import { startDeviceSigninCli } from '../../helpers/oauth-signin-cli';
import {
  SHORT_DEVICE_CODE_CLIENT,
  startTestOidcProvider,
  TEST_CLIENT_ID,
  type TestOidcProvider,
} from '../../helpers/oidc-test-provider';
import { createTestServices, keytar, type TestServices } from '../../helpers/test-services';

const EMAIL = 'ann@shop.example';

describe('mailwarden accounts signin --device with a real OpenID provider', () => {
  let provider: TestOidcProvider;
  let env: TestServices;
  const cli = (argv: readonly string[]) => runCliIn(env, argv);

  async function addOAuthAccount(issuer = provider.issuer, clientId = TEST_CLIENT_ID): Promise<Account> {
    const added = await cli([
      ...['accounts', 'add', '--email', EMAIL, '--host', 'smtp.shop.example', '--port', '587'],
      ...['--security', 'starttls', '--auth', 'oauth', '--provider', 'oidc'],
      ...['--issuer', issuer, '--client-id', clientId],
    ]);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const [account] = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as Account[];
    if (account === undefined) throw new Error('the account was not saved');
    return account;
  }

  const storedRefreshToken = (account: Account) =>
    keytar.getPassword(env.keychainService, oauthSecretKey(account.id));

  async function dataFolderText(): Promise<string> {
    const names = await readdir(env.dataDir, { recursive: true, withFileTypes: true });
    const files = names.filter((entry) => entry.isFile());
    return (
      await Promise.all(files.map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')))
    ).join('\n');
  }

  beforeAll(async () => {
    provider = await startTestOidcProvider();
  });
  afterAll(async () => provider.close());
  beforeEach(async () => {
    env = await createTestServices();
    await env.services.settings.update({ extraCaPem: provider.caPem });
  });
  afterEach(async () => env.cleanup());

  it('prints the address and the code, and stores the refresh token once the code is approved on another device', async () => {
    const account = await addOAuthAccount();
    const run = startDeviceSigninCli(env, EMAIL);
    const { verificationUri, userCode } = await run.code;
    expect(new URL(verificationUri).origin).toBe(provider.issuer);
    expect(userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);

    await provider.approveDevice(verificationUri, userCode, EMAIL);
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([verificationUri, userCode]);
    expect(result.stderr).toContain('open this address in a browser on any device and enter the code');
    expect(result.stderr).toContain(`Signed in as ${EMAIL}`);
    expect(await storedRefreshToken(account)).toBe(provider.refreshTokens.at(-1));

    const listed = await cli(['accounts', 'list']);
    expect(listed.stdout).toContain('oauth signed in');
    const everything = `${result.stdout}${result.stderr}${listed.stdout}${await dataFolderText()}`;
    for (const token of provider.issuedTokens) expect(everything).not.toContain(token);
  });

  it('says the sign-in was refused when the person aborts on the other device, stores nothing, exits 3', async () => {
    const account = await addOAuthAccount();
    const run = startDeviceSigninCli(env, EMAIL);
    const { verificationUri, userCode } = await run.code;
    await provider.denyDevice(verificationUri, userCode);
    const result = await run.done;
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('refused on the other device (access denied)');
    expect(await storedRefreshToken(account)).toBeNull();
  });

  it('says the code expired when nobody entered it in time (expired_token), stores nothing, exits 3', async () => {
    const account = await addOAuthAccount(provider.issuer, SHORT_DEVICE_CODE_CLIENT);
    const result = await startDeviceSigninCli(env, EMAIL).done;
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('The code expired before the sign-in was finished');
    expect(await storedRefreshToken(account)).toBeNull();
  });

  it('says plainly that a provider without device sign-in cannot be used that way, exits 3', async () => {
    const without = await startTestOidcProvider({ deviceFlow: false });
    try {
      const account = await addOAuthAccount(without.issuer);
      const result = await startDeviceSigninCli(env, EMAIL).done;
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('does not offer sign-in with a code on another device');
      expect(result.stderr).toContain('--no-browser');
      expect(result.stdout).toBe('');
      expect(await storedRefreshToken(account)).toBeNull();
    } finally {
      await without.close();
    }
  });

  it('refuses --device together with --no-browser, exit 2', async () => {
    await addOAuthAccount();
    const result = await cli(['accounts', 'signin', EMAIL, '--device', '--no-browser']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--device and --no-browser');
  });
});
