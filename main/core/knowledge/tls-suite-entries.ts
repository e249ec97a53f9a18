/**
 * Words for the cipher-suite enumeration (main/core/probes/tls-suite-probe.ts): entries spread into the
 * TLS table, not a table of their own. RFC 9325 (TLS recommendations) is the yardstick throughout.
 */
import { evidenceList, evidenceText, isTrue } from './evidence-text';
import { NO_FIX, rfc, type KnowledgeEntry } from './knowledge-entry';
import type { TlsEvidence, TlsSubjectEvidence } from './tls-evidence';

type SuiteId =
  | 'tls.suites.null'
  | 'tls.suites.anonymous'
  | 'tls.suites.static-rsa'
  | 'tls.suites.cbc'
  | 'tls.dh.weak'
  | 'tls.dh.broken'
  | 'tls.curve.weak'
  | 'tls.suites.only-strong'
  | 'tls.order.server'
  | 'tls.order.client'
  | 'tls.certificate.no-sni-differs'
  | 'tls.certificate.no-sni-refused'
  | 'tls.compression.enabled'
  | 'tls.compression.off'
  | 'tls.renegotiation.insecure';

const where = (e: TlsSubjectEvidence): string => `${evidenceText(e, 'host')} port ${evidenceText(e, 'port')}`;

type BrokenDh = TlsEvidence['tls.dh.broken'];
/** OpenSSL refused the group (under 1024 bits), so no size was measured. */
const refusedByClient = (e: BrokenDh): boolean => evidenceText(e, 'refusedBy', '') === 'client';
const brokenGroupWords = (e: BrokenDh): string =>
  refusedByClient(e)
    ? 'a Diffie-Hellman group too small for OpenSSL to accept (under 1024 bits)'
    : `a ${evidenceText(e, 'dhBits')}-bit Diffie-Hellman group`;

const CIPHER_STEPS = [
  'Open the mail server’s TLS settings (or ask your host or IT provider to do it).',
  'Postfix: keep the defaults (smtpd_tls_ciphers = medium, no tls_*_cipherlist overrides) and add smtpd_tls_exclude_ciphers = aNULL, eNULL, kRSA, SHA1, then run "postfix reload". Exim: tls_require_ciphers = ECDHE+AESGCM:ECDHE+CHACHA20. Exchange/Windows: IIS Crypto "Best Practices".',
  'Run this check again to confirm.',
];

const suiteEntry = (
  severity: KnowledgeEntry['severity'],
  what: string,
  why: string,
  section: string,
): KnowledgeEntry<TlsEvidence['tls.suites.null']> => ({
  severity,
  title: (e) => `${where(e)} accepts ${what}`,
  explanation: (e) =>
    `Offered only ${what}, the server agreed (${evidenceText(e, 'cipher')} over ${evidenceText(e, 'protocol')}). ${why} Its preferred handshake may be strong, but an attacker in the path, or an old client, can end up on this one.`,
  fix: { steps: CIPHER_STEPS },
  references: [rfc(9325, section)],
});

