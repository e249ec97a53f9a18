/**
 * Reads the PEM text a user pastes as extra trusted CAs (RFC 7468 textual encoding of X.509, RFC 5280).
 *
 * Only CERTIFICATE blocks are accepted; anything holding a private key is refused outright, so a key
 * pasted by mistake is never stored. Certificates that are not CAs or are outside their validity are
 * kept, with a warning: the user may know better (a pinned leaf, a clock that is wrong).
 */
import { X509Certificate } from 'node:crypto';
import type { CertificateSummary, CertificateWarning } from '../../preload/contract/settings';
import type { CaPemCheck } from '../core/settings/settings-service';

/** More than this many is not "a company's CA" but a whole bundle; the system's store already has those. */
export const MAX_CA_CERTIFICATES = 50;

// RFC 7468 section 2: "-----BEGIN label-----", base64 lines, "-----END label-----" with the same label.
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]{1,40})-----([\s\S]*?)-----END \1-----/g;
const ANY_BEGIN = /-----BEGIN [^\n-]*-----/g;

/** A checker that judges validity against `now` (injected so tests can move the clock). */
export function createCaPemChecker(now: () => Date = () => new Date()): CaPemCheck {
  return (text) => checkCaPem(text, now());
}

function checkCaPem(
  text: string,
  now: Date,
): { ok: true; pem: string; certificates: readonly CertificateSummary[] } | { ok: false; message: string } {
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.some((block) => (block[1] ?? '').includes('PRIVATE KEY')) || /PRIVATE KEY-----/.test(text)) {
    return {
      ok: false,
      message:
        'This text holds a private key. Never share a private key: paste only the CA certificate (the part from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----).',
    };
  }
  if ((text.match(ANY_BEGIN)?.length ?? 0) !== blocks.length) {
    return {
      ok: false,
      message: 'A certificate in this text is cut short: one of its -----END----- lines is missing.',
    };
  }
  if (blocks.length === 0) {
    return {
      ok: false,
      message: 'This is not a PEM certificate. It should start with -----BEGIN CERTIFICATE-----.',
    };
  }
  if (blocks.length > MAX_CA_CERTIFICATES) {
    return {
      ok: false,
      message: `This text holds ${String(blocks.length)} certificates; Mailwarden takes at most ${String(MAX_CA_CERTIFICATES)}. Paste only the CAs your servers need.`,
    };
  }
  const seen = new Set<string>();
  const pems: string[] = [];
  const certificates: CertificateSummary[] = [];
  for (const [index, block] of blocks.entries()) {
    const label = block[1] ?? '';
    const position = blocks.length === 1 ? 'This block' : `Block ${String(index + 1)}`;
    if (label !== 'CERTIFICATE') {
      return {
        ok: false,
        message: `${position} is a "${label}", not a certificate. Paste the CA certificate (-----BEGIN CERTIFICATE-----).`,
      };
    }
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(block[0]);
    } catch {
      const which = blocks.length === 1 ? 'This certificate' : `Certificate ${String(index + 1)}`;
      return { ok: false, message: `${which} could not be read: it is damaged or incomplete.` };
    }
    if (seen.has(certificate.fingerprint256)) continue;
    seen.add(certificate.fingerprint256);
    pems.push(certificate.toString().trim());
    certificates.push(summarise(certificate, now));
  }
  return { ok: true, pem: `${pems.join('\n')}\n`, certificates };
}

function summarise(certificate: X509Certificate, now: Date): CertificateSummary {
  const validFrom = new Date(certificate.validFrom);
  const validTo = new Date(certificate.validTo);
  const warnings: CertificateWarning[] = [];
  if (!certificate.ca) warnings.push('not-a-ca');
  if (validTo.getTime() < now.getTime()) warnings.push('expired');
  if (validFrom.getTime() > now.getTime()) warnings.push('not-yet-valid');
  return {
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    validFrom: validFrom.toISOString(),
    validTo: validTo.toISOString(),
    fingerprintSha256: certificate.fingerprint256,
    warnings,
  };
}

/** Node prints one attribute per line ("C=US\nO=Example\nCN=Root"); shown on one line, most specific first. */
function distinguishedName(text: string): string {
  return text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .reverse()
    .join(', ');
}
