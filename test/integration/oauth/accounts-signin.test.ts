/**
 * `mailwarden accounts add --auth oauth`, `accounts signin --no-browser` and `accounts signout` against a
 * real OpenID provider (oidc-provider over HTTPS from the test CA), the real keychain (the test keyring)
 * and a real data folder. The provider's login and consent pages are walked with plain HTTPS requests,
 * as a browser would, and the final redirect is delivered to Mailwarden's loopback listener.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../preload/contract/accounts';
import { oauthClientSecretKey, oauthSecretKey } from '../../../main/core/accounts/secret-keys';
import { createMainServices } from '../../../main/composition';
import { runCliIn } from '../../helpers/cli-harness';
import { closedPort } from '../../helpers/closed-port';
import { startKnot } from '../../helpers/knot-server';
import { startSigninCli } from '../../helpers/oauth-signin-cli';
import {
  CONFIDENTIAL_NATIVE_CLIENT,
  startTestOidcProvider,
  TEST_CLIENT_ID,
  type TestOidcProvider,
} from '../../helpers/oidc-test-provider';
import { createTestServices, keytar, type TestServices } from '../../helpers/test-services';

const EMAIL = 'ann@shop.example';

interface SubmissionServer {
  readonly host: string;
  readonly port: string;
  readonly security: string;
}
const SHOP_SUBMISSION: SubmissionServer = { host: 'smtp.shop.example', port: '587', security: 'starttls' };

/** `accounts add` for EMAIL on a submission server, followed by the options the test is about. */
function addArgs(options: readonly string[], server: SubmissionServer = SHOP_SUBMISSION): string[] {
  return [
    ...['accounts', 'add', '--email', EMAIL],
    ...['--host', server.host, '--port', server.port, '--security', server.security],
    ...options,
  ];
}
/** Short enough for the timeout case not to slow the suite. */
const SHORT_DEADLINE_MS = 1_500;
/** The "how to withdraw it" step for a provider named by issuer URL (main/core/oauth/withdraw-sign-in.ts). */
const WITHDRAW_AT_OIDC =
  'To withdraw it, remove Mailwarden from the apps allowed to use your account on your provider’s account page.';

