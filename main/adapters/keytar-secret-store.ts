/**
 * The SecretStore port on the OS keychain, through keytar.
 *
 * One secret per account id, under one service name ("Mailwarden"). There is no fallback: when the
 * keychain cannot be used the call fails with a SecretStoreError that says what to do.
 */
import { createRequire } from 'node:module';
import type * as KeytarModule from 'keytar';
import { type SecretStore } from '../core/ports';
import { classifyKeychainError, keytarLoadError } from './keychain-errors';

/** The part of keytar this store uses. */
export type KeytarApi = Pick<
  typeof KeytarModule,
  'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'
>;

export interface KeytarSecretStoreOptions {
  /** The keychain's service name; tests use their own so they never meet real Mailwarden secrets. */
  readonly service?: string;
  /** keytar itself; loaded lazily from node_modules when not given. */
  readonly keytar?: KeytarApi;
}

export const DEFAULT_SECRET_SERVICE = 'Mailwarden';

/** Suffix of the service name that holds the short-lived item used to ask whether the keyring is locked. */
const LOCK_CHECK_SERVICE_SUFFIX = ' (keychain check)';
const LOCK_CHECK_ACCOUNT = 'lock-check';
const LOCK_CHECK_VALUE = 'not a secret';

/**
 * Loads keytar's native binding on first use.
 *
 * Lazy, so a missing or broken build becomes a SecretStoreError when a password is needed rather than a
 * crash at start-up. keytar is CommonJS. Under ESM (Vitest, tsx, an ESM bundle) import.meta.url is set;
 * an esbuild CommonJS bundle (Electron main) empties import.meta but has the real `require`. Checking
 * `require` first would be wrong: esbuild's ESM output defines a `require` shim that always throws.
 */
function loadKeytar(): KeytarApi {
  const moduleUrl = (import.meta as { readonly url?: string }).url;
  const load = moduleUrl === undefined || moduleUrl === '' ? require : createRequire(moduleUrl);
  return load('keytar') as KeytarApi;
}

/** keytar passes C strings to libsecret: a NUL would silently cut the secret short, so refuse it. */
function assertStorable(what: string, value: string): void {
  if (value.length === 0) throw new RangeError(`The ${what} must not be empty.`);
  if (value.includes('\0')) {
    throw new RangeError(`The ${what} contains a NUL character, which the keychain cannot store.`);
  }
}

/** Creates the keytar-backed SecretStore. Nothing touches the keychain until the first call. */
export function createKeytarSecretStore(options: KeytarSecretStoreOptions = {}): SecretStore {
  const service = options.service ?? DEFAULT_SECRET_SERVICE;
  assertStorable('service name', service);
  const lockCheckService = service + LOCK_CHECK_SERVICE_SUFFIX;
  let keytar = options.keytar;

  /** Runs one keytar call; every failure, including a failed load, comes out as a SecretStoreError. */
  async function call<T>(operation: (api: KeytarApi) => Promise<T>): Promise<T> {
    if (keytar === undefined) {
      try {
        keytar = loadKeytar();
      } catch (error) {
        throw keytarLoadError(error);
      }
    }
    try {
      return await operation(keytar);
    } catch (error) {
      throw classifyKeychainError(error);
    }
  }

  /**
   * Fails with KEYCHAIN_LOCKED when the default collection is locked (after its unlock prompt, if any).
   *
   * Only needed on Linux, where libsecret reports a locked collection as "nothing found" for lookups and
   * deletes, and keytar's findCredentials crashes the whole process on locked items
   * (https://github.com/atom/node-keytar/issues/477). Storing an item is the one keytar call that reports
   * the lock as an error, so we store and remove a throwaway item under a separate service name.
   */
  async function assertUnlocked(): Promise<void> {
    if (process.platform !== 'linux') return;
    await call(async (api) => {
      await api.setPassword(lockCheckService, LOCK_CHECK_ACCOUNT, LOCK_CHECK_VALUE);
      await api.deletePassword(lockCheckService, LOCK_CHECK_ACCOUNT);
    });
  }

  return {
    async get(accountId) {
      assertStorable('account id', accountId);
      const found = await call((api) => api.getPassword(service, accountId));
      if (found !== null) return found;
      // A miss may be a locked keyring: check (this is where the user gets the unlock prompt), then look again.
      await assertUnlocked();
      return call((api) => api.getPassword(service, accountId));
    },

    async set(accountId, secret) {
      assertStorable('account id', accountId);
      assertStorable('password', secret);
      await call((api) => api.setPassword(service, accountId, secret));
    },

    async delete(accountId) {
      assertStorable('account id', accountId);
      if (await call((api) => api.deletePassword(service, accountId))) return true;
      await assertUnlocked();
      return call((api) => api.deletePassword(service, accountId));
    },

    async accountIdsWithSecrets() {
      await assertUnlocked();
      const credentials = await call((api) => api.findCredentials(service));
      return new Set(credentials.map((credential) => credential.account));
    },
  };
}
