/**
 * The page after an OAuth account was saved: the sign-in starts at once (the provider's page opens in
 * the browser), and the page waits for it; "Done" once signed in (the primary button, "Sign in again"
 * beside it), "Sign in later" otherwise.
 */
import { useState } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import type { Outcome } from '../../../preload/contract/outcome';
import type { SignInResult } from '../../../preload/contract/sign-in';
import { PageHeading } from '../../components/page-heading';
import { strings } from '../../strings';
import { OAuthSignInPanel } from './oauth-sign-in-panel';
import { useOAuthSignIn } from './use-oauth-sign-in';

export interface SignInStepProps {
  readonly account: AccountView;
  /** The sign-in started when the account was saved. */
  readonly pending: Promise<Outcome<SignInResult>>;
  /** Leaves the step with the account as it now is. */
  readonly onDone: (account: AccountView) => void;
}

export function SignInStep({ account, pending, onDone }: SignInStepProps) {
  const text = strings.signIn;
  const [latest, setLatest] = useState(account);
  const signIn = useOAuthSignIn(account, pending, setLatest);
  if (account.signIn?.method !== 'oauth') return null;
  const finished = signIn.phase.kind === 'signed-in';
  return (
    <div className="add-account">
      <PageHeading focusOnMount id="sign-in-step-title">
        {text.stepTitle(account.label)}
      </PageHeading>
      <p className="lead">{text.stepLead}</p>
      <OAuthSignInPanel
        account={account}
        provider={account.signIn.provider}
        signIn={signIn}
        finish={{
          label: finished ? text.done : text.later,
          primary: finished,
          onClick: () => {
            onDone(latest);
          },
        }}
      />
    </div>
  );
}
