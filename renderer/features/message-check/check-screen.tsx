/**
 * "Check a message": open a file or paste a message, wait while main judges it, then its results; below
 * the two ways in, the messages checked before.
 *
 * A message that is not one (or is too big) is said in an alert above the two ways in, with what main
 * found, so the person can try again without losing the paste.
 */
import { useState } from 'react';
import type { AnalysisEntry, MessageCheckResult } from '../../../preload/contract/message-check';
import type { Outcome } from '../../../preload/contract/outcome';
import { LiveStatus } from '../../components/live-status';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import { BackToAccounts } from '../audit/back-to-accounts';
import { AnalysisResults } from './analysis-results';
import { CheckedMessages } from './checked-messages';
import { MessageIntake } from './message-intake';

type CheckState =
  | { readonly kind: 'ready'; readonly problem: { readonly title: string; readonly message: string } | null }
  | { readonly kind: 'checking'; readonly source: 'file' | 'paste' }
  | { readonly kind: 'done'; readonly entry: AnalysisEntry; readonly notSavedReason: string | undefined };

export interface CheckScreenProps {
  readonly focusOnMount: boolean;
  readonly onBack: () => void;
  /** Opens a stored analysis from "Checked messages". */
  readonly onOpenStored: (runId: string) => void;
}

const READY: CheckState = { kind: 'ready', problem: null };

export function CheckScreen({ focusOnMount, onBack, onOpenStored }: CheckScreenProps) {
  const text = strings.messageCheck;
  const [state, setState] = useState<CheckState>(READY);

  const settle = (outcome: Outcome<MessageCheckResult>) => {
    if (!outcome.ok) {
      setState({ kind: 'ready', problem: { title: text.failedTitle, message: outcome.error.message } });
      return;
    }
    const result = outcome.value;
    switch (result.kind) {
      case 'cancelled':
        setState(READY);
        return;
      case 'analysed': {
        // Not a message at all (or too big to read): nothing to show but why, beside the two ways in.
        const worst = result.entry.analysis.verdict.problems[0];
        if (result.entry.analysis.message === null && worst !== undefined) {
          setState({ kind: 'ready', problem: { title: worst.title, message: worst.explanation } });
          return;
        }
        setState({
          kind: 'done',
          entry: result.entry,
          notSavedReason: result.history.saved ? undefined : result.history.message,
        });
      }
    }
  };

  const check = async (source: 'file' | 'paste', run: () => Promise<Outcome<MessageCheckResult>>) => {
    setState({ kind: 'checking', source });
    settle(await run());
  };

  switch (state.kind) {
    case 'done':
      return (
        <AnalysisResults
          entry={state.entry}
          notSavedReason={state.notSavedReason}
          onBack={() => {
            setState(READY);
          }}
        />
      );
    case 'ready':
    case 'checking':
      return (
        <div className="audit message-check">
          <BackToAccounts onBack={onBack} />
          <PageHeading focusOnMount={focusOnMount}>{text.title}</PageHeading>
          <p className="lead">{text.lead}</p>
          {state.kind === 'ready' && state.problem !== null && (
            <Notice tone="error" role="alert" title={state.problem.title} className="audit__notice">
              <p>{state.problem.message}</p>
            </Notice>
          )}
          <MessageIntake
            busy={state.kind === 'checking' ? state.source : null}
            onOpenFile={(offline) => void check('file', () => bridge().message.checkFile(offline))}
            onPaste={(pasted, offline) =>
              void check('paste', () => bridge().message.checkPaste(pasted, offline))
            }
          />
          <LiveStatus message={state.kind === 'checking' ? text.busy : ''} />
          <CheckedMessages onOpen={onOpenStored} />
        </div>
      );
  }
}
