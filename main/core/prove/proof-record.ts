/**
 * A proof run as it leaves main (to the app) and as the history keeps it: the journey and the verdict,
 * every server-chosen text display-safe. The arrived message is kept as a message check keeps it
 * (analysis-record.ts): no body, no subject. The result holds no password or token to leave out.
 */
import type { ProofRecord } from '../../../preload/contract/proof';
import { excerpt } from '../../../preload/contract/untrusted-text';
import { analysisRecord, safeFinding } from '../message/analysis-record';
import { MAX_EVIDENCE_CHARS } from '../message/message-limits';
import { proofPlan } from './proof-plan';
import type { ProofResult } from './proof-result';
import { proofVerdict } from './proof-verdict';

export function proofRecord(result: ProofResult): ProofRecord {
  const shown = (text: string | null): string | null =>
    text === null ? null : excerpt(text, MAX_EVIDENCE_CHARS);
  const findings = result.findings.map(safeFinding);
  const account = { label: excerpt(result.account.label, MAX_EVIDENCE_CHARS), email: result.account.email };
  const record: Omit<ProofRecord, 'verdict'> = {
    kind: 'proof',
    toolVersion: result.toolVersion,
    provedAt: result.provedAt,
    account,
    to: result.to,
    tag: result.tag,
    submission: {
      outcome: result.submission.outcome,
      reply: shown(result.submission.reply),
      queueId: shown(result.submission.queueId),
      refusedAt: shown(result.submission.refusedAt),
    },
    delivery: { ...result.delivery, mailbox: shown(result.delivery.mailbox) },
    analysis: result.analysis === null ? null : analysisRecord(result.analysis, 'proof'),
    findings,
    plan: proofPlan({ provedAt: result.provedAt, account, findings }),
  };
  return { ...record, verdict: proofVerdict(record) };
}
