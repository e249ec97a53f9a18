/** Adding an account: the account form, empty, with a password that goes straight to the keychain. */
import type { AccountView } from '../../../preload/contract/accounts';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import { AccountForm } from './account-form';
import { INITIAL_VALUES } from './account-form-state';

export interface AddAccountScreenProps {
  readonly onSaved: (account: AccountView) => void;
  readonly onCancel: () => void;
}

export function AddAccountScreen({ onSaved, onCancel }: AddAccountScreenProps) {
  const text = strings.addAccount;
  return (
    <AccountForm
      title={text.title}
      lead={text.lead}
      initialValues={INITIAL_VALUES}
      initialMethod="preset"
      withPassword
      saveLabel={text.save}
      savingLabel={text.saving}
      save={(input, password) => bridge().accounts.add(input, password)}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
