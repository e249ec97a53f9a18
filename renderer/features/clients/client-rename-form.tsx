/**
 * Renaming a client: one field and Save. Main moves every account of the client to the new name (their
 * ids, and so their history, stay) and its stored client runs with them.
 */
import { useState, type SubmitEvent } from 'react';
import { Button } from '../../components/button';
import { TextField } from '../../components/field';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';

export interface ClientRenameFormProps {
  readonly client: string;
  readonly onRenamed: (name: string, accounts: number) => void;
  readonly onCancel: () => void;
}

export function ClientRenameForm({ client, onRenamed, onCancel }: ClientRenameFormProps) {
  const text = strings.clientPage.rename;
  const [name, setName] = useState(client);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    void bridge()
      .clients.rename(client, name)
      .then((outcome) => {
        setBusy(false);
        if (outcome.ok) onRenamed(outcome.value.client, outcome.value.accounts);
        else setError(outcome.error.fields?.[0]?.message ?? outcome.error.message);
      });
  };

  return (
    <form className="client-rename" onSubmit={submit} aria-label={text.formLabel(client)}>
      <TextField
        id="client-rename-name"
        label={text.label}
        hint={text.hint}
        error={error}
        value={name}
        onChange={(value) => {
          setName(value);
          setError(undefined);
        }}
      />
      <div className="actions actions--compact">
        <Button type="submit" variant="primary" busy={busy} busyLabel={text.saving}>
          {text.save}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {text.cancel}
        </Button>
      </div>
    </form>
  );
}
