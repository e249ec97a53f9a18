/**
 * Testing all of a client's accounts: the plan, the run (a row per account), the summary with a way into
 * each account's full results, and one report for the whole client.
 *
 * The accounts are fixed when the screen opens, so a change elsewhere cannot reorder rows mid-run.
 * From the summary, an account's results open read-only (as History opens a stored run); Back, or
 * Escape, returns to the summary.
 */
import { useState } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import { usePlanChoices } from '../audit/use-plan-choices';
import { ClientPlan, effectiveChoices } from './client-plan';
import type { ClientRow } from './client-run-model';
import { ClientRunView, OpenedClientResults } from './client-run-view';
import { useClientRun } from './use-client-run';

export interface ClientScreenProps {
  readonly client: string;
  readonly accounts: readonly AccountView[];
  readonly onClose: () => void;
  /** The way back, when not to the account list (the client's page). */
  readonly backLabel?: string | undefined;
}

export function ClientScreen({ client, accounts: given, onClose, backLabel }: ClientScreenProps) {
  const [accounts] = useState(given);
  const run = useClientRun(client, accounts);
  const [choices, setChoices] = usePlanChoices();
  const [opened, setOpened] = useState<ClientRow | null>(null);

  if (run.phase === 'plan') {
    // An empty page for the moment it takes to read the saved default tests.
    if (choices === null) return <div className="clients" />;
    return (
      <ClientPlan
        client={client}
        accounts={accounts}
        choices={choices}
        onChange={setChoices}
        onStart={() => {
          run.start(effectiveChoices(choices, accounts));
        }}
        onBack={onClose}
        backLabel={backLabel}
      />
    );
  }

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
      client={client}
      rows={run.rows}
      finished={run.phase === 'finished'}
      cancelling={run.cancelling}
      notKept={run.notKept}
      onCancel={run.cancel}
      onOpen={setOpened}
      onClose={onClose}
      backLabel={backLabel}
    />
  );
}
