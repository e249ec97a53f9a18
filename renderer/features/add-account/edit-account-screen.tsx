/**
 * Editing a saved account: the account form, filled in. The id stays, so its history stays; when the
 * server changes, the message says that earlier runs tested the old one.
 */
import { useRef, useState } from 'react';
import { serverChanged } from '../../../preload/contract/account-server';
import type { AccountView } from '../../../preload/contract/accounts';
import { success } from '../../../preload/contract/outcome';
import type { SignOutReport } from '../../../preload/contract/sign-in';
import { bridge } from '../../lib/bridge';
import type { FlashWarning } from '../../lib/flash-warning';
import { strings } from '../../strings';
import { startSignInAfterSave, type SignInAfterSave } from '../sign-in/sign-in-after-save';
import { signedInFlash } from '../sign-in/signed-in-flash';
import { SignInStep } from '../sign-in/sign-in-step';
import { AccountForm } from './account-form';
import { valuesFromAccount } from './account-form-state';

export interface EditAccountScreenProps {
  readonly account: AccountView;
  /**
   * `warning`: leaving OAuth ended the sign-in here, but the provider may still hold it; or signing in
   * reached another mailbox (then `message` is null: the warning says it all).
   */
  readonly onSaved: (account: AccountView, message: string | null, warning?: FlashWarning) => void;
  readonly onCancel: () => void;
  /** Client names already in use, suggested in the client field. */
  readonly clients: readonly string[];
}

export function EditAccountScreen({ account, onSaved, onCancel, clients }: EditAccountScreenProps) {
  const text = strings.editAccount;
  const [signingIn, setSigningIn] = useState<SignInAfterSave | null>(null);
  /** The account as it is now: signing in or out from the form changes its keychain state. */
  const [current, setCurrent] = useState(account);
  /** How the sign-in ended at the provider, when this save left OAuth for a password. */
  const signedOut = useRef<SignOutReport | null>(null);

  const saved = async (updated: AccountView) => {
    const warning = notWithdrawnWarning(signedOut.current);
    if (!serverChanged(account, updated)) {
      onSaved(updated, text.saved(updated.label), warning);
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
      warning,
    );
  };

  if (signingIn !== null) {
    return (
      <SignInStep
        account={signingIn.account}
        pending={signingIn.pending}
        onDone={(updated) => {
          const done =
            updated.hasPassword === 'stored'
              ? signedInFlash(updated, text.saved(updated.label), (address) =>
                  text.savedSignedInAs(updated.label, address),
                )
              : { message: text.saved(updated.label) };
          onSaved(updated, done.message, done.warning);
        }}
      />
    );
  }

  return (
    <AccountForm
      title={text.title(account.label)}
      lead={text.lead}
      initialValues={valuesFromAccount(account)}
      initialMethod="manual"
      withPassword={false}
      saveLabel={text.save}
      savingLabel={text.saving}
      save={async (input) => {
        const outcome = await bridge().accounts.update(account.id, input);
        if (!outcome.ok) return outcome;
        signedOut.current = outcome.value.signOut;
        return success(outcome.value.account);
      }}
      onSaved={(updated) => {
        // A sign-in newly chosen (or changed) goes on to the provider's page.
        const signIn = startSignInAfterSave(updated, current);
        if (signIn === null) void saved(updated);
        else setSigningIn(signIn);
      }}
      onCancel={() => {
        if (current === account) onCancel();
        else onSaved(current, text.saved(current.label));
      }}
      clients={clients}
      saved={current}
      onSignInChanged={setCurrent}
    />
  );
}

/** The provider could not be told (or offers no way) to end the sign-in: say so, and how to end it there. */
function notWithdrawnWarning(report: SignOutReport | null): FlashWarning | undefined {
  if (report === null || report.withdraw === null) return undefined;
  const text = strings.signIn.notWithdrawn;
  return {
    title: text.title,
    paragraphs: [
      report.revocation === 'failed' ? text.failed(report.reason ?? '') : text.notOffered,
      report.withdraw,
    ],
  };
}
