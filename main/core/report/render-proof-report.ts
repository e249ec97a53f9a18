/**
 * A stored proof run in every file format a report can be saved as: the journey of the test message,
 * then the verdict on what arrived, in the sections `mailwarden prove` prints (describe-proof.ts).
 */
import type { ProofRecord } from '../../../preload/contract/proof';
import { csvRows, jsonText, markdownText } from '../../../preload/contract/untrusted-text';
import { findingCounts, findingsWorstFirst } from '../message/describe-analysis';
import { describeStoredProof } from '../prove/describe-proof';
import { SafeHtml, markup } from './html-template';
import { CSV_COLUMNS, findingRow } from './render-csv';
import { CONTENT_SECURITY_POLICY, findingArticle } from './render-html';
import type { ReportFormat } from './render-report';
import { REPORT_CSS } from './report-html-styles';
import { readableTime } from './report-view';

const TITLE = 'Test message: proof from real mail';

export function renderProofReport(record: ProofRecord, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${jsonText(record)}\n`;
    case 'md':
      return proofMarkdown(record);
    case 'html':
      return proofHtml(record);
    case 'csv':
      return csvRows([
        [...CSV_COLUMNS],
        ...record.findings.map((finding) => findingRow(finding, record.account.email)),
      ]);
  }
}

function proofMarkdown(record: ProofRecord): string {
  const out = [`# ${TITLE}`, '', `Mailwarden ${markdownText(record.toolVersion)}, ${record.provedAt}`, ''];
  for (const section of describeStoredProof(record)) {
    out.push(`## ${markdownText(section.heading)}`, '');
    for (const line of section.lines) out.push(`- ${markdownText(line)}`);
    out.push('');
  }
  out.push('## Findings', '', markdownText(findingCounts(record.findings)), '');
  for (const finding of findingsWorstFirst(record.findings)) {
    out.push(`### ${markdownText(finding.severity.toUpperCase())}: ${markdownText(finding.title)}`, '');
    out.push(markdownText(finding.explanation), '');
    finding.fix.steps.forEach((step, index) => out.push(`${String(index + 1)}. ${markdownText(step)}`));
    if (finding.fix.steps.length > 0) out.push('');
  }
  return `${out.join('\n')}\n`;
}

function proofHtml(record: ProofRecord): string {
  const email = record.account.email;
  const page = markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE}: ${email}</title>
<style>${new SafeHtml(REPORT_CSS)}</style>
</head>
<body>
<div class="print-header"><span>Mailwarden test message: ${email}</span><span>${readableTime(record.provedAt)}</span></div>
<main>
<h1>${TITLE}: ${email}</h1>
${describeStoredProof(record).map(
  (section) => markup`<section>
<h2>${section.heading}</h2>
<ul>${section.lines.map((line) => markup`<li>${line}</li>`)}</ul>
</section>`,
)}
<section aria-labelledby="findings-heading">
<h2 id="findings-heading">Findings</h2>
<p>${findingCounts(record.findings)}</p>
${findingsWorstFirst(record.findings).map(findingArticle)}
</section>
</main>
<footer>Made by Mailwarden ${record.toolVersion} on your own computer. Server replies and header texts are quoted as given, hidden characters shown as ⟨U+XXXX⟩.</footer>
</body>
</html>
`;
  return page.markup;
}
