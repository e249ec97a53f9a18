/**
 * History's "Checked messages": every stored analysis, newest first, each one click from its results.
 * Read from the history list (all targets), which keeps checked messages beside the audit runs.
 */
import { useEffect, useState } from 'react';
import type { AnalysisRunSummary } from '../../../preload/contract/message-check';
import { Button } from '../../components/button';
import { LiveStatus } from '../../components/live-status';
import { Notice } from '../../components/notice';
import { SeverityCountList } from '../../components/severity-count-list';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import { formatWhen } from '../history/history-model';

type ListState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'loaded'; readonly analyses: readonly AnalysisRunSummary[] };

export function CheckedMessages({ onOpen }: { readonly onOpen: (runId: string) => void }) {
  const text = strings.messageCheck;
  const [state, setState] = useState<ListState>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void bridge()
      .history.list()
      .then((outcome) => {
        if (!live) return;
        setState(
          outcome.ok
            ? { kind: 'loaded', analyses: outcome.value.analyses }
            : { kind: 'failed', message: outcome.error.message },
        );
      });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="audit__section checked-messages" aria-labelledby="checked-messages-title">
      <h2 id="checked-messages-title" className="section-title">
        {text.historyTitle}
      </h2>
      <p>{text.historyLead}</p>
      <LiveStatus message={state.kind === 'loading' ? text.historyLoading : ''} visible={false} />
      {state.kind === 'failed' && (
        <Notice tone="error" role="alert" title={text.historyFailedTitle}>
          <p>{state.message}</p>
        </Notice>
      )}
      {state.kind === 'loaded' &&
        (state.analyses.length === 0 ? (
          <p className="checked-messages__empty">{text.historyEmpty}</p>
        ) : (
          <ul className="run-list" aria-label={text.historyTitle}>
            {state.analyses.map((analysis) => (
              <CheckedRow key={analysis.runId} analysis={analysis} onOpen={onOpen} />
            ))}
          </ul>
        ))}
    </section>
  );
}

function CheckedRow({
  analysis,
  onOpen,
}: {
  readonly analysis: AnalysisRunSummary;
  readonly onOpen: (runId: string) => void;
}) {
  const text = strings.messageCheck;
  const when = formatWhen(analysis.analysedAt);
  const tags = [
    ...(analysis.hasBody ? [] : [text.headerOnly]),
    ...(analysis.offline ? [text.historyOffline] : []),
  ];
  return (
    <li className="run-row" data-run-id={analysis.runId}>
      <div className="run-row__main">
        <div className="run-row__what">
          <p className="run-row__when">
            <time dateTime={analysis.analysedAt}>{when}</time>
            {tags.map((tag) => (
              <span className="run-row__tag" key={tag}>
                {tag}
              </span>
            ))}
          </p>
          <p className="run-row__target">
            {text.historyRow(analysis.fromDomain, text.source[analysis.source])}
          </p>
          {analysis.worst !== null && <p className="run-row__target">{analysis.worst.title}</p>}
          <SeverityCountList counts={analysis.counts} label={strings.history.countsLabel} compact />
        </div>
        <div className="actions actions--compact run-row__actions">
          <Button
            aria-label={text.openLabel(when)}
            onClick={() => {
              onOpen(analysis.runId);
            }}
          >
            {text.openRun}
          </Button>
        </div>
      </div>
    </li>
  );
}
