/**
 * Adding an account: quick setup first (address, password, found settings, "Save and test"); the full
 * form behind "Configure manually", filled with what quick setup knew. The password goes straight to the
 * keychain either way.
 */
import { useState } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import { QuickSetup } from '../quick-setup/quick-setup-screen';
import { startSignInAfterSave, type SignInAfterSave } from '../sign-in/sign-in-after-save';
import { SignInStep } from '../sign-in/sign-in-step';
import { AccountForm } from './account-form';
import type { AccountFormValues } from './account-form-state';

export interface AddAccountScreenProps {
  readonly onSaved: (account: AccountView) => void;
  /** Saved from quick setup: its "Save and test" opens the test. */
  readonly onSavedAndTest: (account: AccountView) => void;
  readonly onCancel: () => void;
  /** Client names already in use, suggested in the full form's client field. */
  readonly clients: readonly string[];
}

export function AddAccountScreen({ onSaved, onSavedAndTest, onCancel, clients }: AddAccountScreenProps) {
  const text = strings.addAccount;
  const [manual, setManual] = useState<AccountFormValues | null>(null);
  const [signingIn, setSigningIn] = useState<SignInAfterSave | null>(null);
  if (signingIn !== null) {
    return <SignInStep account={signingIn.account} pending={signingIn.pending} onDone={onSaved} />;
  }
  if (manual === null) {
    return (
      <QuickSetup
        save={(input, password) => bridge().accounts.add(input, password)}
        onSaved={onSavedAndTest}
        onManual={setManual}
        onCancel={onCancel}
      />
    );
  }
  return (
    <AccountForm
      title={text.title}
      lead={text.lead}
      initialValues={manual}
      initialMethod={manual.host === '' ? 'preset' : 'manual'}
      withPassword
      saveLabel={text.save}
      savingLabel={text.saving}
      save={(input, password) => bridge().accounts.add(input, password)}
      onSaved={(account) => {
        // An OAuth account is signed in right away, on the provider's page in the browser.
        const signIn = startSignInAfterSave(account, null);
        if (signIn === null) onSaved(account);
        else setSigningIn(signIn);
      }}
      onCancel={onCancel}
      clients={clients}
    />
  );
}
