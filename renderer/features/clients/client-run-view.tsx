/**
 * A client run's rows as they go, and the same rows as the summary once every account has settled:
 * for the run in progress, and for a stored client run reopened from the client page.
 */
import type { KeyboardEvent } from 'react';
import { Button } from '../../components/button';
import { LiveStatus } from '../../components/live-status';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { strings } from '../../strings';
import { BackToAccounts } from '../audit/back-to-accounts';
import { ExportPanel } from '../audit/export-panel';
import { ResultsScreen } from '../audit/results-screen';
import { useNow } from '../audit/run-screen';
import { ClientRowItem } from './client-row-item';
import { storedRunIds, type ClientRow } from './client-run-model';

/**
 * One account's full results opened from the summary, read-only (as History opens a stored run); Back,
 * or Escape, returns to the summary.
 */
export function OpenedClientResults({
  row,
  onBack,
}: {
  readonly row: ClientRow;
  readonly onBack: () => void;
}) {
  const { state } = row;
  if (state.kind !== 'done' && state.kind !== 'cancelled') return null;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onBack();
  };
  return (
    <div className="client-results" onKeyDown={onKeyDown}>
      <ResultsScreen
        account={row.account}
        runId={state.runId}
        report={state.report}
        notSavedReason={state.saved ? undefined : strings.clients.run.notSaved}
        onBack={onBack}
        backLabel={strings.clients.summary.backToSummary}
      />
    </div>
  );
}

export interface ClientRunViewProps {
  readonly client: string;
  readonly rows: readonly ClientRow[];
  readonly finished: boolean;
  readonly cancelling: boolean;
  readonly notKept: string | null;
  readonly onCancel: () => void;
  readonly onOpen: (row: ClientRow) => void;
  readonly onClose: () => void;
  /** The way back, when not to the account list (a stored run goes back to its client page). */
  readonly backLabel?: string | undefined;
  /** When a stored run was made, said under the heading. */
  readonly testedAt?: string | undefined;
}

/** The run as it goes, and the same rows as the summary once every account has settled. */
export function ClientRunView({
  client,
  rows,
  finished,
  cancelling,
  notKept,
  onCancel,
  onOpen,
  onClose,
  backLabel,
  testedAt,
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
      {finished && <BackToAccounts onBack={onClose} label={backLabel} />}
      {/* A new heading (and focus on it) when the run ends: the summary is a new screen. */}
      <PageHeading key={finished ? 'summary' : 'run'} focusOnMount>
        {finished ? summary.title(client) : text.title(client)}
      </PageHeading>
      <p className={finished ? 'page-head__meta' : 'lead'}>
        {finished
          ? testedAt === undefined
            ? summary.meta(runIds.length, total)
            : summary.metaStored(runIds.length, total, testedAt)
          : text.lead}
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
