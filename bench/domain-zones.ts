/**
 * The 200 zones of the DNS batch: MX, SPF, DMARC, DKIM at a common selector, MTA-STS and TLS-RPT, in four
 * flavours (good, weak, broken, bare) so the checks walk their success and their failure paths.
 *
 * MTA-STS policy hosts (`mta-sts.<domain>`) resolve to POLICY_HOST_ADDRESS, where nothing listens on 443:
 * the policy fetch is refused at once, the way an unreachable policy host fails, and no HTTPS server or
 * 200 certificates are needed.
 */
import { generateKeyPairSync } from 'node:crypto';

export const DKIM_SELECTOR = 'bench';
export const POLICY_HOST_ADDRESS = '127.0.0.1';
const DKIM_KEY_BITS = 2048;
/** RFC 1035 section 3.3.14: one character-string holds at most 255 octets. */
const TXT_CHUNK = 255;
const FLAVOURS = ['good', 'weak', 'broken', 'bare'] as const;
export type ZoneFlavour = (typeof FLAVOURS)[number];

export interface BenchDomain {
  readonly name: string;
  readonly flavour: ZoneFlavour;
}

/** `count` domains, flavours in turn: d001.bench-dns.test (good), d002 (weak), ... */
export function benchDomains(count: number): BenchDomain[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `d${String(index + 1).padStart(3, '0')}.bench-dns.test`,
    flavour: FLAVOURS[index % FLAVOURS.length] ?? 'good',
  }));
}

/** Zone texts for startKnot, keyed by zone name. */
export function benchZones(domains: readonly BenchDomain[]): Record<string, string> {
  const dkimKey = txt(`v=DKIM1; k=rsa; p=${publicKeyBase64()}`);
  return Object.fromEntries(domains.map((domain) => [domain.name, zoneText(domain, dkimKey)]));
}

function zoneText(domain: BenchDomain, dkimKey: string): string {
  const { name } = domain;
  switch (domain.flavour) {
    case 'good':
      return [
        `@ IN MX 10 mx.${name}.`,
        'mx IN A 127.0.0.1',
        '@ IN TXT "v=spf1 mx -all"',
        `_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@${name}"`,
        `${DKIM_SELECTOR}._domainkey IN TXT ${dkimKey}`,
        '_mta-sts IN TXT "v=STSv1; id=20261127T000000"',
        `mta-sts IN A ${POLICY_HOST_ADDRESS}`,
        `_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:tlsrpt@${name}"`,
      ].join('\n');
    case 'weak':
      return [
        `@ IN MX 10 mx.${name}.`,
        'mx IN A 127.0.0.1',
        '@ IN TXT "v=spf1 +all"',
        '_dmarc IN TXT "v=DMARC1; p=none"',
        `${DKIM_SELECTOR}._domainkey IN TXT "v=DKIM1; t=y; k=rsa; p="`,
      ].join('\n');
    case 'broken':
      return [
        `@ IN MX 10 mx.${name}.`,
        '@ IN TXT "v=spf1 include:missing.invalid -all"',
        '@ IN TXT "v=spf1 a -all"',
        '_dmarc IN TXT "v=DMARC1; p=bogus"',
        `${DKIM_SELECTOR}._domainkey IN TXT "v=DKIM1; k=rsa; p=not-base64!"`,
        '_mta-sts IN TXT "v=STSv1; id=bad id"',
        `mta-sts IN A ${POLICY_HOST_ADDRESS}`,
        '_smtp._tls IN TXT "v=TLSRPTv1"',
      ].join('\n');
    case 'bare':
      return '@ IN A 127.0.0.1';
  }
}

/** A real RSA public key (SubjectPublicKeyInfo, base64), so the DKIM key is judged like a live one. */
function publicKeyBase64(): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: DKIM_KEY_BITS });
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** A TXT value split into quoted character-strings of at most 255 octets. */
function txt(value: string): string {
  const chunks: string[] = [];
  for (let at = 0; at < value.length; at += TXT_CHUNK) chunks.push(value.slice(at, at + TXT_CHUNK));
  return chunks.map((chunk) => `"${chunk}"`).join(' ');
}
