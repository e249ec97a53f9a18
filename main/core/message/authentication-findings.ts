/**
 * Findings from the DKIM, SPF, DMARC and ARC verdicts of one message, and from comparing them with what
 * the receiver wrote in its Authentication-Results.
 */
import type { Finding } from '../../../preload/contract/findings';
import { findingFactory } from '../findings/finding-factory';
import type { DkimSignatureEvidence } from '../knowledge/message-evidence';
import { MESSAGE_KNOWLEDGE } from '../knowledge/message-knowledge';
import type { ReceiverResults } from './authentication-results';
import type { AuthenticationVerdicts, DkimOutcome, DkimSignatureVerdict } from './verify-authentication';

const finding = findingFactory(MESSAGE_KNOWLEDGE);

type DkimFindingId =
  | 'message.dkim.pass'
  | 'message.dkim.body-hash-failed'
  | 'message.dkim.signature-failed'
  | 'message.dkim.key-missing'
  | 'message.dkim.key-too-weak'
  | 'message.dkim.key-invalid'
  | 'message.dkim.expired'
  | 'message.dkim.dns-failed'
  | 'message.dkim.not-verified';

const DKIM_FINDING: Record<DkimOutcome, DkimFindingId> = {
  pass: 'message.dkim.pass',
  'body-hash-failed': 'message.dkim.body-hash-failed',
  'signature-failed': 'message.dkim.signature-failed',
  'key-missing': 'message.dkim.key-missing',
  'key-too-weak': 'message.dkim.key-too-weak',
  'key-invalid': 'message.dkim.key-invalid',
  expired: 'message.dkim.expired',
  'dns-failed': 'message.dkim.dns-failed',
  'not-verified-offline': 'message.dkim.not-verified',
  'not-verified-no-body': 'message.dkim.not-verified',
};

export function authenticationFindings(verdicts: AuthenticationVerdicts): Finding[] {
  return [
    ...dkimFindings(verdicts),
    ...spfFindings(verdicts),
    ...dmarcFindings(verdicts),
    ...arcFindings(verdicts),
  ];
}

function dkimFindings(verdicts: AuthenticationVerdicts): Finding[] {
  const checkId = 'analyse:dkim';
  if (verdicts.dkim.length === 0) return [finding('message.dkim.unsigned', checkId, {})];
  const findings = verdicts.dkim.map((signature) =>
    finding(DKIM_FINDING[signature.outcome], checkId, {
      ...signatureEvidence(signature),
      fromDomain: verdicts.fromDomain,
      ...(signature.outcome === 'not-verified-no-body'
        ? { reason: 'no body' }
        : signature.outcome === 'not-verified-offline'
          ? { reason: 'offline' }
          : {}),
    }),
  );
  // RFC 6376 section 8.2: with l=, whatever follows the covered bytes can be replaced or added freely.
  for (const signature of verdicts.dkim.filter((s) => s.bodyLengthLimit !== null))
    findings.push(
      finding('message.dkim.body-length-limit', checkId, {
        ...signatureEvidence(signature),
        bodyLengthLimit: signature.bodyLengthLimit,
        unsignedBodyBytes: signature.unsignedBodyBytes,
      }),
    );
  const passing = verdicts.dkim.filter((signature) => signature.outcome === 'pass');
  // RFC 7489 section 3.1.1: only an aligned signature counts; say so once, not per signature.
  if (passing.length > 0 && !passing.some((signature) => signature.aligned))
    findings.push(
      finding('message.dkim.not-aligned', checkId, {
        fromDomain: verdicts.fromDomain,
        signingDomains: [...new Set(passing.map((signature) => signature.signingDomain))],
      }),
    );
  return findings;
}

function signatureEvidence(signature: DkimSignatureVerdict): DkimSignatureEvidence {
  return {
    signingDomain: signature.signingDomain,
    selector: signature.selector,
    algorithm: signature.algorithm,
    keyBits: signature.keyBits,
    bodyHashMatches: signature.bodyHashMatches,
    aligned: signature.aligned,
  };
}

