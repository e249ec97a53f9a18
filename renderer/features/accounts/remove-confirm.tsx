/** The confirm step before an account (and its keychain password) is removed. */
import { useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';

export interface RemoveConfirmProps {
  readonly account: AccountView;
  readonly onRemoved: (account: AccountView) => void;
  readonly onCancel: () => void;
}

export function RemoveConfirm({ account, onRemoved, onCancel }: RemoveConfirmProps) {
  const text = strings.accounts;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  // The safe choice gets focus, so a stray Enter does not delete anything.
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  const confirm = async () => {
    setBusy(true);
    const outcome = await bridge().accounts.remove(account.id);
    if (outcome.ok) {
      onRemoved(account);
      return;
    }
    setBusy(false);
    setError(outcome.error.message);
  };

  return (
    <div
      className="inline-panel inline-panel--danger"
      role="group"
      aria-labelledby={`remove-${account.id}-title`}
    >
      <p className="inline-panel__title" id={`remove-${account.id}-title`}>
        {text.confirmRemoveTitle(account.label)}
      </p>
      <p>{text.confirmRemoveBody}</p>
      {error !== null && (
        <Notice tone="error" role="alert">
          {error}
        </Notice>
      )}
      <div className="actions actions--compact">
        <Button
          variant="danger"
          busy={busy}
          busyLabel={text.removing(account.label)}
          onClick={() => void confirm()}
        >
          {text.confirmRemove}
        </Button>
        <Button variant="quiet" ref={cancelRef} onClick={onCancel}>
          {text.cancel}
        </Button>
      </div>
    </div>
  );
}
