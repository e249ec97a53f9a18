/**
 * Pure helpers for "Check a message": Mailwarden's verdicts beside the receiver's. Everything is read
 * from the analysis main sent back (the sentence on top, what could not be checked and the problems
 * are worded in main/core/message/message-verdict.ts); nothing is judged again here.
 */
import type { AnalysisRecord } from '../../../preload/contract/message-check';
import { strings } from '../../strings';

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
