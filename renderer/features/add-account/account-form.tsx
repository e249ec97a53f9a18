/**
 * The account form, for adding and for editing. Main validates everything and answers with per-field
 * messages, which are shown next to their inputs and in a summary. A password typed here is sent once
 * and then forgotten; editing has no password field (replacing a password is its own step). The
 * incoming server's own password, when it has one, is stored right after the account is saved.
 */
import { useState, type SubmitEvent } from 'react';
import type { AccountInput, AccountView } from '../../../preload/contract/accounts';
import type { Outcome } from '../../../preload/contract/outcome';
import { Button } from '../../components/button';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary';
import { bridge } from '../../lib/bridge';
import { LiveStatus } from '../../components/live-status';
import { PageHeading } from '../../components/page-heading';
import { fieldMessages, type FieldMessages } from '../../lib/field-errors';
import { secretLabel } from '../../lib/secret-label';
import { strings } from '../../strings';
import { type AccountFormValues, toAccountInput } from './account-form-state';
import { AccountSection, MoreSection, SignInSection } from './account-sections';
import { IncomingSection } from './incoming-section';
import { ServerSettings, type Method } from './server-settings';
import { findPreset, usePresets } from './use-presets';

export interface AccountFormProps {
  readonly title: string;
  readonly lead: string;
  readonly initialValues: AccountFormValues;
  /** How the server fields are filled at first: a new account starts from a provider, an edit by hand. */
  readonly initialMethod: Method;
  /** False when editing: the password keeps its own replace flow. */
  readonly withPassword: boolean;
  readonly saveLabel: string;
  readonly savingLabel: string;
  readonly save: (input: AccountInput, password: string | undefined) => Promise<Outcome<AccountView>>;
  readonly onSaved: (account: AccountView) => void;
  readonly onCancel: () => void;
  /** Client names already in use, suggested in the client field. */
  readonly clients: readonly string[];
  /** When editing: the account as saved, whose OAuth sign-in the form shows and can renew. */
  readonly saved?: AccountView | undefined;
  readonly onSignInChanged?: ((account: AccountView) => void) | undefined;
}

/** Form order, with the input each AccountInput property is typed into. */
const FIELDS: readonly { readonly name: string; readonly id: string }[] = [
  { name: 'email', id: 'account-email' },
  { name: 'label', id: 'account-label' },
  { name: 'domain', id: 'account-domain' },
  { name: 'host', id: 'account-host' },
  { name: 'port', id: 'account-port' },
  { name: 'security', id: 'account-security' },
  { name: 'username', id: 'account-username' },
  { name: 'signIn', id: 'account-signin' },
  { name: 'password', id: 'account-password' },
  { name: 'incoming', id: 'account-incoming-host' },
  { name: 'incomingPort', id: 'account-incoming-port' },
  { name: 'dkimSelectors', id: 'account-dkimSelectors' },
  { name: 'clientGroup', id: 'account-clientGroup' },
];

interface Failure {
  readonly message: string;
  readonly errors: FieldMessages;
  readonly attempt: number;
}

const TITLE_ID = 'account-form-title';

export function AccountForm({
  title,
  lead,
  initialValues,
  initialMethod,
  withPassword,
  saveLabel,
  savingLabel,
  save,
  onSaved,
  onCancel,
  clients,
  saved,
  onSignInChanged,
}: AccountFormProps) {
  const presets = usePresets();
  const [values, setValues] = useState<AccountFormValues>(initialValues);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const set = (patch: Partial<AccountFormValues>) => {
    setValues((previous) => ({ ...previous, ...patch }));
  };
  const fail = (message: string, errors: FieldMessages) => {
    setFailure((previous) => ({ message, errors, attempt: (previous?.attempt ?? 0) + 1 }));
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (saving) return;
    const converted = toAccountInput(values);
    if (!converted.ok) {
      fail(
        '',
        converted.field === 'port'
          ? { port: strings.addAccount.portNotNumber }
          : { incomingPort: strings.incomingSection.portNotNumber },
      );
      return;
    }
    setSaving(true);
    const outcome = await save(converted.input, withPassword ? converted.password : undefined);
    const stored =
      outcome.ok && converted.incomingPassword !== undefined
        ? await bridge().accounts.setIncomingPassword(outcome.value.id, converted.incomingPassword)
        : null;
    setSaving(false);
    if (stored !== null && !stored.ok) {
      // The account is saved; saying so keeps a second press from adding it twice.
      fail(strings.incomingSection.passwordNotStored(stored.error.message), {});
      return;
    }
    if (outcome.ok) {
      setValues(initialValues);
      onSaved(stored?.ok === true ? stored.value : outcome.value);
      return;
    }
    fail(outcome.error.message, fieldMessages(outcome.error.fields));
  };

  const errors = failure?.errors ?? {};
  const items: SummaryItem[] = FIELDS.flatMap(({ name, id }) => {
    const message = errors[name];
    // A radio group is focused through its chosen option.
    const fieldId =
      name === 'security'
        ? `${id}-${values.security}`
        : name === 'signIn'
          ? `${id}-${values.signInChoice}`
          : id;
    return message === undefined ? [] : [{ fieldId, message }];
  });
  const sectionProps = { values, errors, set };
  const savedProvider = saved?.signIn?.method === 'oauth' ? saved.signIn.provider : 'password';
  // Saving a new OAuth sign-in goes straight on to the provider's page.
  const label =
    values.signInChoice !== 'password' && values.signInChoice !== savedProvider
      ? strings.signIn.saveAndSignIn
      : saveLabel;

  return (
    <div className="add-account">
      <PageHeading focusOnMount id={TITLE_ID}>
        {title}
      </PageHeading>
      <p className="lead">{lead}</p>
      {failure !== null && <ErrorSummary message={failure.message} items={items} attempt={failure.attempt} />}
      <form className="form" noValidate aria-labelledby={TITLE_ID} onSubmit={(e) => void submit(e)}>
        <AccountSection {...sectionProps} />
        <ServerSettings
          values={values}
          errors={errors}
          presets={presets}
          initialMethod={initialMethod}
          update={setValues}
        />
        <SignInSection
          {...sectionProps}
          withPassword={withPassword}
          passwordLabel={secretLabel(findPreset(presets, values.presetId))}
          saved={saved}
          onSignInChanged={onSignInChanged}
        />
        <IncomingSection
          values={values.incoming}
          errors={errors}
          sendingUsername={values.username.trim() === '' ? values.email.trim() : values.username.trim()}
          newAccount={withPassword}
          set={(incoming) => {
            set({ incoming });
          }}
        />
        <MoreSection {...sectionProps} clients={clients} />
        <LiveStatus message={saving ? savingLabel : ''} visible={false} />
        <div className="actions actions--form">
          <Button type="submit" variant="primary" busy={saving} busyLabel={savingLabel}>
            {label}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {strings.addAccount.cancel}
          </Button>
        </div>
      </form>
    </div>
  );
}
