/**
 * Virtual time for a replay: each recorded answer is delivered at the moment it first arrived, in the
 * order answers arrived, and the clock reads that moment.
 *
 * A tiny discrete-event simulation: pending answers wait in a queue ordered by their recorded time and
 * arrival number; one is released per turn of the event loop, after the previous answer's consequences
 * have run (and perhaps asked for more). So a probe that timed a greeting at 264 ms reads 264 ms again,
 * and a certificate's days to expiry are counted from the same instant, however fast the replay runs.
 */
import type { Clock } from '../ports';

/** When a recorded answer arrived: ms after the start, and its number in arrival order. */
export interface Moment {
  readonly atMs: number;
  readonly seq: number;
}

export interface VirtualTimeline {
  /** Starts at the report's start and moves only as answers are delivered. */
  readonly clock: Clock;
  /** Resolves with `value` at `moment` (at once, in turn, when it has passed); null: now, after what is due. */
  deliver<T>(moment: Moment | null, value: T): Promise<T>;
}

interface Pending extends Moment {
  readonly order: number;
  readonly release: () => void;
}

export function createVirtualTimeline(startedAtMs: number): VirtualTimeline {
  let nowMs = 0;
  let order = 0;
  let scheduled = false;
  const pending: Pending[] = [];

  function turn(): void {
    scheduled = false;
    pending.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq || a.order - b.order);
    const next = pending.shift();
    if (next === undefined) return;
    nowMs = Math.max(nowMs, next.atMs);
    next.release();
    schedule();
  }

  function schedule(): void {
    if (scheduled || pending.length === 0) return;
    scheduled = true;
    // A macrotask: everything the last answer set off (promise continuations) runs first.
    setImmediate(turn);
  }

  return {
    clock: { now: () => new Date(startedAtMs + nowMs) },
    deliver: (moment, value) =>
      new Promise((resolve) => {
        pending.push({
          atMs: Math.max(moment?.atMs ?? nowMs, nowMs),
          seq: moment?.seq ?? Number.MAX_SAFE_INTEGER,
          order: order++,
          release: () => {
            resolve(value);
          },
        });
        schedule();
      }),
  };
}
