/** One account's stored runs, newest first, each with its grade and counts (no full report needed). */
import { useCallback, useEffect, useState } from 'react';
import type { HistoryListing } from '../../../preload/contract/history';
import { bridge } from '../../lib/bridge';

export type ListingState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'loaded'; readonly listing: HistoryListing };

/** The list, or what went wrong, as the screen shows it. */
async function loadListing(accountId: string): Promise<ListingState> {
  try {
    const outcome = await bridge().history.list({ kind: 'account', accountId });
    return outcome.ok
      ? { kind: 'loaded', listing: outcome.value }
      : { kind: 'failed', message: outcome.error.message };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

export function useHistory(accountId: string) {
  const [state, setState] = useState<ListingState>({ kind: 'loading' });

  const reload = useCallback(async () => {
    setState({ kind: 'loading' });
    setState(await loadListing(accountId));
  }, [accountId]);

  useEffect(() => {
    let current = true;
    void loadListing(accountId).then((loaded) => {
      if (current) setState(loaded);
    });
    return () => {
      current = false;
    };
  }, [accountId]);

  /** Takes a deleted run off the list without asking main again. */
  const drop = useCallback((runId: string) => {
    setState((previous) =>
      previous.kind === 'loaded'
        ? {
            kind: 'loaded',
            listing: {
              ...previous.listing,
              runs: previous.listing.runs.filter((run) => run.runId !== runId),
            },
          }
        : previous,
    );
  }, []);

  return { state, reload, drop };
}
