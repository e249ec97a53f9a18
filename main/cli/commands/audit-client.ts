/**
 * `mailwarden audit --client NAME`: every saved account of one client group, one after another, and one
 * client report (text summary, or the JSON, Markdown, HTML or CSV client report) on stdout or --out.
 *
 * One account at a time, as in the app: each audit already runs its checks concurrently against that
 * account's server, so one account's probes at a time keeps the load on a client's servers what a single
 * test puts on them. Ctrl-C stops the current audit (its partial report is kept), skips the rest, still
 * writes the client report of what ran, and exits 130.
 */
import type { AccountView } from '../../../preload/contract/accounts';
import type { AuditReport } from '../../../preload/contract/audit';
import { SEVERITIES_WORST_FIRST } from '../../core/report/report-view';
import type { Severity } from '../../../preload/contract/findings';
import type { ClientRunRecordRequest } from '../../../preload/contract/clients';
import type { HistoryEntry } from '../../../preload/contract/history';
import { writeOutputFile } from '../../adapters/output-file';
import type { MainServices } from '../../composition';
import type { AuditRunSettings } from '../../core/audit/audit-service';
import { toFailure } from '../../core/errors/mailwarden-error';
import { buildClientReport, type ClientReport } from '../../core/report/client-report';
import { renderClientReport } from '../../core/report/render-client-report';
import { writeLine, type CliIo } from '../cli-io';
import { EXIT_COULD_NOT_RUN, EXIT_FINDINGS, EXIT_OK } from '../exit-codes';
import type { CliReportFormat } from '../report-output';
import { exitCodeForFindings } from '../report-output';
import { terminalText } from '../../../preload/contract/untrusted-text';
import { formatTable } from '../terminal-text';
import { UsageError } from '../usage-error';
import { EXIT_CANCELLED } from './audit-batch';

const COMMAND = 'audit';
/** Stands in for a run id when the history could not keep the run (the report itself is still written). */
const NOT_SAVED = 'not-saved';

export interface ClientOptions {
  readonly client: string;
  readonly format: CliReportFormat;
  readonly out: string | undefined;
  readonly failOn: Severity | null;
  /** A target, --host or --batch was given too: the accounts come from the client group. */
  readonly conflicting: boolean;
  readonly settings: AuditRunSettings;
}

export async function runAuditClient(
  options: ClientOptions,
  io: CliIo,
  built: MainServices,
): Promise<number> {
  if (options.conflicting)
    throw new UsageError(
      '--client tests the saved accounts of that client group; give no account, domain, --host or --batch.',
      COMMAND,
    );
  const { name, accounts } = clientAccounts(options.client, (await built.accounts.list()).accounts);

  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_CANCELLED);
    controller.abort();
    writeLine(
      io.stderr,
      'Cancelling: the current account stops, the rest are skipped (Ctrl-C again quits at once).',
    );
  };
  process.on('SIGINT', onSigint);
  const entries: HistoryEntry[] = [];
  const results: ClientRunRecordRequest['accounts'][number][] = [];
  const startedAt = new Date().toISOString();
  let failed = 0;
  try {
    for (const [index, account] of accounts.entries()) {
      const position = `[${String(index + 1)}/${String(accounts.length)}]`;
      if (controller.signal.aborted) {
        writeLine(io.stderr, `${position} ${terminalText(account.label)}: skipped (cancelled)`);
        results.push({ accountId: account.id, result: { kind: 'skipped' } });
        continue;
      }
      writeLine(io.stderr, `${position} Testing ${terminalText(account.label)}...`);
      let runId = NOT_SAVED;
      try {
        const report = await built.audits.run({ kind: 'account', accountId: account.id }, options.settings, {
          signal: controller.signal,
          onHistory: (outcome) => {
            if (outcome.saved) runId = outcome.runId;
            else writeLine(io.stderr, `Warning: this run was not saved to the history: ${outcome.message}`);
          },
        });
        entries.push({ runId, accountId: account.id, report });
        results.push({
          accountId: account.id,
          result:
            runId === NOT_SAVED
              ? { kind: 'failed', message: 'its run could not be saved to the history' }
              : { kind: 'tested', runId },
        });
        writeLine(io.stderr, `${position} ${terminalText(account.label)}: ${outcomeText(report)}`);
      } catch (error) {
        // One account that cannot run (keychain locked, bad DNS setting) does not stop the others.
        failed += 1;
        // toFailure keeps our own messages, the keychain's included, and hides any other error's text.
        const failure = toFailure(error);
        const message = failure.code === 'INTERNAL' ? 'an unexpected error' : failure.message;
        writeLine(io.stderr, `${position} ${terminalText(account.label)}: could not run: ${message}`);
        results.push({ accountId: account.id, result: { kind: 'failed', message } });
      }
    }
  } finally {
    process.off('SIGINT', onSigint);
  }

  await keepClientRun(built, { client: name, startedAt, accounts: results }, io);
  const report = buildClientReport(name, entries, new Date().toISOString());
  const output =
    options.format === 'text' ? `${clientText(report)}\n` : renderClientReport(report, options.format);
  if (options.out === undefined) io.stdout.write(output);
  else {
    writeLine(io.stderr, await writeOutputFile(options.out, output, 'Client report'));
  }
  // The same order as --batch: cancelled, then could not run, then findings at or above --fail-on.
  if (controller.signal.aborted) return EXIT_CANCELLED;
  if (failed > 0) return EXIT_COULD_NOT_RUN;
  return entries.some((entry) => exitCodeForFindings(entry.report, options.failOn) !== EXIT_OK)
    ? EXIT_FINDINGS
    : EXIT_OK;
}

