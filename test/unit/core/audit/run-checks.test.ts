import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../preload/contract/findings';
import { runChecks, type AuditCheck, type CheckEvent } from '../../../../main/core/audit/run-checks';
import type { ProbeResult } from '../../../../main/core/smtp/probe-context';

const PASS: Finding = {
  id: 'test.pass',
  checkId: 'c',
  severity: 'pass',
  title: 'ok',
  evidence: {},
  explanation: '',
  fix: { steps: [] },
  references: [],
};

function check(checkId: string, run: AuditCheck['run'], extra: Partial<AuditCheck> = {}): AuditCheck {
  return { checkId, area: 'smtp', title: `Check ${checkId}`, deadlineMs: 1_000, run, ...extra };
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });

const passAfter =
  (ms: number): AuditCheck['run'] =>
  async (signal) => {
    await sleep(ms, signal);
    return { findings: [PASS], transcript: [] };
  };

describe('runChecks', () => {
  it('runs independent checks concurrently: the total is close to the longest, not the sum', async () => {
    const started = Date.now();
    const outcome = await runChecks(
      [check('a', passAfter(200)), check('b', passAfter(200)), check('c', passAfter(200))],
      {
        signal: new AbortController().signal,
        overallDeadlineMs: 5_000,
      },
    );
    expect(outcome.findings).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(550);
  });

  it('turns a check that overruns its deadline into a finding and carries on', async () => {
    const neverEnds: AuditCheck['run'] = () => new Promise<ProbeResult>(() => undefined);
    const outcome = await runChecks(
      [check('slow', neverEnds, { deadlineMs: 100 }), check('fast', passAfter(10))],
      {
        signal: new AbortController().signal,
        overallDeadlineMs: 5_000,
      },
    );
    expect(outcome.findings.map((f) => f.id).sort()).toEqual(['audit.check.timed-out', 'test.pass']);
    const timedOut = outcome.findings.find((f) => f.id === 'audit.check.timed-out');
    expect(timedOut?.title).toBe('Check slow did not finish in time');
    expect(timedOut?.checkId).toBe('slow');
  });

  it('keeps the overall deadline even when the garbage collector runs while checks wait', async () => {
    // Node 20 collects an AbortSignal.timeout() that only AbortSignal.any() refers to; then the whole
    // audit's limit (the user's "longest time for one test") would silently never fire.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const neverEnds: AuditCheck['run'] = () => new Promise<ProbeResult>(() => undefined);
    const started = Date.now();
    const collecting = setInterval(collect, 20);
    try {
      const outcome = await runChecks([check('stuck', neverEnds, { deadlineMs: 5_000 })], {
        signal: new AbortController().signal,
        overallDeadlineMs: 200,
      });
      expect(outcome.findings.map((f) => f.id)).toEqual(['audit.check.cancelled']);
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      clearInterval(collecting);
    }
  });

  it('keeps each check’s own deadline too when the garbage collector runs while it waits', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const neverEnds: AuditCheck['run'] = () => new Promise<ProbeResult>(() => undefined);
    const started = Date.now();
    const collecting = setInterval(collect, 20);
    try {
      const outcome = await runChecks([check('stuck', neverEnds, { deadlineMs: 200 })], {
        signal: new AbortController().signal,
        overallDeadlineMs: 10_000,
      });
      expect(outcome.findings.map((f) => f.id)).toEqual(['audit.check.timed-out']);
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      clearInterval(collecting);
    }
  });

  it('names the checks that did not finish, and on re-evaluation ends them the same way without running them', async () => {
    const neverEnds: AuditCheck['run'] = () => new Promise<ProbeResult>(() => undefined);
    const live = await runChecks(
      [check('slow', neverEnds, { deadlineMs: 30 }), check('fine', passAfter(1))],
      { signal: new AbortController().signal, overallDeadlineMs: 5_000 },
    );
    expect(live.endings).toEqual({ slow: 'timed-out' });

    let ran = false;
    const mustNotRun: AuditCheck['run'] = () => {
      ran = true;
      return Promise.reject(new Error('a recorded ending must not run again'));
    };
    const again = await runChecks(
      [check('slow', mustNotRun, { deadlineMs: 30_000 }), check('fine', passAfter(1))],
      { signal: new AbortController().signal, overallDeadlineMs: 5_000, recordedEndings: live.endings },
    );
    expect(ran).toBe(false);
    expect(again.findings.map((f) => f.id).sort()).toEqual(live.findings.map((f) => f.id).sort());
    expect(again.endings).toEqual(live.endings);
  });

  it('turns a check that throws into a finding without its error text', async () => {
    const outcome = await runChecks(
      [check('boom', () => Promise.reject(new Error('secret-ish detail'))), check('fine', passAfter(1))],
      { signal: new AbortController().signal, overallDeadlineMs: 5_000 },
    );
    expect(outcome.findings.map((f) => f.id).sort()).toEqual(['audit.check.failed', 'test.pass']);
    expect(JSON.stringify(outcome)).not.toContain('secret-ish detail');
  });

  it('stops everything promptly when cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 50);
    const started = Date.now();
    const outcome = await runChecks(
      [
        check('a', passAfter(5_000), { deadlineMs: 10_000 }),
        check('b', passAfter(5_000), { deadlineMs: 10_000 }),
      ],
      {
        signal: controller.signal,
        overallDeadlineMs: 20_000,
      },
    );
    expect(Date.now() - started).toBeLessThan(500);
    expect(outcome.cancelled).toBe(true);
    expect(outcome.findings.map((f) => f.id)).toEqual(['audit.check.cancelled', 'audit.check.cancelled']);
  });

  it('runs a dependent check after the ones it needs, with their results, and streams progress', async () => {
    const events: CheckEvent[] = [];
    let seen: string[] = [];
    const outcome = await runChecks(
      [
        check(
          'score',
          (_signal, results) => {
            seen = [...results.keys()];
            return Promise.resolve({ findings: [PASS], transcript: [] });
          },
          { after: ['spf', 'dmarc'] },
        ),
        check('spf', passAfter(30)),
        check('dmarc', passAfter(60)),
      ],
      {
        signal: new AbortController().signal,
        overallDeadlineMs: 5_000,
        onEvent: (event) => events.push(event),
      },
    );
    expect(seen.sort()).toEqual(['dmarc', 'spf']);
    expect(outcome.findings).toHaveLength(3);
    const order = events.map((e) => `${e.type}:${e.checkId}`);
    expect(order.indexOf('check-started:score')).toBeGreaterThan(order.indexOf('check-finished:dmarc'));
    expect(events.filter((e) => e.type === 'check-finished')).toHaveLength(3);
  });
});
