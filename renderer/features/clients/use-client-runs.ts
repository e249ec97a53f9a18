/** A client's stored client runs, newest first, read from main when the client page opens. */
import { useCallback, useEffect, useState } from 'react';
import type { ClientRunListing } from '../../../preload/contract/clients';
import { bridge } from '../../lib/bridge';

export type ClientRunsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'loaded'; readonly listing: ClientRunListing };

export function useClientRuns(client: string): ClientRunsState {
  const [state, setState] = useState<ClientRunsState>({ kind: 'loading' });
  const load = useCallback(async () => {
    const outcome = await bridge().clients.runs(client);
    return outcome.ok
      ? ({ kind: 'loaded', listing: outcome.value } as const)
      : ({ kind: 'failed', message: outcome.error.message } as const);
  }, [client]);
  useEffect(() => {
    let current = true;
    void load().then((next) => {
      if (current) setState(next);
    });
    return () => {
      current = false;
    };
  }, [load]);
  return state;
}
