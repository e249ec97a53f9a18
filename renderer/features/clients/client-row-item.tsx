/**
 * One account of a client run: waiting, running (checks done of planned, elapsed), done (grade, score,
 * worst severity and counts), cancelled, skipped or could not run (with main's message).
 */
import { countBySeverity } from '../../../preload/contract/findings';
import { Button } from '../../components/button';
import { SeverityCountList } from '../../components/severity-count-list';
import { strings } from '../../strings';
import { worstSeverity, type ClientRow } from './client-run-model';

export interface ClientRowItemProps {
  readonly row: ClientRow;
  readonly now: number;
  /** Opens a stored run's full results; absent while the client run is still going. */
  readonly onOpen?: ((row: ClientRow) => void) | undefined;
}

export function ClientRowItem({ row, now, onOpen }: ClientRowItemProps) {
  const { account, state } = row;
  const stored = state.kind === 'done' || state.kind === 'cancelled' ? state : null;
  return (
    <li
      className={`client-row client-row--${state.kind}`}
      data-account-id={account.id}
      data-state={state.kind}
    >
      <div className="client-row__main">
        <span className={`client-row__icon status-icon status-icon--${state.kind}`} aria-hidden="true" />
        <div className="client-row__what">
          <h3 className="client-row__label">{account.label}</h3>
          <p className="client-row__server">{strings.accounts.hostPort(account.host, account.port)}</p>
          <p className="client-row__state">{stateText(row, now)}</p>
          {state.kind === 'failed' && <p className="client-row__message">{state.message}</p>}
          {stored !== null && !stored.saved && (
            <p className="client-row__message">{strings.clients.run.notSaved}</p>
          )}
        </div>
        {stored !== null && <Outcome row={row} />}
      </div>
      {stored !== null && (
        <div className="client-row__foot">
          <SeverityCountList
            counts={countBySeverity(stored.report.findings)}
            label={strings.history.countsLabel}
            compact
          />
          {onOpen !== undefined && (
            <Button
              aria-label={strings.clients.summary.openLabel(account.label)}
              onClick={() => {
                onOpen(row);
              }}
            >
              {strings.clients.summary.open}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

function stateText({ state }: ClientRow, now: number): string {
  const text = strings.clients.run;
  switch (state.kind) {
    case 'waiting':
      return text.waiting;
    case 'running':
      return text.running(
        state.done,
        state.planned,
        strings.audit.duration(Math.max(0, now - state.startedAt)),
      );
    case 'done':
      return text.done;
    case 'cancelled':
      return text.cancelledRow;
    case 'failed':
      return text.failed;
    case 'skipped':
      return text.skipped;
  }
}

/** Grade, score and worst severity of a stored run. */
function Outcome({ row }: { readonly row: ClientRow }) {
  const text = strings.clients.summary;
  const { state } = row;
  if (state.kind !== 'done' && state.kind !== 'cancelled') return null;
  const overall = state.report.score.overall;
  const worst = worstSeverity(state.report);
  return (
    <div className="client-row__outcome">
      <p
        className={`run-row__grade${overall === null ? ' run-row__grade--none' : ` grade--${overall.grade}`}`}
        data-grade={overall?.grade ?? ''}
      >
        {overall === null ? text.noGrade : text.grade(overall.grade)}
      </p>
      <div className="client-row__figures">
        {overall !== null && <p className="client-row__score">{text.score(Math.round(overall.score))}</p>}
        <p className="client-row__worst">
          {worst === null ? text.worstNone : text.worst(strings.audit.severity[worst])}
        </p>
      </div>
    </div>
  );
}
