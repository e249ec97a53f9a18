/**
 * A stored proof run in every file format a report can be saved as: the journey of the test message,
 * the verdict on what arrived and its own fix plan, in the sections `mailwarden prove` prints
 * (describe-proof.ts), on the message report page (message-report-page.ts).
 */
import type { ProofRecord } from '../../../preload/contract/proof';
import { csvRows, jsonText } from '../../../preload/contract/untrusted-text';
import { describeStoredProof } from '../prove/describe-proof';
import { proofPlan } from '../prove/proof-plan';
import { PROOF_PAGE } from '../prove/render-proof-markdown';
import { messageReportHtml, messageReportMarkdown, type MessageReportPage } from './message-report-page';
import { CSV_COLUMNS, findingRow } from './render-csv';
import type { ReportFormat } from './render-report';

export function renderProofReport(record: ProofRecord, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${jsonText(record)}\n`;
    case 'md':
      return messageReportMarkdown(proofPage(record));
    case 'html':
      return messageReportHtml(proofPage(record));
    case 'csv':
      return csvRows([
        [...CSV_COLUMNS],
        ...record.findings.map((finding) => findingRow(finding, record.account.email)),
      ]);
  }
}

/** A record kept before plans were kept gets its plan built from its findings, as `history show` does. */
function proofPage(record: ProofRecord): MessageReportPage {
  return {
    ...PROOF_PAGE,
    about: record.account.email,
    toolVersion: record.toolVersion,
    at: record.provedAt,
    sections: describeStoredProof(record),
    plan: record.plan ?? proofPlan(record),
    findings: record.findings,
  };
}
