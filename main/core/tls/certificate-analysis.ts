/**
 * Findings about the server's certificate: chain trust, name, dates, self-signed, key and signature.
 *
 * Pure: it judges the facts the handshake reported against a clock. Each verification problem is told
 * once, by its most specific finding (an expired leaf is "expired", not also "untrusted").
 */
import type { Finding } from '../../../preload/contract/findings';
import type { CertificateEvidence, TlsSubjectEvidence } from '../knowledge/tls-evidence';
import type { CertificateFacts, TlsSessionFacts } from '../smtp/smtp-channel';
import { judgeKey, judgeSignature } from './certificate-strength';
import { matchCertificateName } from './name-match';
import { subjectEvidence, tlsFinding, type TlsSubject } from './tls-finding';
import { verifyProblems, type VerifyProblemTopic } from './verify-error';

const DAY_MS = 86_400_000;
/** Fewer days left than this is a warning: automatic renewal (30 days ahead) has likely failed. */
export const EXPIRY_WARNING_DAYS = 21;

/** Every certificate finding for the session's leaf certificate. */
export function analyseCertificate(session: TlsSessionFacts, subject: TlsSubject, now: Date): Finding[] {
  const base = subjectEvidence(subject);
  const leaf = session.peerChain[0];
  if (leaf === undefined) {
    return [tlsFinding('tls.certificate.missing', subject.checkId, base)];
  }
  const certificate = { ...base, ...certificateEvidence(leaf) };
  const findings: Finding[] = [];

  const name = matchCertificateName(subject.host, leaf.subjectAltNames, leaf.subject);
  const dates = judgeDates(leaf, now);
  const problems = verifyProblems(session.authorized ? null : session.authorizationError);
  // What other findings already explain: those problems need no "untrusted" finding of their own.
  const explained = new Set<VerifyProblemTopic>();
  if (leaf.selfSigned) explained.add('self-signed');
  if (dates.state === 'expired') explained.add('expired');
  if (dates.state === 'not-yet-valid') explained.add('not-yet-valid');
  if (name.matchedName === null) explained.add('name');
  const chainProblems = problems.filter((problem) => !explained.has(problem.topic));
  const chainVerified = session.authorized || problems.every((problem) => problem.topic === 'name');

  if (session.authorized || (problems.length > 0 && chainVerified)) {
    findings.push(tlsFinding('tls.chain.trusted', subject.checkId, certificate));
  } else if (chainProblems.length > 0 || problems.length === 0) {
    const first = chainProblems[0];
    findings.push(
      tlsFinding('tls.chain.untrusted', subject.checkId, {
        ...certificate,
        reasonCode: first?.code ?? 'UNKNOWN',
        reason: first?.words ?? 'The certificate could not be verified.',
        authorizationError: session.authorizationError,
      }),
    );
  }
  if (leaf.selfSigned && !chainVerified) {
    findings.push(tlsFinding('tls.certificate.self-signed', subject.checkId, certificate));
  }

  findings.push(
    name.matchedName === null
      ? tlsFinding('tls.name.mismatch', subject.checkId, {
          ...certificate,
          certificateNames: name.certificateNames.join(', '),
        })
      : tlsFinding('tls.name.matched', subject.checkId, { ...certificate, matchedName: name.matchedName }),
  );

  const dateEvidence = { ...certificate, daysLeft: dates.daysLeft };
  switch (dates.state) {
    case 'expired':
      findings.push(
        tlsFinding('tls.expiry.expired', subject.checkId, { ...dateEvidence, daysAgo: -dates.daysLeft }),
      );
      break;
    case 'not-yet-valid':
      findings.push(tlsFinding('tls.expiry.not-yet-valid', subject.checkId, dateEvidence));
      break;
    case 'soon':
      findings.push(tlsFinding('tls.expiry.soon', subject.checkId, dateEvidence));
      break;
    case 'valid':
      findings.push(tlsFinding('tls.expiry.valid', subject.checkId, dateEvidence));
      break;
  }

  const key = judgeKey(leaf.keyType, leaf.keyBits);
  const keyEvidence = { ...certificate, keyDescription: key.description };
  findings.push(
    tlsFinding(
      key.verdict === 'strong'
        ? 'tls.key.strong'
        : key.verdict === 'weak'
          ? 'tls.key.weak'
          : 'tls.key.unknown',
      subject.checkId,
      keyEvidence,
    ),
  );

  const signature = judgeSignature(leaf.signatureAlgorithm);
  const signatureIds = {
    strong: 'tls.signature.strong',
    sha1: 'tls.signature.sha1',
    md5: 'tls.signature.md5',
    unknown: 'tls.signature.unknown',
  } as const;
  findings.push(tlsFinding(signatureIds[signature], subject.checkId, certificate));
  return findings;
}

type DateState = 'valid' | 'soon' | 'expired' | 'not-yet-valid';

/** RFC 5280 section 4.1.2.5: valid from notBefore to notAfter inclusive. Days left round down. */
function judgeDates(leaf: CertificateFacts, now: Date): { state: DateState; daysLeft: number } {
  const from = Date.parse(leaf.validFrom);
  const to = Date.parse(leaf.validTo);
  const nowMs = now.getTime();
  const daysLeft = Number.isNaN(to) ? 0 : Math.floor((to - nowMs) / DAY_MS);
  if (!Number.isNaN(to) && nowMs > to) return { state: 'expired', daysLeft };
  if (!Number.isNaN(from) && nowMs < from) return { state: 'not-yet-valid', daysLeft };
  return { state: daysLeft < EXPIRY_WARNING_DAYS ? 'soon' : 'valid', daysLeft };
}

/** The certificate fields a report keeps, so it can be judged again offline. */
function certificateEvidence(leaf: CertificateFacts): Omit<CertificateEvidence, keyof TlsSubjectEvidence> {
  return {
    subject: leaf.subject,
    issuer: leaf.issuer,
    subjectAltNames: [...leaf.subjectAltNames],
    validFrom: leaf.validFrom,
    validTo: leaf.validTo,
    serialNumber: leaf.serialNumber,
    fingerprintSha256: leaf.fingerprintSha256,
    keyType: leaf.keyType,
    keyBits: leaf.keyBits,
    signatureAlgorithm: leaf.signatureAlgorithm,
  };
}