function spfFindings(verdicts: AuthenticationVerdicts): Finding[] {
  const spf = verdicts.spf;
  if (spf === null) return [];
  const evidence = { ip: spf.ip, domain: spf.domain, outcome: spf.outcome };
  const checkId = 'analyse:spf';
  switch (spf.outcome) {
    case 'pass':
      return [finding('message.spf.pass', checkId, evidence)];
    case 'fail':
      return [finding('message.spf.fail', checkId, evidence)];
    case 'softfail':
      return [finding('message.spf.softfail', checkId, evidence)];
    case 'neutral':
      return [finding('message.spf.neutral', checkId, evidence)];
    case 'none':
      return [finding('message.spf.none', checkId, evidence)];
    case 'temperror':
    case 'permerror':
      return [finding('message.spf.error', checkId, evidence)];
  }
}

function dmarcFindings(verdicts: AuthenticationVerdicts): Finding[] {
  const dmarc = verdicts.dmarc;
  if (dmarc === null) return [];
  const evidence = {
    fromDomain: dmarc.fromDomain,
    outcome: dmarc.outcome,
    policy: dmarc.policy,
    alignedBy: [...dmarc.alignedBy],
  };
  const checkId = 'analyse:dmarc';
  switch (dmarc.outcome) {
    case 'pass':
      return [finding('message.dmarc.pass', checkId, evidence)];
    case 'fail':
      return [finding('message.dmarc.fail', checkId, evidence)];
    case 'none':
      return [finding('message.dmarc.none', checkId, evidence)];
    case 'temperror':
      return [finding('message.dmarc.error', checkId, evidence)];
  }
}

function arcFindings(verdicts: AuthenticationVerdicts): Finding[] {
  const arc = verdicts.arc;
  if (arc === null) return [];
  const evidence = { sets: arc.sets, outcome: arc.outcome };
  const id =
    arc.outcome === 'pass'
      ? 'message.arc.pass'
      : arc.outcome === 'fail'
        ? 'message.arc.fail'
        : 'message.arc.not-verified';
  return [finding(id, 'analyse:arc', evidence)];
}

/** Mailwarden's own verdict per method, in the receiver's words (RFC 8601 section 2.7), when it gave one. */
export function ownVerdicts(verdicts: AuthenticationVerdicts): Map<string, string> {
  const own = new Map<string, string>();
  const judged = verdicts.dkim.filter(
    (s) =>
      s.outcome !== 'not-verified-offline' &&
      s.outcome !== 'not-verified-no-body' &&
      s.outcome !== 'dns-failed',
  );
  if (verdicts.dkim.length === 0) own.set('dkim', 'none');
  else if (judged.some((s) => s.outcome === 'pass')) own.set('dkim', 'pass');
  else if (judged.length === verdicts.dkim.length) own.set('dkim', 'fail');
  if (verdicts.spf !== null) own.set('spf', verdicts.spf.outcome);
  if (verdicts.dmarc !== null) own.set('dmarc', verdicts.dmarc.outcome);
  if (verdicts.arc !== null && verdicts.arc.outcome !== 'not-verified') own.set('arc', verdicts.arc.outcome);
  return own;
}

/**
 * The receiver's verdicts beside Mailwarden's. A method the receiver reports several times (one dkim=
 * per signature) agrees when any of its results matches, since both sides report the best signature.
 */
export function receiverFindings(
  receiver: ReceiverResults | null,
  verdicts: AuthenticationVerdicts | null,
): Finding[] {
  const checkId = 'analyse:receiver';
  if (receiver === null) return [finding('message.receiver.none', checkId, {})];
  if (verdicts === null) return [];
  const own = ownVerdicts(verdicts);
  const compared: string[] = [];
  const disagreements: { method: string; receiver: string; mailwarden: string }[] = [];
  for (const method of ['dkim', 'spf', 'dmarc', 'arc']) {
    const theirs = receiver.verdicts.filter((verdict) => verdict.method === method).map((v) => v.result);
    const ours = own.get(method);
    if (theirs.length === 0 || ours === undefined) continue;
    const best = theirs.includes('pass') ? 'pass' : (theirs[0] ?? '');
    // For DKIM every result but pass means "no valid signature" (fail, neutral, permerror, policy: RFC 8601
    // section 2.7.1), so two such results agree even when the words differ.
    if (best === ours || (best !== 'pass' && ours !== 'pass' && method === 'dkim'))
      compared.push(`${method}=${best}`);
    else disagreements.push({ method, receiver: best, mailwarden: ours });
  }
  if (disagreements.length > 0)
    return [
      finding('message.receiver.disagrees', checkId, { authservId: receiver.authservId, disagreements }),
    ];
  if (compared.length === 0) return [];
  return [
    finding('message.receiver.agrees', checkId, { authservId: receiver.authservId, verdicts: compared }),
  ];
}
