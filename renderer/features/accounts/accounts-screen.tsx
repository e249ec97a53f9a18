/**
 * The desk: every account in one compact row with its last result, the one that most needs a look
 * named at the top, and search, client filter, "needs attention" and sort (worst grade first to
 * begin with). Sorted by client, accounts sit under their client's heading with "Test all"; any other
 * sort is one list.
 */
import type { AccountRunDigest } from '../../../preload/contract/account-desk';
import type { AccountView, KeychainState } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import type { FlashWarning } from '../../lib/flash-warning';
import { strings } from '../../strings';
import { AccountRow } from './account-row';
import { clientNames, clientOf, deskAccounts, INITIAL_QUERY, mostUrgent, type DeskQuery } from './desk-model';
import { DeskToolbar } from './desk-toolbar';
import { groupAccounts, hasClientGroups } from './group-accounts';
import { UrgentAccount } from './urgent-account';

export interface AccountsScreenProps {
  readonly accounts: readonly AccountView[];
  /** Each account's last stored run, by account id. */
  readonly lastRuns: { readonly [accountId: string]: AccountRunDigest };
  readonly keychain: KeychainState;
  readonly focusOnMount: boolean;
  /** The search, filters and sort; kept by the app so they survive a visit to another screen. */
  readonly query: DeskQuery;
  readonly onQueryChange: (query: DeskQuery) => void;
  readonly onAdd: () => void;
  /** Opens "What will be tested" for this account. */
  readonly onTest: (account: AccountView) => void;
  /** Opens the account's stored runs. */
  readonly onHistory: (account: AccountView) => void;
  /** Opens the edit form for this account. */
  readonly onEdit: (account: AccountView) => void;
  /** Opens "Send a test message" (its consent panel first). */
  readonly onSendTest?: ((account: AccountView) => void) | undefined;
  /** Opens "Test all accounts" for a client group, with its accounts in list order. */
  readonly onTestClient: (client: string, accounts: readonly AccountView[]) => void;
  /** Opens a client's page: its accounts, last client run and every client run. */
  readonly onOpenClient: (client: string) => void;
  /** `message` null when the warning says it all. */
  readonly onUpdated: (account: AccountView, message: string | null, warning?: FlashWarning) => void;
  readonly onRemoved: (account: AccountView) => void;
}

export function AccountsScreen(props: AccountsScreenProps) {
  const { accounts, lastRuns, focusOnMount, onAdd, onTestClient, onOpenClient, query } = props;
  const text = strings.accounts;
  const setQuery = props.onQueryChange;
  const shown = deskAccounts(accounts, lastRuns, query);
  const grouped = query.sort === 'client' && hasClientGroups(accounts);
  const urgent = mostUrgent(accounts, lastRuns);
  const filteredName = query.client.kind === 'named' ? query.client.name : '';

  const rows = (members: readonly AccountView[], headingLevel: 2 | 3) => (
    <ul className="account-list">
      {members.map((account) => (
        <AccountRow
          key={account.id}
          account={account}
          digest={lastRuns[account.id]}
          keychain={props.keychain}
          headingLevel={headingLevel}
          showClient={!grouped}
          onTest={props.onTest}
          onHistory={props.onHistory}
          onEdit={props.onEdit}
          onSendTest={props.onSendTest}
          onUpdated={props.onUpdated}
          onRemoved={props.onRemoved}
        />
      ))}
    </ul>
  );

  return (
    <div className="accounts">
      <div className="page-head page-head--compact">
        <div>
          <PageHeading focusOnMount={focusOnMount}>{text.title}</PageHeading>
          <p className="page-head__meta" role="status">
            {strings.desk.showing(shown.length, accounts.length)}
          </p>
        </div>
        <Button variant="primary" onClick={onAdd}>
          {text.add}
        </Button>
      </div>
      {urgent !== null && (
        <UrgentAccount account={urgent} digest={lastRuns[urgent.id]} onOpen={props.onHistory} />
      )}
      <DeskToolbar query={query} clients={clientNames(accounts)} onChange={setQuery} />
      {query.client.kind === 'named' && (
        <div className="desk-client">
          <p className="desk-client__name">
            {strings.clientPage.filtered(
              query.client.name,
              accounts.filter((account) => clientOf(account) === filteredName).length,
            )}
          </p>
          <Button
            onClick={() => {
              onOpenClient(filteredName);
            }}
          >
            {strings.clientPage.openPage}
          </Button>
        </div>
      )}
      {shown.length === 0 ? (
        <Notice tone="info">
          <p>{strings.desk.noneMatch}</p>
          <Button
            onClick={() => {
              setQuery(INITIAL_QUERY);
            }}
          >
            {strings.desk.clearFilters}
          </Button>
        </Notice>
      ) : grouped ? (
        groupAccounts(shown).map((group, index) => (
          <section className="account-group" key={group.name ?? ''} aria-label={group.name ?? text.ungrouped}>
            <div className="account-group__head">
              <h2 className="section-title" id={`account-group-${String(index)}`}>
                {group.name ?? text.ungrouped}
              </h2>
              {group.name !== null && (
                <div className="actions actions--compact">
                  <Button
                    aria-describedby={`account-group-${String(index)}`}
                    onClick={() => {
                      if (group.name !== null) onOpenClient(group.name);
                    }}
                  >
                    {strings.clientPage.openPage}
                  </Button>
                  <Button
                    aria-describedby={`account-group-${String(index)}`}
                    onClick={() => {
                      if (group.name !== null) onTestClient(group.name, group.accounts);
                    }}
                  >
                    {strings.clients.testAll(group.accounts.length)}
                  </Button>
                </div>
              )}
            </div>
            {rows(group.accounts, 3)}
          </section>
        ))
      ) : (
        rows(shown, 2)
      )}
    </div>
  );
}
