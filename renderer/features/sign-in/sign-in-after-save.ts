/** Whether saving an account goes on to the provider's page, and the sign-in it starts. */
import type { AccountView } from '../../../preload/contract/accounts';
import type { Outcome } from '../../../preload/contract/outcome';
import type { SignInResult } from '../../../preload/contract/sign-in';
import { bridge } from '../../lib/bridge';

export interface SignInAfterSave {
  readonly account: AccountView;
  readonly pending: Promise<Outcome<SignInResult>>;
}

/**
 * Starts the sign-in of an account just saved with OAuth, unless it was already signed in with the same
 * provider, issuer and client (an edit of its other settings: "Sign in" stays in the form for that). `before` is the account before the edit.
 */
export function startSignInAfterSave(saved: AccountView, before: AccountView | null): SignInAfterSave | null {
  if (saved.signIn?.method !== 'oauth') return null;
  const was = before?.signIn;
  const sameSignIn =
    was?.method === 'oauth' &&
    was.provider === saved.signIn.provider &&
    was.issuer === saved.signIn.issuer &&
    was.clientId === saved.signIn.clientId;
  if (sameSignIn) return null;
  return { account: saved, pending: bridge().accounts.signIn(saved.id) };
}
