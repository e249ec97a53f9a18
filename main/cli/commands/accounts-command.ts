/** `mailwarden accounts add|list|remove|set-password`. */
import { parseArgs } from 'node:util';
import type { AccountInput, AccountView } from '../../../preload/contract/accounts';
import { writeLine, type CliIo } from '../cli-io';
import { EXIT_OK } from '../exit-codes';
import {
  ACCOUNTS_ADD_HELP,
  ACCOUNTS_CLEAN_HELP,
  ACCOUNTS_HELP,
  ACCOUNTS_LIST_HELP,
  ACCOUNTS_REMOVE_HELP,
  ACCOUNTS_SET_PASSWORD_HELP,
} from '../help-text';
import { HELP_OPTION, parseOrUsageError } from '../parse-command-args';
import { promptPassword, readPasswordFromStdin } from '../password-input';
import { formatTable, terminalSafe } from '../terminal-text';
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
      list: listAccounts,
      remove: removeAccount,
      'set-password': setPassword,
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

  const input: AccountInput = {
    email: values.email ?? '',
    host: values.host ?? '',
    port: parsePort(values.port ?? ''),
    security: values.security ?? '',
    ...(values.user === undefined ? {} : { username: values.user }),
    ...(values.label === undefined ? {} : { label: values.label }),
    ...(values.domain === undefined ? {} : { domain: values.domain }),
    ...(values['dkim-selector'] === undefined ? {} : { dkimSelectors: values['dkim-selector'] }),
    ...(values.client === undefined ? {} : { clientGroup: values.client }),
    ...(values.preset === undefined ? {} : { presetId: values.preset }),
  };
  const password = await readPassword(io, values['password-stdin'] === true, 'Password (Enter to skip): ');
  const account = await services().accounts.add(input, password);
  writeLine(io.stdout, `Saved ${terminalSafe(account.label)} (id ${account.id}).`);
  writeLine(
    io.stdout,
    password === undefined
      ? 'No password stored yet: add one with "mailwarden accounts set-password".'
      : 'Password stored in your system keychain.',
  );
  return EXIT_OK;
}

/** Keeps the number as typed when it is not a plain integer, so validation can name the problem. */
function parsePort(text: string): number {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
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
  const list = await services().accounts.list();
  for (const warning of list.warnings) writeLine(io.stderr, `Warning: ${warning}`);
  if (values.json === true) {
    writeLine(io.stdout, JSON.stringify(list.accounts, null, 2));
    return EXIT_OK;
  }
  if (list.accounts.length === 0) {
    writeLine(io.stdout, 'No accounts yet. Add one with "mailwarden accounts add --help".');
    return EXIT_OK;
  }
  writeLine(
    io.stdout,
    formatTable(
      ['ID', 'LABEL', 'EMAIL', 'SERVER', 'SECURITY', 'PASSWORD', 'CLIENT'],
      list.accounts.map(accountRow),
    ),
  );
  const withoutPassword = list.accounts.filter((account) => account.hasPassword === 'missing');
  if (withoutPassword.length > 0) {
    writeLine(
      io.stdout,
      `\n${withoutPassword.length === 1 ? '1 account has' : `${withoutPassword.length} accounts have`} ` +
        'no password stored; give one with "mailwarden accounts set-password ID".',
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
    throw new UsageError(`Unexpected argument "${terminalSafe(positionals[0] ?? '')}".`, 'accounts clean');
  const { accounts } = services();
  const { accountIds } = await accounts.orphanedPasswords();
  if (accountIds.length === 0) {
    writeLine(io.stdout, 'Every password in your keychain belongs to an account. Nothing to clean.');
    return EXIT_OK;
  }
  if (values.yes !== true) {
    writeLine(io.stdout, 'These keychain passwords belong to no account in this data folder:');
    for (const id of accountIds) writeLine(io.stdout, `  ${terminalSafe(id)}`);
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

function accountRow(account: AccountView): string[] {
  return [
    account.id,
    account.label,
    account.email,
    `${account.host}:${account.port}`,
    account.security,
    account.hasPassword,
    account.clientGroup ?? '',
  ];
}

function singleTarget(positionals: readonly string[], command: string): string {
  if (positionals.length !== 1 || positionals[0] === undefined)
    throw new UsageError('Name exactly one account, by id or email address.', command);
  return positionals[0];
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
  writeLine(io.stdout, `Removed ${terminalSafe(account.label)} and its keychain password.`);
  return EXIT_OK;
}

async function setPassword(args: readonly string[], io: CliIo, services: ServicesFactory): Promise<number> {
  const { values, positionals } = parseOrUsageError('accounts set-password', () =>
    parseArgs({
      args: [...args],
      options: { 'password-stdin': { type: 'boolean' }, ...HELP_OPTION },
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
  const password = await readPassword(
    io,
    values['password-stdin'] === true,
    `New password for ${terminalSafe(account.email)}: `,
  );
  if (password === undefined)
    throw new UsageError(
      'No password given: pipe it in with --password-stdin or type it at the prompt.',
      'accounts set-password',
    );
  await accounts.setPassword(account.id, password);
  writeLine(io.stdout, `Password for ${terminalSafe(account.label)} stored in your system keychain.`);
  return EXIT_OK;
}
