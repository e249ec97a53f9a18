/**
 * Each bulk-sender rule judged from DNS-level facts: pass, fail, or cannot tell from here.
 *
 * "Cannot tell" is an answer, not a gap: alignment, unsubscribe headers, message format and spam rate
 * live in real messages and in the receivers' own dashboards, which a DNS check never sees.
 */
import type { Evidence } from '../../../../preload/contract/findings';
import type {
  DkimFacts,
  DmarcAlignmentFacts,
  DmarcPolicyFacts,
  NeedsFacts,
  ReverseDnsFacts,
  SetUp,
  SpfAndDkimFacts,
  SpfFacts,
  SpfOrDkimFacts,
  TlsFacts,
} from '../../knowledge/bulk-sender-evidence';
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

export interface RuleOutcome<E extends Evidence = Evidence, S extends RuleStatus = RuleStatus> {
  readonly status: S;
  readonly evidence: E;
}

/**
 * What each rule can conclude, with the evidence its findings carry: alignment never passes from DNS
 * alone, and the message-level rules can only say "cannot tell".
 */
export type RuleOutcomes = {
  readonly 'spf-or-dkim': RuleOutcome<SpfOrDkimFacts>;
  readonly 'spf-and-dkim': RuleOutcome<SpfAndDkimFacts>;
  readonly 'dmarc-policy': RuleOutcome<DmarcPolicyFacts>;
  readonly 'dmarc-alignment': RuleOutcome<DmarcAlignmentFacts, 'fail' | 'cannot-tell'>;
  readonly 'reverse-dns': RuleOutcome<ReverseDnsFacts>;
  readonly tls: RuleOutcome<TlsFacts>;
  readonly 'one-click-unsubscribe': RuleOutcome<NeedsFacts, 'cannot-tell'>;
  readonly 'spam-rate': RuleOutcome<NeedsFacts, 'cannot-tell'>;
  readonly 'message-format': RuleOutcome<NeedsFacts, 'cannot-tell'>;
};

type Tri = SetUp;

/** SPF counts as set up when one valid record exists and the sending address, if evaluated, passes. */
function spfState(inputs: ScorecardInputs): { readonly state: Tri; readonly evidence: SpfFacts } {
  const { spf } = inputs;
  const evidence: SpfFacts = {
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
function dkimState(inputs: ScorecardInputs): { readonly state: Tri; readonly evidence: DkimFacts } {
  const { dkim } = inputs;
  const usable = dkim.keysFound.filter((key) => key.usable).map((key) => key.selector);
  const evidence: DkimFacts = {
    dkimSelectorsWithKeys: usable,
    dkimSelectorsTried: dkim.selectorsTried,
    dkimSelectorsFromUser: dkim.selectorsFromUser,
  };
  if (usable.length > 0) return { state: 'yes', evidence };
  return { state: dkim.selectorsFromUser ? 'no' : 'unknown', evidence };
}

function outcome<E extends Evidence, S extends RuleStatus>(status: S, evidence: E): RuleOutcome<E, S> {
  return { status, evidence };
}

const JUDGES: { readonly [R in RuleId]: (inputs: ScorecardInputs) => RuleOutcomes[R] } = {
  'spf-or-dkim': (inputs) => {
    const spf = spfState(inputs);
    const dkim = dkimState(inputs);
    const evidence: SpfOrDkimFacts = { ...spf.evidence, ...dkim.evidence };
    if (spf.state === 'yes' || dkim.state === 'yes') return outcome('pass', evidence);
    if (spf.state === 'no' && dkim.state === 'no') return outcome('fail', evidence);
    return outcome('cannot-tell', evidence);
  },
  'spf-and-dkim': (inputs) => {
    const spf = spfState(inputs);
    const dkim = dkimState(inputs);
    const evidence: SpfAndDkimFacts = {
      ...spf.evidence,
      ...dkim.evidence,
      spf: spf.state,
      dkim: dkim.state,
    };
    if (spf.state === 'yes' && dkim.state === 'yes') return outcome('pass', evidence);
    if (spf.state === 'no' || dkim.state === 'no') return outcome('fail', evidence);
    return outcome('cannot-tell', evidence);
  },
  'dmarc-policy': ({ dmarc }) => {
    const evidence: DmarcPolicyFacts = { dmarcRecord: dmarc.record ?? null, dmarcPolicy: dmarc.policy };
    if (dmarc.recordPresent === true && dmarc.policy !== null) return outcome('pass', evidence);
    if (dmarc.recordPresent === false || (dmarc.recordPresent === true && dmarc.policy === null)) {
      return outcome('fail', evidence);
    }
    return outcome('cannot-tell', evidence);
  },
  'dmarc-alignment': (inputs) => {
    // RFC 7489 section 3.1: alignment compares the From domain with the SPF (MAIL FROM) and DKIM (d=)
    // domains of a real message. DNS can only show that it cannot pass at all.
    const { dmarc } = inputs;
    const spf = spfState(inputs);
    const dkim = dkimState(inputs);
    const evidence: DmarcAlignmentFacts = {
      dmarcPolicy: dmarc.policy,
      spf: spf.state,
      dkim: dkim.state,
      needs: 'the Authentication-Results header of a message you sent',
    };
    const nothingToAlign = spf.state === 'no' && dkim.state === 'no';
    if (dmarc.recordPresent === false || nothingToAlign) return outcome('fail', evidence);
    return outcome('cannot-tell', evidence);
  },
  'reverse-dns': (inputs) => {
    const sending = inputs.reverseDns.filter(
      (entry) => entry.role === 'submission' && entry.status !== 'not-public',
    );
    const evidence: ReverseDnsFacts = {
      sendingAddresses: sending.map((entry) => `${entry.address}: ${entry.status}`),
    };
    if (sending.some((entry) => entry.status === 'missing' || entry.status === 'mismatch')) {
      return outcome('fail', evidence);
    }
    if (sending.length > 0 && sending.every((entry) => entry.status === 'confirmed')) {
      return outcome('pass', evidence);
    }
    return outcome('cannot-tell', evidence);
  },
  tls: ({ tls }) => {
    const evidence: TlsFacts = { tlsSeen: tls.seen, where: tls.where ?? null };
    if (tls.seen === true) return outcome('pass', evidence);
    if (tls.seen === false) return outcome('fail', evidence);
    return outcome('cannot-tell', evidence);
  },
  'one-click-unsubscribe': () =>
    outcome('cannot-tell', {
      needs: 'a real marketing message (List-Unsubscribe and List-Unsubscribe-Post headers)',
    }),
  'spam-rate': () =>
    outcome('cannot-tell', { needs: 'Google Postmaster Tools or Yahoo Sender Hub data for your domain' }),
  'message-format': () =>
    outcome('cannot-tell', { needs: 'a real message (RFC 5322 headers: one From, Date, Message-ID)' }),
};

/** Judge one rule. */
export function judgeRule<R extends RuleId>(rule: R, inputs: ScorecardInputs): RuleOutcomes[R] {
  return JUDGES[rule](inputs);
}
