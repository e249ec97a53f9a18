/**
 * Client reports built by hand for the client renderers' tests: two accounts (one scored and complete,
 * one cancelled with no score and a hostile label) under a hostile client name.
 */
import type { HistoryEntry } from '../../preload/contract/history';
import { buildClientReport, type ClientReport } from '../../main/core/report/client-report';
import { finding, HOSTILE_ATTRIBUTE, HOSTILE_FORMULA, HOSTILE_SCRIPT, sampleReport } from './report-samples';

/** A client name aimed at whoever opens the report: markup, an attribute break-out and a formula. */
export const HOSTILE_CLIENT = `${HOSTILE_SCRIPT} & ${HOSTILE_ATTRIBUTE}`;
export const HOSTILE_ACCOUNT_LABEL = `${HOSTILE_FORMULA} ${HOSTILE_SCRIPT}`;
export const GENERATED_AT = '2026-11-28T09:30:00.000Z';

export function clientEntries(): HistoryEntry[] {
  const scored = sampleReport();
  const cancelled = sampleReport({
    target: { ...scored.target, label: HOSTILE_ACCOUNT_LABEL, host: 'mail.bakery.example' },
    cancelled: true,
    findings: [
      finding({ id: 'dmarc.missing', severity: 'medium' }),
      finding({ id: 'spf.ok', severity: 'pass' }),
    ],
    transcript: [],
  });
  return [
    { runId: 'run-one', accountId: 'acc-1', report: scored },
    { runId: 'run-two', accountId: 'acc-2', report: cancelled },
  ];
}

export function sampleClientReport(client = HOSTILE_CLIENT): ClientReport {
  return buildClientReport(client, clientEntries(), GENERATED_AT);
}
