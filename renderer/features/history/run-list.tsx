/** The account's stored runs, newest first, with the checkboxes and the Compare button. */
import type { Account } from '../../../preload/contract/accounts';
import type { HistoryListing } from '../../../preload/contract/history';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { strings } from '../../strings';
import { toggleSelection } from './history-model';
import { RunRow } from './run-row';

export interface RunListProps {
  readonly listing: HistoryListing;
  /** The server the account uses now, so a run of another server can say so. */
  readonly currentServer: Pick<Account, 'host' | 'port' | 'security'>;
  /** Starts a test of the account: offered when there is no run yet. */
  readonly onTest: () => void;
  readonly selected: readonly string[];
  readonly comparing: boolean;
  readonly onSelect: (selected: string[]) => void;
  readonly onOpen: (runId: string) => void;
  readonly onCompare: () => void;
  readonly onDeleted: (runId: string, when: string) => void;
}

export function RunList(props: RunListProps) {
  const text = strings.history;
  const { listing, selected } = props;

  return (
    <>
      {listing.problems.length > 0 && (
        <Notice tone="warning" title={text.problemsTitle} className="audit__notice">
          <ul className="plain-list">
            {listing.problems.map((problem) => (
              <li key={problem.file}>
                {problem.kind === 'corrupt'
                  ? text.corrupt(problem.file, problem.movedTo)
                  : text.tooNew(problem.file)}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {listing.runs.length === 0 ? (
        <Notice tone="info" title={text.emptyTitle} className="history__empty">
          <p>{text.empty}</p>
          <Button variant="primary" onClick={props.onTest}>
            {text.testNow}
          </Button>
        </Notice>
      ) : (
        <>
          <div className="history__bar">
            <p className="history__hint" id="history-hint">
              {text.selectHint}
            </p>
            <Button
              variant="primary"
              aria-describedby="history-hint"
              aria-disabled={selected.length !== 2}
              busy={props.comparing}
              busyLabel={text.comparing}
              onClick={props.onCompare}
            >
              {text.compare}
            </Button>
          </div>
          <ul className="run-list" aria-label={text.listLabel}>
            {listing.runs.map((run) => (
              <RunRow
                key={run.runId}
                run={run}
                currentServer={props.currentServer}
                selected={selected.includes(run.runId)}
                onSelect={(on) => {
                  props.onSelect(toggleSelection(selected, run.runId, on));
                }}
                onOpen={() => {
                  props.onOpen(run.runId);
                }}
                onDeleted={(when) => {
                  props.onDeleted(run.runId, when);
                }}
              />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
