/**
 * A kept test message exported as a report: its own plan (what to do, with the steps) sits between the
 * verdict's sections and the findings in Markdown and HTML, quoted texts escaped; a checked message's
 * report, on the same page frame, has no plan.
 */
import { describe, expect, it } from 'vitest';
import { findingFactory } from '../../../../main/core/findings/finding-factory';
import { FINDINGS_CATALOGUE } from '../../../../main/core/knowledge/catalogue';
import { messageVerdict } from '../../../../main/core/message/message-verdict';
import { proofPlan } from '../../../../main/core/prove/proof-plan';
import { proofVerdict } from '../../../../main/core/prove/proof-verdict';
import { renderAnalysisReport } from '../../../../main/core/report/render-analysis-report';
import { renderProofReport } from '../../../../main/core/report/render-proof-report';
import type { AnalysisRecord } from '../../../../preload/contract/message-check';
import type { ProofRecord } from '../../../../preload/contract/proof';

const found = findingFactory(Object.fromEntries(FINDINGS_CATALOGUE));
const JUNK_MAILBOX = 'Junk<script>alert(1)</script>';

const junk = found('message.proof.junk', 'prove:landing', {
  to: 'ann@bakery.test',
  mailbox: JUNK_MAILBOX,
  waitedSeconds: 3,
});
const unsigned = found('message.dkim.unsigned', 'prove:message', {});

function junkRecord(withPlan: boolean): ProofRecord {
  const record: Omit<ProofRecord, 'verdict' | 'plan'> = {
    kind: 'proof',
    toolVersion: 'test',
    provedAt: '2026-12-06T10:00:00.000Z',
    account: { label: 'Bakery', email: 'ann@bakery.test' },
    to: 'ann@bakery.test',
    tag: 'tag-1',
    submission: { outcome: 'accepted', reply: '250 ok', queueId: 'Q1', refusedAt: null },
    delivery: { landing: 'junk', mailbox: JUNK_MAILBOX, waitedSeconds: 3, deleted: true },
    analysis: null,
    findings: [junk, unsigned],
  };
  return {
    ...record,
    ...(withPlan ? { plan: proofPlan(record) } : {}),
    verdict: proofVerdict(record),
  };
}

const between = (text: string, start: string, end: string): string =>
  text.slice(text.indexOf(start), text.indexOf(end));

describe('a test message exported as a report', () => {
  it('Markdown: "What to do" lists each plan action with its steps, before the findings', () => {
    const record = junkRecord(true);
    const markdown = renderProofReport(record, 'md');
    const plan = between(markdown, '## What to do', '## Findings');
    for (const action of record.plan ?? []) {
      expect(plan).toContain(action.title);
      expect(plan).toContain(`1. ${action.steps[0] ?? ''}`);
    }
    expect(record.plan?.length).toBeGreaterThanOrEqual(2);
  });

  it('HTML: the plan is its own section before the findings, and a server-named mailbox stays text', () => {
    const record = junkRecord(true);
    const html = renderProofReport(record, 'html');
    const plan = between(html, '<h2 id="actions-heading">What to do</h2>', 'id="findings-heading"');
    expect(plan).toContain('The test message was filed as junk');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Junk&lt;script&gt;');
  });

  it('a record kept before plans were kept gets its plan built from its findings', () => {
    const markdown = renderProofReport(junkRecord(false), 'md');
    expect(between(markdown, '## What to do', '## Findings')).toContain('The test message was filed as junk');
  });

  it('a checked message has no plan section: its findings are the advice', () => {
    const base: Omit<AnalysisRecord, 'verdict'> = {
      kind: 'message-analysis',
      toolVersion: 'test',
      analysedAt: '2026-12-06T10:00:00.000Z',
      source: 'file',
      dns: null,
      message: { bytes: 500, headerFields: 8, hasBody: true },
      authentication: null,
      receiver: null,
      received: { hops: [], total: 0 },
      findings: [unsigned],
    };
    const record: AnalysisRecord = { ...base, verdict: messageVerdict(base) };
    for (const format of ['md', 'html'] as const) {
      const text = renderAnalysisReport(record, format);
      expect(text).toContain('The message has no DKIM signature');
      expect(text).not.toContain('What to do');
    }
  });
});
