/** Shared results for the index tests: one of every kind of row a batch can end with. */
import type { AuditReport } from '../../../../preload/contract/audit';
import { assembleReport } from '../../../../main/core/audit/assemble-report';
import type { Finding, Severity } from '../../../../preload/contract/findings';
import type { BatchRowProblem } from '../../../../main/core/batch/batch-rows';
import type { BatchResult } from '../../../../main/core/batch/run-batch';

function finding(severity: Severity): Finding {
  return {
    id: `x.${severity}`,
    checkId: 'x',
    severity,
    title: severity,
    evidence: {},
    explanation: '',
    fix: { steps: [] },
    references: [],
  };
}

export function sampleReport(severities: readonly Severity[], cancelled = false, scored = true): AuditReport {
  const report = assembleReport({
    tool: { name: 'Mailwarden', version: 'test' },
    target: { kind: 'domain', label: 'a.test', domain: 'a.test', host: null, port: null, security: null },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    cancelled,
    findings: severities.map(finding),
    transcript: [],
    coverage: null,
  });
  const overall = { score: 72, grade: 'C' as const, uncappedScore: 72, caps: [], partial: false };
  return {
    ...report,
    score: scored
      ? { overall, incomplete: [], areas: [] }
      : { overall: null, incomplete: ['Nothing that carries a grade was tested.'], areas: [] },
  };
}

const job = (line: number, client: string, target: string) => ({
  line,
  client,
  target,
  request: { kind: 'domain' as const, domain: target },
  note: 'domain only',
});

export const SAMPLE_RESULTS: readonly BatchResult[] = [
  {
    kind: 'done',
    job: job(2, 'Acme, Inc.', 'acme.test'),
    report: sampleReport(['high', 'pass', 'pass', 'medium', 'high']),
    saved: { json: '00002-acme.json', view: '00002-acme.html' },
  },
  {
    kind: 'done',
    job: job(4, '<b>Beta</b>', 'beta.test'),
    report: sampleReport(['low'], true, false),
    saved: { json: '00004-beta.json', view: '00004-beta.html' },
  },
  { kind: 'failed', job: job(5, 'Gamma', 'gamma.test'), message: 'the keychain is locked' },
  { kind: 'not-started', job: job(6, '=cmd|calc', 'delta.test') },
];

export const SAMPLE_PROBLEMS: readonly BatchRowProblem[] = [
  { kind: 'problem', line: 3, client: 'Bad', target: 'bad.test', reason: 'the port must be a whole number' },
];
