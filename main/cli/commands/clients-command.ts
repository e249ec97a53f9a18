/** `mailwarden clients runs|rename`: the client runs kept in the data folder, and renaming a client. */
import { worstGrade, type ClientRun } from '../../../preload/contract/clients';
import { jsonText, terminalText } from '../../../preload/contract/untrusted-text';
import { writeLine, type CliIo } from '../cli-io';
import { EXIT_OK } from '../exit-codes';
import { CLIENTS_HELP, CLIENTS_RENAME_HELP, CLIENTS_RUNS_HELP } from '../help-text';
import { parseSubcommandArgs as parse, printHelp as help } from '../parse-command-args';
import { runSubcommand, type ServicesFactory } from '../subcommands';
import { formatTable } from '../terminal-text';
import { UsageError } from '../usage-error';

export function runClientsCommand(
  args: readonly string[],
  io: CliIo,
  services: ServicesFactory,
): Promise<number> {
  return runSubcommand('clients', CLIENTS_HELP, { runs: listRuns, rename }, args, io, services);
}

async function listRuns(args: readonly string[], io: CliIo, services: ServicesFactory): Promise<number> {
  const command = 'clients runs';
  const { values, positionals } = parse(command, args, { json: { type: 'boolean' } });
  if (values.help === true) return help(io, CLIENTS_RUNS_HELP);
  if (positionals.length > 1)
    throw new UsageError('Name at most one client (quote a name with spaces).', command);
  const listing = await services().clients.list(positionals[0]);
  for (const warning of listing.warnings) writeLine(io.stderr, `Warning: ${warning}`);
  if (values.json === true) writeLine(io.stdout, jsonText(listing));
  else if (listing.runs.length === 0)
    writeLine(
      io.stdout,
      positionals[0] === undefined
        ? 'No client runs yet. Test all of a client\'s accounts with "mailwarden audit --client NAME".'
        : `No client runs for "${terminalText(positionals[0])}" yet.`,
    );
  else writeLine(io.stdout, runsTable(listing.runs));
  return EXIT_OK;
}

async function rename(args: readonly string[], io: CliIo, services: ServicesFactory): Promise<number> {
  const command = 'clients rename';
  const { values, positionals } = parse(command, args, {});
  if (values.help === true) return help(io, CLIENTS_RENAME_HELP);
  const [from, to] = positionals;
  if (positionals.length !== 2 || from === undefined || to === undefined)
    throw new UsageError('Give the client to rename and its new name: clients rename OLD NEW.', command);
  const renamed = await services().clients.rename(from, to);
  writeLine(
    io.stdout,
    `Renamed "${terminalText(from.trim())}" to "${terminalText(renamed.client)}" on ${accountsText(renamed.accounts)}; their history stays.`,
  );
  return EXIT_OK;
}

function runsTable(runs: readonly ClientRun[]): string {
  const rows = runs.map((run) => {
    const tested = run.accounts.filter((account) => account.runId !== null).length;
    return [
      run.startedAt.slice(0, 16).replace('T', ' '),
      run.client,
      `${String(tested)}/${String(run.accounts.length)}`,
      worstGrade(run) ?? '-',
      String(run.accounts.reduce((sum, account) => sum + account.problems, 0)),
      run.id,
    ];
  });
  return formatTable(['Started (UTC)', 'Client', 'Tested', 'Worst grade', 'Problems', 'Client run id'], rows);
}

function accountsText(count: number): string {
  return count === 1 ? '1 account' : `${String(count)} accounts`;
}
