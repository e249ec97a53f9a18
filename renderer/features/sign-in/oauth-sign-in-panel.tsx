/**
 * An OAuth account's sign-in, in place: its state, "Sign in with …", the wait while the provider's page
 * is open in the browser (with Cancel), the signed-in address, and provider errors in the plain words
 * main gives them.
 */
import type { AccountView, OAuthProviderName } from '../../../preload/contract/accounts';
import { Button } from '../../components/button';
import { LiveStatus } from '../../components/live-status';
import { Notice } from '../../components/notice';
import { strings } from '../../strings';
import { isBusy, isSignedIn, type SignInPhase } from './sign-in-phase';
import type { OAuthSignIn } from './use-oauth-sign-in';

/**
 * The way out of a page the panel sits on ("Done", "Sign in later"), kept in the panel's one row of
 * buttons. When `primary`, it is the row's one primary button and comes first (as in the other panels:
 * the action to take, then the others); "Sign in again" is then secondary.
 */
export interface PanelFinish {
  readonly label: string;
  readonly primary: boolean;
  readonly onClick: () => void;
}

export interface OAuthSignInPanelProps {
  readonly account: AccountView;
  readonly provider: OAuthProviderName;
  readonly signIn: OAuthSignIn;
  readonly finish?: PanelFinish | undefined;
}

export function OAuthSignInPanel({ account, provider, signIn, finish }: OAuthSignInPanelProps) {
  const text = strings.signIn;
  const { phase } = signIn;
  const providerName = text.provider[provider];
  const busy = isBusy(phase);
  const finishButton =
    finish === undefined ? null : (
      <Button variant={finish.primary ? 'primary' : 'quiet'} onClick={finish.onClick}>
        {finish.label}
      </Button>
    );
  return (
    <div className="sign-in-panel" data-sign-in-phase={phase.kind}>
      <PhaseMessage phase={phase} providerName={providerName} />
      <LiveStatus message={announcement(phase, providerName)} visible={false} />
      <div className="actions actions--compact">
        {finish?.primary === true && finishButton}
        {phase.kind === 'waiting' ? (
          <Button
            onClick={() => {
              signIn.cancel();
            }}
          >
            {text.cancel}
          </Button>
        ) : (
          <Button
            variant={finish?.primary === true ? 'secondary' : 'primary'}
            busy={busy}
            busyLabel={phase.kind === 'signing-out' ? text.signingOut : text.checking}
            onClick={() => {
              signIn.start();
            }}
          >
            {isSignedIn(phase) ? text.again : text.start(providerName)}
          </Button>
        )}
        {isSignedIn(phase) && (
          <Button
            variant="quiet"
            aria-label={`${text.signOut}: ${account.label}`}
            onClick={() => {
              signIn.signOut();
            }}
          >
            {text.signOut}
          </Button>
        )}
        {finish?.primary === false && finishButton}
      </div>
    </div>
  );
}

function PhaseMessage({
  phase,
  providerName,
}: {
  readonly phase: SignInPhase;
  readonly providerName: string;
}) {
  const text = strings.signIn;
  switch (phase.kind) {
    case 'checking':
      return <p className="muted">{text.checking}</p>;
    case 'idle':
      return (
        <p className="muted">
          {phase.state === 'signed-in'
            ? phase.address === null
              ? text.statusSignedIn
              : text.signedInAs(phase.address)
            : phase.state === 'signed-out'
              ? text.statusSignedOut
              : text.statusUnknown}
        </p>
      );
    case 'waiting':
      return (
        <Notice tone="info" title={text.waitingTitle}>
          <p>{text.waiting(providerName)}</p>
        </Notice>
      );
    case 'signed-in':
      return (
        <Notice tone="success" title={text.signedInTitle}>
          <p>{phase.address === null ? text.signedInNoAddress : text.signedInAs(phase.address)}</p>
        </Notice>
      );
    case 'failed':
      return (
        <Notice tone="error" role="alert" title={text.failedTitle}>
          <p>{phase.message}</p>
        </Notice>
      );
    case 'cancelled':
      return <p className="muted">{text.cancelled}</p>;
    case 'signing-out':
      return <p className="muted">{text.signingOut}</p>;
    case 'signed-out':
      return <p className="muted">{phase.message}</p>;
  }
}

/** What a screen reader hears as the phase changes (the failure is an alert of its own). */
function announcement(phase: SignInPhase, providerName: string): string {
  const text = strings.signIn;
  switch (phase.kind) {
    case 'waiting':
      return `${text.waitingTitle}. ${text.waiting(providerName)}`;
    case 'signed-in':
      return phase.address === null ? text.signedInNoAddress : text.signedInAs(phase.address);
    case 'cancelled':
      return text.cancelled;
    case 'signed-out':
      return phase.message;
    case 'checking':
    case 'idle':
    case 'failed':
    case 'signing-out':
      return '';
  }
}
