/**
 * Sets a new password for an account. The value goes to main once and this form is then thrown
 * away, so the password is never kept or shown again.
 */
import { useState, type SubmitEvent } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { TextField } from '../../components/field';
import { bridge } from '../../lib/bridge';
import { fieldMessages } from '../../lib/field-errors';
import { strings } from '../../strings';

export interface ReplacePasswordFormProps {
  readonly account: AccountView;
  readonly onDone: (account: AccountView) => void;
  readonly onCancel: () => void;
}

export function ReplacePasswordForm({ account, onDone, onCancel }: ReplacePasswordFormProps) {
  const text = strings.replacePassword;
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const fieldId = `password-${account.id}`;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    if (password === '') {
      setError(text.required);
      return;
    }
    setBusy(true);
    const outcome = await bridge().accounts.setPassword(account.id, password);
    setBusy(false);
    if (outcome.ok) {
      setPassword('');
      onDone(outcome.value);
      return;
    }
    setError(fieldMessages(outcome.error.fields).password ?? outcome.error.message);
  };

  return (
    <form
      className="inline-panel"
      noValidate
      aria-label={text.title(account.label)}
      onSubmit={(e) => void submit(e)}
    >
      <TextField
        id={fieldId}
        label={text.label}
        hint={text.hint}
        error={error}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
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
