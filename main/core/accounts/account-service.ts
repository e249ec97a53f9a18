/**
 * Adding, editing, listing and removing accounts: metadata in the accounts document, the password only
 * in the keychain.
 *
 * Every operation reads the document afresh, so the CLI and the desktop app can share one data folder.
 * Operations in this process are serialised so two quick edits cannot overwrite each other.
 */
import type {
  AccountInput,
  AccountList,
  AccountView,
  PasswordState,
} from '../../../preload/contract/accounts';
import { MailwardenError } from '../errors/mailwarden-error';
import {
  SecretStoreError,
  type AccountsDocument,
  type Clock,
  type DocumentStore,
  type IdSource,
  type SecretStore,
} from '../ports';
import type { Account } from '../../../preload/contract/accounts';
import { validateAccountInput } from './validation';

export interface AccountServiceDeps {
  readonly store: DocumentStore<AccountsDocument>;
  readonly secrets: SecretStore;
  readonly clock: Clock;
  readonly ids: IdSource;
}

export interface AccountService {
  list(): Promise<AccountList>;
  get(id: string): Promise<AccountView>;
  /** Finds an account by id or, failing that, by email address (case-insensitive): for the CLI. */
  resolve(idOrEmail: string): Promise<AccountView>;
  add(input: AccountInput, password?: string): Promise<AccountView>;
  update(id: string, input: AccountInput): Promise<AccountView>;
  remove(id: string): Promise<void>;
  setPassword(id: string, password: string): Promise<AccountView>;
  deletePassword(id: string): Promise<AccountView>;
  /** Warnings gathered while loading (a corrupt file moved aside), for the CLI to print. */
  warnings(): readonly string[];
}

