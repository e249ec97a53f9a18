import { describe, expect, it } from 'vitest';
import { messageVerdict } from '../../../../main/core/message/message-verdict';
import { proofVerdict, type ProofVerdictInput } from '../../../../main/core/prove/proof-verdict';
import type { AnalysisRecord, AuthenticationView } from '../../../../preload/contract/message-check';
import { testFinding } from '../../../helpers/history-fixtures';

const PASSED_AUTHENTICATION: AuthenticationView = {
  fromDomain: 'mail.test',
  dkim: [
    {
      signingDomain: 'mail.test',
      selector: 'mw',
      algorithm: 'rsa-sha256',
      keyBits: 2048,
      bodyHashMatches: true,
      bodyLengthLimit: null,
      unsignedBodyBytes: null,
      aligned: true,
      outcome: 'pass',
    },
  ],
  spf: { ip: '127.0.0.1', domain: 'mail.test', outcome: 'pass' },
  dmarc: { fromDomain: 'mail.test', outcome: 'pass', policy: 'reject', alignedBy: ['dkim'] },
  arc: null,
};

const SIGNED: Omit<AnalysisRecord, 'verdict'> = {
  kind: 'message-analysis',
  toolVersion: '0.0.0-test',
  analysedAt: '2026-12-06T12:00:00.000Z',
  source: 'proof',
  dns: '127.0.0.53:53',
  message: { bytes: 900, headerFields: 12, hasBody: true },
  authentication: PASSED_AUTHENTICATION,
  receiver: null,
  received: { hops: [], total: 0 },
  findings: [],
};
const ARRIVED: AnalysisRecord = { ...SIGNED, verdict: messageVerdict(SIGNED) };

const run = (parts: Partial<ProofVerdictInput>): ProofVerdictInput => ({
  submission: {
    outcome: 'accepted',
    reply: '250 2.0.0 Ok: queued as 4F2A1C0',
    queueId: '4F2A1C0',
    refusedAt: null,
  },
  delivery: { landing: 'inbox', mailbox: 'INBOX', waitedSeconds: 3, deleted: true },
  analysis: ARRIVED,
  findings: [],
  ...parts,
});

describe('proofVerdict', () => {
  const JUNK_DELIVERY = { landing: 'junk', mailbox: 'Junk', waitedSeconds: 4, deleted: true } as const;

  it('landed in Junk though the message passed: says so, and points at the mailbox’s own filter', () => {
    const junk = testFinding('message.proof.junk', 'proof', 'high');
    const verdict = proofVerdict(run({ delivery: JUNK_DELIVERY, findings: [junk] }));
    expect(verdict).toMatchObject({
      tone: 'stop',
      sentence:
        'It arrived in the junk folder although its sender checks pass: the receiving mailbox’s own filter put it there.',
    });
    expect(verdict.sentence).not.toContain('Do not trust');
    expect(verdict.problems).toEqual([junk]);
  });

  it('landed in Junk unsigned: names the missing signature as the likely reason', () => {
    const junk = testFinding('message.proof.junk', 'proof', 'high');
    const unsigned = testFinding('message.dkim.unsigned', 'message', 'medium');
    const analysis = {
      ...ARRIVED,
      authentication: { ...PASSED_AUTHENTICATION, dkim: [] },
      findings: [unsigned],
    };
    const verdict = proofVerdict(run({ delivery: JUNK_DELIVERY, analysis, findings: [junk, unsigned] }));
    expect(verdict).toMatchObject({
      tone: 'stop',
      sentence: 'It arrived in the junk folder; the likely reason: message.dkim.unsigned on message',
    });
    expect(verdict.problems).toEqual([junk, unsigned]);
  });

  it('arrived with a high problem: worded for the sender, not as a warning about a stranger', () => {
    const broken = testFinding('message.dkim.body-hash-failed', 'message', 'high');
    const analysis = { ...ARRIVED, findings: [broken] };
    const verdict = proofVerdict(run({ analysis, findings: [broken] }));
    expect(verdict).toMatchObject({
      tone: 'stop',
      sentence:
        'Receivers may refuse or hide mail from this account: message.dkim.body-hash-failed on message',
    });
  });

  it('never arrived: says it did not arrive and how long Mailwarden waited', () => {
    const verdict = proofVerdict(
      run({ delivery: { landing: null, mailbox: null, waitedSeconds: 120, deleted: false }, analysis: null }),
    );
    expect(verdict).toEqual({
      tone: 'stop',
      sentence: 'It did not arrive: Not found in the mailbox after 120 seconds.',
      couldNotCheck: [],
      problems: [],
    });
  });

  it('refused by the server: says it was not delivered, naming the finding', () => {
    const refused = testFinding('proof.submission.refused', 'proof', 'high');
    const verdict = proofVerdict(
      run({
        submission: {
          outcome: 'refused',
          reply: '554 5.7.1 Relay access denied',
          queueId: null,
          refusedAt: 'RCPT TO',
        },
        delivery: { landing: null, mailbox: null, waitedSeconds: 0, deleted: false },
        analysis: null,
        findings: [refused],
      }),
    );
    expect(verdict).toMatchObject({
      tone: 'stop',
      sentence: 'Not delivered: proof.submission.refused on proof',
    });
  });

  it('not signed: the arrived message’s missing signature is the verdict', () => {
    const unsigned = testFinding('message.dkim.none', 'message', 'medium');
    const analysis = {
      ...ARRIVED,
      authentication: { ...PASSED_AUTHENTICATION, dkim: [] },
      findings: [unsigned],
    };
    const verdict = proofVerdict(run({ analysis, findings: [unsigned] }));
    expect(verdict).toMatchObject({ tone: 'fix', sentence: '1 problem: message.dkim.none on message' });
  });

  it('never left the provider (no outside hop, so no SPF) but DMARC passes: a good run, SPF still listed', () => {
    const inside = { ...SIGNED, authentication: { ...PASSED_AUTHENTICATION, spf: null } };
    const analysis: AnalysisRecord = { ...inside, verdict: messageVerdict(inside) };
    expect(analysis.verdict.tone).toBe('incomplete');
    const verdict = proofVerdict(run({ analysis }));
    expect(verdict).toMatchObject({
      tone: 'good',
      sentence:
        'mail.test authenticated this test message (DMARC passes) and it arrived in the inbox. SPF was not judged: it stayed within your provider’s servers.',
    });
    expect(verdict.couldNotCheck).toEqual([
      'SPF: no outside server is recorded in the Received lines, so there is no address to judge.',
    ]);
  });

  it('judged offline, a missing SPF verdict is a real gap: the run stays incomplete', () => {
    const offline = {
      ...SIGNED,
      dns: null,
      authentication: { ...PASSED_AUTHENTICATION, spf: null },
    };
    const analysis: AnalysisRecord = { ...offline, verdict: messageVerdict(offline) };
    expect(proofVerdict(run({ analysis })).tone).toBe('incomplete');
  });

  it('arrived in the inbox, signed and passing: names the domain DMARC authenticated', () => {
    expect(proofVerdict(run({})).sentence).toBe(
      'mail.test authenticated this message: DMARC passes and nothing is wrong.',
    );
  });
});
