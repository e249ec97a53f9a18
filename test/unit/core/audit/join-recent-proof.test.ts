import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileHistoryStore } from '../../../../main/adapters/file-history-store';
import { assembleReport } from '../../../../main/core/audit/assemble-report';
import { isRecentProof, joinRecentProof, planWithProof } from '../../../../main/core/audit/join-recent-proof';
import { findingFactory } from '../../../../main/core/findings/finding-factory';
import type { HistoryStore } from '../../../../main/core/history/history-port';
import { FINDINGS_CATALOGUE } from '../../../../main/core/knowledge/catalogue';
import { proofVerdict } from '../../../../main/core/prove/proof-verdict';
import { parseAuditReport } from '../../../../main/core/report/report-schema';
import type { AuditReport } from '../../../../preload/contract/audit';
import type { Finding } from '../../../../preload/contract/findings';
import type { ProofRecord } from '../../../../preload/contract/proof';
import { makeTempDir } from '../../../helpers/temp-dir';

const found = findingFactory(Object.fromEntries(FINDINGS_CATALOGUE));
const STARTED = '2026-12-05T10:00:00.000Z';
const daysBefore = (days: number): string => new Date(Date.parse(STARTED) - days * 86_400_000).toISOString();

const report = (findings: readonly Finding[]): AuditReport =>
  assembleReport({
    tool: { name: 'Mailwarden', version: 'test' },
    target: {
      kind: 'account',
      label: 'Bakery',
      domain: 'bakery.test',
      host: 'mail.bakery.test',
      port: 587,
      security: 'starttls',
    },
    startedAt: STARTED,
    finishedAt: STARTED,
    cancelled: false,
    findings,
    transcript: [],
    coverage: null,
  });

const proofRecord = (provedAt: string, findings: readonly Finding[]): ProofRecord => {
  const record: Omit<ProofRecord, 'verdict'> = {
    kind: 'proof',
    toolVersion: 'test',
    provedAt,
    account: { label: 'Bakery', email: 'ann@bakery.test' },
    to: 'ann@bakery.test',
    tag: 'tag',
    submission: { outcome: 'accepted', reply: '250 ok', queueId: null, refusedAt: null },
    delivery: { landing: 'inbox', mailbox: 'INBOX', waitedSeconds: 2, deleted: true },
    analysis: null,
    findings,
  };
  return { ...record, verdict: proofVerdict(record) };
};

const unsigned = found('message.dkim.unsigned', 'prove:message', {});
const noKey = found('dkim.discovery.none-found', 'dkim:bakery.test', {
  domain: 'bakery.test',
  selectorsTried: 40,
  selectors: [],
  failedLookups: 0,
});

let dir: string;
let history: HistoryStore;
beforeEach(async () => {
  dir = await makeTempDir();
  history = createFileHistoryStore(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an audit plan joined with the account’s recent test message', () => {
  it('counts a test message sent up to 30 days before the audit, not one older or one sent after it started', () => {
    expect(isRecentProof(daysBefore(0), STARTED)).toBe(true);
    expect(isRecentProof(daysBefore(30), STARTED)).toBe(true);
    expect(isRecentProof(daysBefore(30.01), STARTED)).toBe(false);
    expect(isRecentProof(daysBefore(-0.01), STARTED)).toBe(false);
  });

  it('makes "not signed" and "no DKIM key" one action naming the test message, and leaves the score alone', async () => {
    await history.saveProof({
      runId: 'proof-1',
      accountId: 'acct',
      proof: proofRecord(daysBefore(2), [unsigned]),
    });
    const audit = report([noKey]);
    const joined = await joinRecentProof(audit, 'acct', history);
    const signing = joined.plan.actions.find((action) => action.id === 'dkim-signing');
    expect(signing?.title).toBe('Turn on DKIM signing for your domain and publish its key');
    expect(signing?.where).toEqual([`the test message of ${daysBefore(2).slice(0, 10)}`]);
    expect(signing?.findings.map((each) => each.id).sort()).toEqual([
      'dkim.discovery.none-found',
      'message.dkim.unsigned',
    ]);
    expect(signing?.message).toContain(`(the test message of ${daysBefore(2).slice(0, 10)})`);
    expect(joined.score).toEqual(audit.score);
    expect(joined.findings).toEqual(audit.findings);
  });

  it('keeps the test message it joined in the report, and a report read back from JSON plans it again the same way', async () => {
    await history.saveProof({
      runId: 'proof-1',
      accountId: 'acct',
      proof: proofRecord(daysBefore(2), [unsigned]),
    });
    const audit = report([noKey]);
    const joined = await joinRecentProof(audit, 'acct', history);
    expect(joined.proof).toEqual({ runId: 'proof-1', provedAt: daysBefore(2), findings: [unsigned] });

    // Saved as JSON and validated as a report file is; the audit judged again gives the same plan.
    const read = parseAuditReport(JSON.parse(JSON.stringify(joined)));
    expect(read.proof).toEqual(joined.proof);
    const rejoined = planWithProof(audit, read.proof as NonNullable<typeof read.proof>);
    expect(rejoined.plan).toEqual(joined.plan);
    expect(rejoined.proof).toEqual(joined.proof);
    expect(rejoined.score).toEqual(audit.score);
    expect(rejoined.findings).toEqual(audit.findings);
  });

  it('takes the newest test message of this account only', async () => {
    const junk = found('message.proof.junk', 'prove:message', {
      to: 'ann@bakery.test',
      mailbox: 'Junk',
      waitedSeconds: 3,
    });
    await history.saveProof({ runId: 'older', accountId: 'acct', proof: proofRecord(daysBefore(5), [junk]) });
    await history.saveProof({
      runId: 'newer',
      accountId: 'acct',
      proof: proofRecord(daysBefore(1), [unsigned]),
    });
    await history.saveProof({
      runId: 'other',
      accountId: 'someone-else',
      proof: proofRecord(daysBefore(0), [junk]),
    });
    const joined = await joinRecentProof(report([]), 'acct', history);
    expect(joined.plan.actions.map((action) => action.id)).toEqual(['dkim-signing']);
  });

  it('ignores a test message older than the window: the audit’s own plan stands', async () => {
    await history.saveProof({
      runId: 'old',
      accountId: 'acct',
      proof: proofRecord(daysBefore(31), [unsigned]),
    });
    const audit = report([noKey]);
    const joined = await joinRecentProof(audit, 'acct', history);
    expect(joined).toEqual(audit);
    expect('proof' in joined).toBe(false);
    expect(joined.plan.actions[0]?.where).toEqual([]);
  });
});
