/** One stored run in the list: a checkbox to compare it, its date, grade and counts, open and delete. */
import { useRef, useState } from 'react';
import { serverChanged } from '../../../preload/contract/account-server';
import type { Account } from '../../../preload/contract/accounts';
import type { HistoryRunSummary } from '../../../preload/contract/history';
import { Button } from '../../components/button';
import { SeverityCountList } from '../../components/severity-count-list';
import { strings } from '../../strings';
import { DeleteConfirm } from './delete-confirm';
import { formatWhen } from './history-model';

export interface RunRowProps {
  readonly run: HistoryRunSummary;
  readonly currentServer: Pick<Account, 'host' | 'port' | 'security'>;
  readonly selected: boolean;
  readonly onSelect: (on: boolean) => void;
  readonly onOpen: () => void;
  readonly onDeleted: (when: string) => void;
}

export function RunRow({ run, currentServer, selected, onSelect, onOpen, onDeleted }: RunRowProps) {
  const text = strings.history;
  const grade = run.overall?.grade ?? null;
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const when = formatWhen(run.finishedAt);
  const checkboxId = `run-${run.runId}-select`;

  return (
    <li className={`run-row${selected ? ' run-row--selected' : ''}`} data-run-id={run.runId}>
      <div className="run-row__main">
        <input
          id={checkboxId}
          type="checkbox"
          className="run-row__check"
          checked={selected}
          aria-label={text.select(when)}
          onChange={(event) => {
            onSelect(event.target.checked);
          }}
        />
        <div className="run-row__what">
          <p className="run-row__when">
            <time dateTime={run.finishedAt}>{when}</time>
            {run.cancelled && <span className="run-row__tag">{text.cancelled}</span>}
          </p>
          <RunTarget run={run} currentServer={currentServer} />
          <SeverityCountList counts={run.counts} label={strings.history.countsLabel} compact />
        </div>
        <p
          className={`run-row__grade${grade === null ? ' run-row__grade--none' : ` grade--${grade}`}`}
          data-grade={grade ?? ''}
        >
          {grade === null ? text.noGrade : text.grade(grade)}
        </p>
        <div className="actions actions--compact run-row__actions">
          <Button aria-label={text.openRunLabel(when)} onClick={onOpen}>
            {text.openRun}
          </Button>
          <Button
            variant="quiet"
            ref={deleteButton}
            aria-label={text.removeLabel(when)}
            aria-expanded={confirming}
            onClick={() => {
              setConfirming(true);
            }}
          >
            {text.remove}
          </Button>
        </div>
      </div>
      {confirming && (
        <DeleteConfirm
          runId={run.runId}
          when={when}
          onDeleted={() => {
            onDeleted(when);
          }}
          onCancel={() => {
            setConfirming(false);
            // Back where the person left off: the button that opened the confirm step.
            deleteButton.current?.focus();
          }}
        />
      )}
    </li>
  );
}

/** Which server the run tested, and whether that is another one than the account uses now. */
function RunTarget({ run, currentServer }: Pick<RunRowProps, 'run' | 'currentServer'>) {
  const text = strings.history;
  const { host, port, security } = run.target;
  if (host === null || port === null) return null;
  const other = serverChanged(currentServer, {
    host,
    port,
    security: security ?? currentServer.security,
  });
  return (
    <p className="run-row__target">
      {text.tested(text.server(host, port, security ?? ''))}
      {other && <span className="run-row__tag run-row__tag--other">{text.otherServer}</span>}
    </p>
  );
}
