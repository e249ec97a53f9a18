/**
 * Hands port answers to the checks one at a time, and a clock that moves only when one is handed over,
 * so an audit's every reading of time can be replayed exactly.
 *
 * Each answer is released in its own turn of the event loop: everything it sets off (the check reading
 * the clock, asking for more) runs before the next answer is released. Between two answers the core only
 * computes, so the clock reads the moment of the last release; a re-evaluation that releases the same
 * answers in the same order at the same recorded moments (virtual-timeline.ts) gives the same greeting
 * times and certificate ages, to the millisecond. The cost is one event-loop turn per answer.
 */
import type { Clock } from '../ports';
import type { Moment } from './virtual-timeline';

export interface RecordingClock {
  /** What the checks read. */
  readonly clock: Clock;
  /** Epoch ms when recording began: the report's start. */
  readonly startedAtMs: number;
  /** A port's answer is in: resolves in the answer's own turn, with when (ms since the start) and its number. */
  arrived(): Promise<Moment>;
}

export function createRecordingClock(underlying: Clock): RecordingClock {
  const startedAtMs = underlying.now().getTime();
  let current = startedAtMs;
  let seq = 0;
  let scheduled = false;
  const waiting: (() => void)[] = [];

  function turn(): void {
    scheduled = false;
    waiting.shift()?.();
    schedule();
  }

  function schedule(): void {
    if (scheduled || waiting.length === 0) return;
    scheduled = true;
    // A macrotask: the previous answer's consequences (promise continuations) have all run by now.
    setImmediate(turn);
  }

  return {
    clock: { now: () => new Date(current) },
    startedAtMs,
    arrived: () =>
      new Promise((resolve) => {
        waiting.push(() => {
          current = Math.max(current, underlying.now().getTime());
          seq += 1;
          resolve({ atMs: current - startedAtMs, seq });
        });
        schedule();
      }),
  };
}