describe('mailwarden accounts signin / signout with a real OpenID provider', () => {
  let provider: TestOidcProvider;
  let env: TestServices;
  const cli = (argv: readonly string[], stdin?: string, variables?: Readonly<Record<string, string>>) =>
    runCliIn(env, argv, stdin, variables);

  const signin = (target: string, deadlineMs?: number) => startSigninCli(env, target, deadlineMs);

  /** Adds EMAIL as an OAuth account of `issuer` (the test provider unless given) and returns it as saved. */
  async function addOAuthAccount(issuer = provider.issuer): Promise<Account> {
    const added = await cli(
      addArgs(['--auth', 'oauth', '--provider', 'oidc', '--issuer', issuer, '--client-id', TEST_CLIENT_ID]),
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const [account] = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as Account[];
    if (account === undefined) throw new Error('the account was not saved');
    return account;
  }

  const storedRefreshToken = (account: Account) =>
    keytar.getPassword(env.keychainService, oauthSecretKey(account.id));

  /** Every file of the data folder, as text. */
  async function dataFolderText(): Promise<string> {
    const names = await readdir(env.dataDir, { recursive: true, withFileTypes: true });
    const files = names.filter((entry) => entry.isFile());
    const texts = await Promise.all(
      files.map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
    );
    return texts.join('\n');
  }

  function expectNoIssuedToken(text: string): void {
    for (const token of provider.issuedTokens) expect(text).not.toContain(token);
  }

  beforeAll(async () => {
    provider = await startTestOidcProvider({ accessTokenTtlSeconds: 2 });
  });
  afterAll(async () => provider.close());
  beforeEach(async () => {
    env = await createTestServices();
    await env.services.settings.update({ extraCaPem: provider.caPem });
  });
  afterEach(async () => env.cleanup());

  it('saves an OAuth account without asking for a password, and records how it signs in', async () => {
    const account = await addOAuthAccount();
    expect(account.signIn).toEqual({
      method: 'oauth',
      provider: 'oidc',
      issuer: provider.issuer,
      clientId: TEST_CLIENT_ID,
    });
    expect(await keytar.findCredentials(env.keychainService)).toEqual([]);
    expect((await cli(['accounts', 'list'])).stdout).toContain('oauth not signed in');
  });

  it('signs in through the provider: the refresh token is in the keyring and nowhere in files or output', async () => {
    const account = await addOAuthAccount();
    const run = signin(EMAIL);
    const url = new URL(await run.url);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(url.searchParams.get('scope')?.split(' ')).toContain('offline_access');
    expect(url.searchParams.get('prompt')).toBe('consent');

    expect(await provider.approve(url.href, EMAIL)).toBe(200);
    const result = await run.done;
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([url.href]);
    expect(result.stderr).toContain(`Signed in as ${EMAIL}`);

    const stored = await storedRefreshToken(account);
    expect(stored).toBe(provider.refreshTokens.at(-1));
    // The canary below covers the ID token (a JWT) as well as the opaque tokens and the code.
    expect([...provider.issuedTokens].some((token) => token.startsWith('eyJ'))).toBe(true);
    const listed = await cli(['accounts', 'list']);
    expect(listed.stdout).toContain(`oauth signed in as ${EMAIL}`);
    expect(listed.stdout).not.toContain('Warning');
    expectNoIssuedToken(`${result.stdout}${result.stderr}${listed.stdout}${await dataFolderText()}`);
  });

  it('keeps the signed-in address with the account and warns when it is another mailbox than the account’s', async () => {
    const other = 'front-desk@shop.example';
    await addOAuthAccount();
    const run = signin(EMAIL);
    await provider.approve(await run.url, other);
    expect((await run.done).code).toBe(0);

    // A later process (a new CLI run) reads it from the accounts file: it outlives the sign-in.
    const [saved] = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as Account[];
    expect(saved?.signIn).toMatchObject({ method: 'oauth', signedInAs: other });
    const listed = await cli(['accounts', 'list']);
    expect(listed.stdout).toContain(`oauth signed in as ${other}`);
    expect(listed.stdout).toContain(
      `is signed in as ${other}, not ${EMAIL}: its tests would prove that other mailbox.`,
    );

    // Signing out forgets the address with the token.
    expect((await cli(['accounts', 'signout', EMAIL])).code).toBe(0);
    const [signedOut] = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as Account[];
    expect(signedOut?.signIn).not.toHaveProperty('signedInAs');
    expect((await cli(['accounts', 'list'])).stdout).not.toContain('Warning');
  });

  it('refuses a redirect whose state is not the one it sent, stores nothing, exits 3', async () => {
    const account = await addOAuthAccount();
    const run = signin(EMAIL);
    const url = new URL(await run.url);
    url.searchParams.set('state', 'forged-state-from-another-program');
    expect(await provider.approve(url.href, EMAIL)).toBe(200);
    const result = await run.done;
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('did not belong to this sign-in');
    expect(await storedRefreshToken(account)).toBeNull();
  });

  it('says the sign-in was refused when consent is denied, stores nothing, exits 3', async () => {
    const account = await addOAuthAccount();
    const run = signin(EMAIL);
    expect(await provider.deny(await run.url, EMAIL)).toBe(200);
    const result = await run.done;
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('refused in the browser (access denied)');
    expect(await storedRefreshToken(account)).toBeNull();
  });

  it('gives up when nobody finishes in the browser before the deadline, exits 3', async () => {
    const account = await addOAuthAccount();
    const run = signin(EMAIL, SHORT_DEADLINE_MS);
    const url = new URL(await run.url);
    const result = await run.done;
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('did not finish within 2 seconds');
    expect(await storedRefreshToken(account)).toBeNull();
    // The listener is closed: a late redirect finds nobody.
    const late = fetch(`${url.searchParams.get('redirect_uri') ?? ''}?code=late&state=late`);
    await expect(late).rejects.toThrow();
  });

  it('refreshes an expired access token and stores the rotated refresh token', async () => {
    const account = await addOAuthAccount();
    const run = signin(EMAIL);
    await provider.approve(await run.url, EMAIL);
    expect((await run.done).code).toBe(0);
    const first = await storedRefreshToken(account);

    // A new process (no access token in memory) must refresh; the provider rotates the refresh token.
    const later = await createMainServicesFor(env);
    const token = await later.oauth.accessToken(account.id);
    expect((await provider.introspect(token.token)).active).toBe(true);
    const second = await storedRefreshToken(account);
    expect(second).not.toBe(first);
    expect(second).toBe(provider.refreshTokens.at(-1));

    // Once the two-second access token expires, the next call refreshes again with the stored one.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const renewed = await later.oauth.accessToken(account.id);
    expect(renewed.token).not.toBe(token.token);
    expect((await provider.introspect(renewed.token)).active).toBe(true);
    expect(await storedRefreshToken(account)).toBe(provider.refreshTokens.at(-1));
    expectNoIssuedToken(await dataFolderText());
  });

  it('asks to sign in again when the provider revoked the refresh token, without crashing', async () => {
    const account = await addOAuthAccount();
    const run = signin(EMAIL);
    await provider.approve(await run.url, EMAIL);
    expect((await run.done).code).toBe(0);
    const stored = await storedRefreshToken(account);
    await provider.revokeAtProvider(stored ?? '');

    const later = await createMainServicesFor(env);
    await expect(later.oauth.accessToken(account.id)).rejects.toMatchObject({
      code: 'SIGN_IN_AGAIN',
      message: expect.stringContaining('Sign in again') as unknown,
    });
  });

  it('signs out: the provider revokes the refresh token and the keyring no longer holds it', async () => {
    const account = await addOAuthAccount();
    const run = signin(EMAIL);
    await provider.approve(await run.url, EMAIL);
    expect((await run.done).code).toBe(0);
    const stored = (await storedRefreshToken(account)) ?? '';

    const out = await cli(['accounts', 'signout', EMAIL]);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout).toContain('The provider revoked the sign-in');
    expect(provider.revokedTokens.has(stored)).toBe(true);
    expect(await storedRefreshToken(account)).toBeNull();
    expectNoIssuedToken(out.stdout);
  });

  it('signs out of a provider that offers no revocation (as Microsoft): deleted from the keyring, nothing sent to revoke, and how to withdraw it there', async () => {
    // A provider whose discovery document names no revocation_endpoint, reachable all along.
    const unrevocable = await startTestOidcProvider({ revocation: false });
    try {
      const account = await addOAuthAccount(unrevocable.issuer);
      const run = signin(EMAIL);
      await unrevocable.approve(await run.url, EMAIL);
      expect((await run.done).code).toBe(0);
      const stored = await storedRefreshToken(account);
      expect(stored).toBe(unrevocable.refreshTokens.at(-1));

      const before = unrevocable.requests.length;
      const out = await cli(['accounts', 'signout', EMAIL]);
      expect(out).toMatchObject({ code: 0, stderr: '' });
      expect(out.stdout).toContain(
        'The provider offers no way to revoke it from here, so it was deleted from your system keychain; ' +
          'the provider may still hold it.',
      );
      expect(out.stdout).toContain(WITHDRAW_AT_OIDC);
      expect(await storedRefreshToken(account)).toBeNull();
      // The provider was asked for its discovery document only: no revocation request, nor any other POST.
      const duringSignOut = unrevocable.requests.slice(before);
      expect(duringSignOut).toContain('GET /.well-known/openid-configuration');
      expect(duringSignOut.filter((request) => request !== 'GET /.well-known/openid-configuration')).toEqual(
        [],
      );
      expect(unrevocable.revokedTokens.has(stored ?? '')).toBe(false);
      for (const token of unrevocable.issuedTokens) expect(out.stdout).not.toContain(token);
    } finally {
      await unrevocable.close();
    }
  });

  it.each([
    [['--auth', 'oauth'], '--auth oauth needs --provider'],
    [['--provider', 'google', '--client-id', 'x'], 'go with --auth oauth'],
    [['--auth', 'kerberos'], '--auth must be one of: password, oauth'],
    [
      ['--auth', 'oauth', '--provider', 'google', '--client-id', 'x', '--password-stdin'],
      'takes no password',
    ],
    [['--auth', 'oauth', '--provider', 'microsoft'], 'needs the client ID you registered'],
  ])('refuses accounts add %j with exit 2 and saves nothing', async (extra, message) => {
    const result = await cli(addArgs(extra), 'a-password');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(JSON.parse((await cli(['accounts', 'list', '--json'])).stdout)).toEqual([]);
  });

  const ADD_OIDC = addArgs(['--auth', 'oauth']);

  it('takes the client ID from MAILWARDEN_OIDC_CLIENT_ID when --client-id is not given, and signs in with it', async () => {
    const added = await cli([...ADD_OIDC, '--provider', 'oidc', '--issuer', provider.issuer], undefined, {
      MAILWARDEN_OIDC_CLIENT_ID: TEST_CLIENT_ID,
    });
    expect(added.code, added.stderr).toBe(0);
    const [account] = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as Account[];
    if (account === undefined) throw new Error('the account was not saved');
    expect(account.signIn).toMatchObject({ method: 'oauth', clientId: TEST_CLIENT_ID });

    // Saved with the account: the sign-in works in a process without the variable.
    const run = signin(EMAIL);
    const url = new URL(await run.url);
    expect(url.searchParams.get('client_id')).toBe(TEST_CLIENT_ID);
    expect(await provider.approve(url.href, EMAIL)).toBe(200);
    expect((await run.done).code).toBe(0);
    expect(await storedRefreshToken(account)).toBe(provider.refreshTokens.at(-1));
  });

  it('prefers --client-id to the environment variable', async () => {
    const added = await cli(
      [...ADD_OIDC, '--provider', 'oidc', '--issuer', provider.issuer, '--client-id', TEST_CLIENT_ID],
      undefined,
      { MAILWARDEN_OIDC_CLIENT_ID: 'the-build-default' },
    );
    expect(added.code, added.stderr).toBe(0);
    const [account] = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as Account[];
    expect(account?.signIn).toMatchObject({ clientId: TEST_CLIENT_ID });
  });

  it.each([
    ['google', 'MAILWARDEN_GOOGLE_CLIENT_ID'],
    ['microsoft', 'MAILWARDEN_MICROSOFT_CLIENT_ID'],
  ])('refuses --provider %s without --client-id or %s with exit 2, naming both', async (name, variable) => {
    // Another provider's variable is not this one's default.
    const result = await cli([...ADD_OIDC, '--provider', name], undefined, {
      MAILWARDEN_OIDC_CLIENT_ID: TEST_CLIENT_ID,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--client-id ID');
    expect(result.stderr).toContain(variable);
    expect(JSON.parse((await cli(['accounts', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('gives an account switched to OAuth by accounts edit the configured client ID of its provider', async () => {
    await cli(addArgs([], { host: 'smtp.gmail.com', port: '465', security: 'tls' }));
    const refused = await cli(['accounts', 'edit', EMAIL, '--auth', 'oauth', '--provider', 'google']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('MAILWARDEN_GOOGLE_CLIENT_ID');
    const edited = await cli(
      ['accounts', 'edit', EMAIL, '--auth', 'oauth', '--provider', 'google'],
      undefined,
      {
        MAILWARDEN_GOOGLE_CLIENT_ID: 'build-default.apps.googleusercontent.com',
      },
    );
    expect(edited.code, edited.stderr).toBe(0);
    const [account] = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as Account[];
    expect(account?.signIn).toMatchObject({
      provider: 'google',
      clientId: 'build-default.apps.googleusercontent.com',
    });
  });

  describe('a client that needs its client secret (client_secret_post, like a Google "Desktop app")', () => {
    const addConfidential = (stdin?: string) =>
      cli(
        [
          ...ADD_OIDC,
          '--provider',
          'oidc',
          '--issuer',
          provider.issuer,
          '--client-id',
          CONFIDENTIAL_NATIVE_CLIENT.id,
          ...(stdin === undefined ? [] : ['--client-secret-stdin']),
        ],
        stdin,
      );

    async function savedAccount(): Promise<Account> {
      const [account] = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as Account[];
      if (account === undefined) throw new Error('the account was not saved');
      return account;
    }

    it('signs in with the secret read from standard input, kept only in the keyring, and signs out with it', async () => {
      const added = await addConfidential(`${CONFIDENTIAL_NATIVE_CLIENT.secret}\n`);
      expect(added).toMatchObject({ code: 0, stderr: '' });
      expect(added.stdout).toContain('Client secret stored in your system keychain.');
      const account = await savedAccount();
      expect(await keytar.getPassword(env.keychainService, oauthClientSecretKey(account.id))).toBe(
        CONFIDENTIAL_NATIVE_CLIENT.secret,
      );

      const run = signin(EMAIL);
      const url = new URL(await run.url);
      expect(url.searchParams.get('client_id')).toBe(CONFIDENTIAL_NATIVE_CLIENT.id);
      expect(await provider.approve(url.href, EMAIL)).toBe(200);
      const result = await run.done;
      expect(result.code, result.stderr).toBe(0);
      const stored = (await storedRefreshToken(account)) ?? '';
      expect(stored).toBe(provider.refreshTokens.at(-1));

      // A new process refreshes with the secret, then signs out (revocation authenticates with it too).
      const later = await createMainServicesFor(env);
      expect((await provider.introspect((await later.oauth.accessToken(account.id)).token)).active).toBe(
        true,
      );
      const rotated = (await storedRefreshToken(account)) ?? '';
      const out = await cli(['accounts', 'signout', EMAIL]);
      expect(out.stdout).toContain('The provider revoked the sign-in');
      expect(provider.revokedTokens.has(rotated)).toBe(true);

      const everything = `${added.stdout}${added.stderr}${result.stdout}${result.stderr}${out.stdout}${out.stderr}${
        (await cli(['accounts', 'list'])).stdout
      }${(await cli(['accounts', 'list', '--json'])).stdout}${await dataFolderText()}`;
      expect(everything).not.toContain(CONFIDENTIAL_NATIVE_CLIENT.secret);
      expectNoIssuedToken(everything);
    });

    it('is refused with a clear message without the secret, stores nothing, exits 3', async () => {
      expect((await addConfidential()).code).toBe(0);
      const account = await savedAccount();
      const run = signin(EMAIL);
      expect(await provider.approve(await run.url, EMAIL)).toBe(200);
      const result = await run.done;
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('invalid_client');
      expect(result.stderr).toContain('needs its client secret');
      expect(result.stderr).toContain('--client-secret-stdin');
      expect(await storedRefreshToken(account)).toBeNull();
    });

    it('takes the secret later with accounts edit --client-secret-stdin, and a new client ID drops it', async () => {
      expect((await addConfidential()).code).toBe(0);
      const account = await savedAccount();
      const edited = await cli(
        ['accounts', 'edit', EMAIL, '--client-secret-stdin'],
        CONFIDENTIAL_NATIVE_CLIENT.secret,
      );
      expect(edited.code, edited.stderr).toBe(0);
      expect(edited.stdout).not.toContain(CONFIDENTIAL_NATIVE_CLIENT.secret);
      const run = signin(EMAIL);
      expect(await provider.approve(await run.url, EMAIL)).toBe(200);
      expect((await run.done).code).toBe(0);

      const other = await cli(['accounts', 'edit', EMAIL, '--client-id', TEST_CLIENT_ID]);
      expect(other.code, other.stderr).toBe(0);
      expect(await keytar.getPassword(env.keychainService, oauthClientSecretKey(account.id))).toBeNull();
    });

    it('refuses --client-secret-stdin for a password account and an empty secret, exit 2', async () => {
      const withPassword = await cli(
        addArgs(['--client-secret-stdin'], { ...SHOP_SUBMISSION, port: '465', security: 'tls' }),
        'some-secret',
      );
      expect(withPassword.code).toBe(2);
      expect(withPassword.stderr).toContain('go with --auth oauth');
      const empty = await addConfidential('');
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain('--client-secret-stdin was given but standard input was empty');
      expect(await keytar.findCredentials(env.keychainService)).toEqual([]);
    });
  });

  it('switches an account back to a password with accounts edit, and says what changed', async () => {
    await addOAuthAccount();
    const edited = await cli(['accounts', 'edit', EMAIL, '--auth', 'password']);
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stdout).toContain(
      `signIn: oauth oidc, client ID ${TEST_CLIENT_ID}, issuer ${provider.issuer} -> password`,
    );
    expect(edited.stdout).toContain('It was not signed in; nothing to do.');
  });

  it('revokes the refresh token at the provider when accounts edit switches a signed-in account to a password', async () => {
    const account = await addOAuthAccount();
    const run = signin(EMAIL);
    await provider.approve(await run.url, EMAIL);
    expect((await run.done).code).toBe(0);
    const stored = (await storedRefreshToken(account)) ?? '';

    const edited = await cli(['accounts', 'edit', EMAIL, '--auth', 'password']);
    expect(edited).toMatchObject({ code: 0, stderr: '' });
    expect(edited.stdout).toContain('-> password');
    expect(edited.stdout).toContain('The provider revoked the sign-in');
    expect(provider.revokedTokens.has(stored)).toBe(true);
    expect(await storedRefreshToken(account)).toBeNull();
    expectNoIssuedToken(edited.stdout);
  });

  it('deletes the refresh token anyway when the provider cannot be reached to revoke it, and says so', async () => {
    const unreachable = `https://127.0.0.1:${String(await closedPort())}`;
    const account = await addOAuthAccount(unreachable);
    const refreshToken = 'refresh-token-of-a-provider-gone-away-8d1f';
    await keytar.setPassword(env.keychainService, oauthSecretKey(account.id), refreshToken);

    const edited = await cli(['accounts', 'edit', account.id, '--auth', 'password']);
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stdout).toContain('-> password');
    expect(edited.stderr).toContain(
      'Warning: the revocation could not be done, so the provider may still hold the sign-in.',
    );
    expect(edited.stderr).toContain(unreachable);
    expect(edited.stderr).toContain(WITHDRAW_AT_OIDC);
    expect(await storedRefreshToken(account)).toBeNull();
    expect(`${edited.stdout}${edited.stderr}`).not.toContain(refreshToken);
    const [saved] = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as Account[];
    expect(saved?.signIn).toEqual({ method: 'password' });
  });

  it('accounts signout deletes the sign-in when the provider cannot be reached, and says how to withdraw it there', async () => {
    const unreachable = `https://127.0.0.1:${String(await closedPort())}`;
    const account = await addOAuthAccount(unreachable);
    const refreshToken = 'refresh-token-kept-by-a-provider-out-of-reach-27ac';
    await keytar.setPassword(env.keychainService, oauthSecretKey(account.id), refreshToken);

    const out = await cli(['accounts', 'signout', account.id]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('It was deleted from your system keychain.');
    expect(out.stderr).toContain('so the provider may still hold the sign-in.');
    expect(out.stderr).toContain(WITHDRAW_AT_OIDC);
    expect(await storedRefreshToken(account)).toBeNull();
    expect(`${out.stdout}${out.stderr}`).not.toContain(refreshToken);
  });

  it.each([
    [
      'microsoft',
      'To withdraw it, remove Mailwarden from the apps allowed to use your account: for a work or school ' +
        'account in My Apps (myapps.microsoft.com), for a personal one at account.microsoft.com → Privacy → ' +
        'App permissions.',
    ],
    ['google', 'To withdraw it, remove Mailwarden at myaccount.google.com/permissions.'],
  ])(
    'accounts signout of a %s account whose provider cannot be reached says where to withdraw it there',
    async (providerName, withdraw) => {
      // A DNS server that knows none of the provider's names: Microsoft and Google cannot be reached.
      const knot = await startKnot({ 'shop.example': 'smtp IN A 127.0.0.1' });
      try {
        await env.services.settings.update({ dnsServer: knot.server });
        const added = await cli(
          addArgs(['--auth', 'oauth', '--provider', providerName, '--client-id', 'a-client-of-its-own']),
        );
        expect(added).toMatchObject({ code: 0, stderr: '' });
        const [account] = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as Account[];
        const refreshToken = `refresh-token-of-${providerName}-out-of-reach-91d3`;
        await keytar.setPassword(env.keychainService, oauthSecretKey(account?.id ?? ''), refreshToken);

        const out = await cli(['accounts', 'signout', EMAIL]);
        expect(out.code, out.stderr).toBe(0);
        expect(out.stderr).toContain('so the provider may still hold the sign-in.');
        expect(out.stderr).toContain(withdraw);
        expect(await keytar.getPassword(env.keychainService, oauthSecretKey(account?.id ?? ''))).toBeNull();
        expect(`${out.stdout}${out.stderr}`).not.toContain(refreshToken);
      } finally {
        await knot.stop();
      }
    },
  );

  it('refuses accounts set-password on an OAuth account with exit 2, pointing at accounts signin, and stores nothing', async () => {
    const account = await addOAuthAccount();
    const result = await cli(
      ['accounts', 'set-password', EMAIL, '--password-stdin'],
      'a-password-that-would-never-be-used',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('signs in with OAuth, not a password');
    expect(result.stderr).toContain(`mailwarden accounts signin ${account.id}`);
    expect(await keytar.findCredentials(env.keychainService)).toEqual([]);
  });

  it('refuses to sign in an account that uses a password, exit 2', async () => {
    await cli(addArgs([], { ...SHOP_SUBMISSION, port: '465', security: 'tls' }));
    const result = await signin(EMAIL).done;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('signs in with a password');
  });
});

/** Services as a second Mailwarden process would build them: same data folder and keychain, empty memory. */
function createMainServicesFor(env: TestServices) {
  return Promise.resolve(createMainServices({ dataDir: env.dataDir, keychainService: env.keychainService }));
}
