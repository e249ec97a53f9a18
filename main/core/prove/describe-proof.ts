/**
 * A proof run as sections of plain lines (the journey of the test message, then the analysis of what
 * arrived), shared by the text and Markdown outputs. Lines quote servers and the message: untrusted.
 */
import { describeAnalysis, describeVerdict, type AnalysisSection } from '../message/describe-analysis';
import type { MessageVerdict } from '../../../preload/contract/message-check';
import type { ProofRecord } from '../../../preload/contract/proof';
import { messageSection, verdictSections } from '../report/render-analysis-report';
import type { ProofResult } from './proof-result';

/** `verdict`: the one main worded for the run's record (proof-verdict.ts), so every output says it alike. */
export function describeProof(result: ProofResult, verdict: MessageVerdict): AnalysisSection[] {
  return [
    ...describeVerdict(verdict),
    journeySection(result),
    ...(result.analysis === null ? [] : describeAnalysis(result.analysis)),
  ];
}

/** A stored proof run (`mailwarden history show`, the exported reports), from what the history keeps. */
export function describeStoredProof(record: ProofRecord): AnalysisSection[] {
  return [
    ...describeVerdict(record.verdict),
    journeySection(record),
    ...(record.analysis === null
      ? []
      : [messageSection(record.analysis), ...verdictSections(record.analysis)]),
  ];
}

/** What happened to the test message, in the same words for a fresh run and a stored one. */
function journeySection(
  run: Pick<ProofRecord, 'account' | 'to' | 'tag' | 'submission' | 'delivery'>,
): AnalysisSection {
  const { submission, delivery } = run;
  const sent =
    submission.outcome === 'accepted'
      ? `Sending server: accepted${submission.queueId === null ? '' : `, queue id ${submission.queueId}`} (${submission.reply ?? 'no reply text'})`
      : `Sending server: ${submission.outcome === 'refused' ? 'refused' : 'failed'} at ${submission.refusedAt ?? 'the connection'} (${submission.reply ?? 'no reply'})`;
  const arrived =
    delivery.landing === null
      ? submission.outcome === 'accepted'
        ? `Arrived: not found${delivery.waitedSeconds > 0 ? ` within ${String(delivery.waitedSeconds)} s` : ''}`
        : 'Arrived: nothing was sent'
      : `Arrived: in ${delivery.mailbox ?? '?'}${delivery.landing === 'junk' ? ' (the junk folder)' : ''} after ${String(delivery.waitedSeconds)} s; ${delivery.deleted ? 'deleted again' : 'kept (--keep)'}`;
  return {
    heading: 'Test message',
    lines: [`From ${run.account.email} to ${run.to}`, `Test id: ${run.tag}`, sent, arrived],
  };
}
