/**
 * Caps on the overall grade, each with the reason a person reads (docs/scoring.md, "Caps").
 *
 * As in SSL Labs' rating guide, some faults limit the grade whatever the rest scores: a server that
 * relays for anyone is an F even if everything else is perfect. Rules are strictest first; a finding that
 * triggers a stricter rule is not counted again by a milder one, so each cap's reason stays specific.
 */
import type { Finding } from '../../../preload/contract/findings';
import type { Grade, ScoreCap } from '../../../preload/contract/score';

export interface CapContext {
  /** The port the account's mail program uses; null for a bare domain. */
  readonly accountPort: number | null;
  /** The incoming (IMAP / POP3) port the mail program reads from; null or absent when none was tested. */
  readonly incomingPort?: number | null;
}

interface CapRule {
  readonly rule: string;
  readonly grade: Grade;
  matches(finding: Finding, context: CapContext): boolean;
  reason(matched: readonly Finding[], context: CapContext): string;
}

/** Certificate faults that make a mail program refuse the connection or, worse, send the password anyway. */
const CERTIFICATE_FAULTS: Readonly<Record<string, string>> = {
  'tls.expiry.expired': 'has expired',
  'tls.expiry.not-yet-valid': 'is not valid yet',
  'tls.chain.untrusted': 'is not signed by an authority mail programs trust',
  'tls.certificate.self-signed': 'is self-signed',
  'tls.name.mismatch': 'is issued for another name',
  'tls.certificate.missing': 'is missing',
  'auth.tls.untrusted': 'could not be verified',
};

const OLD_TLS = new Set(['tls.protocol.tls1_0-accepted', 'tls.protocol.tls1_1-accepted']);
/**
 * Suites and key exchanges SSL Labs also caps at B or worse: NULL encryption, RC4/3DES-class ciphers, DH
 * groups under 2048 bits and curves under 256 bits (RFC 9325 sections 4.1 and 4.2.1).
 */
const WEAK_SUITES = new Set([
  'tls.cipher.weak',
  'tls.suites.null',
  'tls.dh.weak',
  'tls.dh.broken',
  'tls.curve.weak',
]);
const LOGIN_BEFORE_ENCRYPTION = new Set(['auth.cleartext.offered', 'auth.tls.unavailable']);

/** Findings of the incoming server's checks (`imap-tls:host:993`, `pop3-dialogue:...`). */
const fromIncomingCheck = (finding: Finding): boolean => /^(imap|pop3)-/.test(finding.checkId);

const onPort = (finding: Finding, port: number | null): boolean =>
  port !== null && (finding.checkId.endsWith(`:${String(port)}`) || finding.evidence['port'] === port);

/** On the port the mail program sends through, or on the one it reads mail from: both see the certificate. */
const onAccountPort = (finding: Finding, { accountPort, incomingPort }: CapContext): boolean =>
  fromIncomingCheck(finding) ? onPort(finding, incomingPort ?? null) : onPort(finding, accountPort);

const quoted = (findings: readonly Finding[]): string => {
  const titles = [...new Set(findings.map((f) => f.title))];
  const first = titles[0] ?? '';
  return titles.length === 1 ? `“${first}”` : `“${first}” and ${String(titles.length - 1)} more`;
};

export const CAP_RULES: readonly CapRule[] = [
  {
    rule: 'open-relay',
    grade: 'F',
    matches: (finding) => finding.id === 'relay.open',
    reason: () => 'anyone on the internet can send mail through this server',
  },
  {
    rule: 'untrusted-certificate',
    grade: 'D',
    matches: (finding, context) => finding.id in CERTIFICATE_FAULTS && onAccountPort(finding, context),
    reason: (matched, { accountPort, incomingPort }) => {
      // The sending side first; the incoming port only when every fault is there.
      const reading = matched.every(fromIncomingCheck);
      const shown = reading ? matched : matched.filter((finding) => !fromIncomingCheck(finding));
      // The most specific fault first (expired before "could not be verified").
      const ids = new Set(shown.map((finding) => finding.id));
      const fault = Object.keys(CERTIFICATE_FAULTS).find((id) => ids.has(id)) ?? '';
      const port = reading ? (incomingPort ?? null) : accountPort;
      return `the certificate on port ${String(port)}, which the mail program ${
        reading ? 'reads mail from' : 'uses'
      }, ${CERTIFICATE_FAULTS[fault] ?? 'cannot be trusted'}`;
    },
  },
  {
    rule: 'critical',
    grade: 'D',
    matches: (finding) => finding.severity === 'critical',
    reason: (matched) => `a critical problem stands: ${quoted(matched)}`,
  },
  {
    rule: 'login-before-encryption',
    grade: 'C',
    matches: (finding) => LOGIN_BEFORE_ENCRYPTION.has(finding.id),
    reason: () => 'the server offers to take the password before the connection is encrypted',
  },
  {
    rule: 'no-modern-tls',
    grade: 'C',
    matches: (finding) => finding.id === 'tls.protocol.no-modern',
    reason: () => 'the server offers neither TLS 1.2 nor TLS 1.3',
  },
  {
    rule: 'old-tls',
    grade: 'B',
    matches: (finding) => OLD_TLS.has(finding.id) || WEAK_SUITES.has(finding.id),
    reason: (matched) => {
      const oldVersions = matched.some((f) => OLD_TLS.has(f.id));
      const weakSuites = matched.some((f) => WEAK_SUITES.has(f.id));
      if (oldVersions && weakSuites)
        return 'the server still accepts TLS 1.0 or 1.1, retired by RFC 8996, and weak cipher suites or key exchange';
      return weakSuites
        ? 'the server accepts weak cipher suites or key exchange'
        : 'the server still accepts TLS 1.0 or 1.1, retired by RFC 8996';
    },
  },
  {
    rule: 'serious-problem',
    grade: 'B',
    matches: (finding) => finding.severity === 'high' || finding.severity === 'critical',
    reason: (matched) =>
      matched.length === 1
        ? `a serious problem stands: ${quoted(matched)}`
        : `${String(new Set(matched.map((f) => f.id)).size)} serious problems stand, among them ${quoted(matched.slice(0, 1))}`,
  },
];

/** Every cap that applies, strictest first. */
export function capsFor(findings: readonly Finding[], context: CapContext): ScoreCap[] {
  const claimed = new Set<Finding>();
  const caps: ScoreCap[] = [];
  for (const rule of CAP_RULES) {
    const matched = findings.filter((finding) => !claimed.has(finding) && rule.matches(finding, context));
    if (matched.length === 0) continue;
    for (const finding of matched) claimed.add(finding);
    caps.push({
      rule: rule.rule,
      grade: rule.grade,
      reason: rule.reason(matched, context),
      findingIds: [...new Set(matched.map((finding) => finding.id))],
    });
  }
  return caps;
}
