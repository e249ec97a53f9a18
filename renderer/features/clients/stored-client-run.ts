/**
 * A stored client run as rows again, so it reopens as the summary it was: each account with the run it
 * made (read back from the history), or why it made none.
 *
 * Pure. An account removed since keeps its row under the label it had, with the server its run tested.
 */
import type { AccountView } from '../../../preload/contract/accounts';
import type { ClientRun, ClientRunAccount } from '../../../preload/contract/clients';
import type { HistoryEntry } from '../../../preload/contract/history';
import { strings } from '../../strings';
import type { ClientRow, ClientRowState } from './client-run-model';

export function storedRows(
  run: ClientRun,
  entries: ReadonlyMap<string, HistoryEntry>,
  accounts: readonly AccountView[],
): readonly ClientRow[] {
  return run.accounts.map((line) => {
    const entry = line.runId === null ? undefined : entries.get(line.runId);
    const account = accounts.find((candidate) => candidate.id === line.accountId) ?? standIn(line, entry);
    return { account, state: stateOf(line, entry) };
  });
}

function stateOf(line: ClientRunAccount, entry: HistoryEntry | undefined): ClientRowState {
  switch (line.outcome) {
    case 'done':
    case 'cancelled':
      // Deleted from the history since: the summary still says it ran, but there is nothing to open.
      return entry === undefined
        ? { kind: 'failed', message: strings.clientPage.runGone }
        : { kind: line.outcome, runId: entry.runId, report: entry.report, saved: true };
    case 'failed':
      return { kind: 'failed', message: line.message ?? '' };
    case 'skipped':
      return { kind: 'skipped' };
  }
}

/** The row's account when it has been removed: its label then, and the server its run tested. */
function standIn(line: ClientRunAccount, entry: HistoryEntry | undefined): AccountView {
  const target = entry?.report.target;
  return {
    id: line.accountId,
    label: line.label,
    email: '',
    domain: target?.domain ?? '',
    host: target?.host ?? '',
    port: target?.port ?? 0,
    security: 'tls',
    username: '',
    dkimSelectors: [],
    clientGroup: null,
    presetId: null,
    incoming: null,
    createdAt: line.accountId,
    updatedAt: line.accountId,
    hasPassword: 'unknown',
  };
}
