/**
 * Parses a TLS-RPT record (RFC 8460 section 3): `v=TLSRPTv1; rua=mailto:...,https://...`.
 *
 * Uses the shared tag-list parser (RFC 8460's field syntax is the same `name=value;` list) and checks each
 * report destination. Never throws; output is bounded.
 */
import { describeTagListProblem, parseTagList, printable } from '../dkim/tag-list';

const MAX_DESTINATIONS = 20;
const MAILBOX =
  /^[^@\s\p{Cc}]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/u;

export interface TlsRptDestination {
  readonly kind: 'mailto' | 'https';
  readonly uri: string;
  /** The domain mail or HTTPS reports go to. */
  readonly domain: string;
}

export interface TlsRptRecord {
  readonly destinations: readonly TlsRptDestination[];
  readonly problems: readonly string[];
}

/** Parses one TLS-RPT record text. */
export function parseTlsRptRecord(record: string): TlsRptRecord {
  const list = parseTagList(record);
  const problems = list.problems.map(describeTagListProblem);
  const first = list.tags[0];
  // RFC 8460 section 3: tlsrpt-version = %s"v=TLSRPTv1", first.
  if (first?.name !== 'v' || first.value !== 'TLSRPTv1')
    problems.push('the record must start with "v=TLSRPTv1"');
  const rua = list.tags.find((tag) => tag.name === 'rua')?.value;
  const destinations: TlsRptDestination[] = [];
  if (rua === undefined) {
    problems.push('the required "rua" field (where reports go) is missing');
    return { destinations, problems };
  }
  const parts = rua.split(',').map((part) => part.trim());
  if (parts.length > MAX_DESTINATIONS)
    problems.push(`more than ${String(MAX_DESTINATIONS)} report destinations`);
  for (const part of parts.slice(0, MAX_DESTINATIONS)) {
    const destination = parseDestination(part);
    if (typeof destination === 'string') problems.push(destination);
    else destinations.push(destination);
  }
  return { destinations, problems };
}

/** RFC 8460 section 3: tlsrpt-uri is a mailto: or an https: URI. */
function parseDestination(text: string): TlsRptDestination | string {
  const shown = `"${printable(text, 80)}"`;
  if (text === '') return 'an empty report destination (a stray comma)';
  if (/^mailto:/i.test(text)) {
    let address: string;
    try {
      address = decodeURIComponent(text.slice('mailto:'.length));
    } catch {
      return `${shown} has a broken %-escape`;
    }
    if (!MAILBOX.test(address)) return `${shown} is not a valid email address`;
    return { kind: 'mailto', uri: text, domain: (address.split('@')[1] ?? '').toLowerCase() };
  }
  if (/^https:/i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return `${shown} is not a valid https URL`;
    }
    if (url.hostname === '') return `${shown} has no host name`;
    return { kind: 'https', uri: text, domain: url.hostname.toLowerCase() };
  }
  if (/^http:/i.test(text)) return `${shown} uses http:, reports must go over https:`;
  return `${shown} is neither a mailto: nor an https: address`;
}
