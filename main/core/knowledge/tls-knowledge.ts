/**
 * Words for the TLS findings: protocol versions, cipher, certificate chain, name, dates, key and signature.
 *
 * Written for a small-business owner: what we saw, why it matters, what to do. The evidence names the
 * host, port and certificate fields; the texts read them so each finding speaks about this server.
 */
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';
import type { TlsEvidence, TlsSubjectEvidence } from './tls-evidence';
import { TLS_SUITE_ENTRIES } from './tls-suite-entries';

const text = (value: unknown, fallback = '?'): string =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : fallback;
/** "2027-11-27T23:00:36.000Z" -> "2027-11-27": people read dates, not timestamps. */
const day = (value: unknown): string => {
  const full = text(value);
  return /^\d{4}-\d{2}-\d{2}T/.test(full) ? full.slice(0, 10) : full;
};
const where = (e: TlsSubjectEvidence): string => `${text(e['host'])} port ${text(e['port'])}`;

const RENEW_STEPS = [
  'Sign in to the control panel of whoever runs this mail server (your host, or your IT provider).',
  'Renew or reissue the certificate from a public certificate authority (Let’s Encrypt is free; most hosts renew it automatically when asked).',
  'Install the new certificate for the mail service (Postfix: smtpd_tls_chain_files; Exim: tls_certificate; Exchange: Enable-ExchangeCertificate -Services SMTP) and reload it.',
  'Run this check again to confirm.',
];

const REISSUE_STEPS = [
  'Ask whoever runs this mail server (your host, or your IT provider) for a new certificate from a public certificate authority.',
  'Make sure it lists the exact server name your mail program uses, and that the server sends the intermediate certificates too.',
  'Install it for the mail service and reload it, then run this check again.',
];

const TLS_SETTINGS_STEPS = [
  'Open the mail server’s TLS settings (or ask your host or IT provider to do it).',
  'Postfix: in main.cf set smtpd_tls_protocols = >=TLSv1.2 and smtpd_tls_mandatory_protocols = >=TLSv1.2, then run "postfix reload".',
  'Exim: set tls_require_ciphers / openssl_options to disable TLS 1.0 and 1.1 (e.g. openssl_options = +no_tlsv1 +no_tlsv1_1).',
  'Microsoft Exchange / Windows: disable TLS 1.0 and 1.1 in SCHANNEL (IIS Crypto or the registry) and restart the server.',
  'Run this check again to confirm.',
];

