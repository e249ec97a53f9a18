/** The audit report as text for a terminal: worst findings first, each with what it means and the fix. */
import type { AuditReport } from '../../preload/contract/audit';
import { SEVERITIES, type Finding, type Severity } from '../../preload/contract/findings';
import { terminalText } from '../../preload/contract/untrusted-text';

const LABELS: Record<Severity, string> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  info: 'INFO',
  pass: 'PASS',
};

export function formatAuditText(report: AuditReport): string {
  const lines: string[] = [];
  lines.push(`Mailwarden audit of ${terminalText(report.target.label)}`);
  lines.push(
    `Started ${report.startedAt}, finished ${report.finishedAt}${report.cancelled ? ' (cancelled)' : ''}`,
  );
  lines.push('');
  const problems = report.findings.filter((f) => f.severity !== 'pass' && f.severity !== 'info');
  const notes = report.findings.filter((f) => f.severity === 'info');
  const passes = report.findings.filter((f) => f.severity === 'pass');
  if (problems.length === 0) lines.push('No problems found.');
  for (const finding of problems) lines.push(...formatFinding(finding), '');
  if (notes.length > 0) {
    lines.push('Notes:');
    for (const finding of notes) lines.push(`  - ${terminalText(finding.title)}`);
    lines.push('');
  }
  if (passes.length > 0) {
    lines.push(`Passed (${String(passes.length)}):`);
    for (const finding of passes) lines.push(`  ✓ ${terminalText(finding.title)}`);
    lines.push('');
  }
  lines.push(summaryLine(report.findings));
  return lines.join('\n');
}

function formatFinding(finding: Finding): string[] {
  const out = [
    `[${LABELS[finding.severity]}] ${terminalText(finding.title)}`,
    `  ${terminalText(finding.explanation)}`,
  ];
  finding.fix.steps.forEach((step, index) => out.push(`  ${String(index + 1)}. ${terminalText(step)}`));
  if (finding.fix.record !== undefined) {
    const { type, name, value } = finding.fix.record;
    out.push(`  Publish: ${terminalText(name)} ${type} ${terminalText(value)}`);
  }
  return out;
}

export function summaryLine(findings: readonly Finding[]): string {
  const counts = [...SEVERITIES]
    .reverse()
    .map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${String(count)} ${severity}`);
  return `Findings: ${counts.length === 0 ? 'none' : counts.join(', ')}`;
}
