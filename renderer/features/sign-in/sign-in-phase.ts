/**
 * Where an account's OAuth sign-in stands on screen, as one union: every screen that shows it switches
 * over all of its kinds, so a new kind cannot be forgotten.
 */
import type { SignInState } from '../../../preload/contract/sign-in';

export type SignInPhase =
  /** Asking main whether the account is signed in. */
  | { readonly kind: 'checking' }
  /** Nothing under way; what the keychain holds. */
  | {
      readonly kind: 'idle';
      readonly state: Exclude<SignInState, 'signing-in'>;
      readonly address: string | null;
    }
  /** The provider's page is open in the browser; main waits (five minutes at most). */
  | { readonly kind: 'waiting' }
  | { readonly kind: 'signed-in'; readonly address: string | null }
  /** The plain sentence main's error carries (refused, timed out, provider unreachable...). */
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'signing-out' }
  | { readonly kind: 'signed-out'; readonly message: string };

/** True while a sign-in (or sign-out) is under way: the buttons that start another are held back. */
export function isBusy(phase: SignInPhase): boolean {
  switch (phase.kind) {
    case 'checking':
    case 'waiting':
    case 'signing-out':
      return true;
    case 'idle':
    case 'signed-in':
    case 'failed':
    case 'cancelled':
    case 'signed-out':
      return false;
  }
}

/** Whether the keychain holds a sign-in after this phase, for the Sign out button. */
export function isSignedIn(phase: SignInPhase): boolean {
  switch (phase.kind) {
    case 'idle':
      return phase.state === 'signed-in';
    case 'signed-in':
      return true;
    case 'checking':
    case 'waiting':
    case 'failed':
    case 'cancelled':
    case 'signing-out':
    case 'signed-out':
      return false;
  }
}
