/**
 * The account list as the app knows it: loaded once from main, then kept in step with each change.
 *
 * Changes (add, replace password, remove) answer with the updated account, so the list is patched in
 * place instead of asking main again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AccountDesk } from '../../preload/contract/account-desk';
import type { AccountView } from '../../preload/contract/accounts';
import { bridge } from '../lib/bridge';

export type AccountsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'loaded'; readonly list: AccountDesk };

export interface AccountsModel {
  readonly state: AccountsState;
  reload(): Promise<void>;
  /** Reads the list again without a loading state in between; a failure keeps what is shown. */
  refresh(): Promise<void>;
  /** Inserts a new account or replaces one with the same id. */
  upsert(account: AccountView): void;
  drop(id: string): void;
}

async function loadList(): Promise<AccountsState> {
  try {
    const outcome = await bridge().accounts.list();
    return outcome.ok
      ? { kind: 'loaded', list: outcome.value }
      : { kind: 'failed', message: outcome.error.message };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

export function useAccounts(): AccountsModel {
  const [state, setState] = useState<AccountsState>({ kind: 'loading' });

  const reload = useCallback(async () => {
    setState({ kind: 'loading' });
    setState(await loadList());
  }, []);

  const refresh = useCallback(async () => {
    const loaded = await loadList();
    if (loaded.kind === 'loaded') setState(loaded);
  }, []);

  useEffect(() => {
    let current = true;
    void loadList().then((loaded) => {
      if (current) setState(loaded);
    });
    return () => {
      current = false;
    };
  }, []);

  const upsert = useCallback((account: AccountView) => {
    setState((previous) => {
      if (previous.kind !== 'loaded') return previous;
      const others = previous.list.accounts.filter((existing) => existing.id !== account.id);
      const replaced = others.length !== previous.list.accounts.length;
      const accounts = replaced
        ? previous.list.accounts.map((existing) => (existing.id === account.id ? account : existing))
        : [...others, account];
      return { kind: 'loaded', list: { ...previous.list, accounts } };
    });
  }, []);

  const drop = useCallback((id: string) => {
    setState((previous) =>
      previous.kind !== 'loaded'
        ? previous
        : {
            kind: 'loaded',
            list: {
              ...previous.list,
              accounts: previous.list.accounts.filter((account) => account.id !== id),
            },
          },
    );
  }, []);

  return { state, reload, refresh, upsert, drop };
}
