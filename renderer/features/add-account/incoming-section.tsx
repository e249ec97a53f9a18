/**
 * "Incoming mail": the server the account reads mail from (IMAP or POP3), its port and security, the
 * user name, and whether it reads with the sending password or its own. One component for adding and
 * editing an account; the password typed here goes to the keychain once and is never shown again.
 */
import { SECURITY_MODES, type SecurityMode } from '../../../preload/contract/accounts';
import { ChoiceGroup } from '../../components/choice-group';
import { TextField } from '../../components/field';
import type { FieldMessages } from '../../lib/field-errors';
import { strings } from '../../strings';
import { withIncomingChange, type IncomingChoice, type IncomingFormValues } from './incoming-form-state';

export interface IncomingSectionProps {
  readonly values: IncomingFormValues;
  /** `incoming` (main's messages about the incoming server) and `incomingPort` (not a number). */
  readonly errors: FieldMessages;
  /** The sending user name (or the address), shown as what an empty user name means. */
  readonly sendingUsername: string;
  /** False when editing: an own password left empty keeps the stored one. */
  readonly newAccount: boolean;
  readonly set: (incoming: IncomingFormValues) => void;
}

type PasswordChoice = 'shared' | 'own';

export function IncomingSection({ values, errors, sendingUsername, newAccount, set }: IncomingSectionProps) {
  const text = strings.incomingSection;
  const change = (patch: Partial<IncomingFormValues>) => {
    set(withIncomingChange(values, patch));
  };
  return (
    <section className="form-section" aria-labelledby="section-incoming">
      <h2 className="section-title" id="section-incoming">
        {text.title}
      </h2>
      <p className="muted">{text.lead}</p>
      <ChoiceGroup<IncomingChoice>
        id="account-incoming-choice"
        legend={text.choice}
        value={values.choice}
        choices={(['none', 'imap', 'pop3'] as const).map((choice) => ({
          value: choice,
          label: text.choices[choice],
        }))}
        onChange={(choice) => {
          change({ choice });
        }}
      />
      {values.choice !== 'none' && (
        <>
          <TextField
            id="account-incoming-host"
            label={text.host}
            hint={text.hostHint}
            error={errors['incoming']}
            value={values.host}
            onChange={(host) => {
              change({ host });
            }}
          />
          <TextField
            id="account-incoming-port"
            label={text.port}
            hint={text.portHint}
            error={errors['incomingPort']}
            inputMode="numeric"
            size="short"
            value={values.port}
            onChange={(port) => {
              change({ port });
            }}
          />
          <ChoiceGroup<SecurityMode>
            id="account-incoming-security"
            legend={text.security}
            value={values.security}
            choices={SECURITY_MODES.map((mode) => ({
              value: mode,
              label: strings.security.name[mode],
              description: text.explain[mode],
            }))}
            onChange={(security) => {
              change({ security });
            }}
          />
          <TextField
            id="account-incoming-username"
            label={text.username}
            hint={text.usernameHint}
            optional
            placeholder={sendingUsername === '' ? undefined : sendingUsername}
            value={values.username}
            onChange={(username) => {
              change({ username });
            }}
          />
          <ChoiceGroup<PasswordChoice>
            id="account-incoming-password-choice"
            legend={text.passwordChoice}
            value={values.ownPassword ? 'own' : 'shared'}
            choices={[
              { value: 'shared', label: text.shared },
              { value: 'own', label: text.own, description: text.ownHint },
            ]}
            onChange={(choice) => {
              change({ ownPassword: choice === 'own', password: '' });
            }}
          />
          {values.ownPassword && (
            <TextField
              id="account-incoming-password"
              label={text.password}
              hint={newAccount ? text.passwordHintNew : text.passwordHintEdit}
              type="password"
              autoComplete="new-password"
              optional
              value={values.password}
              onChange={(password) => {
                change({ password });
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