/** The client group's accounts by label (as the app lists them); its name as saved, matched ignoring case. */
function clientAccounts(
  client: string,
  all: readonly AccountView[],
): { readonly name: string; readonly accounts: readonly AccountView[] } {
  const wanted = client.trim().toLowerCase();
  const members = all.filter((account) => account.clientGroup?.trim().toLowerCase() === wanted);
  const first = members[0];
  if (wanted === '' || first === undefined || first.clientGroup === null) {
    const groups = [
      ...new Set(all.flatMap((account) => (account.clientGroup === null ? [] : [account.clientGroup]))),
    ];
    throw new UsageError(
      groups.length === 0
        ? `No saved account is in a client group. Add one with "mailwarden accounts add ... --client NAME".`
        : `No saved account is in the client group "${terminalText(client)}". Client groups: ${groups.map(terminalText).join(', ')}.`,
      COMMAND,
    );
  }
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return {
    name: first.clientGroup,
    accounts: [...members].sort((a, b) => collator.compare(a.label, b.label)),
  };
}

/** Keeps the client run for `mailwarden clients runs` and the app's client page; the report goes out either way. */
async function keepClientRun(built: MainServices, request: ClientRunRecordRequest, io: CliIo): Promise<void> {
  if (request.accounts.length === 0) return;
  try {
    await built.clients.record(request);
  } catch (error) {
    const failure = toFailure(error);
    const message = failure.code === 'INTERNAL' ? 'an unexpected error' : failure.message;
    writeLine(io.stderr, `Warning: this client run was not kept in the client runs list: ${message}`);
  }
}

function outcomeText(report: AuditReport): string {
  const grade = report.score.overall?.grade;
  const counts = SEVERITIES_WORST_FIRST.filter((severity) => severity !== 'pass')
    .map((severity) => `${String(report.findings.filter((f) => f.severity === severity).length)} ${severity}`)
    .join(', ');
  return `${grade === undefined ? 'no grade' : `grade ${grade}`}, ${counts}${report.cancelled ? ' (cancelled)' : ''}`;
}

/** The summary table on a terminal: one line per account; the other formats hold the full reports. */
function clientText(report: ClientReport): string {
  const rows = report.accounts.map(({ summary }) => [
    summary.label,
    summary.grade ?? '-',
    summary.score === null ? '-' : String(summary.score),
    summary.worst ?? '-',
    ...SEVERITIES_WORST_FIRST.map((severity) => String(summary.counts[severity])),
    summary.cancelled ? 'cancelled' : 'complete',
  ]);
  return [
    `Client report: ${terminalText(report.client)} (${String(report.accounts.length)} ${report.accounts.length === 1 ? 'account' : 'accounts'})`,
    '',
    formatTable(['Account', 'Grade', 'Score', 'Worst', ...SEVERITIES_WORST_FIRST, 'Run'], rows),
  ].join('\n');
}
