/** `mailwarden accounts add|edit|list|remove|set-password|signin|signout|clean`. */
import { parseArgs } from 'node:util';
import {
  signedInElsewhere,
  type AccountInput,
  type AccountView,
  type IncomingPasswordState,
} from '../../../preload/contract/accounts';
import { writeLine, type CliIo } from '../cli-io';
import { EXIT_OK } from '../exit-codes';
import type { AccountRunDigest } from '../../../preload/contract/account-desk';
import { serverChanged } from '../../../preload/contract/account-server';
import { accountChanges, editedInput } from '../../core/accounts/account-changes';
import { accountDigests, type AccountDigests } from '../../core/history/account-digests';
import {
  ACCOUNTS_ADD_HELP,
  ACCOUNTS_CLEAN_HELP,
  ACCOUNTS_EDIT_HELP,
  ACCOUNTS_HELP,
  ACCOUNTS_LIST_HELP,
  ACCOUNTS_REMOVE_HELP,
  ACCOUNTS_SET_PASSWORD_HELP,
} from '../help-text';
import { clientSecretFromStdin, SIGN_IN_OPTIONS, signInForAdd, signInForEdit } from './sign-in-options';
import { singleTarget } from './single-target';
import { reportSignOut, signIn, signOut } from './sign-in-command';
import { PROVIDER_PROFILES } from '../../core/oauth/oauth-providers';
import { HELP_OPTION, parseOrUsageError } from '../parse-command-args';
import { INCOMING_OPTIONS, incomingForAdd, incomingForEdit } from './incoming-options';
import { promptPassword, readPasswordFromStdin } from '../password-input';
import { jsonText, terminalText } from '../../../preload/contract/untrusted-text';
import { formatTable } from '../terminal-text';
import { parsePortArgument } from '../server-arguments';
import { runSubcommand, type ServicesFactory } from '../subcommands';
import { UsageError } from '../usage-error';

export function runAccountsCommand(
  args: readonly string[],
  io: CliIo,
  services: ServicesFactory,
): Promise<number> {
  return runSubcommand(
    'accounts',
    ACCOUNTS_HELP,
    {
      add: addAccount,
      edit: editAccount,
      list: listAccounts,
      remove: removeAccount,
      'set-password': setPassword,
      signin: signIn,
      signout: signOut,
      clean: cleanOrphans,
    },
    args,
    io,
    services,
  );
}

async function readPassword(io: CliIo, fromStdin: boolean, prompt: string): Promise<string | undefined> {
  if (fromStdin) return readPasswordFromStdin(io);
  if (io.stdin.isTTY !== true) return undefined;
  const typed = await promptPassword(io, prompt);
  return typed === '' ? undefined : typed;
}

