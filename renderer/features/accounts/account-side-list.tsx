/**
 * The account list beside an account's results or history on a wide window: one line per account (label,
 * last grade, address) in the desk's order and filters, the one on show marked, any other one click away.
 */
import type { AccountRunDigest } from '../../../preload/contract/account-desk';
import type { AccountView } from '../../../preload/contract/accounts';
import { strings } from '../../strings';

export interface AccountSideListProps {
  /** Already in the desk's order, with its filters applied. */
  readonly accounts: readonly AccountView[];
  readonly lastRuns: { readonly [accountId: string]: AccountRunDigest };
  readonly currentId: string;
  readonly onOpen: (account: AccountView) => void;
}

export function AccountSideList({ accounts, lastRuns, currentId, onOpen }: AccountSideListProps) {
  const text = strings.split;
  return (
    <nav className="side-list" aria-labelledby="side-list-title">
      <h2 className="side-list__title" id="side-list-title">
        {text.title}
      </h2>
      <ul className="side-list__items">
        {accounts.map((account) => {
          const grade = lastRuns[account.id]?.last.overall?.grade ?? null;
          const current = account.id === currentId;
          return (
            <li key={account.id}>
              <button
                type="button"
                className={`side-list__item${current ? ' side-list__item--current' : ''}`}
                aria-current={current ? 'page' : undefined}
                data-account-id={account.id}
                onClick={() => {
                  onOpen(account);
                }}
              >
                <span
                  className={`side-list__grade${grade === null ? ' side-list__grade--none' : ` grade--${grade}`}`}
                  aria-hidden="true"
                >
                  {grade ?? '–'}
                </span>
                <span className="side-list__who">
                  <span className="side-list__label">{account.label}</span>
                  <span className="side-list__email">{account.email}</span>
                </span>
                <span className="visually-hidden">
                  {grade === null ? `, ${strings.desk.notTested}` : `, ${strings.desk.grade(grade)}`}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
