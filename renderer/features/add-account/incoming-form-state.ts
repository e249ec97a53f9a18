/**
 * The incoming (reading) server part of the account form: what the person typed, the standard port that
 * follows the protocol and security until they type their own, and how it becomes the AccountInput's
 * `incoming` (null: no incoming server, which on an edit removes the saved one).
 */
import type {
  IncomingProtocolName,
  IncomingServer,
  IncomingServerInput,
  SecurityMode,
} from '../../../preload/contract/accounts';
import { parsePort } from '../../lib/email';

/** `none`: the account has no incoming server in Mailwarden. */
export type IncomingChoice = 'none' | IncomingProtocolName;

export interface IncomingFormValues {
  readonly choice: IncomingChoice;
  readonly host: string;
  readonly port: string;
  readonly security: SecurityMode;
  /** Empty: the sending username. */
  readonly username: string;
  /** False: reading uses the sending password (the usual case). */
  readonly ownPassword: boolean;
  /** Only with ownPassword; sent once to the keychain, then forgotten. Empty on an edit keeps it. */
  readonly password: string;
}

/** IMAP over implicit TLS on 993 (RFC 8314 section 3.3) is what a new incoming server starts with. */
export const INITIAL_INCOMING: IncomingFormValues = {
  choice: 'none',
  host: '',
  port: '993',
  security: 'tls',
  username: '',
  ownPassword: false,
  password: '',
};

/** 993/995 for implicit TLS (RFC 8314 section 3.3), 143/110 in clear text or with STARTTLS / STLS. */
export function standardIncomingPort(protocol: IncomingProtocolName, security: SecurityMode): number {
  if (protocol === 'imap') return security === 'tls' ? 993 : 143;
  return security === 'tls' ? 995 : 110;
}

/** A change of protocol or security moves a port still at its standard value to the new standard one. */
export function withIncomingChange(
  values: IncomingFormValues,
  patch: Partial<IncomingFormValues>,
): IncomingFormValues {
  const next = { ...values, ...patch };
  const moved = next.choice !== values.choice || next.security !== values.security;
  if (!moved || patch.port !== undefined || values.choice === 'none' || next.choice === 'none') return next;
  const wasStandard = values.port === String(standardIncomingPort(values.choice, values.security));
  return wasStandard ? { ...next, port: String(standardIncomingPort(next.choice, next.security)) } : next;
}

export type IncomingConversion =
  | {
      readonly ok: true;
      readonly incoming: IncomingServerInput | null;
      /** The incoming server's own password, to store after the account is saved. */
      readonly password: string | undefined;
    }
  | { readonly ok: false; readonly field: 'incomingPort' };

export function toIncomingInput(values: IncomingFormValues): IncomingConversion {
  if (values.choice === 'none') return { ok: true, incoming: null, password: undefined };
  const port = parsePort(values.port);
  if (port === null) return { ok: false, field: 'incomingPort' };
  const username = values.username.trim();
  return {
    ok: true,
    incoming: {
      protocol: values.choice,
      host: values.host.trim(),
      port,
      security: values.security,
      ...(username === '' ? {} : { username }),
      ownPassword: values.ownPassword,
    },
    password: values.ownPassword && values.password !== '' ? values.password : undefined,
  };
}

/** The section filled with a saved incoming server; a username equal to sending's stays empty. */
export function incomingValuesFrom(
  incoming: IncomingServer | null | undefined,
  sendingUsername: string,
): IncomingFormValues {
  if (incoming === undefined || incoming === null) return INITIAL_INCOMING;
  return {
    choice: incoming.protocol,
    host: incoming.host,
    port: String(incoming.port),
    security: incoming.security,
    username: incoming.username === sendingUsername ? '' : incoming.username,
    ownPassword: incoming.ownPassword,
    password: '',
  };
}
