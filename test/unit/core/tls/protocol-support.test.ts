import { describe, expect, it } from 'vitest';
import {
  analyseProtocolSupport,
  TLS_VERSIONS,
  type VersionVerdict,
} from '../../../../main/core/tls/protocol-support';

const SUBJECT = { checkId: 'tls:mail.example.com:465', host: 'mail.example.com', port: 465 };

function ids(verdicts: readonly [VersionVerdict, VersionVerdict, VersionVerdict, VersionVerdict]): string[] {
  const support = TLS_VERSIONS.map((version, index) => ({
    version,
    verdict: verdicts[index] ?? 'unknown',
    reason: verdicts[index] === 'accepted' ? null : 'The TLS handshake failed.',
    elapsedMs: 5,
  }));
  return analyseProtocolSupport(support, SUBJECT).map((finding) => finding.id);
}

describe('analyseProtocolSupport', () => {
  it('passes a server with TLS 1.2 and 1.3 that refuses 1.0 and 1.1', () => {
    expect(ids(['rejected', 'rejected', 'accepted', 'accepted'])).toEqual([
      'tls.protocol.modern',
      'tls.protocol.old-rejected',
    ]);
  });

  it('flags TLS 1.0 and 1.1 each on its own (RFC 8996)', () => {
    expect(ids(['accepted', 'accepted', 'accepted', 'accepted'])).toEqual([
      'tls.protocol.modern',
      'tls.protocol.tls1_0-accepted',
      'tls.protocol.tls1_1-accepted',
    ]);
    expect(ids(['rejected', 'accepted', 'accepted', 'accepted'])).toContain('tls.protocol.tls1_1-accepted');
  });

  it('flags a server without TLS 1.2 or 1.3, and notes a missing TLS 1.3', () => {
    expect(ids(['accepted', 'rejected', 'rejected', 'rejected'])).toEqual([
      'tls.protocol.no-modern',
      'tls.protocol.tls1_0-accepted',
    ]);
    expect(ids(['rejected', 'rejected', 'accepted', 'rejected'])).toEqual([
      'tls.protocol.modern',
      'tls.protocol.tls1_3-unsupported',
      'tls.protocol.old-rejected',
    ]);
  });

  it('does not guess about versions whose attempt did not finish', () => {
    const found = ids(['unknown', 'rejected', 'rejected', 'unknown']);
    expect(found).toEqual(['tls.protocol.version-unknown']);
    const support = TLS_VERSIONS.map((version) => ({
      version,
      verdict: version === 'TLSv1' ? ('unknown' as const) : ('accepted' as const),
      reason: version === 'TLSv1' ? 'The TLS handshake did not finish within 1 s.' : null,
      elapsedMs: 5,
    }));
    const [, , unknown] = analyseProtocolSupport(support, SUBJECT);
    expect(unknown?.id).toBe('tls.protocol.version-unknown');
    expect(unknown?.explanation).toBe(
      'Mailwarden could not tell whether the server accepts TLS 1.0: the attempt did not finish (The TLS handshake did not finish within 1 s.).',
    );
  });
});
