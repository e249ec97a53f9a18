/**
 * The on-disk format of the accounts file (accounts.json), version by version.
 *
 * Version 1: `{ schemaVersion: 1, accounts: Account[] }`.
 * Version 2: every account gains `incoming`: the server it reads mail from (IMAP or POP3), or null. A
 * version 1 account had none, so it migrates to `incoming: null` with every other field kept as it was.
 * Add a migration here before changing the shape; never edit what an older version meant.
 */
// A namespace import lets the bundler keep only the parts of zod in use (issue 15, cold start).
import * as z from 'zod';
import { INCOMING_PROTOCOLS, SECURITY_MODES } from '../../../preload/contract/accounts';
import type { AccountsDocument } from '../ports';

export const ACCOUNTS_FILE_NAME = 'accounts.json';
/** Held while a process changes the accounts or their passwords (see file-lock.ts). */
export const ACCOUNTS_LOCK_FILE_NAME = 'accounts.json.lock';
export const ACCOUNTS_SCHEMA_VERSION = 2;

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
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const accountsDocument = z.strictObject({ accounts: z.array(storedAccount) });

/** Version 1 -> 2: no account had an incoming server yet; everything else is kept untouched. */
function fromVersion1(fields: Record<string, unknown>): Record<string, unknown> {
  const { accounts } = fields;
  if (!Array.isArray(accounts)) return fields;
  return {
    ...fields,
    accounts: accounts.map((account: unknown) =>
      typeof account === 'object' && account !== null && !Array.isArray(account)
        ? { ...account, incoming: null }
        : account,
    ),
  };
}

export const ACCOUNTS_FORMAT = {
  currentVersion: ACCOUNTS_SCHEMA_VERSION,
  migrations: { 1: fromVersion1 },
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
