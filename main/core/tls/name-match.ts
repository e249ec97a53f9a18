/**
 * Does a certificate name the server we connected to? RFC 6125 section 6.4 (as tightened by RFC 9525).
 *
 * DNS names compare case-insensitively; a wildcard may only be the whole left-most label and stands for
 * exactly one label (RFC 6125 section 6.4.3); an IP address matches only an IP address entry. The subject
 * common name is consulted only when the certificate has no DNS names at all (RFC 6125 section 6.4.4).
 */

export interface NameMatch {
  /** The certificate entry that covers the host, or null when none does. */
  readonly matchedName: string | null;
  /** Every name the certificate is made out to (DNS and IP entries, or the CN fallback). */
  readonly certificateNames: readonly string[];
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** Wildcards below this many labels (e.g. "*.com") are never honoured (RFC 6125 section 7.2). */
const MIN_WILDCARD_BASE_LABELS = 2;

export function matchCertificateName(
  host: string,
  subjectAltNames: readonly string[],
  subject: string,
): NameMatch {
  const dnsNames: string[] = [];
  const ipNames: string[] = [];
  for (const entry of subjectAltNames) {
    const separator = entry.indexOf(':');
    const type = separator < 0 ? 'DNS' : entry.slice(0, separator).trim().toUpperCase();
    const value = separator < 0 ? entry.trim() : entry.slice(separator + 1).trim();
    if (type === 'DNS') dnsNames.push(value);
    else if (type === 'IP ADDRESS' || type === 'IP') ipNames.push(value);
  }
  const hostName = normaliseName(host.replace(/^\[|\]$/g, ''));
  const hostIp = ipKey(hostName);
  if (hostIp !== null) {
    const matched = ipNames.find((name) => ipKey(name) === hostIp) ?? null;
    return { matchedName: matched, certificateNames: [...dnsNames, ...ipNames] };
  }
  const names = dnsNames.length > 0 ? dnsNames : commonNames(subject);
  const matched = names.find((name) => dnsNameMatches(hostName, normaliseName(name))) ?? null;
  return { matchedName: matched, certificateNames: dnsNames.length > 0 ? [...dnsNames, ...ipNames] : names };
}

function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

function dnsNameMatches(host: string, pattern: string): boolean {
  if (pattern === '' || host === '') return false;
  if (!pattern.startsWith('*.')) return !pattern.includes('*') && pattern === host;
  const base = pattern.slice(2);
  if (base.includes('*') || base.split('.').length < MIN_WILDCARD_BASE_LABELS) return false;
  const dot = host.indexOf('.');
  // Exactly one label: "*.example.com" covers "mail.example.com", not "example.com" or "a.b.example.com".
  return dot > 0 && host.slice(dot + 1) === base;
}

/** "CN=mail.example.com, O=Example" -> ["mail.example.com"]. */
function commonNames(subject: string): string[] {
  return [...subject.matchAll(/(?:^|[,\n/]\s*)CN=([^,\n/]+)/g)]
    .map((match) => (match[1] ?? '').trim())
    .filter((name) => name !== '');
}

/** A comparable form of an IPv4 or IPv6 address, or null when `text` is neither. */
function ipKey(text: string): string | null {
  const v4 = IPV4.exec(text);
  if (v4 !== null) {
    const parts = v4.slice(1).map(Number);
    return parts.every((part) => part <= 255) ? parts.join('.') : null;
  }
  if (!text.includes(':') || !/^[0-9a-f:.]+$/i.test(text)) return null;
  return expandIpv6(text);
}

/** "::1" -> "0:0:0:0:0:0:0:1"; null when malformed. */
function expandIpv6(text: string): string | null {
  const halves = text.toLowerCase().split('::');
  if (halves.length > 2) return null;
  const groups = (half: string | undefined): string[] =>
    half === undefined || half === '' ? [] : half.split(':');
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const all = [...head, ...Array<string>(missing).fill('0'), ...tail];
  if (all.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return null;
  return all.map((group) => String(parseInt(group, 16))).join(':');
}
