/**
 * The wizard's frame: header, the warnings main reports, and which screen is showing.
 *
 * No router: the app has a handful of screens and must never navigate (the window forbids it).
 * Settings opens over the current screen, which stays mounted (hidden), so a half-filled form is
 * still there after a detour to change the DNS resolver.
 */
import { useEffect, useRef, useState } from 'react';
import type { AccountDesk } from '../../preload/contract/account-desk';
import type { AccountView } from '../../preload/contract/accounts';
import { Button } from '../components/button';
import { LiveStatus } from '../components/live-status';
import { Notice } from '../components/notice';
import { AccountSideList } from '../features/accounts/account-side-list';
import { deskAccounts, INITIAL_QUERY, type DeskQuery } from '../features/accounts/desk-model';
import { useMediaQuery } from '../lib/use-media-query';
import { SettingsScreen } from '../features/settings/settings-screen';
import { strings } from '../strings';
import { AppHeader } from './app-header';
import { CurrentScreen } from './current-screen';
import { OpenSettingsContext } from './open-settings';
import type { FlashWarning } from '../lib/flash-warning';
import { HOME, shownAccountId, type Screen } from './screen';
import { useAccounts } from './use-accounts';

/** From this width the account list stays beside an account's results and history (issue 11). */
const SIDE_BY_SIDE_QUERY = '(min-width: 1280px)';

export function App() {
  const accounts = useAccounts();
  const [screen, setScreen] = useState<Screen>(HOME);
  const [deskQuery, setDeskQuery] = useState<DeskQuery>(INITIAL_QUERY);
  /** True once the person has moved between screens, so headings take focus only after an action. */
  const [navigated, setNavigated] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  /** Something the last change could not do, said beside its confirmation until the next move. */
  const [flashWarning, setFlashWarning] = useState<FlashWarning | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const settingsWasOpen = useRef(false);
  const sideBySide = useMediaQuery(SIDE_BY_SIDE_QUERY);

  useEffect(() => {
    // Closing Settings puts focus back on the button that opened it, where the person left off.
    if (settingsWasOpen.current && !settingsOpen) settingsButton.current?.focus();
    settingsWasOpen.current = settingsOpen;
  }, [settingsOpen]);

  /** `message` null: the warning says it all (the change was made, but not as the person meant). */
  const go = (next: Screen, message?: string | null, warning?: FlashWarning) => {
    setNavigated(true);
    setFlash(message ?? null);
    setFlashWarning(warning ?? null);
    // Back on the list, each account's last run is read again: a test may have added one.
    if (next.kind === 'home' && screen.kind !== 'home') void accounts.refresh();
    setScreen(next);
  };

  const onUpdated = (account: AccountView, message: string | null, then?: Screen, warning?: FlashWarning) => {
    accounts.upsert(account);
    if (then === undefined) {
      setFlash(message);
      setFlashWarning(warning ?? null);
    } else go(then, message, warning);
  };

  const { state } = accounts;
  const warnings = state.kind === 'loaded' ? state.list.warnings : [];
  /** The account whose results sit beside the list, on a wide window; null shows one column. */
  const beside = sideBySide && !settingsOpen ? shownAccountId(screen) : null;

  const openSettings = () => {
    setSettingsOpen(true);
  };

  const currentScreen = (list: AccountDesk) => (
    <CurrentScreen
      screen={screen}
      list={list}
      navigated={navigated}
      go={go}
      onUpdated={onUpdated}
      onChanged={(account) => {
        accounts.upsert(account);
      }}
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
        setFlashWarning(null);
        setNavigated(true);
      }}
    />
  );

  return (
    <div className={(usesWidth(screen) || beside !== null) && !settingsOpen ? 'shell shell--wide' : 'shell'}>
      {/* WCAG 2.4.1 Bypass Blocks: the first Tab stop jumps past the header. */}
      <a className="skip-link" href="#main">
        {strings.app.skipToMain}
      </a>
      <AppHeader
        settingsOpen={settingsOpen}
        settingsRef={settingsButton}
        onOpenSettings={openSettings}
        checkCurrent={!settingsOpen && (screen.kind === 'check' || screen.kind === 'analysis')}
        onCheckMessage={() => {
          setSettingsOpen(false);
          go({ kind: 'check' });
        }}
      />
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
              {flashWarning !== null && (
                <Notice tone="warning" title={flashWarning.title}>
                  {flashWarning.paragraphs.map((paragraph) => (
                    <p key={paragraph}>{paragraph}</p>
                  ))}
                </Notice>
              )}
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
              // One tree either way, so widening or narrowing the window never remounts (and so never
              // cancels) the screen on show: only the list beside it comes and goes.
              <div className={beside === null ? 'single' : 'split'}>
                {beside !== null && (
                  <AccountSideList
                    accounts={deskAccounts(state.list.accounts, state.list.lastRuns, deskQuery)}
                    lastRuns={state.list.lastRuns}
                    currentId={beside}
                    onOpen={(account) => {
                      go(
                        screen.kind === 'history'
                          ? { kind: 'history', accountId: account.id }
                          : { kind: 'test', accountId: account.id },
                      );
                    }}
                  />
                )}
                <div className="split__detail">{currentScreen(state.list)}</div>
              </div>
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
    case 'send-test':
    case 'client-run':
    case 'check':
    case 'analysis':
      return false;
  }
}
