/**
 * Adding, editing, listing and removing accounts: metadata in the accounts document, the password only
 * in the keychain.
 *
 * Every operation reads the document afresh, so the CLI and the desktop app can share one data folder.
 * Operations are serialised, in this process by a queue and across processes by a lock, so two quick
 * edits cannot overwrite each other. An add or remove cut short (kill -9) is finished or undone by the
 * next operation, so the keychain and the document agree again.
 */
import type {
  AccountInput,
  AccountList,
  AccountView,
  IncomingPasswordState,
  PasswordState,
} from '../../../preload/contract/accounts';
import { MailwardenError } from '../errors/mailwarden-error';
import {
  SecretStoreError,
  type AccountsDocument,
  type AccountsIntent,
  type ExclusiveLock,
  type Clock,
  type DocumentStore,
  type IdSource,
  type SecretStore,
} from '../ports';
import type { Account, SignInMethod } from '../../../preload/contract/accounts';
import { accountIdOfSecretKey, incomingSecretKey, oauthClientSecretKey, oauthSecretKey } from './secret-keys';
import { checkClientGroupName, validateAccountInput } from './validation';

export interface AccountServiceDeps {
  readonly store: DocumentStore<AccountsDocument>;
  readonly secrets: SecretStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly lock: ExclusiveLock;
}

/** Keychain passwords that belong to no account in this data folder. */
export interface OrphanedPasswords {
  readonly accountIds: readonly string[];
}

export interface ClientGroupRename {
  /** The new name as saved. */
  readonly client: string;
  readonly accounts: number;
}

/** A client group's name as matched: case and surrounding spaces do not make another client. */
export function clientKey(name: string): string {
  return name.trim().toLowerCase();
}

export interface AccountService {
  list(): Promise<AccountList>;
  /** The accounts as stored, without asking the keychain about passwords: for labels and names. */
  stored(): Promise<readonly Account[]>;
  get(id: string): Promise<AccountView>;
  /** Finds an account by id or, failing that, by email address (case-insensitive): for the CLI. */
  resolve(idOrEmail: string): Promise<AccountView>;
  /** Adds the account; an OAuth account may bring its client's secret, kept only in the keychain. */
  add(input: AccountInput, password?: string, oauthClientSecret?: string): Promise<AccountView>;
  update(id: string, input: AccountInput): Promise<AccountView>;
  remove(id: string): Promise<void>;
  setPassword(id: string, password: string): Promise<AccountView>;
  deletePassword(id: string): Promise<AccountView>;
  /** Stores the incoming server's own password (its own keychain entry); the account must use one. */
  setIncomingPassword(id: string, password: string): Promise<AccountView>;
  /** Stores the secret of an OAuth account's client (its own keychain entry); the account must use OAuth. */
  setOAuthClientSecret(id: string, secret: string): Promise<AccountView>;
  /** Keeps the address an OAuth sign-in signed in to (null: none said, or signed out) with the account. */
  recordSignedInAs(id: string, address: string | null): Promise<AccountView>;
  /** Passwords in the keychain with no account, e.g. from an older Mailwarden interrupted mid-add. */
  orphanedPasswords(): Promise<OrphanedPasswords>;
  /** Deletes the orphaned passwords; returns how many went. */
  removeOrphanedPasswords(): Promise<number>;
  /**
   * Moves every account of the client group `from` (matched ignoring case and surrounding spaces) to the
   * name `to`. Ids stay, so each account keeps its history.
   */
  renameClientGroup(from: string, to: string): Promise<ClientGroupRename>;
  /** Warnings gathered while loading (a corrupt file moved aside), for the CLI to print. */
  warnings(): readonly string[];
}

