/** The confirm step before a stored run is deleted: the safe choice has focus. */
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';

export interface DeleteConfirmProps {
  readonly runId: string;
  readonly when: string;
  readonly onDeleted: () => void;
  readonly onCancel: () => void;
}

export function DeleteConfirm({ runId, when, onDeleted, onCancel }: DeleteConfirmProps) {
  const text = strings.history;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = `delete-${runId}-title`;

  // A stray Enter must not delete anything.
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  const confirm = async () => {
    setBusy(true);
    const outcome = await bridge().history.delete(runId);
    if (outcome.ok) {
      onDeleted();
      return;
    }
    setBusy(false);
    setError(outcome.error.message);
  };

  return (
    <div
      className="inline-panel inline-panel--danger run-row__confirm"
      role="group"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        // Escape backs out of the confirm step only, not out of History.
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
    >
      <p className="inline-panel__title" id={titleId}>
        {text.confirmRemoveTitle(when)}
      </p>
      <p>{text.confirmRemoveBody}</p>
      {error !== null && (
        <Notice tone="error" role="alert">
          {error}
        </Notice>
      )}
      <div className="actions actions--compact">
        <Button variant="danger" busy={busy} busyLabel={text.removing} onClick={() => void confirm()}>
          {text.confirmRemove}
        </Button>
        <Button variant="quiet" ref={cancelRef} onClick={onCancel}>
          {text.cancel}
        </Button>
      </div>
    </div>
  );
}
