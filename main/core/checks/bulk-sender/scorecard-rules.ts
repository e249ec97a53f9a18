/**
 * Each bulk-sender rule judged from DNS-level facts: pass, fail, or cannot tell from here.
 *
 * "Cannot tell" is an answer, not a gap: alignment, unsubscribe headers, message format and spam rate
 * live in real messages and in the receivers' own dashboards, which a DNS check never sees.
 */
import type { Evidence } from '../../../../preload/contract/findings';
import type { ScorecardInputs } from './scorecard-inputs';

export const RULE_IDS = [
  'spf-or-dkim',
  'spf-and-dkim',
  'dmarc-policy',
  'dmarc-alignment',
  'reverse-dns',
  'tls',
  'one-click-unsubscribe',
  'spam-rate',
  'message-format',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type RuleStatus = 'pass' | 'fail' | 'cannot-tell';

export interface RuleOutcome {
  readonly status: RuleStatus;
  readonly evidence: Evidence;
}

type Tri = 'yes' | 'no' | 'unknown';

/** SPF counts as set up when one valid record exists and the sending address, if evaluated, passes. */
function spfState(inputs: ScorecardInputs): { readonly state: Tri; readonly evidence: Evidence } {
  const { spf } = inputs;
  const evidence: Evidence = {
    spfRecord: spf.record ?? null,
    spfValid: spf.valid,
    spfSendingIp:
      spf.sendingIpResult === undefined || spf.sendingIpResult === null
        ? null
        : `${spf.sendingIpResult.ip}: ${spf.sendingIpResult.result}`,
  };
  if (spf.recordPresent === false || spf.valid === false) return { state: 'no', evidence };
  if (
    spf.sendingIpResult !== undefined &&
    spf.sendingIpResult !== null &&
    spf.sendingIpResult.result !== 'pass'
  ) {
    return { state: 'no', evidence };
  }
  if (spf.recordPresent === true && spf.valid === true) return { state: 'yes', evidence };
  return { state: 'unknown', evidence };
}

/** DKIM counts as set up when a usable key was found; "not found" is definite only for the user's selectors. */
function dkimState(inputs: ScorecardInputs): { readonly state: Tri; readonly evidence: Evidence } {
  const { dkim } = inputs;
  const usable = dkim.keysFound.filter((key) => key.usable).map((key) => key.selector);
  const evidence: Evidence = {
    dkimSelectorsWithKeys: usable,
    dkimSelectorsTried: dkim.selectorsTried,
    dkimSelectorsFromUser: dkim.selectorsFromUser,
  };
  if (usable.length > 0) return { state: 'yes', evidence };
  return { state: dkim.selectorsFromUser ? 'no' : 'unknown', evidence };
}

function outcome(status: RuleStatus, evidence: Evidence): RuleOutcome {
  return { status, evidence };
}

/** Judge one rule. */
export function judgeRule(rule: RuleId, inputs: ScorecardInputs): RuleOutcome {
  switch (rule) {
    case 'spf-or-dkim': {
      const spf = spfState(inputs);
      const dkim = dkimState(inputs);
      const evidence = { ...spf.evidence, ...dkim.evidence };
      if (spf.state === 'yes' || dkim.state === 'yes') return outcome('pass', evidence);
      if (spf.state === 'no' && dkim.state === 'no') return outcome('fail', evidence);
      return outcome('cannot-tell', evidence);
    }
    case 'spf-and-dkim': {
      const spf = spfState(inputs);
      const dkim = dkimState(inputs);
      const evidence = { ...spf.evidence, ...dkim.evidence, spf: spf.state, dkim: dkim.state };
      if (spf.state === 'yes' && dkim.state === 'yes') return outcome('pass', evidence);
      if (spf.state === 'no' || dkim.state === 'no') return outcome('fail', evidence);
      return outcome('cannot-tell', evidence);
    }
    case 'dmarc-policy': {
      const { dmarc } = inputs;
      const evidence: Evidence = { dmarcRecord: dmarc.record ?? null, dmarcPolicy: dmarc.policy };
      if (dmarc.recordPresent === true && dmarc.policy !== null) return outcome('pass', evidence);
      if (dmarc.recordPresent === false || (dmarc.recordPresent === true && dmarc.policy === null)) {
        return outcome('fail', evidence);
      }
      return outcome('cannot-tell', evidence);
    }
    case 'dmarc-alignment': {
      // RFC 7489 section 3.1: alignment compares the From domain with the SPF (MAIL FROM) and DKIM (d=)
      // domains of a real message. DNS can only show that it cannot pass at all.
      const { dmarc } = inputs;
      const spf = spfState(inputs);
      const dkim = dkimState(inputs);
      const evidence: Evidence = {
        dmarcPolicy: dmarc.policy,
        spf: spf.state,
        dkim: dkim.state,
        needs: 'the Authentication-Results header of a message you sent',
      };
      const nothingToAlign = spf.state === 'no' && dkim.state === 'no';
      if (dmarc.recordPresent === false || nothingToAlign) return outcome('fail', evidence);
      return outcome('cannot-tell', evidence);
    }
    case 'reverse-dns': {
      const sending = inputs.reverseDns.filter(
        (entry) => entry.role === 'submission' && entry.status !== 'not-public',
      );
      const evidence: Evidence = {
        sendingAddresses: sending.map((entry) => `${entry.address}: ${entry.status}`),
      };
      if (sending.some((entry) => entry.status === 'missing' || entry.status === 'mismatch')) {
        return outcome('fail', evidence);
      }
      if (sending.length > 0 && sending.every((entry) => entry.status === 'confirmed')) {
        return outcome('pass', evidence);
      }
      return outcome('cannot-tell', evidence);
    }
    case 'tls': {
      const evidence: Evidence = { tlsSeen: inputs.tls.seen, where: inputs.tls.where ?? null };
      if (inputs.tls.seen === true) return outcome('pass', evidence);
      if (inputs.tls.seen === false) return outcome('fail', evidence);
      return outcome('cannot-tell', evidence);
    }
    case 'one-click-unsubscribe':
      return outcome('cannot-tell', {
        needs: 'a real marketing message (List-Unsubscribe and List-Unsubscribe-Post headers)',
      });
    case 'spam-rate':
      return outcome('cannot-tell', {
        needs: 'Google Postmaster Tools or Yahoo Sender Hub data for your domain',
      });
    case 'message-format':
      return outcome('cannot-tell', {
        needs: 'a real message (RFC 5322 headers: one From, Date, Message-ID)',
      });
  }
}
