/**
 * The client report as JSON: an envelope naming the client, with each account's summary and its full
 * report. Every embedded `report` is the single-run report as it is, so it validates against
 * docs/report-schema.json and any tool that reads one report reads each of these.
 */
import { jsonText } from '../../../preload/contract/untrusted-text';
import type { ClientReport } from './client-report';
import { CLIENT_REPORT_KIND, CLIENT_REPORT_SCHEMA_VERSION } from './client-report';

export function renderClientJson(report: ClientReport): string {
  const envelope = {
    schemaVersion: CLIENT_REPORT_SCHEMA_VERSION,
    kind: CLIENT_REPORT_KIND,
    client: report.client,
    generatedAt: report.generatedAt,
    accounts: report.accounts.map(({ summary, report: account }) => ({ ...summary, report: account })),
  };
  return `${jsonText(envelope)}\n`;
}
