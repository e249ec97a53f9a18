/**
 * One account's stored runs, newest first, and each run's overall grade.
 *
 * The list carries counts but no score, so the grades are read from the stored reports one by one,
 * after the list is already on screen.
 */
import { useCallback, useEffect, useState } from 'react';
import type { HistoryListing } from '../../../preload/contract/history';
import type { Grade } from '../../../preload/contract/score';
import { bridge } from '../../lib/bridge';

export type ListingState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'loaded'; readonly listing: HistoryListing };

/** A run's grade: null when its report has no score or no tested area. */
export type GradeMap = Readonly<Record<string, Grade | null>>;

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

/** A run's overall grade, read from its stored report. */
async function loadGrade(runId: string): Promise<Grade | null> {
  const entry = await bridge().history.get(runId);
  return entry.ok ? (entry.value.report.score?.overall?.grade ?? null) : null;
}

export function useHistory(accountId: string) {
  const [state, setState] = useState<ListingState>({ kind: 'loading' });
  const [grades, setGrades] = useState<GradeMap>({});

  const show = useCallback((loaded: ListingState, isCurrent: () => boolean) => {
    setState(loaded);
    if (loaded.kind !== 'loaded') return;
    for (const run of loaded.listing.runs) {
      void loadGrade(run.runId).then((grade) => {
        if (isCurrent()) setGrades((known) => ({ ...known, [run.runId]: grade }));
      });
    }
  }, []);

  const reload = useCallback(async () => {
    setState({ kind: 'loading' });
    show(await loadListing(accountId), () => true);
  }, [accountId, show]);

  useEffect(() => {
    let current = true;
    void loadListing(accountId).then((loaded) => {
      if (current) show(loaded, () => current);
    });
    return () => {
      current = false;
    };
  }, [accountId, show]);

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

  return { state, grades, reload, drop };
}
