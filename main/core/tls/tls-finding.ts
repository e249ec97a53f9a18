/** The TLS findings factory and the evidence every TLS finding carries (which server, which port). */
import { findingFactory } from '../findings/finding-factory';
import type { TlsSubjectEvidence } from '../knowledge/tls-evidence';
import { TLS_KNOWLEDGE } from '../knowledge/tls-knowledge';

export const tlsFinding = findingFactory(TLS_KNOWLEDGE);

/** The server a TLS finding is about. */
export interface TlsSubject {
  /** e.g. "tls:smtp.example.com:587". */
  readonly checkId: string;
  readonly host: string;
  readonly port: number;
}

/** The evidence fields shared by every TLS finding, so a report line always names its server. */
export function subjectEvidence(subject: TlsSubject): TlsSubjectEvidence {
  return { host: subject.host, port: subject.port };
}
