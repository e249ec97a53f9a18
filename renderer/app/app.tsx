/**
 * The wizard's frame: header, the warnings main reports, and which screen is showing.
 *
 * No router: the app has a handful of screens and must never navigate (the window forbids it).
 * Settings opens over the current screen, which stays mounted (hidden), so a half-filled form is
 * still there after a detour to change the DNS resolver.
 */
import { useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../preload/contract/accounts';
import { Button } from '../components/button';
import { LiveStatus } from '../components/live-status';
import { Notice } from '../components/notice';
import { AddAccountScreen } from '../features/add-account/add-account-screen';
import { AccountsScreen } from '../features/accounts/accounts-screen';
import { AuditScreen } from '../features/audit/audit-screen';
import { ClientScreen } from '../features/clients/client-screen';
import { HistoryScreen } from '../features/history/history-screen';
import { SettingsScreen } from '../features/settings/settings-screen';
import { WelcomeScreen } from '../features/welcome/welcome-screen';
import { strings } from '../strings';
import { AppHeader } from './app-header';
import { OpenSettingsContext } from './open-settings';
import { useAccounts } from './use-accounts';

export function App() {
  const accounts = useAccounts();
  const [adding, setAdding] = useState(false);
  /** The account being tested (plan, run, results), by id so it follows changes to the account. */
  const [testingId, setTestingId] = useState<string | null>(null);
  /** The account whose stored runs are showing. */
  const [historyId, setHistoryId] = useState<string | null>(null);
  /** The client group being tested, with its accounts as listed when "Test all" was pressed. */
  const [client, setClient] = useState<{
    readonly name: string;
    readonly accounts: readonly AccountView[];
  } | null>(null);
  /** True once the person has moved between screens, so headings take focus only after an action. */
  const [navigated, setNavigated] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const settingsWasOpen = useRef(false);

  useEffect(() => {
    // Closing Settings puts focus back on the button that opened it, where the person left off.
    if (settingsWasOpen.current && !settingsOpen) settingsButton.current?.focus();
    settingsWasOpen.current = settingsOpen;
  }, [settingsOpen]);

  const go = (toAdding: boolean) => {
    setNavigated(true);
    setFlash(null);
    setAdding(toAdding);
    setTestingId(null);
    setHistoryId(null);
    setClient(null);
  };

  const onSaved = (account: AccountView) => {
    accounts.upsert(account);
    go(false);
    setFlash(
      account.hasPassword === 'stored'
        ? strings.accounts.added(account.label)
        : strings.accounts.addedNoPassword(account.label),
    );
  };

  const openSettings = () => {
    setSettingsOpen(true);
  };
  const { state } = accounts;
  const warnings = state.kind === 'loaded' ? state.list.warnings : [];
  const testing =
    state.kind === 'loaded'
      ? (state.list.accounts.find((account) => account.id === testingId) ?? null)
      : null;
  const browsing =
    state.kind === 'loaded'
      ? (state.list.accounts.find((account) => account.id === historyId) ?? null)
      : null;

  return (
    <div className="shell">
      <AppHeader settingsOpen={settingsOpen} settingsRef={settingsButton} onOpenSettings={openSettings} />
      <main className="page" id="main">
        {settingsOpen && (
          <SettingsScreen
            onClose={() => {
              setSettingsOpen(false);
            }}
          />
        )}
        <OpenSettingsContext value={openSettings}>
          <div hidden={settingsOpen}>
            {warnings.length > 0 && (
              <Notice tone="warning" title={strings.app.warningsTitle} className="page__warnings">
                <ul className="plain-list">
                  {warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              </Notice>
            )}
            <div role="status" aria-live="polite" className="page__flash">
              {flash !== null && <Notice tone="success">{flash}</Notice>}
            </div>
            {state.kind === 'loading' && <LiveStatus message={strings.app.loading} />}
            {state.kind === 'failed' && (
              <Notice tone="error" role="alert" title={strings.app.loadFailedTitle}>
                <p>{state.message}</p>
                <Button variant="secondary" onClick={() => void accounts.reload()}>
                  {strings.app.retry}
                </Button>
              </Notice>
            )}
            {state.kind === 'loaded' &&
              (adding ? (
                <AddAccountScreen
                  onSaved={onSaved}
                  onCancel={() => {
                    go(false);
                  }}
                />
              ) : testing !== null ? (
                <AuditScreen
                  key={testing.id}
                  account={testing}
                  onClose={() => {
                    go(false);
                  }}
                />
              ) : client !== null ? (
                <ClientScreen
                  key={client.name}
                  client={client.name}
                  accounts={client.accounts}
                  onClose={() => {
                    go(false);
                  }}
                />
              ) : browsing !== null ? (
                <HistoryScreen
                  key={browsing.id}
                  account={browsing}
                  onClose={() => {
                    go(false);
                  }}
                />
              ) : state.list.accounts.length === 0 ? (
                <WelcomeScreen
                  focusOnMount={navigated}
                  onStart={() => {
                    go(true);
                  }}
                />
              ) : (
                <AccountsScreen
                  accounts={state.list.accounts}
                  focusOnMount={navigated}
                  onAdd={() => {
                    go(true);
                  }}
                  onTest={(account) => {
                    go(false);
                    setTestingId(account.id);
                  }}
                  onHistory={(account) => {
                    go(false);
                    setHistoryId(account.id);
                  }}
                  onTestClient={(name, members) => {
                    go(false);
                    setClient({ name, accounts: members });
                  }}
                  onUpdated={(account, message) => {
                    accounts.upsert(account);
                    setFlash(message);
                  }}
                  onRemoved={(account) => {
                    accounts.drop(account.id);
                    setFlash(strings.accounts.removed(account.label));
                    setNavigated(true);
                  }}
                />
              ))}
          </div>
        </OpenSettingsContext>
      </main>
    </div>
  );
}
