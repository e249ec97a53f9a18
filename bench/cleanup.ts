/**
 * Stops every server the bench started, on success, on error and on Ctrl-C, so no Postfix, Dovecot or
 * knotd outlives the run. The helpers also kill their servers on process exit; this adds the graceful stop.
 */
const STOP_DEADLINE_MS = 10_000;
const EXIT_ON_SIGNAL = 130;

type Stopper = () => Promise<void>;

const stoppers: { readonly name: string; readonly stop: Stopper }[] = [];
let stopping: Promise<void> | undefined;

/** Remember how to stop one server; servers are stopped in reverse start order. */
export function onCleanup(name: string, stop: Stopper): void {
  stoppers.push({ name, stop });
}

/** Stop everything registered, each under its own deadline; safe to call more than once. */
export function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const { name, stop } of stoppers.reverse()) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          process.stderr.write(`bench: stopping ${name} took over ${STOP_DEADLINE_MS} ms; moving on\n`);
          resolve();
        }, STOP_DEADLINE_MS);
      });
      try {
        await Promise.race([stop(), deadline]);
      } catch (error) {
        process.stderr.write(`bench: stopping ${name} failed: ${String(error)}\n`);
      } finally {
        clearTimeout(timer);
      }
    }
  })();
  return stopping;
}

/** Ctrl-C or a kill: stop the servers, then leave with the conventional status. */
export function installSignalHooks(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stopAll().finally(() => process.exit(EXIT_ON_SIGNAL));
    });
  }
}