export const TLS_KNOWLEDGE = defineKnowledge<TlsEvidence>()({
  // -------------------------------------------------------------------------------------------------
  // Reaching the server's TLS at all
  'tls.host.unresolved': {
    severity: 'medium',
    title: (e) => `Could not find the address of ${text(e['host'])}`,
    explanation: (e) =>
      `${text(e['resolver'], 'The DNS resolver')} gave no address for ${text(e['host'])} (${text(e['reason'])}), so its encryption could not be tested. ` +
      'Mail programs using this name will fail the same way.',
    fix: {
      steps: [
        'Check the server name for typing mistakes.',
        'Check that the name has an A (or AAAA) record at your DNS host.',
        'Run this check again.',
      ],
    },
    references: [rfc(5321, '5.1')],
  },
  'tls.connect.failed': {
    severity: 'medium',
    title: (e) => `Could not test encryption on ${where(e)}`,
    explanation: (e) =>
      `The connection did not get as far as encryption: ${text(e['reason'])} So the certificate and encryption settings are unknown.`,
    fix: {
      steps: [
        'Check that the server name and port are right for your provider.',
        'Check that no firewall or antivirus program on this computer blocks the port.',
        'Run this check again; if it keeps failing, ask your provider whether the port is open.',
      ],
    },
    references: [rfc(8314, '3.3'), rfc(3207, '4')],
  },
  'tls.starttls.not-offered': {
    severity: 'high',
    title: (e) => `${where(e)} does not offer encryption (STARTTLS)`,
    explanation: (e) =>
      `The server's list of features after EHLO does not include STARTTLS, so mail and passwords sent to ${where(e)} travel unencrypted ` +
      'and anyone on the network path can read them.',
    fix: {
      steps: [
        'Turn on STARTTLS in the mail server (Postfix: smtpd_tls_security_level = may, with a certificate configured; on port 587 use encrypt).',
        'If your provider offers port 465 (encrypted from the start), set your mail program to use it instead.',
        'Run this check again.',
      ],
    },
    references: [rfc(3207, '4'), rfc(8314, '3.3')],
  },
  'tls.starttls.refused': {
    severity: 'high',
    title: (e) => `${where(e)} refused to start encryption`,
    explanation: (e) =>
      `The server advertises STARTTLS but answered "${text(e['replyCode'])} ${text(e['replyText'], '')}" when asked to start it. ` +
      'Mail programs then either give up or send everything unencrypted.',
    fix: {
      steps: [
        'Ask whoever runs the server to check its TLS certificate and key files: a missing or unreadable certificate is the usual cause.',
        'Check the mail server’s log at the time of this test for a TLS error.',
        'Run this check again.',
      ],
    },
    references: [rfc(3207, '4')],
  },
  'tls.handshake.failed': {
    severity: 'high',
    title: (e) => `Encryption could not be set up on ${where(e)}`,
    explanation: (e) =>
      `Every attempt to start TLS failed (${text(e['reason'])}). Mail programs will not be able to connect securely.`,
    fix: {
      steps: [
        'Check the mail server’s certificate and key files and its TLS settings (allowed versions and ciphers).',
        'Make sure TLS 1.2 and TLS 1.3 are enabled.',
        'Run this check again.',
      ],
    },
    references: [rfc(9325, '3.1.1'), rfc(8446)],
  },
  'tls.handshake.timeout': {
    severity: 'high',
    title: (e) => `Encryption on ${where(e)} stalled`,
    explanation: (e) =>
      `The server accepted the connection but did not complete the TLS handshake within ${text(e['deadlineSeconds'])} s. ` +
      'Mail programs will hang and then fail. A firewall or filter that inspects encrypted traffic can cause this.',
    fix: {
      steps: [
        'Check the mail server’s log for TLS errors at the time of this test.',
        'Check any firewall or security appliance in front of the server that inspects TLS.',
        'Run this check again.',
      ],
    },
    references: [rfc(8446)],
  },

  // -------------------------------------------------------------------------------------------------
  // Protocol versions
  'tls.protocol.modern': {
    severity: 'pass',
    title: (e) => `${where(e)} supports current TLS versions`,
    explanation: (e) => `The server accepts ${text(e['modernAccepted'])}.`,
    fix: NO_FIX,
    references: [rfc(9325, '3.1.1')],
  },
  'tls.protocol.no-modern': {
    severity: 'high',
    title: (e) => `${where(e)} does not support TLS 1.2 or 1.3`,
    explanation:
      'The server accepts only old TLS versions that are officially retired because of known weaknesses. ' +
      'Current mail programs refuse them, so they cannot connect securely.',
    fix: { steps: TLS_SETTINGS_STEPS },
    references: [rfc(8996), rfc(9325, '3.1.1')],
  },
  'tls.protocol.tls1_0-accepted': {
    severity: 'medium',
    title: (e) => `${where(e)} still accepts TLS 1.0`,
    explanation:
      'TLS 1.0 is from 1999 and was retired in 2021 because of known weaknesses. Accepting it lets an attacker who can ' +
      'interfere with the connection push old mail programs down to it. Nothing current needs it.',
    fix: { steps: TLS_SETTINGS_STEPS },
    references: [rfc(8996, '4'), rfc(9325, '3.1.1')],
  },
  'tls.protocol.tls1_1-accepted': {
    severity: 'medium',
    title: (e) => `${where(e)} still accepts TLS 1.1`,
    explanation:
      'TLS 1.1 was retired in 2021 together with TLS 1.0. Accepting it keeps a weaker path open for an attacker who ' +
      'can interfere with the connection. Nothing current needs it.',
    fix: { steps: TLS_SETTINGS_STEPS },
    references: [rfc(8996, '5'), rfc(9325, '3.1.1')],
  },
  'tls.protocol.old-rejected': {
    severity: 'pass',
    title: (e) => `${where(e)} refuses the retired TLS 1.0 and 1.1`,
    explanation: 'The server does not accept TLS 1.0 or TLS 1.1, as current guidance asks.',
    fix: NO_FIX,
    references: [rfc(8996)],
  },
  'tls.protocol.tls1_3-unsupported': {
    severity: 'info',
    title: (e) => `${where(e)} does not support TLS 1.3`,
    explanation:
      'TLS 1.2 works, so mail is encrypted, but TLS 1.3 is faster and removes several older, weaker options. ' +
      'Most current mail servers support it once their TLS library is up to date.',
    fix: {
      steps: [
        'Update the mail server software and its TLS library (OpenSSL 1.1.1 or newer supports TLS 1.3).',
        'Make sure TLS 1.3 is not switched off in the TLS settings (Postfix: smtpd_tls_protocols should not exclude TLSv1.3).',
      ],
    },
    references: [rfc(8446), rfc(9325, '3.1.1')],
  },
  'tls.protocol.version-unknown': {
    severity: 'info',
    title: (e) => `Some TLS versions could not be tested on ${where(e)}`,
    explanation: (e) =>
      `Mailwarden could not tell whether the server accepts ${text(e['unknownVersions'])}: the attempt did not finish (${text(e['reason'])}).`,
    fix: {
      steps: ['Run this check again. If it keeps happening, the server or the network may be overloaded.'],
    },
    references: [rfc(8996), rfc(9325, '3.1.1')],
  },

  // -------------------------------------------------------------------------------------------------
  // Cipher
  'tls.cipher.strong': {
    severity: 'pass',
    title: (e) => `Strong encryption on ${where(e)}`,
    explanation: (e) =>
      `The connection used ${text(e['cipher'])} over ${text(e['protocol'])}: modern encryption with forward secrecy, ` +
      'so a key stolen later cannot unlock mail recorded today.',
    fix: NO_FIX,
    references: [rfc(9325, '4.2')],
  },
  'tls.cipher.weak': {
    severity: 'high',
    title: (e) => `Weak encryption on ${where(e)}`,
    explanation: (e) =>
      `The server chose ${text(e['cipher'])}, which uses ${text(e['weakness'])}. This encryption can be broken or is ` +
      'banned by current standards, so mail and passwords are not safely protected.',
    fix: {
      steps: [
        'Restrict the mail server to modern ciphers (Postfix: smtpd_tls_mandatory_ciphers = high and smtpd_tls_exclude_ciphers = aNULL, eNULL, EXPORT, DES, 3DES, RC4, MD5).',
        'Prefer ECDHE with AES-GCM or ChaCha20-Poly1305, and enable TLS 1.3.',
        'Reload the server and run this check again.',
      ],
    },
    references: [rfc(9325, '4.1'), rfc(7465)],
  },
  'tls.cipher.no-forward-secrecy': {
    severity: 'medium',
    title: (e) => `No forward secrecy on ${where(e)}`,
    explanation: (e) =>
      `The server chose ${text(e['cipher'])}, where the session key is protected only by the certificate's key. ` +
      'Anyone who records the traffic today and obtains that key later can read every recorded message.',
    fix: {
      steps: [
        'Let the mail server prefer ECDHE ciphers (Postfix: tls_preempt_cipherlist = yes with the default "medium" or "high" cipher lists).',
        'Enable TLS 1.3, which always has forward secrecy.',
        'Reload the server and run this check again.',
      ],
    },
    references: [rfc(9325, '4.2')],
  },
  'tls.cipher.cbc': {
    severity: 'low',
    title: (e) => `Older cipher mode on ${where(e)}`,
    explanation: (e) =>
      `The server chose ${text(e['cipher'])}, a CBC-mode cipher. It still protects mail, but it has a history of attacks; ` +
      'AES-GCM and ChaCha20-Poly1305 are the current recommendation.',
    fix: {
      steps: [
        'Let the mail server prefer AEAD ciphers (AES-GCM, ChaCha20-Poly1305) and server cipher order (Postfix: tls_preempt_cipherlist = yes).',
        'Enable TLS 1.3.',
      ],
    },
    references: [rfc(9325, '4.2')],
  },

  // -------------------------------------------------------------------------------------------------
  // Certificate
  'tls.certificate.missing': {
    severity: 'high',
    title: (e) => `${where(e)} sent no certificate`,
    explanation:
      'The server set up encryption without showing a certificate, so there is no way to know it is the real server.',
    fix: { steps: REISSUE_STEPS },
    references: [rfc(8446, '4.4.2')],
  },
  'tls.chain.trusted': {
    severity: 'pass',
    title: (e) => `The certificate of ${where(e)} is trusted`,
    explanation: (e) =>
      `The certificate was issued by ${text(e['issuer'])} and checks out against the trusted certificate authorities.`,
    fix: NO_FIX,
    references: [rfc(5280, '6.1')],
  },
  'tls.chain.untrusted': {
    severity: 'high',
    title: (e) => `The certificate of ${where(e)} is not trusted`,
    explanation: (e) =>
      `${text(e['reason'])} Mail programs that check certificates will refuse to connect or show a warning; those that do not ` +
      'check can be fooled by an impostor server that collects passwords.',
    fix: (e) => ({
      steps:
        e['reasonCode'] === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
        e['reasonCode'] === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'
          ? [
              'If the certificate comes from a public authority, configure the server to send the intermediate certificate(s) together with its own (the "full chain" file).',
              'If your company runs its own certificate authority, add its certificate under Settings → Extra trusted certificates.',
              ...REISSUE_STEPS.slice(2),
            ]
          : REISSUE_STEPS,
    }),
    references: [rfc(5280, '6.1')],
  },
  'tls.certificate.self-signed': {
    severity: 'high',
    title: (e) => `${where(e)} uses a self-signed certificate`,
    explanation:
      'The server vouches for itself instead of being vouched for by a certificate authority. Mail programs cannot tell ' +
      'it apart from an impostor, so they warn or refuse; people who click through warnings can have their password stolen.',
    fix: { steps: REISSUE_STEPS },
    references: [rfc(5280, '6.1'), rfc(8314, '4.1')],
  },
  'tls.name.matched': {
    severity: 'pass',
    title: (e) => `The certificate matches ${text(e['host'])}`,
    explanation: (e) =>
      `The certificate is made out to ${text(e['matchedName'])}, which covers ${text(e['host'])}.`,
    fix: NO_FIX,
    references: [rfc(6125, '6.4')],
  },
  'tls.name.mismatch': {
    severity: 'high',
    title: (e) => `The certificate is not made out to ${text(e['host'])}`,
    explanation: (e) =>
      `You connect to ${text(e['host'])}, but the certificate is made out to ${text(e['certificateNames'], 'no server name')}. ` +
      'Mail programs will warn or refuse, because this is exactly what an impostor server would look like.',
    fix: {
      steps: [
        'If your provider told you a different server name, use that name in your mail program (the certificate names above are a good hint).',
        'Otherwise ask whoever runs the server for a certificate that includes this name.',
        'Run this check again.',
      ],
    },
    references: [rfc(6125, '6.4'), rfc(8314, '4.1')],
  },
  'tls.expiry.valid': {
    severity: 'pass',
    title: (e) => `The certificate is valid for ${text(e['daysLeft'])} more days`,
    explanation: (e) => `The certificate of ${where(e)} is valid until ${day(e['validTo'])}.`,
    fix: NO_FIX,
    references: [rfc(5280, '4.1.2.5')],
  },
  'tls.expiry.soon': {
    severity: 'medium',
    title: (e) => `The certificate expires in ${text(e['daysLeft'])} days`,
    explanation: (e) =>
      `The certificate of ${where(e)} stops being valid on ${day(e['validTo'])}. After that, mail programs will refuse to ` +
      'connect and mail stops going out. Automatic renewal normally happens 30 days ahead, so it may be broken.',
    fix: { steps: RENEW_STEPS },
    references: [rfc(5280, '4.1.2.5')],
  },
  'tls.expiry.expired': {
    severity: 'high',
    title: (e) => `The certificate expired ${text(e['daysAgo'])} days ago`,
    explanation: (e) =>
      `The certificate of ${where(e)} stopped being valid on ${day(e['validTo'])}. Mail programs that check certificates ` +
      'refuse to connect, and people get used to clicking through warnings, which is what an attacker needs.',
    fix: { steps: RENEW_STEPS },
    references: [rfc(5280, '4.1.2.5')],
  },
  'tls.expiry.not-yet-valid': {
    severity: 'high',
    title: (e) => `The certificate is not valid until ${day(e['validFrom'])}`,
    explanation: (e) =>
      `The certificate of ${where(e)} only becomes valid on ${day(e['validFrom'])}. Mail programs refuse it until then. ` +
      'Either a new certificate was installed too early, or the server’s (or this computer’s) clock is wrong.',
    fix: {
      steps: [
        'Check the date and time on this computer and on the mail server.',
        'If the clocks are right, reinstall the previous certificate until the new one becomes valid, or reissue it.',
        'Run this check again.',
      ],
    },
    references: [rfc(5280, '4.1.2.5')],
  },
  'tls.key.strong': {
    severity: 'pass',
    title: (e) => `The certificate key is strong (${text(e['keyDescription'])})`,
    explanation: 'The certificate’s key is long enough that it cannot be broken with today’s computers.',
    fix: NO_FIX,
    references: [rfc(9325, '4.5')],
  },
  'tls.key.weak': {
    severity: 'high',
    title: (e) => `The certificate key is too short (${text(e['keyDescription'])})`,
    explanation: (e) =>
      `A ${text(e['keyDescription'])} key can be broken with enough computing power, after which anyone could impersonate ` +
      `${text(e['host'])}. The minimum today is RSA 2048 bits or an elliptic-curve key of 256 bits.`,
    fix: {
      steps: [
        'Create a new key of at least RSA 2048 bits (or ECDSA P-256) and a new certificate for it; most hosts do this when you reissue the certificate.',
        'Install both on the mail server and reload it.',
        'Run this check again.',
      ],
    },
    references: [rfc(9325, '4.5')],
  },
  'tls.key.unknown': {
    severity: 'info',
    title: 'The certificate key type could not be judged',
    explanation: (e) =>
      `The certificate uses a key of type ${text(e['keyType'], 'unknown')}, which Mailwarden does not know how to judge.`,
    fix: NO_FIX,
    references: [rfc(9325, '4.5')],
  },
  'tls.signature.strong': {
    severity: 'pass',
    title: (e) => `The certificate signature is modern (${text(e['signatureAlgorithm'])})`,
    explanation: 'The certificate authority signed the certificate with a current hash algorithm.',
    fix: NO_FIX,
    references: [rfc(9155)],
  },
  'tls.signature.sha1': {
    severity: 'medium',
    title: 'The certificate is signed with SHA-1',
    explanation: (e) =>
      `The certificate of ${where(e)} is signed with ${text(e['signatureAlgorithm'])}. SHA-1 forgeries have been shown ` +
      'in practice, and current software refuses such certificates.',
    fix: { steps: REISSUE_STEPS },
    references: [rfc(9155), rfc(6194)],
  },
  'tls.signature.md5': {
    severity: 'high',
    title: 'The certificate is signed with MD5',
    explanation: (e) =>
      `The certificate of ${where(e)} is signed with ${text(e['signatureAlgorithm'])}. MD5 signatures have been forged ` +
      'to create fake certificates; this one gives no real assurance.',
    fix: { steps: REISSUE_STEPS },
    references: [rfc(9155), rfc(6151)],
  },
  'tls.signature.unknown': {
    severity: 'info',
    title: 'The certificate signature algorithm could not be judged',
    explanation: (e) =>
      `The certificate is signed with ${text(e['signatureAlgorithm'], 'an unreadable algorithm')}, which Mailwarden does not know how to judge.`,
    fix: NO_FIX,
    references: [rfc(9155)],
  },
  ...TLS_SUITE_ENTRIES,
});

export type TlsFindingId = keyof TlsEvidence;
