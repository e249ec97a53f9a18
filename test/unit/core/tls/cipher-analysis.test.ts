import { describe, expect, it } from 'vitest';
import type { TlsSessionFacts } from '../../../../main/core/smtp/smtp-channel';
import { analyseCipher } from '../../../../main/core/tls/cipher-analysis';

const SUBJECT = { checkId: 'tls:mail.example.com:587', host: 'mail.example.com', port: 587 };

function ids(protocol: string, standardName: string | null, opensslName: string | null): string[] {
  const session: TlsSessionFacts = {
    protocol,
    cipherName: opensslName,
    cipherStandardName: standardName,
    authorized: true,
    authorizationError: null,
    peerChain: [],
  };
  return analyseCipher(session, SUBJECT).map((finding) => finding.id);
}

describe('analyseCipher', () => {
  it('passes TLS 1.3 suites and ECDHE with AES-GCM or ChaCha20', () => {
    expect(ids('TLSv1.3', 'TLS_AES_256_GCM_SHA384', 'TLS_AES_256_GCM_SHA384')).toEqual(['tls.cipher.strong']);
    expect(ids('TLSv1.2', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256')).toEqual([
      'tls.cipher.strong',
    ]);
    expect(ids('TLSv1.2', null, 'ECDHE-ECDSA-CHACHA20-POLY1305')).toEqual(['tls.cipher.strong']);
  });

  it('flags RSA key exchange (no forward secrecy) and CBC mode separately', () => {
    expect(ids('TLSv1.2', 'TLS_RSA_WITH_AES_256_CBC_SHA', 'AES256-SHA')).toEqual([
      'tls.cipher.no-forward-secrecy',
      'tls.cipher.cbc',
    ]);
    expect(ids('TLSv1.2', 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'AES128-GCM-SHA256')).toEqual([
      'tls.cipher.no-forward-secrecy',
    ]);
    expect(ids('TLSv1', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 'ECDHE-RSA-AES256-SHA')).toEqual([
      'tls.cipher.cbc',
    ]);
  });

  it('calls 3DES, RC4, NULL, EXPORT and anonymous suites weak, and says why', () => {
    const weakness = (standard: string, openssl: string): unknown => {
      const session: TlsSessionFacts = {
        protocol: 'TLSv1.2',
        cipherName: openssl,
        cipherStandardName: standard,
        authorized: true,
        authorizationError: null,
        peerChain: [],
      };
      const [finding] = analyseCipher(session, SUBJECT);
      expect(finding?.id).toBe('tls.cipher.weak');
      expect(finding?.severity).toBe('high');
      return finding?.evidence['weakness'];
    };
    expect(weakness('TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'DES-CBC3-SHA')).toMatch(/Triple-DES/);
    expect(weakness('TLS_RSA_WITH_RC4_128_SHA', 'RC4-SHA')).toMatch(/RC4/);
    expect(weakness('TLS_RSA_WITH_NULL_SHA256', 'NULL-SHA256')).toMatch(/NULL/);
    expect(weakness('TLS_RSA_EXPORT_WITH_RC4_40_MD5', 'EXP-RC4-MD5')).toMatch(/export/);
    expect(weakness('TLS_DH_anon_WITH_AES_128_CBC_SHA', 'ADH-AES128-SHA')).toMatch(/anonymous/);
    expect(weakness('TLS_RSA_WITH_DES_CBC_SHA', 'DES-CBC-SHA')).toMatch(/single DES/);
  });

  it('says nothing when the handshake reported no cipher', () => {
    expect(ids('TLSv1.3', null, null)).toEqual([]);
  });
});
