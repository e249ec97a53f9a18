/**
 * Pure helpers for "Check a message": the one-sentence verdict, what could not be checked and why, and
 * Mailwarden's verdicts beside the receiver's. Everything is read from the analysis main sent back;
 * nothing is judged again here.
 */
import { severityRank, type Finding } from '../../../preload/contract/findings';
import type { AnalysisRecord } from '../../../preload/contract/message-check';
import type { VerdictTone } from '../../../preload/contract/plan';
import { strings } from '../../strings';
import { sortFindings } from '../audit/audit-model';

export interface AnalysisVerdict {
  readonly tone: VerdictTone;
  readonly sentence: string;
}

/** Problems (low or worse), worst first: what "What to do" lists and the verdict names. */
export function problemsOf(findings: readonly Finding[]): Finding[] {
  return sortFindings(findings).filter((finding) => severityRank(finding.severity) >= severityRank('low'));
}

/** The sentence on top: the worst problem in words, or what passed and whether anything was left out. */
export function analysisVerdict(record: AnalysisRecord): AnalysisVerdict {
  const text = strings.messageCheck.verdict;
  const problems = problemsOf(record.findings);
  const worst = problems[0];
  if (worst !== undefined) {
    if (worst.severity === 'critical' || worst.severity === 'high')
      return { tone: 'stop', sentence: text.stop(worst.title) };
    return {
      tone: worst.severity === 'medium' ? 'fix' : 'improve',
      sentence: text.problems(problems.length, worst.title),
    };
  }
  if (couldNotCheck(record).length > 0) return { tone: 'incomplete', sentence: text.partly };
  const dmarc = record.authentication?.dmarc ?? null;
  if (dmarc?.outcome === 'pass') return { tone: 'good', sentence: text.good(dmarc.fromDomain) };
  return { tone: 'good', sentence: text.goodNoDmarc };
}

/**
 * Each verdict that could not be given, with its reason: a header paste leaves body hashes unchecked
 * (RFC 6376 section 3.7: the bh= tag hashes the body), offline leaves everything that needs DNS.
 */
export function couldNotCheck(record: AnalysisRecord): string[] {
  const text = strings.messageCheck.couldNot;
  const auth = record.authentication;
  if (auth === null) return [];
  const offline = record.dns === null;
  const lines: string[] = [];
  for (const signature of auth.dkim) {
    if (signature.outcome === 'not-verified-no-body')
      lines.push(text.bodyHash(signature.signingDomain, signature.selector));
    if (signature.outcome === 'not-verified-offline')
      lines.push(text.dkimOffline(signature.signingDomain, signature.selector));
  }
  if (auth.spf === null) lines.push(offline ? text.spfOffline : text.spfNoHop);
  if (auth.dmarc === null) lines.push(offline ? text.dmarcOffline : text.dmarcNoDomain);
  if (auth.arc?.outcome === 'not-verified') lines.push(text.arcOffline);
  return lines;
}

export type AuthMethod = 'dkim' | 'spf' | 'dmarc' | 'arc';

export const AUTH_METHODS: readonly AuthMethod[] = ['dkim', 'spf', 'dmarc', 'arc'];

/** Mailwarden's verdict for one method, in the receiver's words (RFC 8601 result values) where it can. */
export function ourResult(record: AnalysisRecord, method: AuthMethod): string {
  const text = strings.messageCheck;
  const auth = record.authentication;
  if (auth === null) return text.notJudged;
  switch (method) {
    case 'dkim': {
      if (auth.dkim.length === 0) return text.none;
      return (
        auth.dkim
          // The selector tells two signatures of one domain apart (RFC 8463's messages carry an RSA and an
          // Ed25519 signature of the same domain).
          .map(
            (signature) =>
              `${signature.signingDomain} (${signature.selector}): ${text.dkimOutcome[signature.outcome]}`,
          )
          .join('; ')
      );
    }
    case 'spf':
      return auth.spf === null ? text.notJudged : auth.spf.outcome;
    case 'dmarc':
      return auth.dmarc === null ? text.notJudged : auth.dmarc.outcome;
    case 'arc':
      return auth.arc === null ? text.none : text.arc(auth.arc.outcome, null);
  }
}

/** What the receiver recorded for one method: every result it gave, or null when it gave none. */
export function receiverResult(record: AnalysisRecord, method: AuthMethod): string | null {
  const verdicts = (record.receiver?.verdicts ?? []).filter(
    (verdict) => verdict.method.toLowerCase() === method,
  );
  if (verdicts.length === 0) return null;
  return verdicts
    .map((verdict) => (verdict.subject === null ? verdict.result : `${verdict.subject}: ${verdict.result}`))
    .join('; ');
}
