/**
 * A checked message's analysis in every file format a report can be saved as: the same sections as
 * `mailwarden analyse` prints (describe-analysis.ts), from the verdict the history keeps.
 *
 * The record holds no subject, recipients or sender address (see analysis-record.ts), so the message
 * section names only what is kept: the From domain, the size, whether a body was given, the resolver.
 */
import type { AnalysisRecord } from '../../../preload/contract/message-check';
import { csvRows, jsonText } from '../../../preload/contract/untrusted-text';
import {
  describeAnalysis,
  describeVerdict,
  findingCounts,
  findingsWorstFirst,
  type AnalysisSection,
} from '../message/describe-analysis';
import { MESSAGE_ANALYSIS_SCHEMA_VERSION, type MessageAnalysis } from '../message/message-analysis';
import { renderAnalysisMarkdown } from '../message/render-analysis-markdown';
import { SafeHtml, markup } from './html-template';
import { CSV_COLUMNS, findingRow } from './render-csv';
import { CONTENT_SECURITY_POLICY, findingArticle } from './render-html';
import type { ReportFormat } from './render-report';
import { REPORT_CSS } from './report-html-styles';
import { readableTime } from './report-view';

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
  const fromDomain = record.authentication?.fromDomain ?? 'a message';
  const sections = [...describeVerdict(record.verdict), messageSection(record), ...verdictSections(record)];
  const findings = findingsWorstFirst(record.findings);
  const page = markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Message analysis: ${fromDomain}</title>
<style>${new SafeHtml(REPORT_CSS)}</style>
</head>
<body>
<div class="print-header"><span>Mailwarden message analysis: ${fromDomain}</span><span>${readableTime(record.analysedAt)}</span></div>
<main>
<h1>Message analysis: ${fromDomain}</h1>
${sections.map(
  (section) => markup`<section>
<h2>${section.heading}</h2>
<ul>${section.lines.map((line) => markup`<li>${line}</li>`)}</ul>
</section>`,
)}
<section aria-labelledby="findings-heading">
<h2 id="findings-heading">Findings</h2>
<p>${findingCounts(record.findings)}</p>
${findings.map(findingArticle)}
</section>
</main>
<footer>Made by Mailwarden ${record.toolVersion} on your own computer. Header texts are quoted as the message gave them, hidden characters shown as ⟨U+XXXX⟩.</footer>
</body>
</html>
`;
  return page.markup;
}
