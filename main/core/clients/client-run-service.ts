/**
 * Client runs kept in the data folder: recording one when all of a client's accounts have been tested
 * (the app's "Test all", `mailwarden audit --client`), listing them, and renaming a client.
 *
 * Each account's summary is read from its stored run in the history, never taken from the caller: the
 * page only says which run each account made. A file that cannot be read is moved aside and said in
 * a warning, like the other data files; one from a newer Mailwarden is left untouched and refuses writes.
 */
import type {
  ClientRenameResult,
  ClientRun,
  ClientRunAccount,
  ClientRunListing,
  ClientRunRecordRequest,
  ClientRunResult,
} from '../../../preload/contract/clients';
import type { HistoryEntry } from '../../../preload/contract/history';
import { severityRank, type Severity } from '../../../preload/contract/findings';
import { visibleText } from '../../../preload/contract/untrusted-text';
import { clientKey, type AccountService } from '../accounts/account-service';
import { checkClientGroupName } from '../accounts/validation';
import { MailwardenError } from '../errors/mailwarden-error';
import type { Clock, DocumentStore, ExclusiveLock, IdSource } from '../ports';
import { CLIENT_RUNS_KEPT, type ClientRunsDocument } from './client-runs-document';

/** A reason longer than this is cut: it is a line in a list, not a log. */
const MESSAGE_MAX_CHARS = 500;
/** Pass and info are not problems. */
const LOWEST_PROBLEM_RANK = severityRank('low');

export interface ClientRunService {
  /** Keeps a finished client run with each account's summary; answers the run as stored. */
  record(request: ClientRunRecordRequest): Promise<ClientRun>;
  /** Newest first: every client's, or one client's (matched ignoring case). */
  list(client?: string): Promise<ClientRunListing>;
  /** Renames the client on every account and on its stored client runs; ids and history stay. */
  rename(from: string, to: string): Promise<ClientRenameResult>;
}

export interface ClientRunServiceDeps {
  readonly store: DocumentStore<ClientRunsDocument>;
  readonly accounts: Pick<AccountService, 'stored' | 'renameClientGroup'>;
  readonly history: { get(runId: string): Promise<HistoryEntry> };
  readonly clock: Clock;
  readonly ids: IdSource;
  /** One writer of client-runs.json at a time across processes (the app and the CLI's audit --client). */
  readonly lock: ExclusiveLock;
}

export function createClientRunService(deps: ClientRunServiceDeps): ClientRunService {
  const { store, accounts, history, clock, ids, lock } = deps;
  const warnings: string[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  /**
   * One change of the file at a time, in this process by a queue and across processes by a lock file,
   * so two runs ending together (the app and `audit --client`) cannot overwrite each other. Renaming
   * takes the accounts' own lock inside this one; nothing takes them the other way round.
   */
  function serialised<T>(operation: () => Promise<T>): Promise<T> {
    const locked = () => lock.hold({ op: 'write' }, operation);
    const next = queue.then(locked, locked);
    queue = next.catch(() => undefined);
    return next;
  }

  async function readRuns(): Promise<readonly ClientRun[]> {
    const loaded = await store.load();
    switch (loaded.kind) {
      case 'missing':
        return [];
      case 'loaded':
        return loaded.value.runs;
      case 'corrupt':
        warnings.push(
          `Your client runs file could not be read (${loaded.reason}); it was moved to ${loaded.movedTo}. ` +
            'Each account’s own runs are still in its history.',
        );
        return [];
      case 'too-new':
        throw new MailwardenError(
          'STORAGE_TOO_NEW',
          `Your client runs file (${store.path}) was written by a newer Mailwarden. Update Mailwarden to keep client runs.`,
        );
    }
  }

  async function writeRuns(runs: readonly ClientRun[]): Promise<void> {
    try {
      await store.save({ runs: runs.slice(-CLIENT_RUNS_KEPT) });
    } catch {
      throw new MailwardenError('STORAGE_FAILED', `Mailwarden could not save ${store.path}.`);
    }
  }

  async function summarize(
    accountId: string,
    label: string | undefined,
    result: ClientRunResult,
  ): Promise<ClientRunAccount> {
    const none = { runId: null, grade: null, worst: null, problems: 0 } as const;
    const fallback = label ?? 'Removed account';
    switch (result.kind) {
      case 'skipped':
        return { accountId, label: fallback, outcome: 'skipped', ...none, message: null };
      case 'failed':
        return {
          accountId,
          label: fallback,
          outcome: 'failed',
          ...none,
          message: visibleText(result.message.trim()).slice(0, MESSAGE_MAX_CHARS),
        };
      case 'tested': {
        const entry = await history.get(result.runId);
        if (entry.accountId !== accountId)
          throw new MailwardenError('INVALID_INPUT', 'That run was not made for this account.');
        const { report } = entry;
        return {
          accountId,
          label: label ?? visibleText(report.target.label),
          outcome: report.cancelled ? 'cancelled' : 'done',
          runId: entry.runId,
          grade: report.score.overall?.grade ?? null,
          worst: worstOf(report.findings.map((finding) => finding.severity)),
          problems: report.findings.filter((finding) => severityRank(finding.severity) >= LOWEST_PROBLEM_RANK)
            .length,
          message: null,
        };
      }
    }
  }

  return {
    record: (request) =>
      serialised(async () => {
        const name = checkClientGroupName(request.client);
        if (!name.ok)
          throw new MailwardenError('INVALID_INPUT', name.message, [
            { field: 'client', message: name.message },
          ]);
        // Labels only: the keychain is not asked (a client run can end while it is locked).
        const labels = new Map((await accounts.stored()).map((account) => [account.id, account.label]));
        const lines: ClientRunAccount[] = [];
        for (const { accountId, result } of request.accounts)
          lines.push(await summarize(accountId, labels.get(accountId), result));
        const run: ClientRun = {
          id: ids.newId(),
          client: name.value,
          startedAt: request.startedAt,
          finishedAt: clock.now().toISOString(),
          accounts: lines,
        };
        await writeRuns([...(await readRuns()), run]);
        return run;
      }),

    list: (client) =>
      serialised(async () => {
        const runs = await readRuns();
        const wanted = client === undefined ? null : clientKey(client);
        return {
          runs: runs.filter((run) => wanted === null || clientKey(run.client) === wanted).reverse(),
          warnings: [...warnings],
        };
      }),

    rename: (from, to) =>
      serialised(async () => {
        const renamed = await accounts.renameClientGroup(from, to);
        const runs = await readRuns();
        const wanted = clientKey(from);
        if (runs.some((run) => clientKey(run.client) === wanted))
          await writeRuns(
            runs.map((run) => (clientKey(run.client) === wanted ? { ...run, client: renamed.client } : run)),
          );
        return renamed;
      }),
  };
}

function worstOf(severities: readonly Severity[]): Severity | null {
  let worst: Severity | null = null;
  for (const severity of severities)
    if (worst === null || severityRank(severity) > severityRank(worst)) worst = severity;
  return worst;
}
