/** Finding and timing an external command-line tool (testssl.sh, swaks) without ever hanging. */
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { performance } from 'node:perf_hooks';

const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

export interface ToolRun {
  readonly ms: number;
  /** Exit status; null when it was killed (timed out). */
  readonly code: number | null;
  readonly timedOut: boolean;
  /** stdout and stderr; may hold secrets (swaks prints its AUTH exchange): inspect, never print. */
  readonly output: string;
}

/** The first executable called one of `names` on PATH, or null. */
export async function findExecutable(names: readonly string[]): Promise<string | null> {
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // Not here; keep looking.
      }
    }
  }
  return null;
}

/** Run once under `timeoutMs`, timing it by the wall clock from spawn to exit. */
export function runTool(path: string, args: readonly string[], timeoutMs: number): Promise<ToolRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      path,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const ms = performance.now() - started;
        const killed = error?.killed === true;
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ ms, code: killed ? null : code, timedOut: killed, output: `${stdout}\n${stderr}` });
      },
    );
  });
}
