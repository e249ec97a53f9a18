/** The plain fields of the add-account form: who the account is, how it signs in, and extras. */
import { TextField } from '../../components/field';
import type { FieldMessages } from '../../lib/field-errors';
import { strings } from '../../strings';
import { type AccountFormValues, shownDomain } from './account-form-state';

export interface SectionProps {
  readonly values: AccountFormValues;
  readonly errors: FieldMessages;
  readonly set: (patch: Partial<AccountFormValues>) => void;
}

export function AccountSection({ values, errors, set }: SectionProps) {
  const text = strings.addAccount;
  return (
    <section className="form-section" aria-labelledby="section-account">
      <h2 className="section-title" id="section-account">
        {text.sectionAccount}
      </h2>
      <TextField
        id="account-email"
        label={text.email}
        hint={text.emailHint}
        error={errors.email}
        type="email"
        inputMode="email"
        autoComplete="email"
        value={values.email}
        onChange={(email) => {
          set({ email });
        }}
      />
      <TextField
        id="account-label"
        label={text.label}
        hint={text.labelHint}
        error={errors.label}
        optional
        value={values.label}
        onChange={(label) => {
          set({ label });
        }}
      />
      <TextField
        id="account-domain"
        label={text.domain}
        hint={text.domainHint}
        error={errors.domain}
        value={shownDomain(values)}
        onChange={(domain) => {
          set({ domain, domainEdited: true });
        }}
      />
    </section>
  );
}

export function SignInSection({
  values,
  errors,
  set,
  withPassword,
  passwordLabel,
}: SectionProps & {
  readonly withPassword: boolean;
  /** Follows the provider: "App password", "API key"... */
  readonly passwordLabel: string;
}) {
  const text = strings.addAccount;
  return (
    <section className="form-section" aria-labelledby="section-sign-in">
      <h2 className="section-title" id="section-sign-in">
        {text.sectionSignIn}
      </h2>
      <TextField
        id="account-username"
        label={text.username}
        hint={text.usernameHint}
        error={errors.username}
        optional
        placeholder={values.email.trim() === '' ? undefined : values.email.trim()}
        value={values.username}
        onChange={(username) => {
          set({ username });
        }}
      />
      {withPassword ? (
        <TextField
          id="account-password"
          label={passwordLabel}
          hint={text.passwordHint}
          error={errors.password}
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(password) => {
            set({ password });
          }}
        />
      ) : (
        <p className="muted">{strings.editAccount.passwordElsewhere}</p>
      )}
    </section>
  );
}

export function MoreSection({
  values,
  errors,
  set,
  clients,
}: SectionProps & {
  /** Client names already in use, offered while typing so a typo does not make a new client. */
  readonly clients: readonly string[];
}) {
  const text = strings.addAccount;
  return (
    <section className="form-section" aria-labelledby="section-more">
      <h2 className="section-title" id="section-more">
        {text.sectionMore}
      </h2>
      <p className="muted">{text.moreHint}</p>
      <TextField
        id="account-dkimSelectors"
        label={text.dkimSelectors}
        hint={text.dkimHint}
        error={errors.dkimSelectors}
        optional
        value={values.dkimSelectors}
        onChange={(dkimSelectors) => {
          set({ dkimSelectors });
        }}
      />
      <TextField
        id="account-clientGroup"
        label={text.clientGroup}
        hint={text.clientGroupHint}
        error={errors.clientGroup}
        optional
        suggestions={clients}
        value={values.clientGroup}
        onChange={(clientGroup) => {
          set({ clientGroup });
        }}
      />
    </section>
  );
}
