import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../../../preload/contract/accounts';
import type { AuditReport } from '../../../../../preload/contract/audit';
import type { Finding } from '../../../../../preload/contract/findings';
import {
  allSettled,
  applyRowEvent,
  failRow,
  initialRows,
  skipWaiting,
  startRow,
  storedRunIds,
  worstSeverity,
} from '../../../../../renderer/features/clients/client-run-model';

const NO_FINDINGS = { pass: 0, info: 0, low: 0, medium: 0, high: 0, critical: 0 };
const SAVED = { status: 'saved' } as const;

function account(id: string): AccountView {
  return {
    id,
    label: `Account ${id}`,
    email: `${id}@bakery.test`,
    domain: 'bakery.test',
    host: 'mail.bakery.test',
    port: 587,
    security: 'starttls',
    username: `${id}@bakery.test`,
    dkimSelectors: [],
    clientGroup: 'Bakery',
    presetId: null,
    createdAt: '2026-11-28T00:00:00.000Z',
    updatedAt: '2026-11-28T00:00:00.000Z',
    hasPassword: 'stored',
  };
}

function report(cancelled: boolean, severities: Finding['severity'][] = ['pass']): AuditReport {
  return {
    schemaVersion: 2,
    tool: { name: 'Mailwarden', version: '0.1.0' },
    target: { kind: 'account', label: 'a', domain: 'bakery.test', host: null, port: null, security: null },
    startedAt: '2026-11-28T00:00:00.000Z',
    finishedAt: '2026-11-28T00:00:01.000Z',
    cancelled,
    findings: severities.map((severity, index) => ({
      id: `f${String(index)}`,
      checkId: 'c',
      severity,
      title: 't',
      evidence: {},
      explanation: 'e',
      fix: { steps: [] },
      references: [],
    })),
    transcript: [],
    coverage: null,
    score: { overall: null, incomplete: ['Not scored in this test.'], areas: [] },
    plan: { verdict: { tone: 'incomplete', sentence: 'Incomplete.' }, actions: [] },
  };
}

const rows = initialRows([account('a'), account('b'), account('c')]);

describe('the client run model', () => {
  it('starts with every account waiting, nothing settled and nothing stored', () => {
    expect(rows.map((row) => row.state.kind)).toEqual(['waiting', 'waiting', 'waiting']);
    expect(allSettled(rows)).toBe(false);
    expect(storedRunIds(rows)).toEqual([]);
  });

  it('counts checks done of planned while an account runs, then keeps its report', () => {
    let next = startRow(rows, 0, 5_000);
    expect(next[0]?.state).toEqual({ kind: 'running', startedAt: 5_000, planned: 0, done: 0 });
    next = applyRowEvent(next, 0, {
      runId: 'r1',
      type: 'planned',
      checks: [
        { checkId: 'x', title: 'X' },
        { checkId: 'y', title: 'Y' },
      ],
    });
    next = applyRowEvent(next, 0, { runId: 'r1', type: 'check-started', checkId: 'x', title: 'X' });
    next = applyRowEvent(next, 0, {
      runId: 'r1',
      type: 'check-finished',
      checkId: 'x',
      elapsedMs: 3,
      findings: 1,
      counts: { ...NO_FINDINGS, high: 1 },
      status: 'ran',
    });
    expect(next[0]?.state).toMatchObject({ kind: 'running', planned: 2, done: 1 });
    // A check main did not plan still counts, and "done" never passes "planned".
    for (const checkId of ['y', 'z'])
      next = applyRowEvent(next, 0, {
        runId: 'r1',
        type: 'check-finished',
        checkId,
        elapsedMs: 3,
        findings: 0,
        counts: NO_FINDINGS,
        status: 'ran',
      });
    expect(next[0]?.state).toMatchObject({ planned: 3, done: 3 });
    const finished = report(false);
    next = applyRowEvent(next, 0, { runId: 'r1', type: 'finished', report: finished, history: SAVED });
    expect(next[0]?.state).toEqual({ kind: 'done', runId: 'r1', report: finished, saved: true });
    expect(next.slice(1).map((row) => row.state.kind)).toEqual(['waiting', 'waiting']);
    expect(storedRunIds(next)).toEqual(['r1']);
  });

  it('marks an account that could not run, and the next one still starts', () => {
    let next = failRow(startRow(rows, 0, 0), 0, 'The keychain is locked.');
    next = startRow(next, 1, 1);
    next = applyRowEvent(next, 1, { runId: 'r2', type: 'failed', message: 'No route to host.' });
    expect(next.map((row) => row.state)).toEqual([
      { kind: 'failed', message: 'The keychain is locked.' },
      { kind: 'failed', message: 'No route to host.' },
      { kind: 'waiting' },
    ]);
    expect(storedRunIds(next)).toEqual([]);
  });

  it('on Cancel: the running account ends cancelled (its report kept), the rest are skipped', () => {
    let next = applyRowEvent(startRow(rows, 0, 0), 0, {
      runId: 'r1',
      type: 'finished',
      report: report(false),
      history: SAVED,
    });
    next = startRow(next, 1, 0);
    next = applyRowEvent(next, 1, { runId: 'r2', type: 'finished', report: report(true), history: SAVED });
    next = skipWaiting(next);
    expect(next.map((row) => row.state.kind)).toEqual(['done', 'cancelled', 'skipped']);
    expect(allSettled(next)).toBe(true);
    expect(storedRunIds(next)).toEqual(['r1', 'r2']);
  });

  it('ignores events for a row that is not running', () => {
    const event = { runId: 'r9', type: 'finished', report: report(false), history: SAVED } as const;
    expect(applyRowEvent(rows, 2, event)).toEqual(rows);
  });

  it('keeps a run the history could not store out of the client report, but still shows it', () => {
    const next = applyRowEvent(startRow(rows, 0, 0), 0, {
      runId: 'r1',
      type: 'finished',
      report: report(false),
      history: { status: 'failed', message: 'Mailwarden could not save to the audit history (ENOSPC).' },
    });
    expect(next[0]?.state).toMatchObject({ kind: 'done', saved: false });
    expect(storedRunIds(next)).toEqual([]);
  });

  it('names the worst severity of a report, or none', () => {
    expect(worstSeverity(report(false, ['pass', 'medium', 'low', 'info']))).toBe('medium');
    expect(worstSeverity(report(false, []))).toBeNull();
  });
});
