/**
 * CLI cold start: the built `mailwarden` (bin/mailwarden.mjs, after `npm run build`) against a bare
 * `node -e 0` on the same machine in the same run, interleaved so load from other work hits both alike.
 * Targets (issue 15): `--help` <= 1.5x bare Node, `accounts list` (empty data folder) <= 2x.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatSummary, summarize, verdict, type Summary } from './stats';

interface Command {
  readonly label: string;
  readonly args: readonly string[];
  /** Highest acceptable ratio to bare Node's median. */
  readonly target: number | null;
}

const COMMANDS: readonly Command[] = [
  { label: 'node -e 0 (baseline)', args: ['-e', '0'], target: null },
  { label: 'mailwarden --help', args: ['bin/mailwarden.mjs', '--help'], target: 1.5 },
  { label: 'mailwarden accounts list', args: ['bin/mailwarden.mjs', 'accounts', 'list'], target: 2 },
];

export function benchColdStart(runs: number): { command: Command; summary: Summary }[] {
  const dataDir = mkdtempSync(join(tmpdir(), 'mailwarden-bench-cold-'));
  try {
    const samples = COMMANDS.map(() => [] as number[]);
    for (let run = 0; run < runs; run += 1) {
      for (const [index, command] of COMMANDS.entries()) {
        const started = performance.now();
        const result = spawnSync(process.execPath, command.args, {
          env: { ...process.env, MAILWARDEN_DATA_DIR: dataDir },
          stdio: 'ignore',
          timeout: 20_000,
        });
        if (result.status !== 0) throw new Error(`${command.label} exited ${String(result.status)}`);
        samples[index]?.push(performance.now() - started);
      }
    }
    return COMMANDS.map((command, index) => ({ command, summary: summarize(samples[index] ?? []) }));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function coldStartLines(results: readonly { command: Command; summary: Summary }[]): string[] {
  const baseline = results[0]?.summary.medianMs ?? 0;
  return results.map(({ command, summary }) => {
    const ratio = baseline === 0 ? 0 : summary.medianMs / baseline;
    const target =
      command.target === null
        ? ''
        : `  ${ratio.toFixed(2)}x bare Node, target <= ${command.target.toFixed(1)}x: ${verdict(ratio <= command.target)}`;
    return `${command.label.padEnd(28)} ${formatSummary(summary)}${target}`;
  });
}
