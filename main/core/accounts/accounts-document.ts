/**
 * The on-disk format of the accounts file (accounts.json), version by version.
 *
 * Version 1: `{ schemaVersion: 1, accounts: Account[] }`.
 * Version 2: every account gains `incoming`: the server it reads mail from (IMAP or POP3), or null. A
 * version 1 account had none, so it migrates to `incoming: null` with every other field kept as it was.
 * Version 3: every account gains `signIn`: `{ method: 'password' }`, or OAuth with its provider, issuer
 * and client ID. Every account before it signed in with a password, so it migrates to that, nothing else
 * changed. The refresh token of an OAuth account is never in this file (keychain key `<id>/oauth`).
 * Version 4: an OAuth sign-in may carry `signedInAs`, the address the provider said was signed in. A
 * version 3 file had none, so it migrates unchanged (the address appears at the next sign-in); the
 * version changes so an older Mailwarden refuses a file it would misread rather than drop the address.
 * Add a migration here before changing the shape; never edit what an older version meant.
 */
// A namespace import lets the bundler keep only the parts of zod in use (issue 15, cold start).
import * as z from 'zod';
import { INCOMING_PROTOCOLS, OAUTH_PROVIDERS, SECURITY_MODES } from '../../../preload/contract/accounts';
import type { AccountsDocument } from '../ports';

export const ACCOUNTS_FILE_NAME = 'accounts.json';
/** Held while a process changes the accounts or their passwords (see file-lock.ts). */
export const ACCOUNTS_LOCK_FILE_NAME = 'accounts.json.lock';
export const ACCOUNTS_SCHEMA_VERSION = 4;

const storedAccount = z.strictObject({
  id: z.string().min(1).max(64),
  label: z.string().max(200),
  email: z.string().max(320),
  domain: z.string().max(253),
  host: z.string().max(253),
  port: z.number().int().min(1).max(65535),
  security: z.enum(SECURITY_MODES),
  username: z.string().max(320),
  dkimSelectors: z.array(z.string().max(253)).max(50),
  clientGroup: z.string().max(200).nullable(),
  presetId: z.string().max(64).nullable(),
  incoming: z
    .strictObject({
      protocol: z.enum(INCOMING_PROTOCOLS),
      host: z.string().max(253),
      port: z.number().int().min(1).max(65535),
      security: z.enum(SECURITY_MODES),
      username: z.string().max(320),
      ownPassword: z.boolean(),
    })
    .nullable(),
  signIn: z.discriminatedUnion('method', [
    z.strictObject({ method: z.literal('password') }),
    z.strictObject({
      method: z.literal('oauth'),
      provider: z.enum(OAUTH_PROVIDERS),
      issuer: z.url({ protocol: /^https$/ }).max(2048),
      clientId: z.string().min(1).max(256),
      signedInAs: z.string().max(320).optional(),
    }),
  ]),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const accountsDocument = z.strictObject({ accounts: z.array(storedAccount) });

/** Adds `extra` to every account that is an object; anything else is left for the parser to refuse. */
function withEveryAccount(
  fields: Record<string, unknown>,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const { accounts } = fields;
  if (!Array.isArray(accounts)) return fields;
  return {
    ...fields,
    accounts: accounts.map((account: unknown) =>
      typeof account === 'object' && account !== null && !Array.isArray(account)
        ? { ...account, ...extra }
        : account,
    ),
  };
}

/** Version 1 -> 2: no account had an incoming server yet; everything else is kept untouched. */
function fromVersion1(fields: Record<string, unknown>): Record<string, unknown> {
  return withEveryAccount(fields, { incoming: null });
}

/** Version 2 -> 3: every account signed in with its (keychain) password; everything else is kept. */
function fromVersion2(fields: Record<string, unknown>): Record<string, unknown> {
  return withEveryAccount(fields, { signIn: { method: 'password' } });
}

/** Version 3 -> 4: no sign-in recorded its address yet; nothing changes. */
function fromVersion3(fields: Record<string, unknown>): Record<string, unknown> {
  return fields;
}

export const ACCOUNTS_FORMAT = {
  currentVersion: ACCOUNTS_SCHEMA_VERSION,
  migrations: { 1: fromVersion1, 2: fromVersion2, 3: fromVersion3 },
  parse(
    fields: Record<string, unknown>,
  ): { ok: true; value: AccountsDocument } | { ok: false; reason: string } {
    const result = accountsDocument.safeParse(fields);
    if (result.success) return { ok: true, value: result.data };
    const issue = result.error.issues[0];
    const where = issue === undefined ? '' : ` (at ${issue.path.join('.') || 'the top level'})`;
    return { ok: false, reason: `its contents do not match the accounts format${where}` };
  },
};
