/**
 * Testing all of a client's accounts: the plan, the run (a row per account), the summary with a way into
 * each account's full results, and one report for the whole client.
 *
 * The accounts are fixed when the screen opens, so a change elsewhere cannot reorder rows mid-run.
 * From the summary, an account's results open read-only (as History opens a stored run); Back, or
 * Escape, returns to the summary.
 */
import { useState, type KeyboardEvent } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { LiveStatus } from '../../components/live-status';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { strings } from '../../strings';
import { usePlanChoices } from '../audit/use-plan-choices';
import { BackToAccounts } from '../audit/back-to-accounts';
import { ExportPanel } from '../audit/export-panel';
import { ResultsScreen } from '../audit/results-screen';
import { useNow } from '../audit/run-screen';
import { ClientPlan, effectiveChoices } from './client-plan';
import { ClientRowItem } from './client-row-item';
import { storedRunIds, type ClientRow } from './client-run-model';
import { useClientRun } from './use-client-run';

export interface ClientScreenProps {
  readonly client: string;
  readonly accounts: readonly AccountView[];
  readonly onClose: () => void;
}

export function ClientScreen({ client, accounts: given, onClose }: ClientScreenProps) {
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
      />
    );
  }

  const state = opened?.state;
  if (opened !== null && (state?.kind === 'done' || state?.kind === 'cancelled')) {
    const back = () => {
      setOpened(null);
    };
    const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      back();
    };
    return (
      <div className="client-results" onKeyDown={onKeyDown}>
        <ResultsScreen
          account={opened.account}
          runId={state.runId}
          report={state.report}
          notSavedReason={state.saved ? undefined : strings.clients.run.notSaved}
          onBack={back}
          backLabel={strings.clients.summary.backToSummary}
        />
      </div>
    );
  }

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
    />
  );
}

interface ClientRunViewProps {
  readonly client: string;
  readonly rows: readonly ClientRow[];
  readonly finished: boolean;
  readonly cancelling: boolean;
  readonly notKept: string | null;
  readonly onCancel: () => void;
  readonly onOpen: (row: ClientRow) => void;
  readonly onClose: () => void;
}

/** The run as it goes, and the same rows as the summary once every account has settled. */
function ClientRunView({
  client,
  rows,
  finished,
  cancelling,
  notKept,
  onCancel,
  onOpen,
  onClose,
}: ClientRunViewProps) {
  const text = strings.clients.run;
  const summary = strings.clients.summary;
  const total = rows.length;
  const settled = rows.filter((row) => row.state.kind !== 'waiting' && row.state.kind !== 'running').length;
  const runningIndex = rows.findIndex((row) => row.state.kind === 'running');
  const running = rows[runningIndex];
  const now = useNow(running !== undefined);
  const wasCancelled = rows.some((row) => row.state.kind === 'cancelled' || row.state.kind === 'skipped');
  const runIds = storedRunIds(rows);
  const percent = total === 0 ? 0 : Math.round((settled / total) * 100);
  // One polite message per account, not per check: a screen reader hears progress without chatter.
  const status = finished
    ? wasCancelled
      ? text.statusCancelled
      : runIds.length === total
        ? text.statusFinished(total)
        : text.statusPartly(runIds.length, total)
    : cancelling
      ? text.statusCancelling
      : running === undefined
        ? ''
        : text.statusTesting(running.account.label, runningIndex + 1, total);

  return (
    <div className="audit client-run">
      {finished && <BackToAccounts onBack={onClose} />}
      {/* A new heading (and focus on it) when the run ends: the summary is a new screen. */}
      <PageHeading key={finished ? 'summary' : 'run'} focusOnMount>
        {finished ? summary.title(client) : text.title(client)}
      </PageHeading>
      <p className={finished ? 'page-head__meta' : 'lead'}>
        {finished ? summary.meta(runIds.length, total) : text.lead}
      </p>

      {!finished && (
        <div className="run-progress">
          <div className="run-progress__head">
            <span className="run-progress__label" id="client-progress-label">
              {text.progressLabel}
            </span>
            <span className="run-progress__count">{text.progressText(settled, total)}</span>
          </div>
          <div
            className="progress"
            role="progressbar"
            aria-labelledby="client-progress-label"
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={settled}
            aria-valuetext={text.progressText(settled, total)}
          >
            <span className="progress__fill" style={{ width: `${String(percent)}%` }} />
          </div>
        </div>
      )}
      <LiveStatus message={status} visible={!finished} />

      {finished && wasCancelled && (
        <Notice tone="warning" title={summary.cancelledTitle} className="audit__notice">
          <p>{summary.cancelled}</p>
        </Notice>
      )}

      {finished && notKept !== null && (
        <Notice tone="warning" title={summary.notKeptTitle} className="audit__notice">
          <p>{summary.notKept(notKept)}</p>
        </Notice>
      )}

      <section className="audit__section" aria-labelledby="client-accounts-title">
        <h2 id="client-accounts-title" className="section-title">
          {text.accountsTitle}
        </h2>
        <ol className="client-rows">
          {rows.map((row) => (
            <ClientRowItem key={row.account.id} row={row} now={now} onOpen={finished ? onOpen : undefined} />
          ))}
        </ol>
      </section>

      {!finished && (
        <div className="actions">
          <Button busy={cancelling} busyLabel={text.cancelling} onClick={onCancel}>
            {text.cancel}
          </Button>
        </div>
      )}

      {finished &&
        (runIds.length > 0 ? (
          <ExportPanel client={client} runIds={runIds} />
        ) : (
          <Notice tone="info">{summary.exportNone}</Notice>
        ))}
    </div>
  );
}
