/**
 * Where a domain's users read mail (IMAP or POP3), from the same sources as the submission server:
 * RFC 6186 SRV records, the domain's autoconfig file (its `incomingServer` entries) and the provider
 * presets. There is no guess: a wrong incoming server would only add a failed login to the audit.
 *
 * Order: implicit TLS first (RFC 8314 section 5.1 asks clients to prefer it), then the SRV priority and
 * weight (RFC 6186 section 3.4 puts IMAP and POP3 records in one priority space, RFC 2782 orders them),
 * then IMAP before POP3; the sources rank as for submission (the domain's own records first).
 */
import type { SecurityMode } from '../../../preload/contract/accounts';
import type {
  DiscoveryStep,
  IncomingDiscoveryCandidate,
  IncomingDiscoverySource,
  ProviderPreset,
} from '../../../preload/contract/providers';
import { toAsciiDomain } from '../accounts/domain-name';
import type { DnsResult, SrvRecord } from '../ports';
import type { AutoconfigLookup } from './fetch-autoconfig';

const MAX_SRV_TARGETS = 10;

export interface IncomingSrvService {
  readonly label: '_imaps._tcp' | '_imap._tcp' | '_pop3s._tcp' | '_pop3._tcp';
  readonly protocol: 'imap' | 'pop3';
  readonly source: IncomingDiscoverySource;
  readonly security: SecurityMode;
  readonly why: string;
}

/** RFC 6186 section 3.2 (IMAP) and 3.3 (POP3); the "s" services are TLS from the first byte. */
export const INCOMING_SRV_SERVICES: readonly IncomingSrvService[] = [
  {
    label: '_imaps._tcp',
    protocol: 'imap',
    source: 'srv-imaps',
    security: 'tls',
    why: 'IMAP over implicit TLS',
  },
  {
    label: '_pop3s._tcp',
    protocol: 'pop3',
    source: 'srv-pop3s',
    security: 'tls',
    why: 'POP3 over implicit TLS',
  },
  {
    label: '_imap._tcp',
    protocol: 'imap',
    source: 'srv-imap',
    security: 'starttls',
    why: 'IMAP with STARTTLS',
  },
  { label: '_pop3._tcp', protocol: 'pop3', source: 'srv-pop3', security: 'starttls', why: 'POP3 with STLS' },
];

const SOURCE_RANK: Readonly<Record<IncomingDiscoverySource, number>> = {
  'srv-imaps': 0,
  'srv-pop3s': 0,
  'srv-imap': 0,
  'srv-pop3': 0,
  autoconfig: 1,
  'mx-provider': 2,
  'email-domain-provider': 3,
};

interface Ranked {
  readonly candidate: IncomingDiscoveryCandidate;
  readonly priority: number;
  readonly weight: number;
}

/** The SRV answers of INCOMING_SRV_SERVICES (same order), as ordered candidates and one step each. */
export function fromIncomingSrv(
  domain: string,
  results: readonly DnsResult<SrvRecord>[],
  steps: DiscoveryStep[],
): IncomingDiscoveryCandidate[] {
  const ranked: Ranked[] = [];
  INCOMING_SRV_SERVICES.forEach((service, index) => {
    const result = results[index];
    if (result === undefined) return;
    const step = `SRV ${service.label}.${domain}`;
    if (!result.ok) {
      const missing = result.code === 'NXDOMAIN' || result.code === 'NODATA';
      steps.push({ step, outcome: missing ? `No ${service.label} SRV record.` : result.message });
      return;
    }
    // RFC 6186 section 4 / RFC 2782: a target of "." says the service is decidedly not offered.
    const usable = result.records.filter((record) => hostName(record.name) !== null && record.port !== 0);
    if (usable.length === 0) {
      steps.push({
        step,
        outcome: `${service.label} SRV offers no usable server (a target "." means none).`,
      });
      return;
    }
    for (const record of usable.slice(0, MAX_SRV_TARGETS)) {
      const host = hostName(record.name) ?? '';
      ranked.push({
        priority: record.priority,
        weight: record.weight,
        candidate: {
          protocol: service.protocol,
          host,
          port: record.port,
          security: service.security,
          source: service.source,
          reason: `${service.label}.${domain} points here (priority ${String(record.priority)}, weight ${String(record.weight)}; ${service.why}, RFC 6186).`,
        },
      });
    }
    steps.push({
      step,
      outcome: `Found ${usable.map((record) => `${hostName(record.name) ?? ''}:${String(record.port)}`).join(', ')}.`,
    });
  });
  return ranked
    .sort(
      (a, b) =>
        implicitFirst(a.candidate) - implicitFirst(b.candidate) ||
        a.priority - b.priority ||
        b.weight - a.weight ||
        imapFirst(a.candidate) - imapFirst(b.candidate),
    )
    .map((entry) => entry.candidate);
}

/** The autoconfig file's `incomingServer` entries, in the file's order (best first, as its format says). */
export function fromAutoconfigIncoming(lookup: AutoconfigLookup): IncomingDiscoveryCandidate[] {
  if (!lookup.found) return [];
  return lookup.file.incoming
    .filter((server) => server.protocol === 'imap' || server.protocol === 'pop3')
    .map((server) => ({
      protocol: server.protocol === 'pop3' ? ('pop3' as const) : ('imap' as const),
      host: server.host,
      port: server.port,
      security: server.security,
      source: 'autoconfig' as const,
      reason: `The domain's own autoconfig file (${lookup.url}) lists this server to read mail from.`,
    }));
}

/** A preset's incoming servers, when the provider reference lists them. */
export function presetIncomingCandidates(
  preset: ProviderPreset,
  source: 'mx-provider' | 'email-domain-provider',
  reason: string,
): IncomingDiscoveryCandidate[] {
  return (preset.incomingEndpoints ?? []).map((endpoint) => ({
    protocol: endpoint.protocol,
    host: endpoint.host,
    port: endpoint.port,
    security: endpoint.security,
    source,
    presetId: preset.id,
    reason: endpoint.label === undefined ? reason : `${reason} (${endpoint.label})`,
  }));
}

/** Same protocol, host, port and security: the most trustworthy source stays, in first-seen order. */
export function dedupeIncoming(
  candidates: readonly IncomingDiscoveryCandidate[],
): IncomingDiscoveryCandidate[] {
  const best = new Map<string, IncomingDiscoveryCandidate>();
  for (const candidate of candidates) {
    const key = `${candidate.protocol}|${candidate.host}|${String(candidate.port)}|${candidate.security}`;
    const seen = best.get(key);
    if (seen === undefined || SOURCE_RANK[candidate.source] < SOURCE_RANK[seen.source])
      best.set(key, candidate);
  }
  // A stable sort keeps each source's own order (SRV priority, the file's order).
  return [...best.values()].sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source]);
}

const implicitFirst = (candidate: IncomingDiscoveryCandidate): number =>
  candidate.security === 'tls' ? 0 : 1;
const imapFirst = (candidate: IncomingDiscoveryCandidate): number => (candidate.protocol === 'imap' ? 0 : 1);

function hostName(name: string): string | null {
  if (name === '' || name === '.') return null;
  const checked = toAsciiDomain(name);
  return checked.ok ? checked.value : null;
}
