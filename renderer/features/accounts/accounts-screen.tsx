/** The list of accounts, grouped by client when any account has a client group. */
import type { AccountView } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { PageHeading } from '../../components/page-heading';
import { strings } from '../../strings';
import { AccountCard } from './account-card';
import { groupAccounts, hasClientGroups } from './group-accounts';

export interface AccountsScreenProps {
  readonly accounts: readonly AccountView[];
  readonly focusOnMount: boolean;
  readonly onAdd: () => void;
  /** Opens "What will be tested" for this account. */
  readonly onTest: (account: AccountView) => void;
  /** Opens the account's stored runs. */
  readonly onHistory: (account: AccountView) => void;
  /** Opens the edit form for this account. */
  readonly onEdit: (account: AccountView) => void;
  /** Opens "Test all accounts" for a client group, with its accounts in list order. */
  readonly onTestClient: (client: string, accounts: readonly AccountView[]) => void;
  readonly onUpdated: (account: AccountView, message: string) => void;
  readonly onRemoved: (account: AccountView) => void;
}

export function AccountsScreen({
  accounts,
  focusOnMount,
  onAdd,
  onTest,
  onHistory,
  onEdit,
  onTestClient,
  onUpdated,
  onRemoved,
}: AccountsScreenProps) {
  const text = strings.accounts;
  const grouped = hasClientGroups(accounts);
  const cards = (members: readonly AccountView[], headingLevel: 2 | 3) => (
    <ul className="account-list">
      {members.map((account) => (
        <AccountCard
          key={account.id}
          account={account}
          headingLevel={headingLevel}
          onTest={onTest}
          onHistory={onHistory}
          onEdit={onEdit}
          onUpdated={onUpdated}
          onRemoved={onRemoved}
        />
      ))}
    </ul>
  );

  return (
    <div className="accounts">
      <div className="page-head">
        <div>
          <PageHeading focusOnMount={focusOnMount}>{text.title}</PageHeading>
          <p className="page-head__meta">{text.count(accounts.length)}</p>
        </div>
        <Button variant="primary" onClick={onAdd}>
          {text.add}
        </Button>
      </div>
      {grouped
        ? groupAccounts(accounts).map((group, index) => (
            <section
              className="account-group"
              key={group.name ?? ''}
              aria-label={group.name ?? text.ungrouped}
            >
              <div className="account-group__head">
                <h2 className="section-title" id={`account-group-${String(index)}`}>
                  {group.name ?? text.ungrouped}
                </h2>
                {group.name !== null && (
                  <Button
                    aria-describedby={`account-group-${String(index)}`}
                    onClick={() => {
                      if (group.name !== null) onTestClient(group.name, group.accounts);
                    }}
                  >
                    {strings.clients.testAll(group.accounts.length)}
                  </Button>
                )}
              </div>
              {cards(group.accounts, 3)}
            </section>
          ))
        : cards(
            groupAccounts(accounts).flatMap((group) => group.accounts),
            2,
          )}
    </div>
  );
}
