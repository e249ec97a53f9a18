import { describe, expect, it } from 'vitest';
import { messageVerdict } from '../../../../main/core/message/message-verdict';
import type { AuthenticationView, DkimSignatureView } from '../../../../preload/contract/message-check';
import { testFinding } from '../../../helpers/history-fixtures';

const signature = (outcome: DkimSignatureView['outcome']): DkimSignatureView => ({
  signingDomain: 'example.com',
  selector: 'sel1',
  algorithm: 'rsa-sha256',
  keyBits: 2048,
  bodyHashMatches: outcome === 'not-verified-no-body' ? null : true,
  bodyLengthLimit: null,
  unsignedBodyBytes: null,
  aligned: true,
  outcome,
});

/** A message that passed everything: signed and aligned, SPF and DMARC pass. */
const PASSED: AuthenticationView = {
  fromDomain: 'example.com',
  dkim: [signature('pass')],
  spf: { ip: '192.0.2.1', domain: 'example.com', outcome: 'pass' },
  dmarc: { fromDomain: 'example.com', outcome: 'pass', policy: 'reject', alignedBy: ['dkim', 'spf'] },
  arc: null,
};

describe('messageVerdict', () => {
  it('names the From domain when DMARC passes and nothing is wrong', () => {
    const verdict = messageVerdict({
      dns: 'system',
      authentication: PASSED,
      findings: [testFinding('dmarc.pass', 'message', 'pass')],
    });
    expect(verdict).toEqual({
      tone: 'good',
      sentence: 'example.com authenticated this message: DMARC passes and nothing is wrong.',
      couldNotCheck: [],
      problems: [],
    });
  });

  it('leads with the worst problem, counts them and lists them worst first without the passes', () => {
    const low = testFinding('message.received.clock', 'message', 'low');
    const medium = testFinding('message.dkim.weak', 'message', 'medium');
    const verdict = messageVerdict({
      dns: 'system',
      authentication: PASSED,
      findings: [low, testFinding('dmarc.pass', 'message', 'pass'), medium],
    });
    expect(verdict.tone).toBe('fix');
    expect(verdict.sentence).toBe('2 problems; the worst: message.dkim.weak on message');
    expect(verdict.problems).toEqual([medium, low]);
  });

  it('tells the reader not to trust the sender when a problem is high', () => {
    const high = testFinding('message.dmarc.fail', 'message', 'high');
    const verdict = messageVerdict({ dns: 'system', authentication: PASSED, findings: [high] });
    expect(verdict).toMatchObject({
      tone: 'stop',
      sentence: 'Do not trust this message’s sender: message.dmarc.fail on message',
    });
  });

  it('offline: says not everything could be checked and why, for the key, SPF, DMARC and ARC', () => {
    const verdict = messageVerdict({
      dns: null,
      authentication: {
        fromDomain: 'example.com',
        dkim: [signature('not-verified-offline')],
        spf: null,
        dmarc: null,
        arc: { outcome: 'not-verified', sets: 1 },
      },
      findings: [],
    });
    expect(verdict.tone).toBe('incomplete');
    expect(verdict.sentence).toBe(
      'Nothing wrong was found in what could be checked, but not everything could be.',
    );
    expect(verdict.couldNotCheck).toEqual([
      'DKIM signature of example.com (selector sel1): its key is in DNS, and nothing was looked up.',
      'SPF: it needs the sender’s DNS records, and nothing was looked up.',
      'DMARC: it needs the From domain’s policy in DNS, and nothing was looked up.',
      'ARC chain: its keys are in DNS, and nothing was looked up.',
    ]);
  });

  it('header only: names the signature whose body hash could not be compared', () => {
    const verdict = messageVerdict({
      dns: 'system',
      authentication: { ...PASSED, dkim: [signature('not-verified-no-body')] },
      findings: [],
    });
    expect(verdict.tone).toBe('incomplete');
    expect(verdict.couldNotCheck).toEqual([
      'Body hash of example.com’s DKIM signature (selector sel1): only the header was given, so the body could not be compared with what was signed.',
    ]);
  });

  it('nothing judged (not a message): the finding that says why is the verdict', () => {
    const notMessage = testFinding('message.not-a-message', 'message', 'medium');
    const verdict = messageVerdict({ dns: 'system', authentication: null, findings: [notMessage] });
    expect(verdict).toEqual({
      tone: 'fix',
      sentence: '1 problem: message.not-a-message on message',
      couldNotCheck: [],
      problems: [notMessage],
    });
  });

  it('nothing judged and nothing found: does not claim DMARC passed', () => {
    const verdict = messageVerdict({ dns: 'system', authentication: null, findings: [] });
    expect(verdict).toMatchObject({
      tone: 'good',
      sentence: 'Nothing wrong was found in this message’s sender checks.',
    });
  });
});
