/**
 * Wording for the DANE check: TLSA records for the MX hosts, DNSSEC, and the certificate they must match.
 *
 * Rules: RFC 7672 (SMTP security via opportunistic DANE TLS), RFC 6698 and RFC 7671 (TLSA), RFC 4035
 * section 3.2.3 (the AD bit).
 */
import type { Fix } from '../../../preload/contract/findings';
import type { DaneEvidence, DaneLookupEvidence } from './dane-evidence';
import { evidenceList, evidenceText } from './evidence-text';
import { defineKnowledge, NO_FIX, rfc } from './knowledge-entry';

const DNS_STEP =
  "Sign in where the DNS of the mail server's domain is managed (your registrar, DNS host or mail provider).";

/** The answer was DNSSEC-signed; only a real true says so (a report from elsewhere may hold anything). */
const signed = (e: { readonly zoneSigned: boolean }): boolean => (e.zoneSigned as unknown) === true;

/** The TLSA record to publish for the certificate the server presents, when we saw one. */
function tlsaFix(e: DaneLookupEvidence, steps: readonly string[]): Fix {
  // Typed evidence says when it may be absent; a report from elsewhere may lack it too.
  const suggested: unknown = e.suggestedTlsa;
  if (typeof suggested !== 'string') return { steps };
  return {
    steps: [
      ...steps,
      `Publish this record (DANE-EE, public key, SHA-256 of the certificate the server presents now): ${evidenceText(e, 'tlsaName')} TLSA ${suggested}. Publish the record for the next key before every key change, and remove the old one after.`,
    ],
    record: { type: 'TLSA', name: evidenceText(e, 'tlsaName'), value: suggested },
  };
}

