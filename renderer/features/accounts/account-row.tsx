/**
 * One account on the desk, in one compact row: who it is, its last grade and date, its worst open
 * problem and the change since the run before; Test and History at hand, the rest under More.
 */
import { useEffect, useRef, useState } from 'react';
import type { AccountRunDigest } from '../../../preload/contract/account-desk';
import type { AccountView, KeychainState } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import type { FlashWarning } from '../../lib/flash-warning';
import { strings } from '../../strings';
import { AccountFacts } from './account-facts';
import { LastRunSummary } from './last-run-summary';
import { PasswordBadge } from './password-badge';
import { RemoveConfirm } from './remove-confirm';
import { ReplacePasswordForm } from './replace-password-form';
import { SavedSignIn } from '../sign-in/saved-sign-in';
import { signedInFlash } from '../sign-in/signed-in-flash';

export interface AccountRowProps {
  readonly account: AccountView;
  /** The last stored run; absent when the account was never tested. */
  readonly digest: AccountRunDigest | undefined;
  /** Names a password state the keychain could not tell: locked or unavailable. */
  readonly keychain: KeychainState;
  /** h2 in a plain list, h3 under a client-group heading. */
  readonly headingLevel: 2 | 3;
  /** Shown next to the address when the list is not grouped by client. */
  readonly showClient: boolean;
  readonly onTest: (account: AccountView) => void;
  /** Opens the account's stored runs. */
  readonly onHistory: (account: AccountView) => void;
  /** Opens the edit form. */
  readonly onEdit: (account: AccountView) => void;
  /** Opens "Send a test message"; absent where the row offers no such action. */
  readonly onSendTest?: ((account: AccountView) => void) | undefined;
  /** `message` null when the warning says it all. */
  readonly onUpdated: (account: AccountView, message: string | null, warning?: FlashWarning) => void;
  readonly onRemoved: (account: AccountView) => void;
}

type Panel = 'none' | 'more' | 'password' | 'remove';

