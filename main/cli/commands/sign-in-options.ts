/**
 * The `--auth`, `--provider`, `--issuer` and `--client-id` options of `accounts add` and `accounts
 * edit`: how the account signs in. `--auth oauth` needs a provider (microsoft, google, or oidc with an
 * issuer URL) and the client ID registered with it (`--client-id`, else MAILWARDEN_<PROVIDER>_CLIENT_ID);
 * `--auth password` goes back to a password.
 */
import type { Account, SignInMethodInput } from '../../../preload/contract/accounts';
import { defaultClientId, defaultClientIdVariable, knownProvider } from '../../core/oauth/default-client-id';
import { PROVIDER_PROFILES } from '../../core/oauth/oauth-providers';
import type { CliIo } from '../cli-io';
import { readPasswordFromStdin } from '../password-input';
import { UsageError } from '../usage-error';

export const SIGN_IN_OPTIONS = {
  auth: { type: 'string' },
  provider: { type: 'string' },
  issuer: { type: 'string' },
  'client-id': { type: 'string' },
  // Read from standard input, never from argv: the process list shows argv to every user of the machine.
  'client-secret-stdin': { type: 'boolean' },
} as const;

export interface SignInValues {
  readonly auth?: string | undefined;
  readonly provider?: string | undefined;
  readonly issuer?: string | undefined;
  readonly 'client-id'?: string | undefined;
  readonly 'client-secret-stdin'?: boolean | undefined;
}

const AUTH_METHODS = ['password', 'oauth'] as const;

function oauthDetailsGiven(values: SignInValues): boolean {
  return (
    values.provider !== undefined ||
    values.issuer !== undefined ||
    values['client-id'] !== undefined ||
    values['client-secret-stdin'] !== undefined
  );
}

function checkedAuth(values: SignInValues, command: string): 'password' | 'oauth' | undefined {
  if (values.auth === undefined) return undefined;
  const auth = values.auth.trim().toLowerCase();
  if (auth === 'password' || auth === 'oauth') return auth;
  throw new UsageError(`--auth must be one of: ${AUTH_METHODS.join(', ')}.`, command);
}

/**
 * The client ID to save: the one given with --client-id, else the configured default for a known
 * provider (MAILWARDEN_<PROVIDER>_CLIENT_ID); with neither, a usage error naming both ways. An unknown
 * provider is left to the account validation, which lists the known ones.
 */
function clientIdFor(
  provider: string,
  given: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  command: string,
): string {
  if (given !== undefined) return given;
  const known = knownProvider(provider);
  if (known === null) return '';
  const configured = defaultClientId(known, env);
  if (configured !== null) return configured;
  throw new UsageError(
    `Signing in with ${PROVIDER_PROFILES[known].displayName} needs the client ID you registered with it: ` +
      `give --client-id ID, or set ${defaultClientIdVariable(known)} (see docs/oauth.md); ` +
      'Mailwarden ships none of its own.',
    command,
  );
}

/** The sign-in method of a new account; undefined for a password (the default). */
export function signInForAdd(
  values: SignInValues,
  command: string,
  env: Readonly<Record<string, string | undefined>>,
): SignInMethodInput | undefined {
  const auth = checkedAuth(values, command);
  if (auth !== 'oauth') {
    if (oauthDetailsGiven(values))
      throw new UsageError(
        '--provider, --issuer, --client-id and --client-secret-stdin go with --auth oauth.',
        command,
      );
    return undefined;
  }
  if (values.provider === undefined)
    throw new UsageError('--auth oauth needs --provider microsoft, google or oidc.', command);
  return {
    method: 'oauth',
    provider: values.provider,
    ...(values.issuer === undefined ? {} : { issuer: values.issuer }),
    clientId: clientIdFor(values.provider, values['client-id'], env, command),
  };
}

/** The edited sign-in method: only the options given change; undefined keeps the saved method. */
export function signInForEdit(
  existing: Account,
  values: SignInValues,
  command: string,
  env: Readonly<Record<string, string | undefined>>,
): { signIn?: SignInMethodInput } {
  const auth = checkedAuth(values, command);
  if (auth === 'password') {
    if (oauthDetailsGiven(values))
      throw new UsageError(
        '--provider, --issuer, --client-id and --client-secret-stdin go with --auth oauth.',
        command,
      );
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
      // The saved client ID belongs to the saved provider; another provider takes the configured default.
      clientId:
        values['client-id'] ??
        (saved !== null && knownProvider(provider) === saved.provider
          ? saved.clientId
          : clientIdFor(provider, undefined, env, command)),
    },
  };
}

/** The OAuth client's secret piped to --client-secret-stdin, or undefined when the option is not given. */
export async function clientSecretFromStdin(values: SignInValues, io: CliIo): Promise<string | undefined> {
  if (values['client-secret-stdin'] !== true) return undefined;
  return readPasswordFromStdin(io, { name: 'client secret', option: '--client-secret-stdin' });
}
