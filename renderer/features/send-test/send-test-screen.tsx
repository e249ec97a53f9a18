/**
 * "Send a test message" for one account: the consent panel first (nothing is sent before Send), then the
 * progress with Stop, then the verdict on what arrived, kept in the account's History.
 */
import type { AccountView } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { strings } from '../../strings';
import { BackToAccounts } from '../audit/back-to-accounts';
import { ProofProgress } from './proof-progress';
import { ProofResults } from './proof-results';
import { SendConsent } from './send-consent';
import { useProofRun } from './use-proof-run';

export interface SendTestScreenProps {
  readonly account: AccountView;
  readonly onClose: () => void;
  /** The account was saved from the results (a DKIM selector the message taught). */
  readonly onAccountChanged: (account: AccountView) => void;
}

export function SendTestScreen({ account, onClose, onAccountChanged }: SendTestScreenProps) {
  const text = strings.sendTest;
  const run = useProofRun();
  const { state } = run;
  const finished = state.kind === 'finished';

  return (
    <div className="audit send-test">
      <BackToAccounts onBack={onClose} />
      {/* The heading changes with the step, and takes focus each time so a screen reader hears it. */}
      <PageHeading key={finished ? 'results' : 'send'} focusOnMount>
        {finished ? text.resultsTitle(account.label) : text.title(account.label)}
      </PageHeading>
      {(state.kind === 'asking' || state.kind === 'starting') && (
        <SendConsent
          account={account}
          busy={state.kind === 'starting'}
          problem={state.kind === 'asking' ? state.problem : null}
          onSend={(to) => {
            run.send(account.id, to);
          }}
          onCancel={onClose}
        />
      )}
      {state.kind === 'running' && (
        <ProofProgress steps={state.steps} stopping={state.stopping} onStop={run.stop} />
      )}
      {state.kind === 'finished' && (
        <ProofResults
          entry={state.entry}
          notSavedReason={state.notSavedReason}
          account={account}
          onAccountChanged={onAccountChanged}
        />
      )}
      {state.kind === 'cancelled' && (
        <Notice tone="info" role="status" title={text.cancelledTitle} className="audit__notice">
          <p>{state.sent ? text.cancelledSent : text.cancelledNotSent}</p>
        </Notice>
      )}
      {state.kind === 'failed' && (
        <Notice tone="error" role="alert" title={text.failedTitle} className="audit__notice">
          <p>{state.message}</p>
        </Notice>
      )}
      {(state.kind === 'finished' || state.kind === 'cancelled' || state.kind === 'failed') && (
        <div className="actions">
          <Button onClick={run.reset}>{text.again}</Button>
        </div>
      )}
    </div>
  );
}
