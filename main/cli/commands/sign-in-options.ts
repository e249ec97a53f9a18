/**
 * The `--auth`, `--provider`, `--issuer` and `--client-id` options of `accounts add` and `accounts
 * edit`: how the account signs in. `--auth oauth` needs a provider (microsoft, google, or oidc with an
 * issuer URL) and the client ID registered with it; `--auth password` goes back to a password.
 */
import type { Account, SignInMethodInput } from '../../../preload/contract/accounts';
import { UsageError } from '../usage-error';

export const SIGN_IN_OPTIONS = {
  auth: { type: 'string' },
  provider: { type: 'string' },
  issuer: { type: 'string' },
  'client-id': { type: 'string' },
} as const;

export interface SignInValues {
  readonly auth?: string | undefined;
  readonly provider?: string | undefined;
  readonly issuer?: string | undefined;
  readonly 'client-id'?: string | undefined;
}

const AUTH_METHODS = ['password', 'oauth'] as const;

function oauthDetailsGiven(values: SignInValues): boolean {
  return values.provider !== undefined || values.issuer !== undefined || values['client-id'] !== undefined;
}

function checkedAuth(values: SignInValues, command: string): 'password' | 'oauth' | undefined {
  if (values.auth === undefined) return undefined;
  const auth = values.auth.trim().toLowerCase();
  if (auth === 'password' || auth === 'oauth') return auth;
  throw new UsageError(`--auth must be one of: ${AUTH_METHODS.join(', ')}.`, command);
}

/** The sign-in method of a new account; undefined for a password (the default). */
export function signInForAdd(values: SignInValues, command: string): SignInMethodInput | undefined {
  const auth = checkedAuth(values, command);
  if (auth !== 'oauth') {
    if (oauthDetailsGiven(values))
      throw new UsageError('--provider, --issuer and --client-id go with --auth oauth.', command);
    return undefined;
  }
  if (values.provider === undefined)
    throw new UsageError('--auth oauth needs --provider microsoft, google or oidc.', command);
  return {
    method: 'oauth',
    provider: values.provider,
    ...(values.issuer === undefined ? {} : { issuer: values.issuer }),
    clientId: values['client-id'] ?? '',
  };
}

/** The edited sign-in method: only the options given change; undefined keeps the saved method. */
export function signInForEdit(
  existing: Account,
  values: SignInValues,
  command: string,
): { signIn?: SignInMethodInput } {
  const auth = checkedAuth(values, command);
  if (auth === 'password') {
    if (oauthDetailsGiven(values))
      throw new UsageError('--provider, --issuer and --client-id go with --auth oauth.', command);
    return { signIn: { method: 'password' } };
  }
  if (auth === undefined && !oauthDetailsGiven(values)) return {};
  const saved = existing.signIn?.method === 'oauth' ? existing.signIn : null;
  if (auth === undefined && saved === null)
    throw new UsageError(
      `${existing.label} signs in with a password; add --auth oauth to switch it to OAuth.`,
      command,
    );
  const provider = values.provider ?? saved?.provider;
  if (provider === undefined)
    throw new UsageError('--auth oauth needs --provider microsoft, google or oidc.', command);
  // A new provider starts from its own issuer unless one is given; the same provider keeps the saved one.
  const issuer = values.issuer ?? (provider === saved?.provider ? saved.issuer : undefined);
  return {
    signIn: {
      method: 'oauth',
      provider,
      ...(issuer === undefined ? {} : { issuer }),
      clientId: values['client-id'] ?? saved?.clientId ?? '',
    },
  };
}
