/**
 * The app's OAuth sign-in over IPC (the router the window talks to), against a real OpenID provider
 * (oidc-provider over HTTPS from the test CA) and the real keychain. The "system browser" is a recorder
 * that hands the URL the app asked to open to the provider's own login and consent pages.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { oauthSecretKey } from '../../../main/core/accounts/secret-keys';
import { createIpcRouter, type IpcRouter } from '../../../main/ipc/router';
import type { AccountView } from '../../../preload/contract/accounts';
import type { Outcome } from '../../../preload/contract/outcome';
import type {
  AccountUpdateResult,
  SignInResult,
  SignInStatus,
  SignOutResult,
} from '../../../preload/contract/sign-in';
import {
  startTestOidcProvider,
  TEST_CLIENT_ID,
  type TestOidcProvider,
} from '../../helpers/oidc-test-provider';
import { createTestServices, keytar, type TestServices } from '../../helpers/test-services';

const OWN_PAGE = { url: 'app://mailwarden/index.html', isMainFrame: true };
const EMAIL = 'ann@shop.example';
/** The "how to withdraw it" step for a provider named by issuer URL (main/core/oauth/withdraw-sign-in.ts). */
const WITHDRAW_AT_OIDC =
  'To withdraw it, remove Mailwarden from the apps allowed to use your account on your provider’s account page.';
const DISCOVERY = 'GET /.well-known/openid-configuration';