export function AccountRow({
  account,
  digest,
  keychain,
  headingLevel,
  showClient,
  onTest,
  onHistory,
  onEdit,
  onSendTest,
  onUpdated,
  onRemoved,
}: AccountRowProps) {
  const text = strings.accounts;
  const [panel, setPanel] = useState<Panel>('none');
  /** The toolbar button Tab lands on: the last one used, Test at first. */
  const [activeAction, setActiveAction] = useState(0);
  const moreButton = useRef<HTMLButtonElement>(null);
  const passwordButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `account-${account.id}-title`;
  const moreId = `account-${account.id}-more`;

  /** The button that opened a step gets focus back once the step is gone. */
  const returnFocusTo = useRef<'password' | 'remove' | null>(null);
  useEffect(() => {
    if (panel !== 'more' || returnFocusTo.current === null) return;
    (returnFocusTo.current === 'password' ? passwordButton : removeButton).current?.focus();
    returnFocusTo.current = null;
  }, [panel]);
  const backToMore = (returnTo: 'password' | 'remove') => {
    returnFocusTo.current = returnTo;
    setPanel('more');
  };
  const client = account.clientGroup?.trim() ?? '';

  return (
    <li className="account-row" aria-labelledby={titleId} data-account-id={account.id}>
      <div className="account-row__main">
        <div className="account-row__who">
          <div className="account-row__name">
            <Heading className="account-row__title" id={titleId}>
              {account.label}
            </Heading>
            {showClient && client !== '' && <span className="account-row__client">{client}</span>}
          </div>
          <p className="account-row__email">
            {account.email}
            {account.signIn?.method === 'oauth' && (
              <span className="account-row__method">
                {' '}
                {strings.signIn.rowMethod(account.signIn.provider)}
              </span>
            )}
          </p>
        </div>
        <LastRunSummary digest={digest} />
        {/* A stored password is the normal case: only a missing or unknown one takes room on the desk. */}
        {account.hasPassword !== 'stored' && (
          <PasswordBadge
            state={account.hasPassword}
            keychain={keychain}
            oauth={account.signIn?.method === 'oauth'}
          />
        )}
        {/*
          One Tab stop per row (WAI-ARIA toolbar pattern): arrow keys move between its buttons, so the 30th
          account is 30 Tab presses away, not 90.
        */}
        <div
          className="actions actions--compact account-row__actions"
          role="toolbar"
          aria-label={text.actionsFor(account.label)}
          onKeyDown={(event) => {
            const next = rovingTarget(event.key, focusedAction(event.currentTarget), ACTION_COUNT);
            if (next === null) return;
            event.preventDefault();
            setActiveAction(next);
            event.currentTarget.querySelectorAll('button')[next]?.focus();
          }}
          onFocus={(event) => {
            const index = focusedAction(event.currentTarget);
            if (index !== null) setActiveAction(index);
          }}
        >
          <Button
            variant="primary"
            tabIndex={activeAction === 0 ? 0 : -1}
            aria-label={strings.audit.testAccount}
            onClick={() => {
              onTest(account);
            }}
          >
            {strings.desk.test}
          </Button>
          <Button
            tabIndex={activeAction === 1 ? 0 : -1}
            onClick={() => {
              onHistory(account);
            }}
          >
            {strings.history.open}
          </Button>
          <Button
            ref={moreButton}
            tabIndex={activeAction === 2 ? 0 : -1}
            variant="quiet"
            aria-expanded={panel !== 'none'}
            aria-controls={panel === 'none' ? undefined : moreId}
            aria-label={strings.desk.moreLabel(account.label)}
            onClick={() => {
              setPanel(panel === 'none' ? 'more' : 'none');
            }}
          >
            {strings.desk.more}
          </Button>
        </div>
      </div>
      {panel !== 'none' && (
        <div className="account-row__more" id={moreId}>
          {panel === 'more' && <AccountFacts account={account} keychain={keychain} />}
          {panel === 'more' && (
            <div className="actions actions--compact">
              <Button
                onClick={() => {
                  onEdit(account);
                }}
              >
                {text.edit}
              </Button>
              {onSendTest !== undefined && (
                <Button
                  onClick={() => {
                    onSendTest(account);
                  }}
                >
                  {strings.sendTest.open}
                </Button>
              )}
              <Button
                ref={passwordButton}
                onClick={() => {
                  setPanel('password');
                }}
              >
                {account.signIn?.method === 'oauth'
                  ? strings.signIn.signInAction
                  : account.hasPassword === 'missing'
                    ? text.setPassword
                    : text.replacePassword}
              </Button>
              <Button
                ref={removeButton}
                variant="quiet"
                onClick={() => {
                  setPanel('remove');
                }}
              >
                {text.remove}
              </Button>
            </div>
          )}
          {panel === 'password' && account.signIn?.method === 'oauth' && (
            <div className="inline-panel">
              <SavedSignIn
                account={account}
                provider={account.signIn.provider}
                onChanged={(updated) => {
                  const changed =
                    updated.hasPassword === 'stored'
                      ? signedInFlash(updated, strings.signIn.rowSignedIn(updated.label), (address) =>
                          strings.signIn.rowSignedInAs(updated.label, address),
                        )
                      : { message: strings.signIn.rowSignedOut(updated.label) };
                  onUpdated(updated, changed.message, changed.warning);
                }}
              />
              <div className="actions actions--compact">
                <Button
                  variant="quiet"
                  onClick={() => {
                    backToMore('password');
                  }}
                >
                  {strings.signIn.done}
                </Button>
              </div>
            </div>
          )}
          {panel === 'password' && account.signIn?.method !== 'oauth' && (
            <ReplacePasswordForm
              account={account}
              onCancel={() => {
                backToMore('password');
              }}
              onDone={(updated) => {
                onUpdated(updated, strings.replacePassword.saved(updated.label));
                backToMore('password');
              }}
            />
          )}
          {panel === 'remove' && (
            <RemoveConfirm
              account={account}
              onRemoved={onRemoved}
              onCancel={() => {
                backToMore('remove');
              }}
            />
          )}
        </div>
      )}
    </li>
  );
}

/** Test, History, More. */
const ACTION_COUNT = 3;

function focusedAction(toolbar: HTMLElement): number | null {
  const index = [...toolbar.querySelectorAll('button')].findIndex(
    (button) => button === document.activeElement,
  );
  return index < 0 ? null : index;
}

/** Where an arrow, Home or End key moves in a toolbar of `count` buttons; null for other keys. */
export function rovingTarget(key: string, current: number | null, count: number): number | null {
  const from = current ?? 0;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (from + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (from - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
