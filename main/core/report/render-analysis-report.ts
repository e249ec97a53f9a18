/**
 * A checked message's analysis in every file format a report can be saved as: the same sections as
 * `mailwarden analyse` prints (describe-analysis.ts), from the verdict the history keeps.
 *
 * The record holds no subject, recipients or sender address (see analysis-record.ts), so the message
 * section names only what is kept: the From domain, the size, whether a body was given, the resolver.
 */
import type { AnalysisRecord } from '../../../preload/contract/message-check';
import { csvRows, jsonText } from '../../../preload/contract/untrusted-text';
import { describeAnalysis, describeVerdict, type AnalysisSection } from '../message/describe-analysis';
import { MESSAGE_ANALYSIS_SCHEMA_VERSION, type MessageAnalysis } from '../message/message-analysis';
import { ANALYSIS_PAGE, renderAnalysisMarkdown } from '../message/render-analysis-markdown';
import { messageReportHtml } from './message-report-page';
import { CSV_COLUMNS, findingRow } from './render-csv';
import type { ReportFormat } from './render-report';

export function renderAnalysisReport(record: AnalysisRecord, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${jsonText(record)}\n`;
    case 'md':
      return analysisMarkdown(record);
    case 'html':
      return analysisHtml(record);
    case 'csv':
      return analysisCsv(record);
  }
}

/** What the message was, in the words `mailwarden analyse` uses, from what the record keeps. */
export function messageSection(record: AnalysisRecord): AnalysisSection {
  const message = record.message;
  return {
    heading: 'Message',
    lines: [
      `From domain: ${record.authentication?.fromDomain ?? '(not read)'}`,
      ...(message === null
        ? ['Not read as a message (see the findings)']
        : [
            `Size: ${String(message.bytes)} bytes, ${String(message.headerFields)} header fields${message.hasBody ? '' : ', header only (no body)'}`,
          ]),
      `DNS: ${record.dns ?? 'off: only what the message itself says was judged'}`,
    ],
  };
}

/** The sections after the message: Mailwarden's verdict, the receiver's, the path. */
export function verdictSections(record: AnalysisRecord): AnalysisSection[] {
  return describeAnalysis(asAnalysis(record));
}

/** The record in the analysis' own shape, without the message summary it does not keep. */
function asAnalysis(record: AnalysisRecord): MessageAnalysis {
  return {
    schemaVersion: MESSAGE_ANALYSIS_SCHEMA_VERSION,
    kind: 'message-analysis',
    toolVersion: record.toolVersion,
    analysedAt: record.analysedAt,
    dns: record.dns,
    message: null,
    authentication: record.authentication,
    receiver: record.receiver,
    received: record.received,
    findings: record.findings,
  };
}

function analysisMarkdown(record: AnalysisRecord): string {
  return renderAnalysisMarkdown(asAnalysis(record), record.verdict, [
    messageSection(record),
    ...verdictSections(record),
  ]);
}

function analysisCsv(record: AnalysisRecord): string {
  const target = record.authentication?.fromDomain ?? 'message';
  return csvRows([[...CSV_COLUMNS], ...record.findings.map((finding) => findingRow(finding, target))]);
}

function analysisHtml(record: AnalysisRecord): string {
  return messageReportHtml({
    ...ANALYSIS_PAGE,
    about: record.authentication?.fromDomain ?? 'a message',
    toolVersion: record.toolVersion,
    at: record.analysedAt,
    sections: [...describeVerdict(record.verdict), messageSection(record), ...verdictSections(record)],
    plan: [],
    findings: record.findings,
  });
}
