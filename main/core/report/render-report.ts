/** One entry point for every file format a report can be saved as (the CLI's --format, the app's export). */
import { jsonText } from '../../../preload/contract/untrusted-text';
import type { AuditReport } from '../../../preload/contract/audit';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';

export const REPORT_FORMATS = ['json', 'md', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export function renderReport(report: AuditReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      // The report itself: docs/report-schema.json describes it, docs/report-format.md explains it.
      return `${jsonText(report)}\n`;
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'csv':
      return renderCsv(report);
  }
}
