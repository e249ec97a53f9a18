/** Turns the measured figures into labelled lines; no measuring here. */
import type { BaselineFigures } from './baselines';
import type { DnsBatchFigures } from './dns-batch';
import type { FullProbeFigures } from './full-probe-bench';
import type { SingleProbeFigures } from './single-probes';
import { formatMs, formatSummary, verdict } from './stats';

const BYTES_PER_MIB = 1024 ** 2;
export const FULL_PROBE_TARGET_MS = 1_500;
export const TESTSSL_RATIO_TARGET = 10;
export const DNS_BATCH_TARGET_MS = 10_000;

const mib = (bytes: number): string => `${(bytes / BYTES_PER_MIB).toFixed(0)} MiB`;

export function fullProbeLines(figures: FullProbeFigures): string[] {
  const { wall, concurrency } = figures;
  const ids = [...figures.findingCounts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, count]) => (count > 1 ? `${id} x${String(count)}` : id));
  return [
    `Wall time:            ${formatSummary(wall)}`,
    `Target < ${formatMs(FULL_PROBE_TARGET_MS)}:        ${verdict(wall.medianMs < FULL_PROBE_TARGET_MS)} (median)`,
    `Median run, checks:   sum of check times ${formatMs(concurrency.sumOfChecksMs)}; longest dependent chain ${formatMs(concurrency.longestChainMs)}`,
    `                      (${concurrency.longestChain.join(' -> ')})`,
    `                      overlap factor (sum / median wall) ${(concurrency.sumOfChecksMs / wall.medianMs).toFixed(1)}x`,
    `Last run's findings:  ${ids.join(', ')}`,
  ];
}

/**
 * RFC 9325 suite enumeration's extra wall time per port, against issue 14's budget: the suite classes and
 * the hand-built hello that asks for TLS compression (CRIME), which run beside the version attempts.
 */
export const SUITE_EXTRA_TARGET_MS = 300;

/** The cipher-suite enumeration's cost: the TLS probe's median with it, without it, and the difference. */
export function suiteCostLines(withSuites: SingleProbeFigures, without: SingleProbeFigures): string[] {
  const extra = withSuites.wall.medianMs - without.wall.medianMs;
  return [
    `TLS probe without suite enumeration: median ${formatMs(without.wall.medianMs)} (min ${formatMs(without.wall.minMs)}, max ${formatMs(without.wall.maxMs)})`,
    `TLS probe with suite enumeration and the compression hello: median ${formatMs(withSuites.wall.medianMs)} (min ${formatMs(withSuites.wall.minMs)}, max ${formatMs(withSuites.wall.maxMs)})`,
    `Extra per port: ${formatMs(extra)}; target <= ${formatMs(SUITE_EXTRA_TARGET_MS)}: ${verdict(extra <= SUITE_EXTRA_TARGET_MS)} (medians)`,
    `Suite findings of the last run: ${withSuites.lastFindingIds.filter((id) => /^tls\.(suites|dh|curve|order|compression|certificate\.no-sni)/.test(id)).join(', ') || 'none'}`,
  ];
}

export function baselineLines(
  baseline: BaselineFigures,
  ours: SingleProbeFigures,
  oursLabel: string,
  target: number | null,
): string[] {
  const lines = [`Mailwarden ${oursLabel}: ${formatSummary(ours.wall)}`];
  if (baseline.kind === 'missing') {
    return [...lines, `${baseline.tool}: NOT INSTALLED, baseline skipped (install with: ${baseline.hint})`];
  }
  const ratio = baseline.wall.medianMs / ours.wall.medianMs;
  lines.push(
    `${baseline.tool}: ${formatSummary(baseline.wall)}`,
    `  command: ${baseline.path} ${baseline.args.join(' ')}`,
    `  check:   ${baseline.note}`,
    `Ratio ${baseline.tool} / Mailwarden (medians): ${ratio.toFixed(1)}x` +
      (target === null ? '' : `   target >= ${String(target)}x: ${verdict(ratio >= target)}`),
  );
  if (!baseline.sane)
    lines.push('  WARNING: the baseline did not do its whole job; its time is not comparable.');
  return lines;
}

export function dnsBatchLines(figures: DnsBatchFigures): string[] {
  const seconds = figures.totalMs / 1_000;
  return [
    `Domains:              ${String(figures.domains)}, ${String(figures.concurrency)} at a time`,
    `Total:                ${seconds.toFixed(2)} s   target < ${formatMs(DNS_BATCH_TARGET_MS)}: ${verdict(figures.totalMs < DNS_BATCH_TARGET_MS)}`,
    `Throughput:           ${(figures.domains / seconds).toFixed(1)} domains/s`,
    `Checks / findings:    ${String(figures.checksRun)} checks, ${String(figures.findings)} findings, ${String(figures.unfinishedChecks)} checks timed out or failed`,
    `RSS:                  ${mib(figures.rssBeforeBytes)} before, peak ${mib(figures.peakRssSampledBytes)} sampled during the batch (process maxRSS ${mib(figures.maxRssProcessBytes)})`,
    'Per check, median / slowest over all domains:',
    ...[...figures.byKind]
      .sort(([, a], [, b]) => b.medianMs - a.medianMs)
      .map(([kind, s]) => `  ${kind.padEnd(12)} ${formatMs(s.medianMs).padStart(7)} / ${formatMs(s.maxMs)}`),
  ];
}
