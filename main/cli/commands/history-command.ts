/** `mailwarden history list|show|compare|delete`: every audit run is kept; reopen, compare or remove one. */
import type { HistoryTarget } from '../../../preload/contract/history';
import type { MainServices } from '../../composition';
import { toAsciiDomain } from '../../core/accounts/domain-name';
import { RUN_ID_PATTERN } from '../../core/history/history-document';
import { writeLine, type CliIo } from '../cli-io';
import { EXIT_OK } from '../exit-codes';
import { formatStoredAnalysisText } from '../format-analysis-text';
import { formatAuditText } from '../format-audit-text';
import { formatStoredProofText } from '../format-proof-text';
import {
  formatAnalysisTable,
  formatComparisonText,
  formatHistoryTable,
  formatProofTable,
  historyProblemText,
} from '../format-history-text';
import { MailwardenError } from '../../core/errors/mailwarden-error';
import {
  HISTORY_COMPARE_HELP,
  HISTORY_DELETE_HELP,
  HISTORY_HELP,
  HISTORY_LIST_HELP,
  HISTORY_SHOW_HELP,
} from '../help-text';
import { parseSubcommandArgs as parse, printHelp as help } from '../parse-command-args';
import { jsonText, terminalText } from '../../../preload/contract/untrusted-text';
import { runSubcommand, type ServicesFactory } from '../subcommands';
import { UsageError } from '../usage-error';

export function runHistoryCommand(
  args: readonly string[],
  io: CliIo,
  services: ServicesFactory,
): Promise<number> {
  return runSubcommand(
    'history',
    HISTORY_HELP,
    { list: listRuns, show: showRun, compare: compareTwoRuns, delete: deleteRun },
    args,
    io,
    services,
  );
}

async function listRuns(args: readonly string[], io: CliIo, services: ServicesFactory): Promise<number> {
  const command = 'history list';
  const { values, positionals } = parse(command, args, { json: { type: 'boolean' } });
  if (values.help === true) return help(io, HISTORY_LIST_HELP);
  if (positionals.length > 1) throw new UsageError('Name at most one account or domain.', command);
  const built = services();
  const target = positionals[0] === undefined ? undefined : await resolveTarget(positionals[0], built);
  const listing = await built.history.list(target);
  for (const problem of listing.problems) writeLine(io.stderr, `Warning: ${historyProblemText(problem)}`);
  if (values.json === true) writeLine(io.stdout, jsonText(listing));
  else {
    writeLine(io.stdout, formatHistoryTable(listing.runs));
    if (listing.analyses.length > 0)
      writeLine(io.stdout, `\nChecked messages:\n${formatAnalysisTable(listing.analyses)}`);
    if (listing.proofs.length > 0)
      writeLine(io.stdout, `\nTest messages:\n${formatProofTable(listing.proofs)}`);
  }
  return EXIT_OK;
}

async function showRun(args: readonly string[], io: CliIo, services: ServicesFactory): Promise<number> {
  const command = 'history show';
  const { values, positionals } = parse(command, args, { format: { type: 'string' } });
  if (values.help === true) return help(io, HISTORY_SHOW_HELP);
  const [runId] = exactlyRunIds(positionals, 1, command);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json, not "${terminalText(format)}".`, command);
  const history = services().history;
  const report = await history.get(runId).catch(async (error: unknown) => {
    // Not an audit run: perhaps a checked message, which shares the history and its run ids.
    if (!(error instanceof MailwardenError) || error.code !== 'NOT_FOUND') throw error;
    const analysis = await history.getAnalysis(runId).catch(async (notAnalysis: unknown) => {
      // Nor a checked message: perhaps a test message's proof run.
      if (!(notAnalysis instanceof MailwardenError) || notAnalysis.code !== 'NOT_FOUND') throw notAnalysis;
      const { proof } = await history.getProof(runId);
      io.stdout.write(format === 'json' ? `${jsonText(proof)}\n` : `${formatStoredProofText(proof)}\n`);
      return null;
    });
    if (analysis !== null)
      io.stdout.write(
        format === 'json'
          ? `${jsonText(analysis.analysis)}\n`
          : `${formatStoredAnalysisText(analysis.analysis)}\n`,
      );
    return null;
  });
  // The same output as `mailwarden audit`, so a stored run reads like a fresh one.
  if (report !== null)
    io.stdout.write(
      format === 'json' ? `${jsonText(report.report)}\n` : `${formatAuditText(report.report)}\n`,
    );
  return EXIT_OK;
}

async function compareTwoRuns(
  args: readonly string[],
  io: CliIo,
  services: ServicesFactory,
): Promise<number> {
  const command = 'history compare';
  const { values, positionals } = parse(command, args, { json: { type: 'boolean' } });
  if (values.help === true) return help(io, HISTORY_COMPARE_HELP);
  const [runA, runB] = exactlyRunIds(positionals, 2, command);
  if (runA === runB) throw new UsageError('Name two different runs.', command);
  const comparison = await services().history.compare(runA, runB);
  writeLine(io.stdout, values.json === true ? jsonText(comparison) : formatComparisonText(comparison));
  return EXIT_OK;
}

async function deleteRun(args: readonly string[], io: CliIo, services: ServicesFactory): Promise<number> {
  const command = 'history delete';
  const { values, positionals } = parse(command, args, {});
  if (values.help === true) return help(io, HISTORY_DELETE_HELP);
  const [runId] = exactlyRunIds(positionals, 1, command);
  await services().history.delete(runId);
  writeLine(io.stdout, `Deleted run ${runId}.`);
  return EXIT_OK;
}

/** Run ids are letters, digits and dashes; anything else is refused before it is echoed anywhere. */
function exactlyRunIds(positionals: readonly string[], count: 1, command: string): [string];
function exactlyRunIds(positionals: readonly string[], count: 2, command: string): [string, string];
function exactlyRunIds(positionals: readonly string[], count: number, command: string): string[] {
  if (positionals.length !== count)
    throw new UsageError(count === 1 ? 'Name one run id.' : 'Name two run ids.', command);
  for (const runId of positionals) {
    if (!RUN_ID_PATTERN.test(runId))
      throw new UsageError(
        `"${terminalText(runId)}" is not a run id (see "mailwarden history list").`,
        command,
      );
  }
  return [...positionals];
}

/** A saved account (by id or email) lists that account's runs; anything else is taken as a domain. */
async function resolveTarget(text: string, built: MainServices): Promise<HistoryTarget> {
  const accounts = (await built.accounts.list()).accounts;
  const wanted = text.trim().toLowerCase();
  const account =
    accounts.find((a) => a.id === text) ?? accounts.find((a) => a.email.toLowerCase() === wanted);
  if (account !== undefined) return { kind: 'account', accountId: account.id };
  if (text.includes('@'))
    throw new UsageError(`There is no saved account for ${terminalText(text)}.`, 'history list');
  const domain = toAsciiDomain(text);
  if (!domain.ok)
    throw new UsageError(
      `"${terminalText(text)}" is neither a saved account nor a domain: ${domain.reason}`,
      'history list',
    );
  return { kind: 'domain', domain: domain.value };
}
