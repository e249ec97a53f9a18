/**
 * The audit report as text for a terminal, in the order of every report: the verdict, what could not be
 * tested, the grade with its caps, the fix plan (each fix once), then every finding as an appendix.
 */
import type { AuditReport } from '../../preload/contract/audit';
import { SEVERITIES, type Finding, type Severity } from '../../preload/contract/findings';
import { readSummary, type ActionView, type SummaryView } from '../core/report/report-summary';
import { cliWording } from './cli-wording';
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
  const summary = readSummary(report);
  const lines: string[] = [];
  lines.push(`Mailwarden audit of ${terminalText(report.target.label)}`);
  lines.push(
    `Started ${report.startedAt}, finished ${report.finishedAt}${report.cancelled ? ' (cancelled)' : ''}`,
  );
  lines.push('');
  lines.push(terminalText(summary.verdict));
  for (const banner of summary.banners) lines.push(`! ${terminalText(banner)}`);
  lines.push('', ...scoreLines(summary), '');
  if (summary.actions.length === 0)
    lines.push(
      summary.tone === 'incomplete' ? 'Nothing to fix among what could be tested.' : 'Nothing to fix.',
      '',
    );
  else {
    lines.push(
      `Fix plan (${String(summary.actions.length)} ${summary.actions.length === 1 ? 'action' : 'actions'}, most important first):`,
    );
    for (const action of summary.actions) lines.push(...formatAction(action), '');
  }
  for (const group of summary.notRun) {
    lines.push(`Not run: ${terminalText(group.why)}`);
    for (const check of group.checks) lines.push(`  - ${terminalText(check)}`);
    lines.push('');
  }
  // The appendix: every finding once, without repeating the fixes the plan already gave.
  const problems = report.findings.filter((f) => f.severity !== 'pass' && f.severity !== 'info');
  const notes = report.findings.filter((f) => f.severity === 'info');
  const passes = report.findings.filter((f) => f.severity === 'pass');
  if (problems.length > 0) {
    lines.push(`All findings (${String(problems.length)}):`);
    for (const finding of problems)
      lines.push(`  [${LABELS[finding.severity]}] ${terminalText(finding.title)} (${finding.checkId})`);
    lines.push('');
  }
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

function scoreLines({ score, banners }: SummaryView): string[] {
  const { overall } = score;
  // A cause already in a banner is not repeated on every row it touched.
  const fresh = (notes: readonly string[]) => notes.filter((note) => !banners.some((b) => note.includes(b)));
  const head =
    overall.grade === '–' ? `Grade: ${overall.points}` : `Grade: ${overall.grade} (${overall.points})`;
  const width = Math.max(...score.areas.map((area) => area.label.length));
  return [
    head,
    ...fresh(overall.notes).map((note) => `  ${terminalText(note)}`),
    ...score.areas.map(
      (area) =>
        `  ${terminalText(area.label.padEnd(width))}  ${area.grade}  ${area.points}${
          fresh(area.notes).length === 0 ? '' : ` - ${terminalText(fresh(area.notes).join(' '))}`
        }`,
    ),
  ];
}

function formatAction(action: ActionView): string[] {
  const out = [
    `${String(action.number)}. [${LABELS[action.severity]}] ${terminalText(action.title)}`,
    `   Who: ${action.whoLabel}${action.where === null ? '' : `. Where: ${terminalText(action.where)}`}${
      action.fixes > 1 ? `. Fixes ${String(action.fixes)} findings` : ''
    }`,
  ];
  action.steps.forEach((step, index) =>
    out.push(`   ${String(index + 1)}) ${terminalText(cliWording(step))}`),
  );
  if (action.record !== null) {
    const { type, name, value } = action.record;
    out.push(`   Publish: ${terminalText(name)} ${type} ${terminalText(value)}`);
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
