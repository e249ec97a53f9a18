import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../../../preload/contract/audit';
import { applyEvent, type RunPhase } from '../../../../../renderer/features/audit/run-progress';

const RUN = 'run-1';
const running: RunPhase = { kind: 'running', runId: RUN, checks: [], cancelling: false };
const planned = applyEvent(
  running,
  {
    runId: RUN,
    type: 'planned',
    checks: [
      { checkId: 'smtp-reach:mail.test', title: 'Reaching mail.test' },
      { checkId: 'dmarc:shop.test', title: 'DMARC policy' },
    ],
  },
  1_000,
);

function checksOf(phase: RunPhase) {
  if (phase.kind !== 'running') throw new Error(`expected a running phase, got ${phase.kind}`);
  return phase.checks;
}

describe('applyEvent', () => {
  it('lists every planned check as waiting', () => {
    expect(checksOf(planned).map((check) => [check.checkId, check.status])).toEqual([
      ['smtp-reach:mail.test', 'waiting'],
      ['dmarc:shop.test', 'waiting'],
    ]);
  });

  it('marks a check running when it starts and done with its time and count when it finishes', () => {
    const started = applyEvent(
      planned,
      { runId: RUN, type: 'check-started', checkId: 'dmarc:shop.test', title: 'DMARC policy' },
      2_000,
    );
    expect(checksOf(started)[1]).toMatchObject({ status: 'running', startedAt: 2_000 });
    const finished = applyEvent(
      started,
      {
        runId: RUN,
        type: 'check-finished',
        checkId: 'dmarc:shop.test',
        findings: 3,
        counts: { pass: 1, info: 0, low: 0, medium: 2, high: 0, critical: 0 },
        elapsedMs: 250,
        status: 'ran',
      },
      2_300,
    );
    expect(checksOf(finished)[1]).toMatchObject({
      status: 'done',
      elapsedMs: 250,
      findings: 3,
      counts: { pass: 1, medium: 2, high: 0 },
    });
    expect(checksOf(finished)[0]?.status).toBe('waiting');
  });

  it('shows a check that starts without having been planned, instead of losing it', () => {
    const started = applyEvent(
      planned,
      { runId: RUN, type: 'check-started', checkId: 'extra:shop.test', title: 'Extra check' },
      3_000,
    );
    expect(checksOf(started).map((check) => check.title)).toEqual([
      'Reaching mail.test',
      'DMARC policy',
      'Extra check',
    ]);
  });

  it('ignores the events of another run', () => {
    const other = applyEvent(
      planned,
      { runId: 'run-2', type: 'failed', message: 'The audit stopped unexpectedly.' },
      4_000,
    );
    expect(other).toBe(planned);
  });

  it('ends with the report and whether history kept it, or with main’s message when the run failed', () => {
    const report = { cancelled: false, findings: [] } as unknown as AuditReport;
    const history = { status: 'failed', message: 'The disk is full.' } as const;
    expect(applyEvent(planned, { runId: RUN, type: 'finished', report, history }, 5_000)).toEqual({
      kind: 'finished',
      runId: RUN,
      report,
      history,
    });
    expect(applyEvent(planned, { runId: RUN, type: 'failed', message: 'No such account.' }, 5_000)).toEqual({
      kind: 'failed',
      message: 'No such account.',
    });
  });
});