async function addAccount(args: readonly string[], io: CliIo, services: ServicesFactory): Promise<number> {
  const { values, positionals } = parseOrUsageError('accounts add', () =>
    parseArgs({
      args: [...args],
      options: {
        email: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        security: { type: 'string' },
        user: { type: 'string' },
        label: { type: 'string' },
        domain: { type: 'string' },
        'dkim-selector': { type: 'string', multiple: true },
        client: { type: 'string' },
        preset: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        ...INCOMING_OPTIONS,
        ...SIGN_IN_OPTIONS,
        ...HELP_OPTION,
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    writeLine(io.stdout, ACCOUNTS_ADD_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0)
    throw new UsageError(`Unexpected argument "${positionals[0] ?? ''}".`, 'accounts add');
  const missing = (['email', 'host', 'port', 'security'] as const).filter(
    (name) => values[name] === undefined,
  );
  if (missing.length > 0)
    throw new UsageError(`Missing ${missing.map((name) => `--${name}`).join(', ')}.`, 'accounts add');

  let input: AccountInput = {
    email: values.email ?? '',
    host: values.host ?? '',
    port: parsePort(values.port ?? '', 'accounts add'),
    security: values.security ?? '',
    ...(values.user === undefined ? {} : { username: values.user }),
    ...(values.label === undefined ? {} : { label: values.label }),
    ...(values.domain === undefined ? {} : { domain: values.domain }),
    ...(values['dkim-selector'] === undefined ? {} : { dkimSelectors: values['dkim-selector'] }),
    ...(values.client === undefined ? {} : { clientGroup: values.client }),
    ...(values.preset === undefined ? {} : { presetId: values.preset }),
  };
  const incoming = incomingForAdd(values, 'accounts add');
  if (incoming !== undefined) input = { ...input, incoming };
  const signInInput = signInForAdd(values, 'accounts add', io.env);
  if (signInInput !== undefined) {
    // An OAuth account has no password to ask for: the refresh token comes from "accounts signin".
    if (values['password-stdin'] === true)
      throw new UsageError('An account that signs in with OAuth takes no password.', 'accounts add');
    const clientSecret = await clientSecretFromStdin(values, io);
    const account = await services().accounts.add({ ...input, signIn: signInInput }, undefined, clientSecret);
    writeLine(io.stdout, `Saved ${terminalText(account.label)} (id ${account.id}).`);
    if (clientSecret !== undefined) writeLine(io.stdout, 'Client secret stored in your system keychain.');
    const provider =
      account.signIn?.method === 'oauth' ? PROVIDER_PROFILES[account.signIn.provider].displayName : 'OAuth';
    writeLine(
      io.stdout,
      `It signs in with ${provider} (OAuth): sign in with "mailwarden accounts signin ${account.id}".`,
    );
    return EXIT_OK;
  }
  const password = await readPassword(io, values['password-stdin'] === true, 'Password (Enter to skip): ');
  const account = await services().accounts.add(input, password);
  writeLine(io.stdout, `Saved ${terminalText(account.label)} (id ${account.id}).`);
  writeLine(
    io.stdout,
    password === undefined
      ? 'No password stored yet: add one with "mailwarden accounts set-password".'
      : 'Password stored in your system keychain.',
  );
  return EXIT_OK;
}

/** The options `accounts edit` takes: every field of `accounts add`, none required. */
const EDIT_OPTIONS = {
  email: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  security: { type: 'string' },
  user: { type: 'string' },
  label: { type: 'string' },
  domain: { type: 'string' },
  'dkim-selector': { type: 'string', multiple: true },
  client: { type: 'string' },
  preset: { type: 'string' },
  ...INCOMING_OPTIONS,
  ...SIGN_IN_OPTIONS,
  ...HELP_OPTION,
} as const;

async function editAccount(args: readonly string[], io: CliIo, services: ServicesFactory): Promise<number> {
  const command = 'accounts edit';
  const { values, positionals } = parseOrUsageError(command, () =>
    parseArgs({ args: [...args], options: EDIT_OPTIONS, allowPositionals: true, strict: true }),
  );
  if (values.help === true) {
    writeLine(io.stdout, ACCOUNTS_EDIT_HELP);
    return EXIT_OK;
  }
  const target = singleTarget(positionals, command);
  const given = Object.keys(values).filter((name) => name !== 'help');
  if (given.length === 0)
    throw new UsageError('Nothing to change: give at least one option, such as --port 465.', command);

  const built = services();
  const existing = await built.accounts.resolve(target);
  const signInPatch = signInForEdit(existing, values, command, io.env);
  const clientSecret = await clientSecretFromStdin(values, io);
  const selectors = values['dkim-selector']?.filter((selector) => selector.trim() !== '');
  const patch: Partial<AccountInput> = {
    ...(values.email === undefined ? {} : { email: values.email }),
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(values.port === undefined ? {} : { port: parsePort(values.port, command) }),
    ...(values.security === undefined ? {} : { security: values.security }),
    ...(values.user === undefined ? {} : { username: values.user }),
    ...(values.label === undefined ? {} : { label: values.label }),
    ...(values.domain === undefined ? {} : { domain: values.domain }),
    ...(selectors === undefined ? {} : { dkimSelectors: selectors }),
    ...(values.client === undefined ? {} : { clientGroup: values.client }),
    ...(values.preset === undefined ? {} : { presetId: values.preset }),
    ...incomingForEdit(existing, values, command),
    ...signInPatch,
  };
  // Leaving OAuth revokes the refresh token at the provider (RFC 7009), as "accounts signout" does.
  const leavesOAuth = existing.signIn?.method === 'oauth' && patch.signIn?.method === 'password';
  const switched = leavesOAuth
    ? await built.oauth.switchToPassword(existing.id, editedInput(existing, patch))
    : null;
  const updated =
    switched?.account ?? (await built.accounts.update(existing.id, editedInput(existing, patch)));

  const changes = accountChanges(existing, updated);
  writeLine(
    io.stdout,
    changes.length === 0
      ? `Nothing changed for ${terminalText(updated.label)} (id ${updated.id}).`
      : `Saved ${terminalText(updated.label)} (id ${updated.id}):`,
  );
  for (const change of changes)
    writeLine(
      io.stdout,
      `  ${change.field}: ${terminalText(change.before) || '(none)'} -> ${terminalText(change.after) || '(none)'}`,
    );
  if (switched !== null) reportSignOut(io, switched.outcome);
  if (clientSecret !== undefined) {
    await built.accounts.setOAuthClientSecret(updated.id, clientSecret);
    writeLine(io.stdout, 'Client secret stored in your system keychain.');
  }
  if (serverChanged(existing, updated)) {
    const { runs } = await built.history.list({ kind: 'account', accountId: updated.id });
    if (runs.length > 0)
      writeLine(
        io.stdout,
        `${runs.length === 1 ? 'The earlier run' : `The ${String(runs.length)} earlier runs`} in its history ` +
          `tested another server (${terminalText(existing.host)}:${String(existing.port)}, ${existing.security}); ` +
          'they stay in its history, and the next audit tests the new one.',
      );
  }
  return EXIT_OK;
}

/**
 * Plain decimal digits only (`0x19`, `1e1`, `+25` and ` 25` are refused, as for `audit --port`); a number
 * out of range is left to the account validation, which says how it is out of range.
 */
function parsePort(text: string, command: string): number {
  return /^[0-9]{1,6}$/.test(text) ? Number(text) : parsePortArgument(text, '--port', command);
}

async function listAccounts(args: readonly string[], io: CliIo, services: ServicesFactory): Promise<number> {
  const { values, positionals } = parseOrUsageError('accounts list', () =>
    parseArgs({
      args: [...args],
      options: { json: { type: 'boolean' }, ...HELP_OPTION },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    writeLine(io.stdout, ACCOUNTS_LIST_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0)
    throw new UsageError(`Unexpected argument "${positionals[0] ?? ''}".`, 'accounts list');
  const built = services();
  const list = await built.accounts.list();
  for (const warning of list.warnings) writeLine(io.stderr, `Warning: ${warning}`);
  if (values.json === true) {
    writeLine(io.stdout, jsonText(list.accounts));
    return EXIT_OK;
  }
  if (list.accounts.length === 0) {
    writeLine(io.stdout, 'No accounts yet. Add one with "mailwarden accounts add --help".');
    return EXIT_OK;
  }
  // The last run of each account as the history stored it; without a readable history the list still prints.
  const lastRuns: AccountDigests['lastRuns'] = await accountDigests(built.history).then(
    (digests) => digests.lastRuns,
    () => ({}),
  );
  writeLine(
    io.stdout,
    formatTable(
      [
        'ID',
        'LABEL',
        'EMAIL',
        'SERVER',
        'SECURITY',
        'PASSWORD',
        'INCOMING',
        'INCOMING PASSWORD',
        'CLIENT',
        'LAST TEST',
      ],
      list.accounts.map((account) => accountRow(account, lastRuns[account.id])),
    ),
  );
  const withoutPassword = list.accounts.filter(
    (account) => account.hasPassword === 'missing' && account.signIn?.method !== 'oauth',
  );
  if (withoutPassword.length > 0) {
    writeLine(
      io.stdout,
      `\n${withoutPassword.length === 1 ? '1 account has' : `${withoutPassword.length} accounts have`} ` +
        'no password stored; give one with "mailwarden accounts set-password ID".',
    );
  }
  for (const account of list.accounts) {
    const elsewhere = signedInElsewhere(account);
    if (elsewhere !== null)
      writeLine(
        io.stdout,
        `\nWarning: ${terminalText(account.label)} (id ${account.id}) is signed in as ${terminalText(elsewhere)}, ` +
          `not ${terminalText(account.email)}: its tests would prove that other mailbox. Sign in again as ` +
          `${terminalText(account.email)} with "mailwarden accounts signin ${account.id}".`,
      );
  }
  const withoutReadPassword = list.accounts.filter((account) => account.incomingPassword === 'missing');
  if (withoutReadPassword.length > 0) {
    writeLine(
      io.stdout,
      `\n${withoutReadPassword.length === 1 ? '1 incoming server has' : `${withoutReadPassword.length} incoming servers have`} ` +
        'its own password but none is stored; give one with "mailwarden accounts set-password ID --incoming".',
    );
  }
  return EXIT_OK;
}

async function cleanOrphans(args: readonly string[], io: CliIo, services: ServicesFactory): Promise<number> {
  const { values, positionals } = parseOrUsageError('accounts clean', () =>
    parseArgs({
      args: [...args],
      options: { yes: { type: 'boolean' }, ...HELP_OPTION },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    writeLine(io.stdout, ACCOUNTS_CLEAN_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0)
    throw new UsageError(`Unexpected argument "${terminalText(positionals[0] ?? '')}".`, 'accounts clean');
  const { accounts } = services();
  const { accountIds } = await accounts.orphanedPasswords();
  if (accountIds.length === 0) {
    writeLine(io.stdout, 'Every password in your keychain belongs to an account. Nothing to clean.');
    return EXIT_OK;
  }
  if (values.yes !== true) {
    writeLine(io.stdout, 'These keychain passwords belong to no account in this data folder:');
    for (const id of accountIds) writeLine(io.stdout, `  ${terminalText(id)}`);
    writeLine(io.stdout, 'Run "mailwarden accounts clean --yes" to delete them.');
    return EXIT_OK;
  }
  const removed = await accounts.removeOrphanedPasswords();
  writeLine(
    io.stdout,
    `Deleted ${removed === 1 ? '1 password' : `${removed} passwords`} that belonged to no account.`,
  );
  return EXIT_OK;
}

function accountRow(account: AccountView, digest: AccountRunDigest | undefined): string[] {
  return [
    account.id,
    account.label,
    account.email,
    `${account.host}:${account.port}`,
    account.security,
    account.signIn?.method === 'oauth' ? oauthStateText(account) : account.hasPassword,
    incomingText(account),
    incomingPasswordText(account.incomingPassword ?? null),
    account.clientGroup ?? '',
    digest === undefined ? 'not tested yet' : lastTestText(digest),
  ];
}

/** "oauth signed in as ann@example.com", "oauth not signed in", or "oauth unknown" (keychain locked). */
function oauthStateText(account: AccountView): string {
  switch (account.hasPassword) {
    case 'stored': {
      const address = account.signIn?.method === 'oauth' ? account.signIn.signedInAs : undefined;
      return address === undefined ? 'oauth signed in' : `oauth signed in as ${address}`;
    }
    case 'missing':
      return 'oauth not signed in';
    case 'unknown':
      return 'oauth unknown';
  }
}

/** "imap imap.example.com:993 tls", or "none". */
function incomingText({ incoming }: AccountView): string {
  if (incoming === undefined || incoming === null) return 'none';
  return `${incoming.protocol} ${incoming.host}:${String(incoming.port)} ${incoming.security}`;
}

/** Whose password reading uses: the sending one, or its own keychain entry and whether it is there. */
function incomingPasswordText(state: IncomingPasswordState | null): string {
  switch (state) {
    case null:
      return '';
    case 'shared':
      return 'shared with sending';
    case 'stored':
      return 'own, stored';
    case 'missing':
      return 'own, missing';
    case 'unknown':
      return 'own, unknown';
  }
}

/** "B 2026-11-27" (grade as stored, date of the run), "cancelled" when that run did not finish. */
function lastTestText({ last }: AccountRunDigest): string {
  const day = last.finishedAt.slice(0, 10);
  if (last.cancelled) return `cancelled ${day}`;
  return `${last.overall?.grade ?? 'no grade'} ${day}`;
}

async function removeAccount(args: readonly string[], io: CliIo, services: ServicesFactory): Promise<number> {
  const { values, positionals } = parseOrUsageError('accounts remove', () =>
    parseArgs({ args: [...args], options: HELP_OPTION, allowPositionals: true, strict: true }),
  );
  if (values.help === true) {
    writeLine(io.stdout, ACCOUNTS_REMOVE_HELP);
    return EXIT_OK;
  }
  const { accounts } = services();
  const account = await accounts.resolve(singleTarget(positionals, 'accounts remove'));
  await accounts.remove(account.id);
  writeLine(io.stdout, `Removed ${terminalText(account.label)} and its keychain password.`);
  return EXIT_OK;
}

async function setPassword(args: readonly string[], io: CliIo, services: ServicesFactory): Promise<number> {
  const { values, positionals } = parseOrUsageError('accounts set-password', () =>
    parseArgs({
      args: [...args],
      options: { 'password-stdin': { type: 'boolean' }, incoming: { type: 'boolean' }, ...HELP_OPTION },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    writeLine(io.stdout, ACCOUNTS_SET_PASSWORD_HELP);
    return EXIT_OK;
  }
  const { accounts } = services();
  const account = await accounts.resolve(singleTarget(positionals, 'accounts set-password'));
  // Refused before asking, so nobody types a password that would not be used.
  if (account.signIn?.method === 'oauth' && values.incoming !== true)
    throw new UsageError(
      `${terminalText(account.label)} signs in with OAuth, not a password: sign in with "mailwarden accounts signin ${account.id}".`,
      'accounts set-password',
    );
  const password = await readPassword(
    io,
    values['password-stdin'] === true,
    values.incoming === true
      ? `New incoming-server password for ${terminalText(account.email)}: `
      : `New password for ${terminalText(account.email)}: `,
  );
  if (password === undefined)
    throw new UsageError(
      'No password given: pipe it in with --password-stdin or type it at the prompt.',
      'accounts set-password',
    );
  if (values.incoming === true) {
    await accounts.setIncomingPassword(account.id, password);
    writeLine(
      io.stdout,
      `Incoming-server password for ${terminalText(account.label)} stored in your system keychain.`,
    );
    return EXIT_OK;
  }
  await accounts.setPassword(account.id, password);
  writeLine(io.stdout, `Password for ${terminalText(account.label)} stored in your system keychain.`);
  return EXIT_OK;
}
