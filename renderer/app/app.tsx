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
import { INITIAL_QUERY, type DeskQuery } from '../features/accounts/desk-model';
import { SettingsScreen } from '../features/settings/settings-screen';
import { strings } from '../strings';
import { AppHeader } from './app-header';
import { CurrentScreen } from './current-screen';
import { OpenSettingsContext } from './open-settings';
import { HOME, type Screen } from './screen';
import { useAccounts } from './use-accounts';

export function App() {
  const accounts = useAccounts();
  const [screen, setScreen] = useState<Screen>(HOME);
  const [deskQuery, setDeskQuery] = useState<DeskQuery>(INITIAL_QUERY);
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

  const go = (next: Screen, message?: string) => {
    setNavigated(true);
    setFlash(message ?? null);
    // Back on the list, each account's last run is read again: a test may have added one.
    if (next.kind === 'home' && screen.kind !== 'home') void accounts.refresh();
    setScreen(next);
  };

  const onUpdated = (account: AccountView, message: string, then?: Screen) => {
    accounts.upsert(account);
    if (then === undefined) setFlash(message);
    else go(then, message);
  };

  const { state } = accounts;
  const warnings = state.kind === 'loaded' ? state.list.warnings : [];

  const openSettings = () => {
    setSettingsOpen(true);
  };

  return (
    <div className={usesWidth(screen) && !settingsOpen ? 'shell shell--wide' : 'shell'}>
      {/* WCAG 2.4.1 Bypass Blocks: the first Tab stop jumps past the header. */}
      <a className="skip-link" href="#main">
        {strings.app.skipToMain}
      </a>
      <AppHeader settingsOpen={settingsOpen} settingsRef={settingsButton} onOpenSettings={openSettings} />
      <main className="page" id="main" tabIndex={-1}>
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
            {state.kind === 'loaded' && (
              <CurrentScreen
                screen={screen}
                list={state.list}
                navigated={navigated}
                go={go}
                onUpdated={onUpdated}
                deskQuery={deskQuery}
                onDeskQuery={setDeskQuery}
                onClientRenamed={(from, to, count) => {
                  // The desk's client filter follows the new name, and the page reopens under it once
                  // the list has been read again (before that, no account carries the new name).
                  if (deskQuery.client.kind === 'named' && deskQuery.client.name === from)
                    setDeskQuery({ ...deskQuery, client: { kind: 'named', name: to } });
                  void accounts.refresh().then(() => {
                    go({ kind: 'client', name: to }, strings.clientPage.renamed(from, to, count));
                  });
                }}
                onRemoved={(account) => {
                  accounts.drop(account.id);
                  setFlash(strings.accounts.removed(account.label));
                  setNavigated(true);
                }}
              />
            )}
          </div>
        </OpenSettingsContext>
      </main>
    </div>
  );
}

/** Screens whose rows have more to show than a text column: the desk and a client's page. */
function usesWidth(screen: Screen): boolean {
  switch (screen.kind) {
    case 'home':
    case 'client':
      return true;
    case 'add':
    case 'edit':
    case 'test':
    case 'history':
    case 'client-run':
      return false;
  }
}
