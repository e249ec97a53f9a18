/** One account in the list: what it is, whether its password is stored, and what can be done with it. */
import { useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { strings } from '../../strings';
import { PasswordBadge } from './password-badge';
import { RemoveConfirm } from './remove-confirm';
import { ReplacePasswordForm } from './replace-password-form';

export interface AccountCardProps {
  readonly account: AccountView;
  /** h2 in a plain list, h3 under a client-group heading. */
  readonly headingLevel: 2 | 3;
  readonly onTest: (account: AccountView) => void;
  /** Opens the account's stored runs. */
  readonly onHistory: (account: AccountView) => void;
  /** Opens the edit form. */
  readonly onEdit: (account: AccountView) => void;
  readonly onUpdated: (account: AccountView, message: string) => void;
  readonly onRemoved: (account: AccountView) => void;
}

type Panel = 'none' | 'password' | 'remove';

export function AccountCard({
  account,
  headingLevel,
  onTest,
  onHistory,
  onEdit,
  onUpdated,
  onRemoved,
}: AccountCardProps) {
  const text = strings.accounts;
  const [panel, setPanel] = useState<Panel>('none');
  const passwordButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `account-${account.id}-title`;

  /** The button that opened the panel gets focus back once the panel is gone and the buttons are back. */
  const returnFocusTo = useRef<'password' | 'remove' | null>(null);
  useEffect(() => {
    if (panel !== 'none' || returnFocusTo.current === null) return;
    (returnFocusTo.current === 'password' ? passwordButton : removeButton).current?.focus();
    returnFocusTo.current = null;
  }, [panel]);
  const close = (returnTo: 'password' | 'remove') => {
    returnFocusTo.current = returnTo;
    setPanel('none');
  };

  return (
    <li className="account-card" aria-labelledby={titleId} data-account-id={account.id}>
      <div className="account-card__head">
        <div className="account-card__who">
          <Heading className="account-card__title" id={titleId}>
            {account.label}
          </Heading>
          <p className="account-card__email">{account.email}</p>
        </div>
        <PasswordBadge state={account.hasPassword} />
      </div>
      <dl className="facts">
        <div className="facts__item">
          <dt>{text.server}</dt>
          <dd className="mono">{text.hostPort(account.host, account.port)}</dd>
        </div>
        <div className="facts__item">
          <dt>{text.security}</dt>
          <dd className={account.security === 'none' ? 'text-warning' : undefined}>
            {strings.security.short[account.security]}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{text.username}</dt>
          <dd>{account.username}</dd>
        </div>
      </dl>
      {panel === 'none' && (
        <div className="actions actions--compact" role="group" aria-label={text.actionsFor(account.label)}>
          <Button
            variant="primary"
            onClick={() => {
              onTest(account);
            }}
          >
            {strings.audit.testAccount}
          </Button>
          <Button
            onClick={() => {
              onHistory(account);
            }}
          >
            {strings.history.open}
          </Button>
          <Button
            onClick={() => {
              onEdit(account);
            }}
          >
            {text.edit}
          </Button>
          <Button
            ref={passwordButton}
            onClick={() => {
              setPanel('password');
            }}
          >
            {account.hasPassword === 'missing' ? text.setPassword : text.replacePassword}
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
      {panel === 'password' && (
        <ReplacePasswordForm
          account={account}
          onCancel={() => {
            close('password');
          }}
          onDone={(updated) => {
            onUpdated(updated, strings.replacePassword.saved(updated.label));
            close('password');
          }}
        />
      )}
      {panel === 'remove' && (
        <RemoveConfirm
          account={account}
          onRemoved={onRemoved}
          onCancel={() => {
            close('remove');
          }}
        />
      )}
    </li>
  );
}
