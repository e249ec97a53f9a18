/**
 * The screen the app shows for the current `Screen` value: one exhaustive switch, so a new kind of
 * screen cannot be forgotten here.
 */
import type { AccountDesk } from '../../preload/contract/account-desk';
import type { AccountView } from '../../preload/contract/accounts';
import { AccountsScreen } from '../features/accounts/accounts-screen';
import { AddAccountScreen } from '../features/add-account/add-account-screen';
import { EditAccountScreen } from '../features/add-account/edit-account-screen';
import { AuditScreen } from '../features/audit/audit-screen';
import { ClientPage } from '../features/clients/client-page';
import { ClientScreen } from '../features/clients/client-screen';
import { HistoryScreen } from '../features/history/history-screen';
import { CheckScreen } from '../features/message-check/check-screen';
import { SendTestScreen } from '../features/send-test/send-test-screen';
import { StoredAnalysisScreen } from '../features/message-check/stored-analysis-screen';
import { WelcomeScreen } from '../features/welcome/welcome-screen';
import { signedInFlash, type SignedInFlash } from '../features/sign-in/signed-in-flash';
import { clientNames, clientOf, type DeskQuery } from '../features/accounts/desk-model';
import { strings } from '../strings';
import type { FlashWarning } from '../lib/flash-warning';
import { HOME, type Screen } from './screen';

export interface CurrentScreenProps {
  readonly screen: Screen;
  readonly list: AccountDesk;
  /** True once the person has moved between screens, so headings take focus only after an action. */
  readonly navigated: boolean;
  readonly go: (screen: Screen, flash?: string) => void;
  /**
   * An account changed (added, edited, password replaced): patch the list, show the message; a null
   * message when the warning says it all.
   */
  readonly onUpdated: (
    account: AccountView,
    message: string | null,
    then?: Screen,
    warning?: FlashWarning,
  ) => void;
  /** An account changed where the screen itself confirms it: patch the list, no message on top. */
  readonly onChanged: (account: AccountView) => void;
  readonly onRemoved: (account: AccountView) => void;
  /** A client was renamed on its accounts: read the list again and show the client under its new name. */
  readonly onClientRenamed: (from: string, to: string, accounts: number) => void;
  /** The desk's search, filters and sort, kept while the person visits other screens. */
  readonly deskQuery: DeskQuery;
  readonly onDeskQuery: (query: DeskQuery) => void;
}