export function createAccountService(deps: AccountServiceDeps): AccountService {
  const { store, secrets, clock, ids, lock } = deps;
  const warnings: string[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs operations one after another, here and across processes; a failed one does not block the next. */
  function serialised<T>(intent: AccountsIntent, operation: () => Promise<T>): Promise<T> {
    const locked = () =>
      lock.hold(intent, async (interrupted) => {
        if (interrupted !== null) await repair(interrupted);
        return operation();
      });
    const next = queue.then(locked, locked);
    queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Finishes or undoes what a process that died holding the lock was doing.
   *
   * add stores the password before the account, so an account in the document has its password and a
   * password without its account is undone. remove deletes the password before the account, so it is
   * finished: the account goes too. Both steps are safe to repeat.
   */
  async function repair(interrupted: AccountsIntent): Promise<void> {
    if (interrupted.op !== 'add' && interrupted.op !== 'remove') return;
    const accounts = await readAccounts();
    const present = accounts.some((account) => account.id === interrupted.accountId);
    if (interrupted.op === 'add' && present) return;
    await secrets.delete(interrupted.accountId);
    await secrets.delete(incomingSecretKey(interrupted.accountId));
    await secrets.delete(oauthSecretKey(interrupted.accountId));
    await secrets.delete(oauthClientSecretKey(interrupted.accountId));
    if (present) await writeAccounts(accounts.filter((account) => account.id !== interrupted.accountId));
  }

  async function findOrphans(): Promise<readonly string[]> {
    const known = new Set((await readAccounts()).map((account) => account.id));
    const stored = await secrets.accountIdsWithSecrets();
    // An incoming server's own password belongs to its account (same service, its own key).
    return [...stored].filter((key) => !known.has(accountIdOfSecretKey(key))).sort();
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

  async function passwordStates(): Promise<(key: string) => PasswordState> {
    return (await keychainProbe()).stateOf;
  }

  /** The keychain key of an account's own sign-in secret: its password, or its OAuth refresh token. */
  function signInKey(account: Account): string {
    return account.signIn?.method === 'oauth' ? oauthSecretKey(account.id) : account.id;
  }

  /** Which accounts have a secret, and, when the keychain could not be asked, why (locked or unavailable). */
  async function keychainProbe(): Promise<{
    readonly stateOf: (key: string) => PasswordState;
    readonly failure: SecretStoreError | null;
  }> {
    try {
      const stored = await secrets.accountIdsWithSecrets();
      return {
        stateOf: (key) => (stored.has(key) ? 'stored' : 'missing'),
        failure: null,
      };
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
    const stateOf = await passwordStates();
    return viewOf(account, stateOf, state);
  }

  /** The account as shown: its password's state, and its incoming server's (shared, or its own entry's). */
  function viewOf(
    account: Account,
    stateOf: (key: string) => PasswordState,
    state?: PasswordState,
  ): AccountView {
    const incoming = account.incoming ?? null;
    const incomingPassword: IncomingPasswordState | null =
      incoming === null ? null : incoming.ownPassword ? stateOf(incomingSecretKey(account.id)) : 'shared';
    return { ...account, hasPassword: state ?? stateOf(signInKey(account)), incomingPassword };
  }

  return {
    list: () =>
      serialised({ op: 'read' }, async () => {
        const accounts = await readAccounts();
        const { stateOf, failure } = await keychainProbe();
        const views = accounts.map((account) => viewOf(account, stateOf));
        // The keychain's own message names the state (locked or unavailable) and what to do.
        const keychainWarning =
          failure === null || views.length === 0
            ? []
            : [`Mailwarden cannot tell which accounts have a password stored. ${failure.message}`];
        const orphans = failure === null ? await findOrphans().catch(() => []) : [];
        const orphanWarning =
          orphans.length === 0
            ? []
            : [
                `${orphans.length === 1 ? '1 password in your keychain belongs' : `${orphans.length} passwords in your keychain belong`} ` +
                  'to no account in this data folder. ' +
                  'See them and remove them with "mailwarden accounts clean".',
              ];
        return {
          accounts: views,
          warnings: [...warnings, ...keychainWarning, ...orphanWarning],
          keychain:
            failure === null ? 'available' : failure.code === 'KEYCHAIN_LOCKED' ? 'locked' : 'unavailable',
        };
      }),

    stored: () => serialised({ op: 'read' }, readAccounts),

    orphanedPasswords: () => serialised({ op: 'read' }, async () => ({ accountIds: await findOrphans() })),

    removeOrphanedPasswords: () =>
      serialised({ op: 'write' }, async () => {
        let removed = 0;
        for (const id of await findOrphans()) if (await secrets.delete(id)) removed += 1;
        return removed;
      }),

    get: (id) => serialised({ op: 'read' }, async () => view(find(await readAccounts(), id))),

    resolve: (idOrEmail) =>
      serialised({ op: 'read' }, async () => {
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

    add: (input, password, oauthClientSecret) => {
      // The id is chosen before the lock is taken, so the lock file can say which account is being added.
      const id = ids.newId();
      return serialised({ op: 'add', accountId: id }, async () => {
        const fields = validated(input);
        const accounts = await readAccounts();
        assertNoDuplicate(accounts, fields);
        const stamp = clock.now().toISOString();
        const account: Account = { ...fields, id, createdAt: stamp, updatedAt: stamp };
        if (oauthClientSecret !== undefined && account.signIn?.method !== 'oauth')
          throw new MailwardenError(
            'INVALID_INPUT',
            'A client secret goes with an account that signs in with OAuth.',
          );
        // The secret goes first: if the keychain refuses it, nothing is saved and the user can retry.
        if (password !== undefined) await secrets.set(account.id, password);
        try {
          if (oauthClientSecret !== undefined)
            await secrets.set(oauthClientSecretKey(account.id), oauthClientSecret);
          await writeAccounts([...accounts, account]);
        } catch (error) {
          if (password !== undefined) await secrets.delete(account.id).catch(() => false);
          if (oauthClientSecret !== undefined)
            await secrets.delete(oauthClientSecretKey(account.id)).catch(() => false);
          throw error;
        }
        return view(account, password === undefined ? undefined : 'stored');
      });
    },

    update: (id, input) =>
      serialised({ op: 'write' }, async () => {
        const fields = validated(input);
        const accounts = await readAccounts();
        const existing = find(accounts, id);
        assertNoDuplicate(accounts, fields, id);
        const updated: Account = {
          ...fields,
          // An input that does not mention the incoming server (an older form) keeps it; null removes it.
          incoming: input.incoming === undefined ? (existing.incoming ?? null) : fields.incoming,
          // Likewise the sign-in method: an input that does not name one keeps the saved one.
          signIn:
            input.signIn === undefined
              ? (existing.signIn ?? { method: 'password' })
              : sameSignInKeepsAddress(existing.signIn, fields.signIn),
          id,
          createdAt: existing.createdAt,
          updatedAt: clock.now().toISOString(),
        };
        await writeAccounts(accounts.map((account) => (account.id === id ? updated : account)));
        // Back to a password: the refresh token and the client secret of the OAuth sign-in are not kept.
        if (existing.signIn?.method === 'oauth' && updated.signIn?.method !== 'oauth') {
          await secrets.delete(oauthSecretKey(id)).catch(() => false);
          await secrets.delete(oauthClientSecretKey(id)).catch(() => false);
        }
        // A client secret belongs to one client at one provider: another client does not inherit it.
        if (
          existing.signIn?.method === 'oauth' &&
          updated.signIn?.method === 'oauth' &&
          (existing.signIn.clientId !== updated.signIn.clientId ||
            existing.signIn.issuer !== updated.signIn.issuer)
        )
          await secrets.delete(oauthClientSecretKey(id)).catch(() => false);
        // Reading went back to the sending password (or the server went): its own password is not kept.
        if (existing.incoming?.ownPassword === true && updated.incoming?.ownPassword !== true)
          await secrets.delete(incomingSecretKey(id)).catch(() => false);
        return view(updated);
      }),

    remove: (id) =>
      serialised({ op: 'remove', accountId: id }, async () => {
        const accounts = await readAccounts();
        find(accounts, id);
        // Secret first: if the keychain is locked the account stays, rather than orphaning its password.
        // A refresh token is deleted here without revoking it: "accounts signout" revokes first.
        await secrets.delete(id);
        await secrets.delete(incomingSecretKey(id));
        await secrets.delete(oauthSecretKey(id));
        await secrets.delete(oauthClientSecretKey(id));
        await writeAccounts(accounts.filter((account) => account.id !== id));
      }),

    setPassword: (id, password) =>
      serialised({ op: 'write' }, async () => {
        const account = find(await readAccounts(), id);
        // An OAuth account's login uses its refresh token; a password stored beside it would never be used.
        if (account.signIn?.method === 'oauth') {
          throw new MailwardenError(
            'INVALID_INPUT',
            `${account.label} signs in with OAuth, not a password: sign in with "mailwarden accounts signin ${account.id}".`,
          );
        }
        await secrets.set(id, password);
        return view(account, 'stored');
      }),

    setIncomingPassword: (id, password) =>
      serialised({ op: 'write' }, async () => {
        const account = find(await readAccounts(), id);
        if (account.incoming?.ownPassword !== true) {
          throw new MailwardenError(
            'INVALID_INPUT',
            `${account.label} reads mail with its sending password; give the incoming server its own password first.`,
          );
        }
        await secrets.set(incomingSecretKey(id), password);
        return view(account);
      }),

    recordSignedInAs: (id, address) =>
      serialised({ op: 'write' }, async () => {
        const accounts = await readAccounts();
        const account = find(accounts, id);
        if (account.signIn?.method !== 'oauth') return view(account);
        const { provider, issuer, clientId } = account.signIn;
        const method = { method: 'oauth', provider, issuer, clientId } as const;
        const updated: Account = {
          ...account,
          signIn: address === null ? method : { ...method, signedInAs: address },
        };
        await writeAccounts(accounts.map((each) => (each.id === id ? updated : each)));
        return view(updated);
      }),

    setOAuthClientSecret: (id, secret) =>
      serialised({ op: 'write' }, async () => {
        const account = find(await readAccounts(), id);
        if (account.signIn?.method !== 'oauth') {
          throw new MailwardenError(
            'INVALID_INPUT',
            `${account.label} signs in with a password; a client secret goes with an OAuth sign-in.`,
          );
        }
        await secrets.set(oauthClientSecretKey(id), secret);
        return view(account);
      }),

    deletePassword: (id) =>
      serialised({ op: 'write' }, async () => {
        const account = find(await readAccounts(), id);
        await secrets.delete(id);
        return view(account, 'missing');
      }),

    renameClientGroup: (from, to) =>
      serialised({ op: 'write' }, async () => {
        const name = checkClientGroupName(to);
        if (!name.ok)
          throw new MailwardenError('INVALID_INPUT', name.message, [
            { field: 'client', message: name.message },
          ]);
        const accounts = await readAccounts();
        const wanted = clientKey(from);
        const members = accounts.filter(
          (account) => account.clientGroup !== null && clientKey(account.clientGroup) === wanted,
        );
        if (wanted === '' || members.length === 0)
          throw new MailwardenError('NOT_FOUND', `No saved account is in the client group "${from.trim()}".`);
        const stamp = clock.now().toISOString();
        await writeAccounts(
          accounts.map((account) =>
            members.includes(account) ? { ...account, clientGroup: name.value, updatedAt: stamp } : account,
          ),
        );
        return { client: name.value, accounts: members.length };
      }),

    warnings: () => [...warnings],
  };
}

/**
 * An edit that keeps the same provider, issuer and client keeps the sign-in (its refresh token), so it
 * keeps the address signed in too; any other sign-in has signed in to nothing yet.
 */
function sameSignInKeepsAddress(
  existing: SignInMethod | undefined,
  edited: SignInMethod | undefined,
): SignInMethod {
  if (edited === undefined) return { method: 'password' };
  if (existing?.method !== 'oauth' || edited.method !== 'oauth' || existing.signedInAs === undefined)
    return edited;
  const same =
    existing.provider === edited.provider &&
    existing.issuer === edited.issuer &&
    existing.clientId === edited.clientId;
  return same ? { ...edited, signedInAs: existing.signedInAs } : edited;
}
