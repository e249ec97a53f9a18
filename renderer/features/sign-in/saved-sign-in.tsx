/** A saved OAuth account's sign-in where the account is shown: its state, sign in (again), sign out. */
import type { AccountView, OAuthProviderName } from '../../../preload/contract/accounts';
import { OAuthSignInPanel } from './oauth-sign-in-panel';
import { useOAuthSignIn } from './use-oauth-sign-in';

export interface SavedSignInProps {
  readonly account: AccountView;
  readonly provider: OAuthProviderName;
  readonly onChanged?: ((account: AccountView) => void) | undefined;
}

export function SavedSignIn({ account, provider, onChanged }: SavedSignInProps) {
  const signIn = useOAuthSignIn(account, null, onChanged);
  return <OAuthSignInPanel account={account} provider={provider} signIn={signIn} />;
}
