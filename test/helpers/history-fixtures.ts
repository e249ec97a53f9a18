/** Audit reports and history entries built from a number, so a test (or a child process) can rebuild them exactly. */
import type { AuditReport, AuditTargetDescription } from '../../preload/contract/audit';
import { assembleReport } from '../../main/core/audit/assemble-report';
import type { Finding, Severity } from '../../preload/contract/findings';
import type { HistoryEntry } from '../../preload/contract/history';

export function testFinding(id: string, checkId: string, severity: Severity): Finding {
  return {
    id,
    checkId,
    severity,
    title: `${id} on ${checkId}`,
    evidence: { record: 'v=spf1 -all', lookups: 2 },
    explanation: `What ${id} means.`,
    fix: { steps: severity === 'pass' ? [] : [`Fix ${id}.`] },
    references: [{ label: 'RFC 7208 section 5', url: 'https://www.rfc-editor.org/rfc/rfc7208#section-5' }],
  };
}

export const DOMAIN_TARGET: AuditTargetDescription = {
  kind: 'domain',
  label: 'shop.example',
  domain: 'shop.example',
  host: null,
  port: null,
  security: null,
};

export function testReport(
  index: number,
  options: {
    target?: AuditTargetDescription;
    findings?: readonly Finding[];
    /** Transcript lines of ~1 KB each, to make a file big enough to be caught mid-write. */
    transcriptLines?: number;
  } = {},
): AuditReport {
  const started = Date.UTC(2026, 10, 27, 12, 0, 0) + index * 1000;
  return assembleReport({
    tool: { name: 'Mailwarden', version: '0.1.0' },
    target: options.target ?? DOMAIN_TARGET,
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(started + 420).toISOString(),
    cancelled: false,
    findings: options.findings ?? [
      testFinding('spf.all.softfail', 'spf:shop.example', 'medium'),
      testFinding('dmarc.record.missing', 'dmarc:shop.example', 'high'),
      testFinding('mx.present', 'mx:shop.example', 'pass'),
    ],
    transcript: Array.from({ length: options.transcriptLines ?? 2 }, (_, line) => ({
      at: new Date(started + line).toISOString(),
      elapsedMs: line,
      direction: 'server' as const,
      connection: 'smtp.shop.example:587',
      text: `250-line ${String(line)} of run ${String(index)} ${'x'.repeat(1000)}`,
    })),
    coverage: null,
  });
}

export function testRunId(index: number): string {
  return `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

export function testEntry(index: number, options: Parameters<typeof testReport>[1] = {}): HistoryEntry {
  return { runId: testRunId(index), accountId: null, report: testReport(index, options) };
}