describe('signing an account in from the app, over IPC', () => {
  let provider: TestOidcProvider;
  let env: TestServices;
  let router: IpcRouter;
  /** Every answer the router gave, serialised: what a leak check must search. */
  let answers: string[];
  /** The URLs the app asked the system browser to open, each resolved as it is opened. */
  let opened: string[];
  let nextOpened: Promise<string>;
  let announce: (url: string) => void;

  function expectNextUrl(): void {
    nextOpened = new Promise((resolve) => (announce = resolve));
  }

  async function call<T>(channel: string, payload: unknown): Promise<Outcome<T>> {
    const outcome = (await router.handle(channel, payload, OWN_PAGE)) as Outcome<T>;
    answers.push(JSON.stringify(outcome));
    return outcome;
  }

  async function addOAuthAccount(issuer = provider.issuer): Promise<AccountView> {
    const added = await call<AccountView>('accounts:add', {
      account: {
        email: EMAIL,
        host: 'smtp.shop.example',
        port: 587,
        security: 'starttls',
        signIn: { method: 'oauth', provider: 'oidc', issuer, clientId: TEST_CLIENT_ID },
      },
    });
    if (!added.ok) throw new Error(added.error.message);
    return added.value;
  }

  const storedRefreshToken = (id: string) => keytar.getPassword(env.keychainService, oauthSecretKey(id));

  function expectNoIssuedTokenAnswered(): void {
    const all = answers.join('\n');
    for (const token of provider.issuedTokens) expect(all).not.toContain(token);
  }

  beforeAll(async () => {
    provider = await startTestOidcProvider();
  });
  afterAll(async () => provider.close());
  beforeEach(async () => {
    answers = [];
    opened = [];
    expectNextUrl();
    env = await createTestServices({
      systemBrowser: (url) => {
        opened.push(url);
        announce(url);
        return Promise.resolve();
      },
    });
    await env.services.settings.update({ extraCaPem: provider.caPem });
    router = createIpcRouter(env.services);
  });
  afterEach(async () => env.cleanup());

  it('signs in through the provider’s page, answers with the signed-in address and never with a token', async () => {
    const account = await addOAuthAccount();
    expect(account.hasPassword).toBe('missing');
    const signIn = call<SignInResult>('accounts:sign-in', { id: account.id });
    const url = new URL(await nextOpened);
    expect(url.origin).toBe(provider.issuer);
    expect(await call<SignInStatus>('accounts:sign-in-status', { id: account.id })).toEqual({
      ok: true,
      value: { state: 'signing-in', signedInAs: null },
    });

    expect(await provider.approve(url.href, EMAIL)).toBe(200);
    const result = await signIn;
    expect(result).toMatchObject({
      ok: true,
      value: { signedInAs: EMAIL, account: { hasPassword: 'stored' } },
    });
    expect(await storedRefreshToken(account.id)).toBe(provider.refreshTokens.at(-1));
    expect(await call<SignInStatus>('accounts:sign-in-status', { id: account.id })).toEqual({
      ok: true,
      value: { state: 'signed-in', signedInAs: EMAIL },
    });
    expect(provider.issuedTokens.size).toBeGreaterThan(0);
    expectNoIssuedTokenAnswered();
  });

  it('cancels a sign-in that waits for the browser: a plain failure, nothing stored, a late answer refused', async () => {
    const account = await addOAuthAccount();
    const signIn = call<SignInResult>('accounts:sign-in', { id: account.id });
    const url = await nextOpened;
    expect(await call('accounts:cancel-sign-in', { id: account.id })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await signIn).toEqual({
      ok: false,
      error: { code: 'SIGN_IN_FAILED', message: 'The sign-in was cancelled; nothing was stored.' },
    });
    expect(await storedRefreshToken(account.id)).toBeNull();
    // The listener is gone: finishing in the browser now reaches nobody.
    await expect(provider.approve(url, EMAIL)).rejects.toThrow();
    expect(await storedRefreshToken(account.id)).toBeNull();
    expect(await call('accounts:cancel-sign-in', { id: account.id })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('says in plain words that consent was denied, and stores nothing', async () => {
    const account = await addOAuthAccount();
    const signIn = call<SignInResult>('accounts:sign-in', { id: account.id });
    expect(await provider.deny(await nextOpened, EMAIL)).toBe(200);
    const result = await signIn;
    expect(result).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED' } });
    expect(result.ok ? '' : result.error.message).toContain('refused in the browser (access denied)');
    expect(await storedRefreshToken(account.id)).toBeNull();
  });

  it('refuses a second sign-in for the same account while the first waits for the browser', async () => {
    const account = await addOAuthAccount();
    const first = call<SignInResult>('accounts:sign-in', { id: account.id });
    await nextOpened;
    const second = await call<SignInResult>('accounts:sign-in', { id: account.id });
    expect(second).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(opened).toHaveLength(1);
    await call('accounts:cancel-sign-in', { id: account.id });
    await first;
  });

  it('signs out and switches back to a password only through revocation at the provider', async () => {
    const account = await addOAuthAccount();
    const signIn = call<SignInResult>('accounts:sign-in', { id: account.id });
    await provider.approve(await nextOpened, EMAIL);
    expect((await signIn).ok).toBe(true);
    const first = (await storedRefreshToken(account.id)) ?? '';

    const out = await call<SignOutResult>('accounts:sign-out', { id: account.id });
    expect(out).toMatchObject({ ok: true, value: { revocation: 'revoked', reason: null, withdraw: null } });
    expect(provider.revokedTokens.has(first)).toBe(true);
    expect(await storedRefreshToken(account.id)).toBeNull();

    expectNextUrl();
    const again = call<SignInResult>('accounts:sign-in', { id: account.id });
    await provider.approve(await nextOpened, EMAIL);
    expect((await again).ok).toBe(true);
    const second = (await storedRefreshToken(account.id)) ?? '';

    // The form's "Password" choice saved over IPC: the token is revoked at the provider, not just dropped.
    const updated = await call<AccountUpdateResult>('accounts:update', {
      id: account.id,
      account: {
        email: EMAIL,
        host: 'smtp.shop.example',
        port: 587,
        security: 'starttls',
        signIn: { method: 'password' },
      },
    });
    expect(updated).toMatchObject({
      ok: true,
      value: {
        account: { signIn: { method: 'password' } },
        signOut: { revocation: 'revoked', reason: null, withdraw: null },
      },
    });
    expect(provider.revokedTokens.has(second)).toBe(true);
    expect(await keytar.findCredentials(env.keychainService)).toEqual([]);
    expectNoIssuedTokenAnswered();
  });

  it('with a provider that offers no revocation (as Microsoft), sign-out and switching to a password delete the sign-in, send nothing to revoke, and say how to withdraw it there', async () => {
    // A provider whose discovery document names no revocation_endpoint, reachable all along.
    const unrevocable = await startTestOidcProvider({ revocation: false });
    try {
      const account = await addOAuthAccount(unrevocable.issuer);
      const signIn = call<SignInResult>('accounts:sign-in', { id: account.id });
      await unrevocable.approve(await nextOpened, EMAIL);
      expect((await signIn).ok).toBe(true);
      expect(await storedRefreshToken(account.id)).toBe(unrevocable.refreshTokens.at(-1));

      const notOffered = { revocation: 'not-offered', reason: null, withdraw: WITHDRAW_AT_OIDC };
      let before = unrevocable.requests.length;
      const out = await call<SignOutResult>('accounts:sign-out', { id: account.id });
      expect(out).toMatchObject({ ok: true, value: notOffered });
      expect(await storedRefreshToken(account.id)).toBeNull();
      expect(unrevocable.requests.slice(before).filter((request) => request !== DISCOVERY)).toEqual([]);

      expectNextUrl();
      const again = call<SignInResult>('accounts:sign-in', { id: account.id });
      await unrevocable.approve(await nextOpened, EMAIL);
      expect((await again).ok).toBe(true);

      // The form's "Password" choice saved over IPC: the sign-in is deleted, and the answer says so.
      before = unrevocable.requests.length;
      const updated = await call<AccountUpdateResult>('accounts:update', {
        id: account.id,
        account: {
          email: EMAIL,
          host: 'smtp.shop.example',
          port: 587,
          security: 'starttls',
          signIn: { method: 'password' },
        },
      });
      expect(updated).toMatchObject({
        ok: true,
        value: { account: { signIn: { method: 'password' } }, signOut: notOffered },
      });
      expect(unrevocable.requests.slice(before).filter((request) => request !== DISCOVERY)).toEqual([]);
      expect(unrevocable.revokedTokens.size).toBe(0);
      expect(await keytar.findCredentials(env.keychainService)).toEqual([]);
      const all = answers.join('\n');
      for (const token of unrevocable.issuedTokens) expect(all).not.toContain(token);
    } finally {
      await unrevocable.close();
    }
  });
});
