/**
 * Findings about which TLS versions a server accepts, each version tried on its own connection.
 *
 * RFC 8996 retires TLS 1.0 (section 4) and TLS 1.1 (section 5); RFC 9325 section 3.1.1 asks for TLS 1.2
 * and recommends TLS 1.3.
 */
import type { Finding } from '../../../preload/contract/findings';
import { subjectEvidence, tlsFinding, type TlsSubject } from './tls-finding';

export const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

/** accepted: the handshake completed; rejected: the server refused it; unknown: the attempt did not finish. */
export type VersionVerdict = 'accepted' | 'rejected' | 'unknown';

export interface VersionSupport {
  readonly version: TlsVersion;
  readonly verdict: VersionVerdict;
  /** Why the attempt was rejected or did not finish, in plain words; null when accepted. */
  readonly reason: string | null;
  readonly elapsedMs: number;
}

const LABELS: { readonly [version in TlsVersion]: string } = {
  TLSv1: 'TLS 1.0',
  'TLSv1.1': 'TLS 1.1',
  'TLSv1.2': 'TLS 1.2',
  'TLSv1.3': 'TLS 1.3',
};

export function versionLabel(version: TlsVersion): string {
  return LABELS[version];
}

/** The version findings; the caller reports a server that accepts no version at all on its own. */
export function analyseProtocolSupport(support: readonly VersionSupport[], subject: TlsSubject): Finding[] {
  const verdict = (version: TlsVersion): VersionVerdict =>
    support.find((entry) => entry.version === version)?.verdict ?? 'unknown';
  const evidence = {
    ...subjectEvidence(subject),
    versions: Object.fromEntries(support.map((entry) => [entry.version, entry.verdict])),
  };
  const findings: Finding[] = [];
  const modern = (['TLSv1.2', 'TLSv1.3'] as const).filter((version) => verdict(version) === 'accepted');
  if (modern.length > 0) {
    findings.push(
      tlsFinding('tls.protocol.modern', subject.checkId, {
        ...evidence,
        modernAccepted: modern.map(versionLabel).join(' and '),
      }),
    );
  } else if (verdict('TLSv1.2') === 'rejected' && verdict('TLSv1.3') === 'rejected') {
    findings.push(tlsFinding('tls.protocol.no-modern', subject.checkId, evidence));
  }
  if (verdict('TLSv1.2') === 'accepted' && verdict('TLSv1.3') === 'rejected') {
    findings.push(tlsFinding('tls.protocol.tls1_3-unsupported', subject.checkId, evidence));
  }
  if (verdict('TLSv1') === 'accepted') {
    findings.push(tlsFinding('tls.protocol.tls1_0-accepted', subject.checkId, evidence));
  }
  if (verdict('TLSv1.1') === 'accepted') {
    findings.push(tlsFinding('tls.protocol.tls1_1-accepted', subject.checkId, evidence));
  }
  if (verdict('TLSv1') === 'rejected' && verdict('TLSv1.1') === 'rejected') {
    findings.push(tlsFinding('tls.protocol.old-rejected', subject.checkId, evidence));
  }
  const unknown = support.filter((entry) => entry.verdict === 'unknown');
  if (unknown.length > 0) {
    findings.push(
      tlsFinding('tls.protocol.version-unknown', subject.checkId, {
        ...evidence,
        unknownVersions: unknown.map((entry) => versionLabel(entry.version)).join(', '),
        reason: unknown[0]?.reason ?? null,
      }),
    );
  }
  return findings;
}
