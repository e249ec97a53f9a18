/**
 * The `--incoming-*` options of `accounts add` and `accounts edit`: the server the account reads mail
 * from (IMAP or POP3). On add they make a new incoming server; on edit they change the saved one, and
 * `--incoming-host ""` removes it.
 */
import type { Account, IncomingServerInput } from '../../../preload/contract/accounts';
import { UsageError } from '../usage-error';

export const INCOMING_OPTIONS = {
  'incoming-protocol': { type: 'string' },
  'incoming-host': { type: 'string' },
  'incoming-port': { type: 'string' },
  'incoming-security': { type: 'string' },
  'incoming-user': { type: 'string' },
  'incoming-own-password': { type: 'boolean' },
} as const;

export interface IncomingValues {
  readonly 'incoming-protocol'?: string | undefined;
  readonly 'incoming-host'?: string | undefined;
  readonly 'incoming-port'?: string | undefined;
  readonly 'incoming-security'?: string | undefined;
  readonly 'incoming-user'?: string | undefined;
  readonly 'incoming-own-password'?: boolean | undefined;
}

const REQUIRED = ['incoming-protocol', 'incoming-host', 'incoming-port', 'incoming-security'] as const;

function given(values: IncomingValues): boolean {
  return Object.values(pick(values)).some((value) => value !== undefined);
}

function pick(values: IncomingValues): IncomingValues {
  return {
    'incoming-protocol': values['incoming-protocol'],
    'incoming-host': values['incoming-host'],
    'incoming-port': values['incoming-port'],
    'incoming-security': values['incoming-security'],
    'incoming-user': values['incoming-user'],
    'incoming-own-password': values['incoming-own-password'],
  };
}

/** Keeps the number as typed when it is not a plain integer, so validation can name the problem. */
function parsePort(text: string): number {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

/** For `accounts add`: no incoming options, no incoming server; some of them, all four main ones. */
export function incomingForAdd(values: IncomingValues, command: string): IncomingServerInput | undefined {
  if (!given(values)) return undefined;
  const missing = REQUIRED.filter((name) => values[name] === undefined);
  if (missing.length > 0)
    throw new UsageError(
      `An incoming server needs ${missing.map((name) => `--${name}`).join(', ')} as well.`,
      command,
    );
  return {
    protocol: values['incoming-protocol'] ?? '',
    host: values['incoming-host'] ?? '',
    port: parsePort(values['incoming-port'] ?? ''),
    security: values['incoming-security'] ?? '',
    ...(values['incoming-user'] === undefined ? {} : { username: values['incoming-user'] }),
    ...(values['incoming-own-password'] === true ? { ownPassword: true } : {}),
  };
}

/**
 * For `accounts edit`: the patch's `incoming`, or nothing when no incoming option was given. An account
 * without an incoming server needs the four main options to gain one.
 */
export function incomingForEdit(
  existing: Account,
  values: IncomingValues,
  command: string,
): { readonly incoming: IncomingServerInput | null } | Record<string, never> {
  if (!given(values)) return {};
  if (values['incoming-host']?.trim() === '') return { incoming: null };
  const saved = existing.incoming ?? null;
  if (saved === null) {
    const created = incomingForAdd(values, command);
    return created === undefined ? {} : { incoming: created };
  }
  return {
    incoming: {
      protocol: values['incoming-protocol'] ?? saved.protocol,
      host: values['incoming-host'] ?? saved.host,
      port: values['incoming-port'] === undefined ? saved.port : parsePort(values['incoming-port']),
      security: values['incoming-security'] ?? saved.security,
      username: values['incoming-user'] ?? saved.username,
      ownPassword: values['incoming-own-password'] ?? saved.ownPassword,
    },
  };
}