export function CurrentScreen(props: CurrentScreenProps) {
  const { screen, list, go, onUpdated } = props;
  const home = () => {
    go(HOME);
  };
  const find = (id: string) => list.accounts.find((account) => account.id === id) ?? null;

  switch (screen.kind) {
    case 'add':
      return (
        <AddAccountScreen
          onSaved={(account) => {
            const added = addedFlash(account);
            onUpdated(account, added.message, HOME, added.warning);
          }}
          onSavedAndTest={(account) => {
            const added = addedFlash(account);
            onUpdated(account, added.message, { kind: 'test', accountId: account.id }, added.warning);
          }}
          onCancel={home}
          clients={clientNames(list.accounts)}
        />
      );
    case 'edit': {
      const account = find(screen.accountId);
      if (account === null) return <Home {...props} />;
      return (
        <EditAccountScreen
          key={account.id}
          account={account}
          onSaved={(updated, message, warning) => {
            onUpdated(updated, message, HOME, warning);
          }}
          onCancel={home}
          clients={clientNames(list.accounts)}
        />
      );
    }
    case 'test': {
      const account = find(screen.accountId);
      if (account === null) return <Home {...props} />;
      return <AuditScreen key={account.id} account={account} onClose={home} />;
    }
    case 'history': {
      const account = find(screen.accountId);
      if (account === null) return <Home {...props} />;
      return (
        <HistoryScreen
          key={account.id}
          account={account}
          onClose={home}
          onTest={() => {
            go({ kind: 'test', accountId: account.id });
          }}
        />
      );
    }
    case 'send-test': {
      const account = find(screen.accountId);
      if (account === null) return <Home {...props} />;
      return (
        <SendTestScreen
          key={account.id}
          account={account}
          onClose={home}
          onAccountChanged={props.onChanged}
        />
      );
    }
    case 'client': {
      const members = list.accounts.filter((account) => clientOf(account) === screen.name);
      if (members.length === 0) return <Home {...props} />;
      return (
        <ClientPage
          key={screen.name}
          client={screen.name}
          accounts={members}
          lastRuns={list.lastRuns}
          focusOnMount={props.navigated}
          onBack={home}
          onTestAll={() => {
            go({ kind: 'client-run', name: screen.name, accounts: members, from: 'client' });
          }}
          onTest={(account) => {
            go({ kind: 'test', accountId: account.id });
          }}
          onHistory={(account) => {
            go({ kind: 'history', accountId: account.id });
          }}
          onRenamed={(to, accounts) => {
            props.onClientRenamed(screen.name, to, accounts);
          }}
        />
      );
    }
    case 'client-run':
      return (
        <ClientScreen
          key={screen.name}
          client={screen.name}
          accounts={screen.accounts}
          onClose={
            screen.from === 'client'
              ? () => {
                  go({ kind: 'client', name: screen.name });
                }
              : home
          }
          backLabel={screen.from === 'client' ? strings.clientPage.backToClient(screen.name) : undefined}
        />
      );
    case 'check':
      return (
        <CheckScreen
          focusOnMount={props.navigated}
          onBack={home}
          onOpenStored={(runId) => {
            go({ kind: 'analysis', runId });
          }}
        />
      );
    case 'analysis':
      return (
        <StoredAnalysisScreen
          key={screen.runId}
          runId={screen.runId}
          onBack={() => {
            go({ kind: 'check' });
          }}
        />
      );
    case 'home':
      return <Home {...props} />;
  }
}

function Home({ list, navigated, go, onUpdated, onRemoved, deskQuery, onDeskQuery }: CurrentScreenProps) {
  if (list.accounts.length === 0)
    return (
      <WelcomeScreen
        focusOnMount={navigated}
        keychain={list.keychain}
        onStart={() => {
          go({ kind: 'add' });
        }}
      />
    );
  return (
    <AccountsScreen
      accounts={list.accounts}
      lastRuns={list.lastRuns}
      keychain={list.keychain}
      focusOnMount={navigated}
      query={deskQuery}
      onQueryChange={onDeskQuery}
      onAdd={() => {
        go({ kind: 'add' });
      }}
      onTest={(account) => {
        go({ kind: 'test', accountId: account.id });
      }}
      onHistory={(account) => {
        go({ kind: 'history', accountId: account.id });
      }}
      onEdit={(account) => {
        go({ kind: 'edit', accountId: account.id });
      }}
      onSendTest={(account) => {
        go({ kind: 'send-test', accountId: account.id });
      }}
      onTestClient={(name, members) => {
        go({ kind: 'client-run', name, accounts: members, from: 'home' });
      }}
      onOpenClient={(name) => {
        go({ kind: 'client', name });
      }}
      onUpdated={(account, message, warning) => {
        onUpdated(account, message, undefined, warning);
      }}
      onRemoved={onRemoved}
    />
  );
}

/** What the list says of an account just added: its password, or its OAuth sign-in (and as whom). */
function addedFlash(account: AccountView): SignedInFlash {
  const text = strings.accounts;
  if (account.signIn?.method === 'oauth')
    return account.hasPassword === 'stored'
      ? signedInFlash(account, text.addedSignedIn(account.label), (address) =>
          text.addedSignedInAs(account.label, address),
        )
      : { message: text.addedNotSignedIn(account.label) };
  return {
    message:
      account.hasPassword === 'stored' ? text.added(account.label) : text.addedNoPassword(account.label),
  };
}