export const DANE_KNOWLEDGE = defineKnowledge<DaneEvidence>()({
  'dane.lookup.failed': {
    severity: 'medium',
    title: (e) => `The TLSA record of ${evidenceText(e, 'host')} could not be read`,
    explanation: (e) =>
      `${evidenceText(e, 'message')} Without an answer Mailwarden cannot tell whether DANE protects mail to ${evidenceText(e, 'host')}.`,
    fix: {
      steps: [
        'Run the check again; if you chose a DNS server in the settings, make sure it is reachable.',
        'DANE needs a resolver that validates DNSSEC; choose one that does if yours does not answer these queries.',
      ],
    },
    references: [rfc(7672, '2.2')],
  },
  'dane.lookup.servfail': {
    severity: 'high',
    title: (e) => `The TLSA lookup for ${evidenceText(e, 'host')} fails (SERVFAIL)`,
    explanation: (e) =>
      `The validating resolver ${evidenceText(e, 'resolver')} answered SERVFAIL for ${evidenceText(e, 'tlsaName')}. With DNSSEC that usually means the signatures are broken ("bogus"). Senders that use DANE then treat the MX host as unusable and hold your mail back (RFC 7672 section 2.2).`,
    fix: {
      steps: [
        "Ask whoever hosts the mail server's DNS to check the zone's DNSSEC signatures and the DS record at the registrar (for example with a DNSSEC analyser).",
        'Run the check again after they have fixed it.',
      ],
    },
    references: [rfc(7672, '2.2'), rfc(4035, '5.5')],
  },
  'dane.tlsa.none': {
    severity: 'info',
    title: (e) => `${evidenceText(e, 'host')} has no TLSA record (DANE not in use)`,
    explanation: (e) =>
      signed(e)
        ? `No TLSA record exists at ${evidenceText(e, 'tlsaName')}, and the answer was DNSSEC-signed. DANE is optional, but this zone already has DNSSEC, so a TLSA record would let senders insist on an authenticated TLS connection to ${evidenceText(e, 'host')} (RFC 7672).`
        : `No TLSA record exists at ${evidenceText(e, 'tlsaName')}. DANE is optional; it needs DNSSEC on the mail server's domain first. Senders use opportunistic TLS, which an attacker on the path could strip.`,
    fix: (e) =>
      tlsaFix(e, [
        'Only if the mail server is yours and its domain is signed with DNSSEC: plan DANE (RFC 7672).',
        DNS_STEP,
      ]),
    references: [rfc(7672, '1.3'), rfc(7671, '8.1')],
  },
  'dane.tlsa.insecure': {
    severity: 'medium',
    title: (e) => `The TLSA record of ${evidenceText(e, 'host')} is not protected by DNSSEC`,
    explanation: (e) =>
      `${evidenceText(e, 'tlsaName')} has TLSA records (${evidenceList(e, 'records').join('; ')}), but the validating resolver ${evidenceText(e, 'resolver')} did not mark the answer as authenticated (AD=0). Senders only use TLSA records that DNSSEC validates (RFC 7672 section 2.2), so these are ignored: DANE gives no protection. Either the zone is not signed, or the resolver does not validate DNSSEC (choose a validating resolver and check again).`,
    fix: {
      steps: [
        "Sign the mail server's DNS zone with DNSSEC (your DNS host usually offers it as one switch).",
        'Publish the DS record at the registrar, as the DNS host tells you.',
        'Check again with a validating resolver; until then, the TLSA records do nothing.',
      ],
    },
    references: [rfc(7672, '2.2'), rfc(4035, '3.2.3')],
  },
  'dane.mx.insecure': {
    severity: 'medium',
    title: (e) =>
      `The MX records of ${evidenceText(e, 'domain')} are not DNSSEC-validated, so DANE does not apply`,
    explanation: (e) =>
      `The TLSA records of the MX hosts are signed, but the MX records of ${evidenceText(e, 'domain')} came without the AD flag. RFC 7672 section 2.2.1 says senders use DANE only when the MX records are validated too, so mail to ${evidenceText(e, 'domain')} gets no DANE protection.`,
    fix: (e) => ({
      steps: [
        `Sign the DNS zone of ${evidenceText(e, 'domain')} with DNSSEC and publish its DS record at the registrar.`,
      ],
    }),
    references: [rfc(7672, '2.2.1')],
  },
  'dane.tlsa.pkix-usage': {
    severity: 'low',
    title: (e) =>
      `A TLSA record of ${evidenceText(e, 'host')} uses usage ${evidenceText(e, 'usage')}, which SMTP ignores`,
    explanation: (e) =>
      `The record "${evidenceText(e, 'record')}" uses certificate usage ${evidenceText(e, 'usage')} (PKIX-TA or PKIX-EE). Mail servers have no list of trusted authorities to check against, so RFC 7672 section 3.1.3 tells senders to treat such records as unusable. Use DANE-EE (3) or DANE-TA (2).`,
    fix: (e) =>
      tlsaFix(e, [
        DNS_STEP,
        `Replace the record at ${evidenceText(e, 'tlsaName')} with a usage 3 (DANE-EE) or 2 (DANE-TA) record.`,
      ]),
    references: [rfc(7672, '3.1.3')],
  },
  'dane.tlsa.malformed': {
    severity: 'medium',
    title: (e) => `A TLSA record of ${evidenceText(e, 'host')} cannot be used`,
    explanation: (e) =>
      `The record "${evidenceText(e, 'record')}" is unusable: ${evidenceText(e, 'problem')}. Senders skip unusable TLSA records (RFC 7672 section 2.2).`,
    fix: (e) => tlsaFix(e, [DNS_STEP, `Correct or remove the record at ${evidenceText(e, 'tlsaName')}.`]),
    references: [rfc(6698, '2.1'), rfc(7672, '2.2')],
  },
  'dane.tlsa.all-unusable': {
    severity: 'medium',
    title: (e) => `None of the TLSA records of ${evidenceText(e, 'host')} can be used`,
    explanation: (e) =>
      `Every TLSA record at ${evidenceText(e, 'tlsaName')} is unusable for SMTP (see the findings above). Senders then still require TLS but cannot authenticate the server (RFC 7672 section 2.2), so DANE gives no protection.`,
    fix: (e) => tlsaFix(e, [DNS_STEP, `Replace the records at ${evidenceText(e, 'tlsaName')}.`]),
    references: [rfc(7672, '2.2')],
  },
  'dane.tlsa.match': {
    severity: 'pass',
    title: (e) => `The certificate of ${evidenceText(e, 'host')} matches its TLSA record`,
    explanation: (e) =>
      `The TLSA record "${evidenceText(e, 'record')}" matches the ${evidenceText(e, 'matchedCertificate')} the server presented, so senders that use DANE can authenticate ${evidenceText(e, 'host')}.`,
    fix: NO_FIX,
    references: [rfc(7672, '3.1'), rfc(6698, '2.1')],
  },
  'dane.tlsa.no-match': {
    severity: 'critical',
    title: (e) =>
      `The certificate of ${evidenceText(e, 'host')} does not match its DNSSEC-signed TLSA records`,
    explanation: (e) =>
      `${evidenceText(e, 'host')} presents a certificate that none of its TLSA records (${evidenceList(e, 'records').join('; ')}) matches. The records are DNSSEC-validated, so senders that use DANE (Microsoft, Comcast, many Postfix servers) refuse to deliver to this host and your incoming mail waits in their queues until it bounces. This usually follows a certificate or key renewal without updating the TLSA record.`,
    fix: (e) =>
      tlsaFix(e, [
        DNS_STEP,
        `Replace the TLSA records at ${evidenceText(e, 'tlsaName')} with a record for the certificate the server presents now (below), or put back the key the records describe.`,
        'Wait for the old record TTL to pass, then check again.',
      ]),
    references: [rfc(7672, '2.2'), rfc(7671, '8.1')],
  },
  'dane.tlsa.no-match-insecure': {
    severity: 'medium',
    title: (e) => `The certificate of ${evidenceText(e, 'host')} does not match its (unsigned) TLSA records`,
    explanation: (e) =>
      `None of the TLSA records (${evidenceList(e, 'records').join('; ')}) matches the certificate ${evidenceText(e, 'host')} presents. Senders ignore the records today because DNSSEC does not protect them, but the day the zone is signed, DANE senders will refuse to deliver.`,
    fix: (e) =>
      tlsaFix(e, [
        DNS_STEP,
        `Replace the TLSA records at ${evidenceText(e, 'tlsaName')} before signing the zone.`,
      ]),
    references: [rfc(7672, '2.2'), rfc(7671, '8.1')],
  },
  'dane.tlsa.ta-name-mismatch': {
    severity: 'high',
    title: (e) =>
      `${evidenceText(e, 'host')} matches a DANE-TA record, but its certificate is not for that name`,
    explanation: (e) =>
      `A usage 2 (DANE-TA) record matches a certificate in the chain, but the server certificate does not name ${evidenceText(e, 'host')} (it names: ${evidenceList(e, 'names').join(', ')}). With DANE-TA, senders check the name (RFC 7672 section 3.2.2), so they refuse to deliver.`,
    fix: (e) =>
      tlsaFix(e, [
        `Get a certificate for ${evidenceText(e, 'host')} from the authority in the TLSA record, or publish a DANE-EE (usage 3) record instead.`,
      ]),
    references: [rfc(7672, '3.2.2')],
  },
  'dane.certificate.not-seen': {
    severity: 'info',
    title: (e) => `The TLSA record of ${evidenceText(e, 'host')} was not compared with a certificate`,
    explanation: (e) =>
      `${evidenceText(e, 'host')} has TLSA records, but Mailwarden has no certificate from it to compare (the TLS check did not reach it on port 25 from this network). Cannot tell from here whether they match.`,
    fix: {
      steps: [
        'Run the check from a network that allows outgoing connections to port 25 to compare the records.',
      ],
    },
    references: [rfc(7672, '3.1')],
  },
});
