/** One entry point for every file format a client report can be saved as (PDF prints the HTML). */
import type { ClientReport } from './client-report';
import { renderClientCsv } from './render-client-csv';
import { renderClientHtml } from './render-client-html';
import { renderClientJson } from './render-client-json';
import { renderClientMarkdown } from './render-client-markdown';
import type { ReportFormat } from './render-report';

export function renderClientReport(report: ClientReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return renderClientJson(report);
    case 'md':
      return renderClientMarkdown(report);
    case 'html':
      return renderClientHtml(report);
    case 'csv':
      return renderClientCsv(report);
  }
}
