/**
 * Signing an account in with OAuth, keeping it signed in, and signing it out.
 *
 * - The refresh token lives in the keychain under `<id>/oauth` and nowhere else; access tokens live in
 *   this process's memory only and are refreshed a minute before they expire.
 * - Providers rotate refresh tokens (RFC 9700 section 4.14.2; oidc-provider and Microsoft do): whenever
 *   the token endpoint returns a new one it replaces the stored one before the access token is used, or
 *   the next run would present a token the provider has already retired. Refreshes hold the accounts
 *   lock, so two Mailwarden processes never spend the same refresh token.
 * - Sign out revokes the refresh token (RFC 7009) where the provider has a revocation endpoint, then
 *   deletes it; a revocation that fails is said, and the token is deleted all the same.
 */
import type * as client from 'openid-client';
import type { Account, AccountInput, AccountView } from '../../../preload/contract/accounts';
import type { AccountService } from '../accounts/account-service';
import { oauthClientSecretKey, oauthSecretKey } from '../accounts/secret-keys';
import { MailwardenError } from '../errors/mailwarden-error';
import type { Clock, ExclusiveLock, SecretStore } from '../ports';
import { OAuthError } from './oauth-error';
import type { AuthorizationUrlOpener, LoopbackRedirectListener } from './oauth-ports';
import type { OAuthSignInMethod } from './provider-connection';
import { refreshAccessToken, revokeRefreshToken } from './token-requests';
import { signInWithDeviceCode, type DeviceCodePrompt } from './device-sign-in-flow';
import { signInWithBrowser } from './sign-in-flow';
import { howToWithdrawSignIn } from './withdraw-sign-in';
import type { SignInTokens } from './sign-in-tokens';

/** Refresh this long before the provider's expiry, so a token never expires in the middle of a login. */
export const REFRESH_MARGIN_MS = 60_000;

export interface OAuthServiceDeps {
  readonly accounts: AccountService;
  readonly secrets: SecretStore;
  readonly lock: ExclusiveLock;
  readonly clock: Clock;
  /** The provider's endpoints for this sign-in method (discovery through the bounded fetch). */
  readonly connect: (signIn: OAuthSignInMethod, clientSecret: string | null) => Promise<client.Configuration>;
  readonly redirects: LoopbackRedirectListener;
  /** How long a sign-in waits for the browser; SIGN_IN_DEADLINE_MS unless a test shortens it. */
  readonly signInDeadlineMs?: number;
  readonly refreshMarginMs?: number;
}

export interface AccessToken {
  readonly token: string;
  readonly expiresAt: number | null;
  readonly scopes: readonly string[];
}

export interface SignInOutcome {
  readonly account: AccountView;
  /** The address the provider says was signed in, when it said one. */
  readonly signedInAs: string | null;
}

export type SignOutOutcome =
  | { readonly revocation: 'revoked' }
  /** The provider has no revocation endpoint: the token was only deleted. `withdraw` says how to end it there. */
  | { readonly revocation: 'not-offered'; readonly withdraw: string }
  /** Nothing was stored. */
  | { readonly revocation: 'nothing-stored' }
  /**
   * Revocation failed (unreachable, refused): the token was deleted here all the same, and the provider
   * may still hold it; `withdraw` says how the person ends it there.
   */
  | { readonly revocation: 'failed'; readonly reason: string; readonly withdraw: string };

export interface OAuthService {
  signIn(
    idOrEmail: string,
    options: { readonly openUrl: AuthorizationUrlOpener; readonly signal?: AbortSignal },
  ): Promise<SignInOutcome>;
  /**
   * The device authorization grant (RFC 8628): `showCode` shows the address and code to use on another
   * device; the refresh token is stored as after a browser sign-in.
   */
  signInOnDevice(
    idOrEmail: string,
    options: { readonly showCode: (prompt: DeviceCodePrompt) => void; readonly signal?: AbortSignal },
  ): Promise<SignInOutcome>;
  /** A valid access token for the account, refreshing (and storing a rotated refresh token) when due. */
  accessToken(accountId: string): Promise<AccessToken>;
  signOut(idOrEmail: string): Promise<{ readonly account: AccountView; readonly outcome: SignOutOutcome }>;
  /**
   * Saves an OAuth account with the edited input that signs in with a password, then revokes the refresh
   * token it had (RFC 7009) as sign out does. The edit is saved (and the token deleted) first, so an edit
   * the validation refuses revokes nothing; a revocation that fails is said, the token is gone all the same.
   */
  switchToPassword(
    accountId: string,
    input: AccountInput,
  ): Promise<{ readonly account: AccountView; readonly outcome: SignOutOutcome }>;
}

export function oauthMethodOf(account: Account): OAuthSignInMethod {
  if (account.signIn?.method !== 'oauth') {
    throw new MailwardenError(
      'INVALID_INPUT',
      `${account.label} signs in with a password, not OAuth. Change that with ` +
        '"mailwarden accounts edit ID --auth oauth --provider microsoft|google|oidc --client-id ID".',
    );
  }
  return account.signIn;
}