export function createAccountService(deps: AccountServiceDeps): AccountService {
  const { store, secrets, clock, ids } = deps;
  const warnings: string[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs operations one after another; a failed one does not block the next. */
  function serialised<T>(operation: () => Promise<T>): Promise<T> {
    const next = queue.then(operation, operation);
    queue = next.catch(() => undefined);
    return next;
  }

  async function readAccounts(): Promise<readonly Account[]> {
    const loaded = await store.load();
    switch (loaded.kind) {
      case 'missing':
        return [];
      case 'loaded':
        return loaded.value.accounts;
      case 'corrupt':
        warnings.push(
          `Your accounts file could not be read (${loaded.reason}). It was moved to ${loaded.movedTo} so nothing is lost, ` +
            'and Mailwarden started a new, empty list. Passwords stay in your keychain.',
        );
        return [];
      case 'too-new':
        throw new MailwardenError(
          'STORAGE_TOO_NEW',
          `Your accounts file (${store.path}) was written by a newer Mailwarden (format ${loaded.version}). ` +
            'Update Mailwarden to use it; this version will not change it.',
        );
    }
  }

  async function writeAccounts(accounts: readonly Account[]): Promise<void> {
    try {
      await store.save({ accounts });
    } catch {
      throw new MailwardenError(
        'STORAGE_FAILED',
        `Mailwarden could not save your accounts to ${store.path}. Check that the folder is writable and the disk is not full.`,
      );
    }
  }

  async function passwordStates(): Promise<(id: string) => PasswordState> {
    return (await keychainProbe()).stateOf;
  }

  /** Which accounts have a secret, and, when the keychain could not be asked, why (locked or unavailable). */
  async function keychainProbe(): Promise<{
    readonly stateOf: (id: string) => PasswordState;
    readonly failure: SecretStoreError | null;
  }> {
    try {
      const stored = await secrets.accountIdsWithSecrets();
      return { stateOf: (id) => (stored.has(id) ? 'stored' : 'missing'), failure: null };
    } catch (error) {
      if (!(error instanceof SecretStoreError)) throw error;
      return { stateOf: () => 'unknown', failure: error };
    }
  }

  function find(accounts: readonly Account[], id: string): Account {
    const account = accounts.find((candidate) => candidate.id === id);
    if (account === undefined) throw new MailwardenError('NOT_FOUND', `There is no account with id ${id}.`);
    return account;
  }

  function validated(input: AccountInput) {
    const result = validateAccountInput(input);
    if (!result.ok) {
      const summary = result.errors.map((error) => error.message).join(' ');
      throw new MailwardenError('INVALID_INPUT', summary, result.errors);
    }
    return result.value;
  }

  function assertNoDuplicate(
    accounts: readonly Account[],
    candidate: Omit<Account, 'id' | 'createdAt' | 'updatedAt'>,
    exceptId?: string,
  ) {
    const clash = accounts.find(
      (account) =>
        account.id !== exceptId &&
        account.email.toLowerCase() === candidate.email.toLowerCase() &&
        account.host === candidate.host &&
        account.port === candidate.port &&
        account.username.toLowerCase() === candidate.username.toLowerCase(),
    );
    if (clash !== undefined) {
      throw new MailwardenError(
        'DUPLICATE',
        `${candidate.email} on ${candidate.host}:${candidate.port} is already saved as "${clash.label}".`,
      );
    }
  }

  async function view(account: Account, state?: PasswordState): Promise<AccountView> {
    const hasPassword = state ?? (await passwordStates())(account.id);
    return { ...account, hasPassword };
  }

  return {
    list: () =>
      serialised(async () => {
        const accounts = await readAccounts();
        const { stateOf, failure } = await keychainProbe();
        const views = accounts.map((account) => ({ ...account, hasPassword: stateOf(account.id) }));
        // The keychain's own message names the state (locked or unavailable) and what to do.
        const keychainWarning =
          failure === null || views.length === 0
            ? []
            : [`Mailwarden cannot tell which accounts have a password stored. ${failure.message}`];
        return {
          accounts: views,
          warnings: [...warnings, ...keychainWarning],
          keychain:
            failure === null ? 'available' : failure.code === 'KEYCHAIN_LOCKED' ? 'locked' : 'unavailable',
        };
      }),

    get: (id) => serialised(async () => view(find(await readAccounts(), id))),

    resolve: (idOrEmail) =>
      serialised(async () => {
        const accounts = await readAccounts();
        const byId = accounts.find((account) => account.id === idOrEmail);
        if (byId !== undefined) return view(byId);
        const wanted = idOrEmail.trim().toLowerCase();
        const byEmail = accounts.filter((account) => account.email.toLowerCase() === wanted);
        if (byEmail.length === 1 && byEmail[0] !== undefined) return view(byEmail[0]);
        if (byEmail.length > 1) {
          throw new MailwardenError(
            'DUPLICATE',
            `Several accounts use ${idOrEmail}; name one by its id (see "mailwarden accounts list").`,
          );
        }
        throw new MailwardenError('NOT_FOUND', `There is no account with id or email ${idOrEmail}.`);
      }),

    add: (input, password) =>
      serialised(async () => {
        const fields = validated(input);
        const accounts = await readAccounts();
        assertNoDuplicate(accounts, fields);
        const stamp = clock.now().toISOString();
        const account: Account = { ...fields, id: ids.newId(), createdAt: stamp, updatedAt: stamp };
        // The secret goes first: if the keychain refuses it, nothing is saved and the user can retry.
        if (password !== undefined) await secrets.set(account.id, password);
        try {
          await writeAccounts([...accounts, account]);
        } catch (error) {
          if (password !== undefined) await secrets.delete(account.id).catch(() => false);
          throw error;
        }
        return view(account, password === undefined ? undefined : 'stored');
      }),

    update: (id, input) =>
      serialised(async () => {
        const fields = validated(input);
        const accounts = await readAccounts();
        const existing = find(accounts, id);
        assertNoDuplicate(accounts, fields, id);
        const updated: Account = {
          ...fields,
          id,
          createdAt: existing.createdAt,
          updatedAt: clock.now().toISOString(),
        };
        await writeAccounts(accounts.map((account) => (account.id === id ? updated : account)));
        return view(updated);
      }),

    remove: (id) =>
      serialised(async () => {
        const accounts = await readAccounts();
        find(accounts, id);
        // Secret first: if the keychain is locked the account stays, rather than orphaning its password.
        await secrets.delete(id);
        await writeAccounts(accounts.filter((account) => account.id !== id));
      }),

    setPassword: (id, password) =>
      serialised(async () => {
        const account = find(await readAccounts(), id);
        await secrets.set(id, password);
        return view(account, 'stored');
      }),

    deletePassword: (id) =>
      serialised(async () => {
        const account = find(await readAccounts(), id);
        await secrets.delete(id);
        return view(account, 'missing');
      }),

    warnings: () => [...warnings],
  };
}
