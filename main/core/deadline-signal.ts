/**
 * A signal that aborts after a deadline, held alive by its own timer.
 *
 * Why not `AbortSignal.timeout()`: Node holds a timeout signal only weakly, so one whose sole holder is an
 * `AbortSignal.any()` can be garbage-collected before it fires, and the deadline silently never comes
 * (nodejs/node#57736). A deadline that may not fire is no deadline, so the timer here holds the
 * controller. The timer is unref'd: it never keeps a CLI run alive on its own.
 */
export interface DeadlineSignal {
  readonly signal: AbortSignal;
  /** Stops the timer once the work is over; the signal then never aborts. */
  clear(): void;
}

export function deadlineSignal(ms: number): DeadlineSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException(`The deadline of ${String(ms)} ms passed.`, 'TimeoutError'));
  }, ms);
  timer.unref();
  return {
    signal: controller.signal,
    clear() {
      clearTimeout(timer);
    },
  };
}
