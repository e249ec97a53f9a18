/**
 * A stored client run reopened from the client page: its accounts' runs are read back from the history,
 * then shown as the summary they made, with each account's results and the client report export.
 */
import { useEffect, useState } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import type { ClientRun } from '../../../preload/contract/clients';
import type { HistoryEntry } from '../../../preload/contract/history';
import { LiveStatus } from '../../components/live-status';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import type { ClientRow } from './client-run-model';
import { ClientRunView, OpenedClientResults } from './client-run-view';
import { storedRows } from './stored-client-run';

export interface StoredClientRunViewProps {
  readonly run: ClientRun;
  readonly accounts: readonly AccountView[];
  readonly onBack: () => void;
}

export function StoredClientRunView({ run, accounts, onBack }: StoredClientRunViewProps) {
  const [rows, setRows] = useState<readonly ClientRow[] | null>(null);
  const [opened, setOpened] = useState<ClientRow | null>(null);

  useEffect(() => {
    const screen = { live: true };
    void (async () => {
      const entries = new Map<string, HistoryEntry>();
      for (const { runId } of run.accounts) {
        if (runId === null) continue;
        // A run deleted since is simply absent: its row says so.
        const outcome = await bridge().history.get(runId);
        if (outcome.ok) entries.set(runId, outcome.value);
      }
      if (screen.live) setRows(storedRows(run, entries, accounts));
    })();
    return () => {
      screen.live = false;
    };
  }, [run, accounts]);

  if (rows === null) return <LiveStatus message={strings.clientPage.opening} />;
  if (opened !== null)
    return (
      <OpenedClientResults
        row={opened}
        onBack={() => {
          setOpened(null);
        }}
      />
    );
  return (
    <ClientRunView
      client={run.client}
      rows={rows}
      finished
      cancelling={false}
      notKept={null}
      onCancel={onBack}
      onOpen={setOpened}
      onClose={onBack}
      backLabel={strings.clientPage.backToClient(run.client)}
      testedAt={run.startedAt}
    />
  );
}
