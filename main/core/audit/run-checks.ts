/**
 * Runs an audit's checks concurrently, each under its own deadline, all under one overall deadline and
 * the user's cancel signal, streaming progress.
 *
 * A check that throws, times out or is cancelled becomes a finding and the others carry on: one broken
 * server reply must never cost the user the rest of the report.
 */
import type { AuditArea, TranscriptLine } from '../../../preload/contract/audit';
import type { AuditCoverage, Blocker, CheckCoverage, CheckStatus } from '../../../preload/contract/coverage';
import type { CheckEndings, UnfinishedEnding } from '../../../preload/contract/evidence';
import { countBySeverity, type Finding, type SeverityCounts } from '../../../preload/contract/findings';
import { blockerOf, byReach } from '../coverage/blockers';
import { deadlineSignal } from '../deadline-signal';
import { findingFactory } from '../findings/finding-factory';
import { AUDIT_KNOWLEDGE } from '../knowledge/audit-knowledge';
import type { ProbeResult } from '../smtp/probe-context';

const finding = findingFactory(AUDIT_KNOWLEDGE);

export interface AuditCheck {
  readonly checkId: string;
  readonly area: AuditArea;
  readonly title: string;
  readonly deadlineMs: number;
  /** Checks whose findings this one needs (e.g. the scorecard needs SPF and DMARC); they run first. */
  readonly after?: readonly string[];
  run(signal: AbortSignal, results: ReadonlyMap<string, ProbeResult>): Promise<ProbeResult>;
}

export type CheckEvent =
  | { readonly type: 'check-started'; readonly checkId: string; readonly title: string }
  | {
      readonly type: 'check-finished';
      readonly checkId: string;
      readonly findings: number;
      /** The same findings by severity, so the run screen can say "2 high so far" before the report. */
      readonly counts: SeverityCounts;
      readonly elapsedMs: number;
      /** Whether it ran; a check that did not run must never look like one that passed. */
      readonly status: CheckStatus;
    };

export interface RunChecksOptions {
  readonly signal: AbortSignal;
  readonly overallDeadlineMs: number;
  readonly onEvent?: (event: CheckEvent) => void;
  readonly now?: () => number;
  /**
   * Re-evaluation: checks that ran out of time or were cancelled in the recorded run end the same way,
   * without running (what they waited for was never answered, so there is nothing to replay).
   */
  readonly recordedEndings?: CheckEndings | undefined;
}

export interface ChecksOutcome {
  readonly findings: readonly Finding[];
  readonly transcript: readonly TranscriptLine[];
  readonly cancelled: boolean;
  /** The checks that did not finish, and how they ended. */
  readonly endings: CheckEndings;
  /** Every check's status, and the causes of those that did not run. */
  readonly coverage: AuditCoverage;
}

/** The blocker every check cancelled by the user points at. */
const CANCELLED = blockerOf({ kind: 'cancelled', subject: 'run' });

type Ending =
  | { readonly kind: 'done'; readonly result: ProbeResult }
  | { readonly kind: 'timed-out' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed' };

export async function runChecks(
  checks: readonly AuditCheck[],
  options: RunChecksOptions,
): Promise<ChecksOutcome> {
  const now = options.now ?? (() => Date.now());
  // Not AbortSignal.timeout(): see deadline-signal.ts for why that deadline might never fire.
  const overallDeadline = deadlineSignal(options.overallDeadlineMs);
  const overall = AbortSignal.any([options.signal, overallDeadline.signal]);
  const results = new Map<string, ProbeResult>();
  const running = new Map<string, Promise<void>>();
  const findings: Finding[] = [];
  const transcript: TranscriptLine[] = [];
  const endings: Record<string, UnfinishedEnding> = {};
  const statuses = new Map<string, CheckCoverage>();
  const blockers = new Map<string, Blocker>();
  const block = (blocker: Blocker) => {
    blockers.set(blocker.id, blocker);
    return blocker.id;
  };

  function start(check: AuditCheck): Promise<void> {
    const existing = running.get(check.checkId);
    if (existing !== undefined) return existing;
    const promise = (async () => {
      await Promise.all(
        (check.after ?? []).flatMap((id) => checks.filter((c) => c.checkId === id).map(start)),
      );
      options.onEvent?.({ type: 'check-started', checkId: check.checkId, title: check.title });
      const startedAt = now();
      const recorded = options.recordedEndings?.[check.checkId];
      const ending: Ending =
        recorded === undefined ? await runOne(check, overall, results) : { kind: recorded };
      if (ending.kind === 'timed-out' || ending.kind === 'cancelled') endings[check.checkId] = ending.kind;
      const evidence = { title: check.title, deadlineSeconds: Math.round(check.deadlineMs / 1000) };
      const produced =
        ending.kind === 'done'
          ? ending.result.findings
          : [
              finding(
                ending.kind === 'timed-out'
                  ? 'audit.check.timed-out'
                  : ending.kind === 'cancelled'
                    ? 'audit.check.cancelled'
                    : 'audit.check.failed',
                check.checkId,
                evidence,
              ),
            ];
      const notRun = ending.kind === 'done' ? ending.result.notRun : undefined;
      const blocks = ending.kind === 'done' ? ending.result.blocks : undefined;
      if (blocks !== undefined) block(blockerOf(blocks));
      const status: CheckStatus =
        ending.kind === 'done' ? (notRun === undefined ? 'ran' : 'not-run') : ending.kind;
      statuses.set(check.checkId, {
        checkId: check.checkId,
        title: check.title,
        area: check.area,
        status,
        blockedBy:
          notRun !== undefined
            ? block(blockerOf(notRun))
            : ending.kind === 'cancelled'
              ? block(CANCELLED)
              : null,
      });
      if (ending.kind === 'done') {
        results.set(check.checkId, ending.result);
        for (const entry of ending.result.transcript)
          transcript.push({ ...entry, connection: check.checkId });
      }
      findings.push(...produced);
      options.onEvent?.({
        type: 'check-finished',
        checkId: check.checkId,
        findings: produced.length,
        counts: countBySeverity(produced),
        elapsedMs: now() - startedAt,
        status,
      });
    })();
    running.set(check.checkId, promise);
    return promise;
  }

  try {
    await Promise.all(checks.map(start));
  } finally {
    overallDeadline.clear();
  }
  transcript.sort((a, b) => a.at.localeCompare(b.at));
  const coverage: AuditCoverage = {
    checks: checks.flatMap((check) => statuses.get(check.checkId) ?? []),
    blockers: [...blockers.values()].sort(byReach),
  };
  return { findings, transcript, cancelled: options.signal.aborted, endings, coverage };
}

async function runOne(
  check: AuditCheck,
  overall: AbortSignal,
  results: ReadonlyMap<string, ProbeResult>,
): Promise<Ending> {
  if (overall.aborted) return { kind: 'cancelled' };
  const checkDeadline = deadlineSignal(check.deadlineMs);
  const deadline = checkDeadline.signal;
  const signal = AbortSignal.any([overall, deadline]);
  let onAbort: (() => void) | undefined;
  // The signal tells the check to stop; the race makes sure we stop waiting even if it does not.
  const stopped = new Promise<Ending>((resolve) => {
    onAbort = () => {
      resolve(deadline.aborted ? { kind: 'timed-out' } : { kind: 'cancelled' });
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([
      check.run(signal, results).then(
        (result): Ending => ({ kind: 'done', result }),
        (): Ending => ({ kind: signal.aborted ? (deadline.aborted ? 'timed-out' : 'cancelled') : 'failed' }),
      ),
      stopped,
    ]);
  } finally {
    checkDeadline.clear();
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  }
}
