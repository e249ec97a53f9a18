/** Groups accounts by client for consultants; people without groups see one plain list. */
import type { AccountView } from '../../../preload/contract/accounts';

export interface AccountGroup {
  /** null for accounts in no client group. */
  readonly name: string | null;
  readonly accounts: readonly AccountView[];
}

/** Named groups alphabetically, ungrouped accounts last; accounts by label within a group. */
export function groupAccounts(accounts: readonly AccountView[]): readonly AccountGroup[] {
  const byName = new Map<string | null, AccountView[]>();
  for (const account of accounts) {
    const name =
      account.clientGroup === null || account.clientGroup.trim() === '' ? null : account.clientGroup;
    const members = byName.get(name) ?? [];
    members.push(account);
    byName.set(name, members);
  }
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return [...byName.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : collator.compare(a, b)))
    .map(([name, members]) => ({
      name,
      accounts: [...members].sort((a, b) => collator.compare(a.label, b.label)),
    }));
}

export function hasClientGroups(accounts: readonly AccountView[]): boolean {
  return accounts.some((account) => account.clientGroup !== null && account.clientGroup.trim() !== '');
}
