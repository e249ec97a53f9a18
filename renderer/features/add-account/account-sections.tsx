/** The plain fields of the add-account form: who the account is, how it signs in, and extras. */
import type { AccountView } from '../../../preload/contract/accounts';
import { ChoiceGroup } from '../../components/choice-group';
import { TextField } from '../../components/field';
import type { FieldMessages } from '../../lib/field-errors';
import { strings } from '../../strings';
import { SavedSignIn } from '../sign-in/saved-sign-in';
import {
  type AccountFormValues,
  type SignInChoice,
  shownDomain,
  withSignInChoice,
} from './account-form-state';

const SIGN_IN_CHOICES: readonly SignInChoice[] = ['password', 'microsoft', 'google', 'oidc'];

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
  saved,
  onSignInChanged,
}: SectionProps & {
  readonly withPassword: boolean;
  /** Follows the provider: "App password", "API key"... */
  readonly passwordLabel: string;
  /** When editing: the account as saved, whose OAuth sign-in can be renewed or ended here. */
  readonly saved?: AccountView | undefined;
  readonly onSignInChanged?: ((account: AccountView) => void) | undefined;
}) {
  const text = strings.addAccount;
  const choice = values.signInChoice;
  const savedProvider = saved?.signIn?.method === 'oauth' ? saved.signIn.provider : null;
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
      <ChoiceGroup<SignInChoice>
        id="account-signin"
        legend={strings.signIn.legend}
        hint={strings.signIn.hint}
        error={errors.signIn}
        value={choice}
        choices={SIGN_IN_CHOICES.map((value) => ({
          value,
          label: strings.signIn.choice[value],
          description: strings.signIn.explain[value],
        }))}
        onChange={(signInChoice) => {
          set(withSignInChoice(values, signInChoice));
        }}
      />
      {choice === 'password' ? (
        withPassword ? (
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
        )
      ) : (
        <>
          {choice === 'oidc' && (
            <TextField
              id="account-issuer"
              label={strings.signIn.issuer}
              hint={strings.signIn.issuerHint}
              inputMode="url"
              value={values.issuer}
              onChange={(issuer) => {
                set({ issuer });
              }}
            />
          )}
          <TextField
            id="account-clientId"
            label={strings.signIn.clientId}
            hint={strings.signIn.clientIdHint}
            value={values.clientId}
            onChange={(clientId) => {
              set({ clientId });
            }}
          />
          {saved !== undefined && savedProvider === choice ? (
            <SavedSignIn account={saved} provider={savedProvider} onChanged={onSignInChanged} />
          ) : (
            <p className="muted">{strings.signIn.noPasswordHere}</p>
          )}
        </>
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
