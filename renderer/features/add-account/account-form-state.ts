/**
 * The add-account form's values and how they become an AccountInput.
 *
 * The form keeps exactly what the person typed; conversion leaves out empty optional fields so
 * main applies its own defaults (label and username from the email, domain from the address).
 */
import type {
  Account,
  AccountInput,
  OAuthProviderName,
  SecurityMode,
  SignInMethodInput,
} from '../../../preload/contract/accounts';
import type { ProviderPreset, SubmissionEndpoint } from '../../../preload/contract/providers';
import { domainOfEmail, parsePort, splitList } from '../../lib/email';
import {
  INITIAL_INCOMING,
  incomingValuesFrom,
  toIncomingInput,
  type IncomingFormValues,
} from './incoming-form-state';

/** How the form says the account signs in: a password, or OAuth with one of the providers. */
export type SignInChoice = 'password' | OAuthProviderName;

export interface AccountFormValues {
  readonly label: string;
  readonly email: string;
  readonly domain: string;
  /** Until the person edits the domain, it follows the email address. */
  readonly domainEdited: boolean;
  readonly host: string;
  readonly port: string;
  readonly security: SecurityMode;
  readonly username: string;
  readonly password: string;
  readonly signInChoice: SignInChoice;
  /** For "another provider" only; Microsoft and Google have their own (main fills them in). */
  readonly issuer: string;
  readonly clientId: string;
  readonly dkimSelectors: string;
  readonly clientGroup: string;
  readonly presetId: string | null;
  /** The server the account reads mail from (incoming-form-state.ts). */
  readonly incoming: IncomingFormValues;
}

/** Submission on 587 with STARTTLS (RFC 6409) is what most providers use. */
export const INITIAL_VALUES: AccountFormValues = {
  label: '',
  email: '',
  domain: '',
  domainEdited: false,
  host: '',
  port: '587',
  security: 'starttls',
  username: '',
  password: '',
  signInChoice: 'password',
  issuer: '',
  clientId: '',
  dkimSelectors: '',
  clientGroup: '',
  presetId: null,
  incoming: INITIAL_INCOMING,
};

/**
 * What main receives for the sign-in. The issuer is typed only for another provider; for Microsoft and
 * Google it is empty (main uses theirs) unless the account was saved with its own, such as one tenant's.
 * Choosing another provider empties it (signInChoiceChanged).
 */
export function toSignInInput(values: AccountFormValues): SignInMethodInput {
  if (values.signInChoice === 'password') return { method: 'password' };
  const issuer = values.issuer.trim();
  return {
    method: 'oauth',
    provider: values.signInChoice,
    clientId: values.clientId.trim(),
    ...(issuer === '' ? {} : { issuer }),
  };
}

/** A new choice starts without the issuer of the one before, which belongs to another provider. */
export function withSignInChoice(values: AccountFormValues, signInChoice: SignInChoice): AccountFormValues {
  return signInChoice === values.signInChoice ? values : { ...values, signInChoice, issuer: '' };
}

/** The domain as shown in the form: typed, or derived from the email address. */
export function shownDomain(values: AccountFormValues): string {
  return values.domainEdited ? values.domain : domainOfEmail(values.email);
}

/**
 * Fills the server fields from a preset's (or discovery's) endpoint; the person can still edit them.
 * `previous` is the provider that filled them before: a username it fixed (SendGrid's "apikey") is its
 * own, so it goes with it rather than staying behind for the next provider.
 */
export function withEndpoint(
  values: AccountFormValues,
  endpoint: Pick<SubmissionEndpoint, 'host' | 'port' | 'security'>,
  preset: ProviderPreset | null,
  previous: ProviderPreset | null = null,
): AccountFormValues {
  const leftByPrevious = previous?.fixedUsername !== undefined && values.username === previous.fixedUsername;
  return {
    ...values,
    host: endpoint.host,
    port: String(endpoint.port),
    security: endpoint.security,
    username: preset?.fixedUsername ?? (leftByPrevious ? '' : values.username),
    presetId: preset?.id ?? null,
  };
}

export type FormConversion =
  | {
      readonly ok: true;
      readonly input: AccountInput;
      readonly password: string | undefined;
      /** The incoming server's own password, stored once the account is saved. */
      readonly incomingPassword: string | undefined;
    }
  | { readonly ok: false; readonly field: 'port' | 'incomingPort' };

/** What main receives. Only a port that is not a number is caught here: it cannot be sent as one. */
export function toAccountInput(values: AccountFormValues): FormConversion {
  const port = parsePort(values.port);
  if (port === null) return { ok: false, field: 'port' };
  const incoming = toIncomingInput(values.incoming);
  if (!incoming.ok) return incoming;
  const label = values.label.trim();
  const domain = shownDomain(values).trim();
  const username = values.username.trim();
  const clientGroup = values.clientGroup.trim();
  const selectors = splitList(values.dkimSelectors);
  const input: AccountInput = {
    email: values.email.trim(),
    host: values.host.trim(),
    port,
    security: values.security,
    ...(label === '' ? {} : { label }),
    ...(domain === '' ? {} : { domain }),
    ...(username === '' ? {} : { username }),
    ...(clientGroup === '' ? {} : { clientGroup }),
    ...(selectors.length > 0 ? { dkimSelectors: selectors } : {}),
    ...(values.presetId === null ? {} : { presetId: values.presetId }),
    incoming: incoming.incoming,
    signIn: toSignInInput(values),
  };
  return {
    ok: true,
    input,
    // An OAuth account keeps no password: one typed before choosing OAuth is not sent.
    password: values.password === '' || values.signInChoice !== 'password' ? undefined : values.password,
    incomingPassword: incoming.password,
  };
}

/** The form filled with a saved account, for editing it. */
export function valuesFromAccount(account: Account): AccountFormValues {
  return {
    label: account.label,
    email: account.email,
    domain: account.domain,
    // A domain that is not the address's own was typed on purpose: it stops following the address.
    domainEdited: account.domain !== domainOfEmail(account.email),
    host: account.host,
    port: String(account.port),
    security: account.security,
    username: account.username,
    password: '',
    signInChoice: account.signIn?.method === 'oauth' ? account.signIn.provider : 'password',
    issuer: account.signIn?.method === 'oauth' ? account.signIn.issuer : '',
    clientId: account.signIn?.method === 'oauth' ? account.signIn.clientId : '',
    dkimSelectors: account.dkimSelectors.join(', '),
    clientGroup: account.clientGroup ?? '',
    presetId: account.presetId,
    incoming: incomingValuesFrom(account.incoming, account.username),
  };
}
