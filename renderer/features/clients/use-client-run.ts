/**
 * Testing all of a client's accounts: one audit after another, each row moved on by its own events.
 *
 * One account at a time, never in parallel: each audit already runs its checks concurrently against
 * that account's server, so running one account's probes at a time keeps the load on a client's servers
 * (often the same host for every account) what a single test puts on them.
 *
 * As in use-audit-run.ts, events that arrive before `audit.start` answers with the run id are held and
 * replayed. Cancel stops the current audit (it ends with a cancelled report, kept in the history) and
 * skips the accounts not yet started. When the screen goes away, a running audit is cancelled.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../../preload/contract/accounts';
import type { AuditEvent } from '../../../preload/contract/audit';
import type { ClientRunRecordRequest } from '../../../preload/contract/clients';
import { bridge } from '../../lib/bridge';
import { strings } from '../../strings';
import { auditOptionsFor, type PlanChoices } from '../audit/audit-model';
import {
  applyRowEvent,
  failRow,
  initialRows,
  skipWaiting,
  startRow,
  type ClientRow,
} from './client-run-model';

export type ClientRunPhase = 'plan' | 'running' | 'finished';

export interface ClientRun {
  readonly phase: ClientRunPhase;
  readonly rows: readonly ClientRow[];
  /** True from Cancel until the current audit has stopped. */
  readonly cancelling: boolean;
  readonly start: (choices: PlanChoices) => void;
  readonly cancel: () => void;
  /** Why the finished run could not be kept in the client's list of runs; null when it was (or is being) kept. */
  readonly notKept: string | null;
}

/** The audit in progress: its row, its run id once known, and how to tell the loop it ended. */
interface Current {
  readonly index: number;
  runId: string | null;
  /** Events that came before the run id did. */
  readonly early: AuditEvent[];
  readonly ended: () => void;
}

export function useClientRun(client: string, accounts: readonly AccountView[]): ClientRun {
  const [phase, setPhase] = useState<ClientRunPhase>('plan');
  const [rows, setRows] = useState<readonly ClientRow[]>(() => initialRows(accounts));
  const [cancelling, setCancelling] = useState(false);
  const [notKept, setNotKept] = useState<string | null>(null);
  const startedAt = useRef<string | null>(null);
  const current = useRef<Current | null>(null);
  const cancelled = useRef(false);
  const mounted = useRef(true);

  const deliver = useCallback((run: Current, event: AuditEvent) => {
    setRows((previous) => applyRowEvent(previous, run.index, event));
    if (event.type === 'finished' || event.type === 'failed') run.ended();
  }, []);

  useEffect(() => {
    mounted.current = true;
    const unsubscribe = bridge().audit.onEvent((event) => {
      const run = current.current;
      if (run === null) return;
      if (run.runId === null) run.early.push(event);
      else if (event.runId === run.runId) deliver(run, event);
    });
    return () => {
      mounted.current = false;
      cancelled.current = true;
      unsubscribe();
      const runId = current.current?.runId;
      if (runId !== undefined && runId !== null) void bridge().audit.cancel(runId);
      current.current?.ended();
    };
  }, [deliver]);

  /** Runs one account's audit to its end; resolves when its row has settled. */
  const runOne = useCallback(
    async (index: number, account: AccountView, choices: PlanChoices) => {
      let ended = (): void => undefined;
      const finished = new Promise<void>((resolve) => {
        ended = resolve;
      });
      const run: Current = { index, runId: null, early: [], ended };
      current.current = run;
      setRows((previous) => startRow(previous, index, Date.now()));
      const outcome = await bridge().audit.start(
        { kind: 'account', accountId: account.id },
        auditOptionsFor(choices, account),
      );
      if (!outcome.ok) {
        setRows((previous) => failRow(previous, index, outcome.error.message));
        return;
      }
      run.runId = outcome.value.runId;
      for (const event of run.early.splice(0)) if (event.runId === run.runId) deliver(run, event);
      // Cancel was pressed while this audit was starting: stop it now that it has an id.
      if (cancelled.current) void bridge().audit.cancel(run.runId);
      await finished;
    },
    [deliver],
  );

  const start = useCallback(
    (choices: PlanChoices) => {
      cancelled.current = false;
      startedAt.current = new Date().toISOString();
      setPhase('running');
      void (async () => {
        for (const [index, account] of accounts.entries()) {
          if (cancelled.current) break;
          await runOne(index, account, choices);
        }
        current.current = null;
        if (!mounted.current) return;
        setRows((previous) => skipWaiting(previous));
        setCancelling(false);
        setPhase('finished');
      })();
    },
    [accounts, runOne],
  );

  const cancel = useCallback(() => {
    if (cancelled.current) return;
    cancelled.current = true;
    setCancelling(true);
    // The audit ends with a `finished` event whose report says it was cancelled.
    const runId = current.current?.runId;
    if (runId !== undefined && runId !== null) void bridge().audit.cancel(runId);
  }, []);

  // Once every row has settled, the client run is kept (main reads each account's summary from its run).
  useEffect(() => {
    const began = startedAt.current;
    if (phase !== 'finished' || began === null || rows.length === 0) return;
    startedAt.current = null;
    void bridge()
      .clients.recordRun({ client, startedAt: began, accounts: rows.map(recordOf) })
      .then((outcome) => {
        if (!outcome.ok && mounted.current) setNotKept(outcome.error.message);
      });
  }, [phase, rows, client]);

  return { phase, rows, cancelling, start, cancel, notKept };
}

/** What the page tells main about one row: the run it made, or why it made none. */
function recordOf(row: ClientRow): ClientRunRecordRequest['accounts'][number] {
  const { state } = row;
  const accountId = row.account.id;
  switch (state.kind) {
    case 'done':
    case 'cancelled':
      return state.saved
        ? { accountId, result: { kind: 'tested', runId: state.runId } }
        : { accountId, result: { kind: 'failed', message: strings.clients.run.notSaved } };
    case 'failed':
      return { accountId, result: { kind: 'failed', message: state.message } };
    case 'waiting':
    case 'running':
    case 'skipped':
      return { accountId, result: { kind: 'skipped' } };
  }
}
