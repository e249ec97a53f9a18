/**
 * The add-account form. Main validates everything and answers with per-field messages, which are
 * shown next to their inputs and in a summary. The password is sent once and then forgotten.
 */
import { useState, type SubmitEvent } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary';
import { LiveStatus } from '../../components/live-status';
import { PageHeading } from '../../components/page-heading';
import { bridge } from '../../lib/bridge';
import { fieldMessages, type FieldMessages } from '../../lib/field-errors';
import { strings } from '../../strings';
import { type AccountFormValues, INITIAL_VALUES, toAccountInput } from './account-form-state';
import { AccountSection, MoreSection, SignInSection } from './account-sections';
import { ServerSettings } from './server-settings';
import { usePresets } from './use-presets';

export interface AddAccountScreenProps {
  readonly onSaved: (account: AccountView) => void;
  readonly onCancel: () => void;
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
  { name: 'password', id: 'account-password' },
  { name: 'dkimSelectors', id: 'account-dkimSelectors' },
  { name: 'clientGroup', id: 'account-clientGroup' },
];

interface Failure {
  readonly message: string;
  readonly errors: FieldMessages;
  readonly attempt: number;
}

export function AddAccountScreen({ onSaved, onCancel }: AddAccountScreenProps) {
  const text = strings.addAccount;
  const presets = usePresets();
  const [values, setValues] = useState<AccountFormValues>(INITIAL_VALUES);
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
      fail('', { port: text.portNotNumber });
      return;
    }
    setSaving(true);
    const outcome = await bridge().accounts.add(converted.input, converted.password);
    setSaving(false);
    if (outcome.ok) {
      setValues(INITIAL_VALUES);
      onSaved(outcome.value);
      return;
    }
    fail(outcome.error.message, fieldMessages(outcome.error.fields));
  };

  const errors = failure?.errors ?? {};
  const items: SummaryItem[] = FIELDS.flatMap(({ name, id }) => {
    const message = errors[name];
    // A radio group is focused through its chosen option.
    const fieldId = name === 'security' ? `${id}-${values.security}` : id;
    return message === undefined ? [] : [{ fieldId, message }];
  });
  const sectionProps = { values, errors, set };

  return (
    <div className="add-account">
      <PageHeading focusOnMount id="add-account-title">
        {text.title}
      </PageHeading>
      <p className="lead">{text.lead}</p>
      {failure !== null && <ErrorSummary message={failure.message} items={items} attempt={failure.attempt} />}
      <form className="form" noValidate aria-labelledby="add-account-title" onSubmit={(e) => void submit(e)}>
        <AccountSection {...sectionProps} />
        <ServerSettings values={values} errors={errors} presets={presets} update={setValues} />
        <SignInSection {...sectionProps} />
        <MoreSection {...sectionProps} />
        <LiveStatus message={saving ? text.saving : ''} visible={false} />
        <div className="actions actions--form">
          <Button type="submit" variant="primary" busy={saving} busyLabel={text.saving}>
            {text.save}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {text.cancel}
          </Button>
        </div>
      </form>
    </div>
  );
}
