/**
 * One account's History: its stored runs, one of them opened read-only, or two of them compared.
 *
 * Back, or Escape anywhere on the screen, goes one step up: from a run or a comparison to the list, and
 * from the list to the accounts.
 */
import { useState, type KeyboardEvent } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import type { HistoryEntry, RunComparison } from '../../../preload/contract/history';
import { Button } from '../../components/button';
import { LiveStatus } from '../../components/live-status';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import { BackToAccounts } from '../audit/back-to-accounts';
import { ResultsScreen } from '../audit/results-screen';
import { CompareView } from './compare-view';
import { ProofList } from './proof-list';
import { RunList } from './run-list';
import { useHistory } from './use-history';

export interface HistoryScreenProps {
  readonly account: AccountView;
  readonly onClose: () => void;
  /** Opens "What will be tested" for this account. */
  readonly onTest: () => void;
}

const HEADING_ID = 'history-title';

type View =
  | { readonly kind: 'list' }
  | { readonly kind: 'run'; readonly entry: HistoryEntry }
  | { readonly kind: 'compare'; readonly comparison: RunComparison };

export function HistoryScreen({ account, onClose, onTest }: HistoryScreenProps) {
  const text = strings.history;
  const history = useHistory(account.id);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [selected, setSelected] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const back = () => {
    if (view.kind === 'list') onClose();
    else setView({ kind: 'list' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    back();
  };

  const open = async (runId: string) => {
    const outcome = await bridge().history.get(runId);
    if (outcome.ok) setView({ kind: 'run', entry: outcome.value });
    else setMessage({ tone: 'error', text: outcome.error.message });
  };
  const compare = async () => {
    const [a, b] = selected;
    if (a === undefined || b === undefined || comparing) return;
    setComparing(true);
    const outcome = await bridge().history.compare(a, b);
    setComparing(false);
    if (outcome.ok) setView({ kind: 'compare', comparison: outcome.value });
    else setMessage({ tone: 'error', text: outcome.error.message });
  };

  return (
    <div className="history-screen" onKeyDown={onKeyDown}>
      {view.kind === 'run' ? (
        <ResultsScreen
          account={account}
          runId={view.entry.runId}
          report={view.entry.report}
          onBack={back}
          backLabel={text.back}
        />
      ) : view.kind === 'compare' ? (
        <CompareView comparison={view.comparison} onBack={back} />
      ) : (
        <div className="history">
          <BackToAccounts onBack={onClose} />
          <div className="page-head">
            <div>
              <PageHeading focusOnMount id={HEADING_ID}>
                {text.title(account.label)}
              </PageHeading>
              {history.state.kind === 'loaded' && (
                <p className="page-head__meta">{text.count(history.state.listing.runs.length)}</p>
              )}
            </div>
          </div>
          <div role="status" aria-live="polite" className="page__flash">
            {message !== null && <Notice tone={message.tone}>{message.text}</Notice>}
          </div>
          {history.state.kind === 'loading' && <LiveStatus message={text.loading} />}
          {history.state.kind === 'failed' && (
            <Notice tone="error" role="alert" title={text.loadFailedTitle}>
              <p>{history.state.message}</p>
              <Button variant="secondary" onClick={() => void history.reload()}>
                {text.retry}
              </Button>
            </Notice>
          )}
          {history.state.kind === 'loaded' && (
            <RunList
              listing={history.state.listing}
              currentServer={account}
              onTest={onTest}
              selected={selected}
              comparing={comparing}
              onSelect={setSelected}
              onOpen={(runId) => void open(runId)}
              onCompare={() => void compare()}
              onDeleted={(runId, when) => {
                history.drop(runId);
                setSelected((current) => current.filter((id) => id !== runId));
                setMessage({ tone: 'success', text: text.removed(when) });
                // The row and its buttons are gone: focus goes to the top of the list.
                document.getElementById(HEADING_ID)?.focus();
              }}
            />
          )}
          {history.state.kind === 'loaded' && <ProofList proofs={history.state.listing.proofs} />}
        </div>
      )}
    </div>
  );
}