export function createOAuthService(deps: OAuthServiceDeps): OAuthService {
  const { accounts, secrets, lock, clock } = deps;
  const margin = deps.refreshMarginMs ?? REFRESH_MARGIN_MS;
  const cached = new Map<string, AccessToken>();
  const connections = new Map<string, Promise<client.Configuration>>();

  /**
   * Discovery once per issuer, client and client secret in this process; a failed discovery is tried
   * again next time. The client secret, when the account has one, is read from the keychain each time,
   * so a secret replaced by another process is used at once.
   */
  async function connection(accountId: string, signIn: OAuthSignInMethod): Promise<client.Configuration> {
    return connectionWith(signIn, await secrets.get(oauthClientSecretKey(accountId)));
  }

  function connectionWith(
    signIn: OAuthSignInMethod,
    clientSecret: string | null,
  ): Promise<client.Configuration> {
    const key = `${signIn.issuer} ${signIn.clientId} ${clientSecret ?? ''}`;
    let found = connections.get(key);
    if (found === undefined) {
      found = deps.connect(signIn, clientSecret);
      connections.set(key, found);
      found.catch(() => connections.delete(key));
    }
    return found;
  }

  function fresh(token: AccessToken | undefined): token is AccessToken {
    return (
      token !== undefined && (token.expiresAt === null || token.expiresAt - margin > clock.now().getTime())
    );
  }

  /** RFC 7009 revocation of a refresh token this process read from the keychain, as an outcome. */
  async function revoke(
    method: OAuthSignInMethod,
    clientSecret: string | null,
    refreshToken: string,
  ): Promise<SignOutOutcome> {
    const withdraw = howToWithdrawSignIn(method.provider);
    try {
      const outcome = await revokeRefreshToken(await connectionWith(method, clientSecret), refreshToken);
      return outcome.revocation === 'not-offered' ? { ...outcome, withdraw } : outcome;
    } catch (error) {
      return {
        revocation: 'failed',
        reason: error instanceof OAuthError ? error.message : 'The provider could not be reached.',
        withdraw,
      };
    }
  }

  /** Keeps what a finished sign-in brought: the refresh token in the keychain, the access token here. */
  async function keep(account: Account, tokens: SignInTokens): Promise<SignInOutcome> {
    await lock.hold({ op: 'write' }, () => secrets.set(oauthSecretKey(account.id), tokens.refreshToken));
    cached.set(account.id, { token: tokens.accessToken, expiresAt: tokens.expiresAt, scopes: tokens.scopes });
    // The address (never a token) is kept with the account, so the list and the app show who signed in.
    return { account: await accounts.recordSignedInAs(account.id, tokens.email), signedInAs: tokens.email };
  }

  const deadline = deps.signInDeadlineMs === undefined ? {} : { deadlineMs: deps.signInDeadlineMs };

  return {
    async signIn(idOrEmail, options) {
      const account = await accounts.resolve(idOrEmail);
      const method = oauthMethodOf(account);
      const provider = await connection(account.id, method);
      const tokens = await signInWithBrowser({
        signIn: method,
        provider,
        redirects: deps.redirects,
        openUrl: options.openUrl,
        ...deadline,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      return keep(account, tokens);
    },

    async signInOnDevice(idOrEmail, options) {
      const account = await accounts.resolve(idOrEmail);
      const method = oauthMethodOf(account);
      const provider = await connection(account.id, method);
      const tokens = await signInWithDeviceCode({
        signIn: method,
        provider,
        showCode: options.showCode,
        ...deadline,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      return keep(account, tokens);
    },

    async accessToken(accountId) {
      const known = cached.get(accountId);
      if (fresh(known)) return known;
      const account = await accounts.get(accountId);
      const method = oauthMethodOf(account);
      const provider = await connection(accountId, method);
      return lock.hold({ op: 'write' }, async () => {
        const refreshToken = await secrets.get(oauthSecretKey(accountId));
        if (refreshToken === null) {
          throw new OAuthError(
            'sign-in-again',
            `${account.label} is not signed in. Sign in with "mailwarden accounts signin ${account.id}".`,
          );
        }
        const refreshed = await refreshAccessToken(provider, refreshToken);
        // Rotation: the new refresh token replaces the old one before anything else happens.
        if (refreshed.refreshToken !== null && refreshed.refreshToken !== refreshToken)
          await secrets.set(oauthSecretKey(accountId), refreshed.refreshToken);
        const token: AccessToken = {
          token: refreshed.accessToken,
          expiresAt: refreshed.expiresIn === null ? null : clock.now().getTime() + refreshed.expiresIn * 1000,
          scopes: refreshed.scopes,
        };
        cached.set(accountId, token);
        return token;
      });
    },

    async signOut(idOrEmail) {
      const account = await accounts.resolve(idOrEmail);
      const method = oauthMethodOf(account);
      cached.delete(account.id);
      const outcome = await lock.hold({ op: 'write' }, async (): Promise<SignOutOutcome> => {
        const refreshToken = await secrets.get(oauthSecretKey(account.id));
        if (refreshToken === null) return { revocation: 'nothing-stored' };
        const clientSecret = await secrets.get(oauthClientSecretKey(account.id));
        const revocation = await revoke(method, clientSecret, refreshToken);
        await secrets.delete(oauthSecretKey(account.id));
        return revocation;
      });
      return { account: await accounts.recordSignedInAs(account.id, null), outcome };
    },

    async switchToPassword(accountId, input) {
      const existing = await accounts.get(accountId);
      const method = oauthMethodOf(existing);
      cached.delete(accountId);
      // One keychain read after the other, as everywhere else: two at once failed against gnome-keyring.
      const [refreshToken, clientSecret] = await lock.hold({ op: 'read' }, async () => [
        await secrets.get(oauthSecretKey(accountId)),
        await secrets.get(oauthClientSecretKey(accountId)),
      ]);
      // The update deletes the refresh token and the client secret once the password sign-in is saved.
      const account = await accounts.update(accountId, input);
      const outcome: SignOutOutcome =
        refreshToken === null
          ? { revocation: 'nothing-stored' }
          : await revoke(method, clientSecret, refreshToken);
      return { account, outcome };
    },
  };
}
