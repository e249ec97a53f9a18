/**
 * One audit run as the screens see it: start, live progress per check, cancel, and the report.
 *
 * The event listener is attached before the run starts, because main may push the `planned` event
 * before the answer to `audit.start` (with the run's id) reaches the page; events that arrive in that
 * gap are held and replayed once the id is known. Events of any other run are ignored. The listener is
 * removed when the screen goes away, and a run still going then is cancelled: nobody is watching it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEvent, AuditOptions, AuditTargetRequest } from '../../../preload/contract/audit';
import { bridge } from '../../lib/bridge';
import { applyEvent, type RunPhase } from './run-progress';

export interface AuditRun {
  readonly phase: RunPhase;
  start(target: AuditTargetRequest, options: AuditOptions): Promise<void>;
  cancel(): Promise<void>;
}

export function useAuditRun(): AuditRun {
  const [phase, setPhase] = useState<RunPhase>({ kind: 'idle' });
  const runId = useRef<string | null>(null);
  /** Events that arrived while `audit.start` had not answered yet; null when not starting. */
  const early = useRef<AuditEvent[] | null>(null);
  const running = useRef(false);

  const deliver = useCallback((event: AuditEvent) => {
    if (event.type === 'finished' || event.type === 'failed') running.current = false;
    const now = Date.now();
    setPhase((previous) => applyEvent(previous, event, now));
  }, []);

  useEffect(() => {
    const unsubscribe = bridge().audit.onEvent((event) => {
      if (runId.current === null) {
        early.current?.push(event);
        return;
      }
      if (event.runId === runId.current) deliver(event);
    });
    return () => {
      unsubscribe();
      const id = runId.current;
      if (running.current && id !== null) void bridge().audit.cancel(id);
      running.current = false;
    };
  }, [deliver]);

  const start = useCallback(
    async (target: AuditTargetRequest, options: AuditOptions) => {
      runId.current = null;
      early.current = [];
      setPhase({ kind: 'starting' });
      const outcome = await bridge().audit.start(target, options);
      const held = early.current;
      early.current = null;
      if (!outcome.ok) {
        setPhase({ kind: 'failed', message: outcome.error.message, code: outcome.error.code });
        return;
      }
      const id = outcome.value.runId;
      runId.current = id;
      running.current = true;
      setPhase({ kind: 'running', runId: id, checks: [], cancelling: false });
      for (const event of held) if (event.runId === id) deliver(event);
    },
    [deliver],
  );

  const cancel = useCallback(async () => {
    const id = runId.current;
    if (id === null || !running.current) return;
    setPhase((previous) => (previous.kind === 'running' ? { ...previous, cancelling: true } : previous));
    // The run ends with a `finished` event whose report says it was cancelled.
    await bridge().audit.cancel(id);
  }, []);

  return { phase, start, cancel };
}
