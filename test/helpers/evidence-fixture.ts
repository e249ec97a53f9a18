/** A small, valid ReportEvidence for unit tests of the replaying ports; tests add the answers they need. */
import type { ReportEvidence } from '../../preload/contract/evidence';

/** 2026-01-01T00:00:00Z: where the replay clock starts. */
export const FIXTURE_STARTED_AT_MS = Date.parse('2026-01-01T00:00:00.000Z');

export function evidenceFixture(parts: Partial<Omit<ReportEvidence, 'version'>> = {}): ReportEvidence {
  return {
    version: 1,
    audit: {
      subject: { kind: 'domain', domain: 'example.test', dkimSelectors: [] },
      areas: ['dns'],
      relayTest: false,
      allowCertificateFingerprint: null,
      extraCaPem: null,
      ports: {},
      limits: null,
      overallDeadlineMs: null,
    },
    startedAtMs: FIXTURE_STARTED_AT_MS,
    dns: { description: '127.0.0.9:53', queries: [] },
    wire: { description: '127.0.0.9:53', queries: [] },
    https: [],
    smtp: [],
    logins: [],
    ...parts,
  };
}
