/**
 * Editing a saved account: the account form, filled in. The id stays, so its history stays; when the
 * server changes, the message says that earlier runs tested the old one.
 */
import { serverChanged } from '../../../preload/contract/account-server';
import type { AccountView } from '../../../preload/contract/accounts';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import { AccountForm } from './account-form';
import { valuesFromAccount } from './account-form-state';

export interface EditAccountScreenProps {
  readonly account: AccountView;
  readonly onSaved: (account: AccountView, message: string) => void;
  readonly onCancel: () => void;
  /** Client names already in use, suggested in the client field. */
  readonly clients: readonly string[];
}

export function EditAccountScreen({ account, onSaved, onCancel, clients }: EditAccountScreenProps) {
  const text = strings.editAccount;

  const saved = async (updated: AccountView) => {
    if (!serverChanged(account, updated)) {
      onSaved(updated, text.saved(updated.label));
      return;
    }
    const runs = await bridge().history.list({ kind: 'account', accountId: account.id });
    const earlier = runs.ok ? runs.value.runs.length : 0;
    onSaved(
      updated,
      earlier === 0
        ? text.saved(updated.label)
        : text.savedServerChanged(
            updated.label,
            earlier,
            strings.history.server(account.host, account.port, account.security),
          ),
    );
  };

  return (
    <AccountForm
      title={text.title(account.label)}
      lead={text.lead}
      initialValues={valuesFromAccount(account)}
      initialMethod="manual"
      withPassword={false}
      saveLabel={text.save}
      savingLabel={text.saving}
      save={(input) => bridge().accounts.update(account.id, input)}
      onSaved={(updated) => void saved(updated)}
      onCancel={onCancel}
      clients={clients}
    />
  );
}
