/**
 * The desk's choices (search, client, "needs attention", sort) and what they leave showing, as pure
 * functions over the accounts and their last runs.
 */
import type { AccountRunDigest } from '../../../preload/contract/account-desk';
import type { AccountView } from '../../../preload/contract/accounts';
import { severityRank } from '../../../preload/contract/findings';
import { GRADES } from '../../../preload/contract/score';

export const DESK_SORTS = ['client', 'grade', 'date', 'name'] as const;
export type DeskSort = (typeof DESK_SORTS)[number];

/** Every client, one client by name, or the accounts in no client group. */
export type ClientFilter =
  { readonly kind: 'all' } | { readonly kind: 'none' } | { readonly kind: 'named'; readonly name: string };

export interface DeskQuery {
  readonly search: string;
  readonly client: ClientFilter;
  readonly attentionOnly: boolean;
  readonly sort: DeskSort;
}

/** Worst grade first, so the account that most needs a look leads the list. */
export const INITIAL_QUERY: DeskQuery = {
  search: '',
  client: { kind: 'all' },
  attentionOnly: false,
  sort: 'grade',
};

type Digests = { readonly [accountId: string]: AccountRunDigest };

/** A high or critical problem, a grade of D or F, a score that fell, or no test yet. */
export function needsAttention(digest: AccountRunDigest | undefined): boolean {
  if (digest === undefined) return true;
  const { last, change } = digest;
  const grade = last.overall?.grade;
  return (
    (last.worst !== null && severityRank(last.worst.severity) >= severityRank('high')) ||
    grade === 'D' ||
    grade === 'F' ||
    change?.score === 'worse' ||
    (change?.new ?? 0) > 0
  );
}

export function clientOf(account: AccountView): string | null {
  const name = account.clientGroup?.trim() ?? '';
  return name === '' ? null : name;
}

function matches(account: AccountView, query: DeskQuery, digests: Digests): boolean {
  const client = clientOf(account);
  if (query.client.kind === 'none' && client !== null) return false;
  if (query.client.kind === 'named' && client !== query.client.name) return false;
  if (query.attentionOnly && !needsAttention(digests[account.id])) return false;
  const words = query.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [account.label, account.email, account.host, client ?? ''].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Worst first: F before A, untested after every grade, then by worst problem, then by name. */
function gradeOrder(digests: Digests): (a: AccountView, b: AccountView) => number {
  const rank = (account: AccountView) => {
    const grade = digests[account.id]?.last.overall?.grade;
    return grade === undefined ? -1 : GRADES.indexOf(grade);
  };
  const worst = (account: AccountView) => {
    const problem = digests[account.id]?.last.worst;
    return problem === undefined || problem === null ? -1 : severityRank(problem.severity);
  };
  return (a, b) => rank(b) - rank(a) || worst(b) - worst(a) || collator.compare(a.label, b.label);
}

/** Newest test first, untested last. */
function dateOrder(digests: Digests): (a: AccountView, b: AccountView) => number {
  const when = (account: AccountView) => digests[account.id]?.last.finishedAt ?? '';
  return (a, b) => when(b).localeCompare(when(a)) || collator.compare(a.label, b.label);
}

/** The accounts the query leaves, in its order (by name within a client when sorted by client). */
export function deskAccounts(
  accounts: readonly AccountView[],
  digests: Digests,
  query: DeskQuery,
): readonly AccountView[] {
  const shown = accounts.filter((account) => matches(account, query, digests));
  switch (query.sort) {
    case 'grade':
      return [...shown].sort(gradeOrder(digests));
    case 'date':
      return [...shown].sort(dateOrder(digests));
    case 'name':
    case 'client':
      return [...shown].sort((a, b) => collator.compare(a.label, b.label));
  }
}

/** The account that most needs a look: the worst grade or problem among those tested. */
export function mostUrgent(accounts: readonly AccountView[], digests: Digests): AccountView | null {
  const tested = accounts.filter((account) => {
    const digest = digests[account.id];
    return digest !== undefined && needsAttention(digest);
  });
  return [...tested].sort(gradeOrder(digests))[0] ?? null;
}

/** The client names in use, alphabetically, for the client filter. */
export function clientNames(accounts: readonly AccountView[]): readonly string[] {
  const names = new Set<string>();
  for (const account of accounts) {
    const client = clientOf(account);
    if (client !== null) names.add(client);
  }
  return [...names].sort((a, b) => collator.compare(a, b));
}
