/**
 * Findings about the negotiated cipher suite: broken algorithms, no forward secrecy, CBC mode.
 *
 * RFC 9325 section 4.1 bans NULL, export-grade, anonymous, RC4 (RFC 7465) and (single and triple) DES
 * suites; section 4.2 asks for forward secrecy (ECDHE/DHE) and AEAD modes. TLS 1.3 suites always have both.
 */
import type { Finding } from '../../../preload/contract/findings';
import type { TlsSessionFacts } from '../smtp/smtp-channel';
import { subjectEvidence, tlsFinding, type TlsSubject } from './tls-finding';

/** What makes a suite weak, as pattern -> plain words, checked against the IANA and OpenSSL names. */
const WEAKNESSES: readonly (readonly [RegExp, string])[] = [
  [/NULL/, 'no encryption at all (NULL)'],
  [/EXPORT|(^|[-_])EXP[-_]/, 'deliberately weakened export-grade keys'],
  [/ANON|(^|[-_])A(EC)?DH[-_]/, 'no server authentication (anonymous key exchange)'],
  [/RC4/, 'the broken RC4 cipher'],
  [/RC2/, 'the broken RC2 cipher'],
  [/3DES|DES[-_]CBC3|DES[-_]EDE/, 'Triple-DES, whose small blocks allow the Sweet32 attack'],
  [/(^|[-_])DES[-_]/, 'single DES, which can be broken in hours'],
  [/MD5/, 'MD5 for message integrity'],
];

const FORWARD_SECRET = /(^|[-_])(ECDHE|DHE|EDH)[-_]/;
const AEAD = /GCM|CHACHA20|POLY1305|CCM/;

/** The cipher findings for one handshake; none when the handshake reported no cipher. */
export function analyseCipher(session: TlsSessionFacts, subject: TlsSubject): Finding[] {
  const standard = (session.cipherStandardName ?? '').toUpperCase();
  const openssl = (session.cipherName ?? '').toUpperCase();
  if (standard === '' && openssl === '') return [];
  const names = [standard, openssl].filter((name) => name !== '');
  const evidence = {
    ...subjectEvidence(subject),
    protocol: session.protocol,
    cipher: session.cipherStandardName ?? session.cipherName,
    cipherOpenSslName: session.cipherName,
  };
  const weakness = WEAKNESSES.find(([pattern]) => names.some((name) => pattern.test(name)));
  if (weakness !== undefined) {
    return [tlsFinding('tls.cipher.weak', subject.checkId, { ...evidence, weakness: weakness[1] })];
  }
  const tls13 =
    session.protocol === 'TLSv1.3' || standard.startsWith('TLS_AES_') || standard.startsWith('TLS_CHACHA20_');
  const findings: Finding[] = [];
  if (!tls13 && !names.some((name) => FORWARD_SECRET.test(name))) {
    findings.push(tlsFinding('tls.cipher.no-forward-secrecy', subject.checkId, evidence));
  }
  if (!tls13 && !names.some((name) => AEAD.test(name))) {
    findings.push(tlsFinding('tls.cipher.cbc', subject.checkId, evidence));
  }
  return findings.length > 0 ? findings : [tlsFinding('tls.cipher.strong', subject.checkId, evidence)];
}
