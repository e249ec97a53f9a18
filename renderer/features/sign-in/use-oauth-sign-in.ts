/**
 * One account's OAuth sign-in from the window: start it (main opens the provider's page in the system
 * browser), cancel it, sign out. Main answers with the account and the signed-in address only; no token
 * ever reaches the page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import type { Outcome } from '../../../preload/contract/outcome';
import type { SignInResult } from '../../../preload/contract/sign-in';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import type { SignInPhase } from './sign-in-phase';

export interface OAuthSignIn {
  readonly phase: SignInPhase;
  start(): void;
  cancel(): void;
  signOut(): void;
}

/**
 * `pending`: a sign-in already started (right after the account was saved), followed from the start.
 * `onChanged` hears of every change to the account (signed in, signed out).
 */
export function useOAuthSignIn(
  account: AccountView,
  pending: Promise<Outcome<SignInResult>> | null,
  onChanged?: (account: AccountView) => void,
): OAuthSignIn {
  const id = account.id;
  const [phase, setPhase] = useState<SignInPhase>(
    pending === null ? { kind: 'checking' } : { kind: 'waiting' },
  );
  /** The sign-in this screen follows; an answer for an older one is ignored. */
  const following = useRef<Promise<Outcome<SignInResult>> | null>(null);
  const cancelling = useRef(false);
  const changed = useRef(onChanged);
  useEffect(() => {
    changed.current = onChanged;
  });

  /** Waits for a sign-in's answer; the phase says 'waiting' already. */
  const listen = useCallback((signIn: Promise<Outcome<SignInResult>>) => {
    following.current = signIn;
    cancelling.current = false;
    void signIn.then((outcome) => {
      if (following.current !== signIn) return;
      following.current = null;
      if (outcome.ok) {
        setPhase({ kind: 'signed-in', address: outcome.value.signedInAs });
        changed.current?.(outcome.value.account);
      } else if (cancelling.current) {
        setPhase({ kind: 'cancelled' });
      } else {
        setPhase({ kind: 'failed', message: outcome.error.message });
      }
    });
  }, []);

  useEffect(() => {
    if (pending !== null) {
      listen(pending);
      return;
    }
    let current = true;
    void bridge()
      .accounts.signInStatus(id)
      .then((outcome) => {
        if (!current) return;
        if (!outcome.ok) setPhase({ kind: 'failed', message: outcome.error.message });
        else if (outcome.value.state === 'signing-in') setPhase({ kind: 'waiting' });
        else setPhase({ kind: 'idle', state: outcome.value.state, address: outcome.value.signedInAs });
      });
    return () => {
      current = false;
    };
  }, [id, pending, listen]);

  // Leaving the screen while the browser is open cancels the sign-in, so its listener does not linger.
  // Deferred a tick: React's development double mount unmounts and mounts again at once.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      setTimeout(() => {
        if (!mounted.current && following.current !== null) void bridge().accounts.cancelSignIn(id);
      }, 0);
    };
  }, [id]);

  return {
    phase,
    start() {
      setPhase({ kind: 'waiting' });
      listen(bridge().accounts.signIn(id));
    },
    cancel() {
      cancelling.current = true;
      void bridge().accounts.cancelSignIn(id);
    },
    signOut() {
      setPhase({ kind: 'signing-out' });
      void bridge()
        .accounts.signOut(id)
        .then((outcome) => {
          if (!outcome.ok) {
            setPhase({ kind: 'failed', message: outcome.error.message });
            return;
          }
          const { revocation, reason, withdraw } = outcome.value;
          const said = strings.signIn.signedOut;
          const message = revocation === 'failed' ? said.failed(reason ?? '') : said[revocation];
          setPhase({
            kind: 'signed-out',
            message: withdraw === null ? message : `${message} ${withdraw}`,
          });
          changed.current?.(outcome.value.account);
        });
    },
  };
}