export const TLS_SUITE_ENTRIES = {
  'tls.suites.null': suiteEntry(
    'high',
    'NULL cipher suites (no encryption)',
    'Mail sent over such a connection travels in plain text inside TLS records.',
    '4.1',
  ),
  'tls.suites.anonymous': suiteEntry(
    'medium',
    'anonymous cipher suites (no server certificate)',
    'Without a certificate, anyone in the path can pose as the server to a client that offers them. Clients that check certificates never offer them, and Postfix enables them on purpose for opportunistic TLS between MTAs, but RFC 9325 says not to negotiate them at all.',
    '4.1',
  ),
  'tls.suites.static-rsa': suiteEntry(
    'low',
    'static RSA key exchange (no forward secrecy)',
    'Whoever obtains the server’s private key later can decrypt recorded sessions.',
    '4.2.1',
  ),
  'tls.suites.cbc': suiteEntry(
    'low',
    'CBC-mode cipher suites',
    'CBC with separate MACs has a long record of padding-oracle attacks; AEAD suites (GCM, ChaCha20-Poly1305) avoid them.',
    '4.2',
  ),
  'tls.dh.weak': {
    severity: 'medium',
    title: (e) => `${where(e)} uses a ${evidenceText(e, 'dhBits')}-bit Diffie-Hellman group`,
    explanation: (e) =>
      `With a DHE suite the server sent a ${evidenceText(e, 'dhBits')}-bit group. RFC 9325 asks for at least 2048 bits; smaller groups are within reach of well-funded attackers (Logjam).`,
    fix: {
      steps: [
        'Postfix 3.7 and later: remove smtpd_tls_dh1024_param_file (the built-in group is 2048 bits), or point it at a file made with "openssl dhparam -out dh2048.pem 2048"; then "postfix reload".',
        'Or switch DHE suites off and keep ECDHE.',
        'Run this check again to confirm.',
      ],
    },
    references: [rfc(9325, '4.3.1'), rfc(7919)],
  },
  'tls.dh.broken': {
    severity: 'high',
    title: (e) => `${where(e)} uses ${brokenGroupWords(e)}, which can be broken`,
    explanation: (e) =>
      `${
        refusedByClient(e)
          ? 'Offered only DHE suites, the server sent a Diffie-Hellman group too small for OpenSSL to accept (under 1024 bits), so the handshake was refused and the exact size is not known.'
          : `With a DHE suite the server sent a ${evidenceText(e, 'dhBits')}-bit group.`
      } Groups under 1024 bits can be broken with modest resources (Logjam), exposing the session keys.`,
    fix: {
      steps: [
        'Replace the DH parameters with a 2048-bit group ("openssl dhparam -out dh2048.pem 2048") or switch DHE suites off, then reload the server.',
        'Run this check again to confirm.',
      ],
    },
    references: [rfc(9325, '4.3.1'), rfc(7919)],
  },
  'tls.curve.weak': {
    severity: 'medium',
    title: (e) => `${where(e)} picks a weak elliptic curve (${evidenceText(e, 'curve')})`,
    explanation: (e) =>
      `For ECDHE the server chose ${evidenceText(e, 'curve')} (${evidenceText(e, 'curveBits')} bits). RFC 9325 expects X25519 or P-256 and stronger.`,
    fix: {
      steps: [
        'Limit the server’s groups to X25519, P-256 and P-384 (Postfix: tls_eecdh_auto_curves = X25519 prime256v1 secp384r1).',
      ],
    },
    references: [rfc(9325, '4.2.1')],
  },
  'tls.suites.only-strong': {
    severity: 'pass',
    title: (e) => `${where(e)} refuses NULL, anonymous, static-RSA and CBC suites`,
    explanation: (e) =>
      `Offered each weak class of suites on its own, the server refused them all${evidenceText(e, 'dhBits', '') === '' ? '' : `; its DH group has ${evidenceText(e, 'dhBits')} bits`}${evidenceText(e, 'curve', '') === '' ? '' : `; its ECDHE curve is ${evidenceText(e, 'curve')}`}.`,
    fix: NO_FIX,
    references: [rfc(9325, '4.1'), rfc(9325, '4.2')],
  },

  'tls.order.server': {
    severity: 'pass',
    title: (e) => `${where(e)} chooses the cipher suite by its own preference`,
    explanation: (e) =>
      `Offered the same two suites in opposite orders, the server picked ${evidenceList(e, 'offeredFirst')[0] ?? '?'} both times: its own order decides, so clients cannot steer it to a weaker suite.`,
    fix: NO_FIX,
    references: [rfc(9325, '4.2')],
  },
  'tls.order.client': {
    severity: 'low',
    title: (e) => `${where(e)} lets the client choose the cipher suite`,
    explanation: (e) =>
      `Offered the same two suites in opposite orders, the server followed the client each time (${evidenceList(e, 'offeredFirst').join(', then ')}). An old or careless client then gets the weakest suite both sides support.`,
    fix: {
      steps: [
        'Postfix: tls_preempt_cipherlist = yes, then "postfix reload". Exim/OpenSSL: openssl_options = +cipher_server_preference. Exchange/Windows: the SCHANNEL cipher order applies.',
      ],
    },
    references: [rfc(9325, '4.2')],
  },
  'tls.certificate.no-sni-differs': {
    severity: 'medium',
    title: (e) => `${where(e)} presents another certificate to clients that send no server name (SNI)`,
    explanation: (e) =>
      `With SNI the server presents "${evidenceText(e, 'withSniSubject')}"; without it, "${evidenceText(e, 'withoutSniSubject')}" (names: ${evidenceList(e, 'withoutSniNames').join(', ') || 'none'}), ${isTrue(e.withoutSniVerified) ? 'which still verifies' : 'which does not verify for this name'}. Many mail servers that deliver to you send no SNI, and those that check certificates (DANE, MTA-STS) see the second one.`,
    fix: {
      steps: [
        'Make the certificate for this mail name the server’s default (Postfix: smtpd_tls_chain_files; the SNI table tls_server_sni_maps only adds others).',
        'Run this check again to confirm.',
      ],
    },
    references: [rfc(6066, '3'), rfc(7672, '8.1')],
  },
  'tls.compression.enabled': {
    severity: 'medium',
    title: (e) => `${where(e)} compresses TLS (${evidenceText(e, 'methodName')}): open to the CRIME attack`,
    explanation: (e) =>
      `Offered DEFLATE compression in a TLS 1.2 hello, the server chose ${evidenceText(e, 'methodName')}. ` +
      'With TLS compression on, someone who can watch the traffic and make the client send chosen text can work out secrets in the same stream, such as a login, from how the compressed size changes (CRIME, CVE-2012-4929). Current mail programs never offer compression, but old ones and some devices still do.',
    fix: {
      steps: [
        'Switch TLS compression off on the server, or update its TLS library (OpenSSL 1.1.0 and later ship without it).',
        'Postfix: tls_ssl_options = NO_COMPRESSION (main.cf), then "postfix reload". Exim: openssl_options = +no_compression. Dovecot (IMAP, POP3): ssl_options = no_compression, then "doveadm reload". Appliances: update the firmware.',
        'Run this check again to confirm.',
      ],
    },
    references: [rfc(9325, '3.3'), rfc(7457, '2.6')],
  },
  'tls.compression.off': {
    severity: 'pass',
    title: (e) => `${where(e)} does not compress TLS`,
    explanation:
      'Offered DEFLATE compression in a TLS 1.2 hello, the server chose none, as it should (no CRIME attack).',
    fix: NO_FIX,
    references: [rfc(9325, '3.3')],
  },
  'tls.renegotiation.insecure': {
    severity: 'high',
    title: (e) => `${where(e)} does not support secure renegotiation`,
    explanation: (e) =>
      `The handshake failed with "${evidenceText(e, 'reason')}": the server does not support RFC 5746 secure renegotiation, so current TLS clients refuse it, and older ones are open to the renegotiation attack (CVE-2009-3555).`,
    fix: {
      steps: [
        'Update the server’s TLS library (or the appliance in front of it): every maintained TLS stack has supported RFC 5746 since 2010.',
        'Run this check again to confirm.',
      ],
    },
    references: [rfc(5746), rfc(9325, '3.5')],
  },
  'tls.certificate.no-sni-refused': {
    severity: 'medium',
    title: (e) => `${where(e)} refuses TLS to clients that send no server name (SNI)`,
    explanation: (e) =>
      `The handshake worked with SNI but failed without it (${evidenceText(e, 'reason')}). Many sending mail servers send no SNI; they fall back to plain text or cannot deliver.`,
    fix: {
      steps: [
        'Give the server a default certificate used when no SNI is sent (Postfix: smtpd_tls_chain_files), then run this check again.',
      ],
    },
    references: [rfc(6066, '3')],
  },
} satisfies { readonly [Id in SuiteId]: KnowledgeEntry<TlsEvidence[Id]> };
