/**
 * `mailwarden audit --format` and `--fail-on`: which file format to write, and whether the findings
 * should fail the command (exit 1) so a script or CI job can act on them.
 */
import type { AuditReport } from '../../preload/contract/audit';
import { SEVERITIES, severityRank, type Finding, type Severity } from '../../preload/contract/findings';
import { isReportFormat, renderReport, type ReportFormat } from '../core/report/render-report';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes';
import { formatAuditText } from './format-audit-text';
import { UsageError } from './usage-error';

export const CLI_REPORT_FORMATS = ['text', 'json', 'md', 'html', 'csv'] as const;
export type CliReportFormat = 'text' | ReportFormat;

/** "pass" is left out: every audit has a passing check, so it could never succeed. */
export const FAIL_ON_SEVERITIES: readonly Severity[] = SEVERITIES.filter((severity) => severity !== 'pass');

export function parseReportFormat(text: string | undefined, command: string): CliReportFormat {
  const format = text ?? 'text';
  if (format === 'text' || isReportFormat(format)) return format;
  throw new UsageError(`--format must be one of ${CLI_REPORT_FORMATS.join(', ')}, not "${format}".`, command);
}

export function parseFailOn(text: string | undefined, command: string): Severity | null {
  if (text === undefined) return null;
  const severity = FAIL_ON_SEVERITIES.find((candidate) => candidate === text.trim().toLowerCase());
  if (severity === undefined)
    throw new UsageError(`--fail-on takes one of ${FAIL_ON_SEVERITIES.join(', ')}, not "${text}".`, command);
  return severity;
}

export function renderForCli(report: AuditReport, format: CliReportFormat): string {
  return format === 'text' ? `${formatAuditText(report)}\n` : renderReport(report, format);
}

/**
 * Exit 1 when any finding is at or above the threshold; 0 otherwise, and always 0 without --fail-on.
 * For an audit report and for a message analysis alike.
 */
export function exitCodeForFindings(
  report: { readonly findings: readonly Finding[] },
  failOn: Severity | null,
): number {
  if (failOn === null) return EXIT_OK;
  const threshold = severityRank(failOn);
  return report.findings.some((finding) => severityRank(finding.severity) >= threshold)
    ? EXIT_FINDINGS
    : EXIT_OK;
}
