import { describe, expect, it } from 'vitest';
import { buildClientReport, summarizeAccount } from '../../../../main/core/report/client-report';
import { clientEntries, GENERATED_AT, HOSTILE_ACCOUNT_LABEL } from '../../../helpers/client-report-samples';

describe('the client report model', () => {
  it('keeps the accounts in the order the runs were given, each with its whole report', () => {
    const entries = clientEntries();
    const report = buildClientReport('Bakery', [...entries].reverse(), GENERATED_AT);
    expect(report.client).toBe('Bakery');
    expect(report.generatedAt).toBe(GENERATED_AT);
    expect(report.accounts.map((account) => account.summary.runId)).toEqual(['run-two', 'run-one']);
    expect(report.accounts[1]?.report).toBe(entries[0]?.report);
  });

  it('summarises an account: grade and rounded score, worst severity, a count per severity', () => {
    const [scored] = clientEntries();
    if (scored === undefined) throw new Error('no sample');
    const summary = summarizeAccount(scored);
    const count = (severity: string) => scored.report.findings.filter((f) => f.severity === severity).length;
    expect(summary).toMatchObject({
      runId: 'run-one',
      accountId: 'acc-1',
      label: 'ann@example.com',
      target: 'ann@example.com, smtp.example.com:587 (starttls), domain example.com',
      grade: 'F',
      score: 49,
      worst: 'critical',
      cancelled: false,
    });
    expect(summary.counts).toEqual({
      critical: count('critical'),
      high: count('high'),
      medium: count('medium'),
      low: count('low'),
      info: count('info'),
      pass: count('pass'),
    });
    expect(Object.values(summary.counts).reduce((a, b) => a + b, 0)).toBe(scored.report.findings.length);
  });

  it('says when an account has no score, was cancelled, or found nothing at all', () => {
    const [, cancelled] = clientEntries();
    if (cancelled === undefined) throw new Error('no sample');
    const summary = summarizeAccount(cancelled);
    expect(summary).toMatchObject({ grade: null, score: null, worst: 'medium', cancelled: true });
    expect(summary.label).toBe(HOSTILE_ACCOUNT_LABEL);
    const empty = summarizeAccount({ ...cancelled, report: { ...cancelled.report, findings: [] } });
    expect(empty.worst).toBeNull();
    expect(Object.values(empty.counts)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('shows control and direction-override characters in a label as escapes', () => {
    const [entry] = clientEntries();
    if (entry === undefined) throw new Error('no sample');
    const sneaky = {
      ...entry,
      report: { ...entry.report, target: { ...entry.report.target, label: 'a\u202eb\u0007' } },
    };
    expect(summarizeAccount(sneaky).label).toBe('a⟨U+202E⟩b⟨U+0007⟩');
  });
});
