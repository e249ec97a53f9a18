/** What every IMAP/POP3 probe is given, and the finding factory for its protocol. */
import type { Finding } from '../../../preload/contract/findings';
import { findingFactory } from '../findings/finding-factory';
import type {
  IncomingDialogueFailureSuffix,
  IncomingEvidence,
  IncomingFindingSuffix,
  LineFailureEvidence,
} from '../knowledge/incoming-evidence';
import { IMAP_KNOWLEDGE, POP3_KNOWLEDGE } from '../knowledge/incoming-knowledge';
import type { KnowledgeTable } from '../knowledge/knowledge-entry';
import type { DnsResolver } from '../ports';
import type { IncomingProtocol, LineConnector, LineFailure, LineLimits } from './line-channel';

export interface IncomingProbeContext {
  readonly protocol: IncomingProtocol;
  /** ASCII (punycode) host: SNI and the certificate's name. */
  readonly host: string;
  readonly resolver: DnsResolver;
  readonly connector: LineConnector;
  readonly limits: LineLimits;
  readonly signal: AbortSignal;
  readonly clock: { now(): Date };
  readonly extraCaPem?: string;
}

/** How the client reaches a port: clear text (with STARTTLS / STLS if offered), or TLS from the first byte. */
export type IncomingSecurity = 'plain' | 'starttls' | 'implicit-tls';

export const PROTOCOL_NAME: Readonly<Record<IncomingProtocol, string>> = { imap: 'IMAP', pop3: 'POP3' };

// Untyped factories: incomingFinding below types the evidence by suffix, which the prefixed tables
// cannot check for a suffix chosen at run time.
const imapFinding = findingFactory<KnowledgeTable>(IMAP_KNOWLEDGE);
const pop3Finding = findingFactory<KnowledgeTable>(POP3_KNOWLEDGE);

/** `imap.<suffix>` or `pop3.<suffix>`; an IMAP-only suffix asked for POP3 is a programming error. */
export function incomingFinding<S extends IncomingFindingSuffix>(
  protocol: IncomingProtocol,
  suffix: S,
  checkId: string,
  evidence: IncomingEvidence[S],
): Finding {
  if (protocol === 'imap') return imapFinding(`imap.${suffix}`, checkId, evidence);
  return pop3Finding(`pop3.${suffix}`, checkId, evidence);
}

/** A broken dialogue as its own finding: each way a hostile server can misbehave has its own id. */
export function dialogueFailureSuffix(
  failure: LineFailure,
  greeting: boolean,
): IncomingDialogueFailureSuffix {
  switch (failure.kind) {
    case 'timeout':
      return greeting ? 'dialogue.no-greeting' : 'dialogue.timeout';
    case 'line-too-long':
      return 'dialogue.line-too-long';
    case 'literal-too-large':
      return 'dialogue.literal-too-large';
    case 'response-too-large':
    case 'too-many-lines':
    case 'reply-too-large':
      return 'dialogue.flood';
    case 'malformed-reply':
      return 'dialogue.malformed';
    default:
      return 'dialogue.closed';
  }
}

export function failureEvidence(failure: LineFailure): LineFailureEvidence {
  return {
    failure: failure.kind,
    message: failure.message,
    elapsedMs: failure.elapsedMs,
    ...(failure.partial === undefined ? {} : { partial: failure.partial }),
  };
}
