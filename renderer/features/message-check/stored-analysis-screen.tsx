/** A checked message reopened from "Checked messages": read from the history, shown read-only. */
import { useEffect, useState } from 'react';
import type { AnalysisEntry } from '../../../preload/contract/message-check';
import { LiveStatus } from '../../components/live-status';
import { Notice } from '../../components/notice';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import { BackToAccounts } from '../audit/back-to-accounts';
import { AnalysisResults } from './analysis-results';

type LoadState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'loaded'; readonly entry: AnalysisEntry };

export interface StoredAnalysisScreenProps {
  readonly runId: string;
  readonly onBack: () => void;
}

export function StoredAnalysisScreen({ runId, onBack }: StoredAnalysisScreenProps) {
  const text = strings.messageCheck;
  const [state, setState] = useState<LoadState>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void bridge()
      .message.get(runId)
      .then((outcome) => {
        if (!live) return;
        setState(
          outcome.ok
            ? { kind: 'loaded', entry: outcome.value }
            : { kind: 'failed', message: outcome.error.message },
        );
      });
    return () => {
      live = false;
    };
  }, [runId]);

  switch (state.kind) {
    case 'loaded':
      return <AnalysisResults entry={state.entry} onBack={onBack} />;
    case 'loading':
      return <LiveStatus message={text.loading} />;
    case 'failed':
      return (
        <div className="audit">
          <BackToAccounts onBack={onBack} label={text.back} />
          <Notice tone="error" role="alert" title={text.loadFailedTitle}>
            <p>{state.message}</p>
          </Notice>
        </div>
      );
  }
}
