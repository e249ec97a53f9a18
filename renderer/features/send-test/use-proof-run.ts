/**
 * One "Send a test message" run as the screen sees it: asking (the consent panel), running with its
 * latest progress, and how it ended. Events of other runs (another window's) are ignored by proofId.
 */
import { useEffect, useRef, useState } from 'react';
import type { ProofEntry, ProofEvent, ProofProgress } from '../../../preload/contract/proof';
import { bridge } from '../../lib/bridge';

export type ProofRunState =
  | { readonly kind: 'asking'; readonly problem: string | null }
  | { readonly kind: 'starting' }
  | {
      readonly kind: 'running';
      readonly proofId: string;
      readonly steps: readonly ProofProgress[];
      readonly stopping: boolean;
    }
  | { readonly kind: 'finished'; readonly entry: ProofEntry; readonly notSavedReason: string | undefined }
  | { readonly kind: 'cancelled'; readonly sent: boolean }
  | { readonly kind: 'failed'; readonly message: string };

export interface ProofRun {
  readonly state: ProofRunState;
  readonly send: (accountId: string, to: string | undefined) => void;
  readonly stop: () => void;
  /** Back to the consent panel, for another run. */
  readonly reset: () => void;
}

export function useProofRun(): ProofRun {
  const [state, setState] = useState<ProofRunState>({ kind: 'asking', problem: null });
  const current = useRef<string | null>(null);
  /** Events that arrived before start() answered with their run's id. */
  const early = useRef<ProofEvent[]>([]);

  useEffect(() => {
    const apply = (event: ProofEvent) => {
      setState((previous) => nextState(previous, event));
    };
    const unsubscribe = bridge().message.onProofEvent((event) => {
      if (current.current === null) early.current.push(event);
      else if (event.proofId === current.current) apply(event);
    });
    return () => {
      unsubscribe();
      // Leaving the screen stops a run still going: nobody would see its verdict arrive.
      if (current.current !== null) void bridge().message.cancelProof(current.current);
    };
  }, []);

  return {
    state,
    send: (accountId, to) => {
      setState({ kind: 'starting' });
      early.current = [];
      void bridge()
        .message.prove(accountId, to)
        .then((outcome) => {
          if (!outcome.ok) {
            setState({ kind: 'asking', problem: outcome.error.message });
            return;
          }
          const { proofId } = outcome.value;
          current.current = proofId;
          setState({ kind: 'running', proofId, steps: [], stopping: false });
          const missed = early.current.filter((event) => event.proofId === proofId);
          early.current = [];
          for (const event of missed) setState((previous) => nextState(previous, event));
        });
    },
    stop: () => {
      if (state.kind !== 'running') return;
      setState({ ...state, stopping: true });
      void bridge().message.cancelProof(state.proofId);
    },
    reset: () => {
      current.current = null;
      setState({ kind: 'asking', problem: null });
    },
  };
}

/** Where an event of the run on screen leads; events of other runs change nothing. */
export function nextState(previous: ProofRunState, event: ProofEvent): ProofRunState {
  if (previous.kind !== 'running' || previous.proofId !== event.proofId) return previous;
  switch (event.kind) {
    case 'progress':
      return { ...previous, steps: [...previous.steps, event.progress] };
    case 'finished':
      return {
        kind: 'finished',
        entry: event.entry,
        notSavedReason: event.history.saved ? undefined : event.history.message,
      };
    case 'cancelled':
      return { kind: 'cancelled', sent: event.sent };
    case 'failed':
      return { kind: 'failed', message: event.message };
  }
}
