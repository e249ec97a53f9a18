/**
 * Finds where a domain's users submit mail, and where they read it (incoming-candidates.ts), from DNS,
 * the domain's autoconfig file and the provider presets, and says how it looked.
 *
 * Order, as Thunderbird's account setup goes: the domain's own SRV records (what it declares), the domain's
 * own autoconfig file over HTTPS (fetch-autoconfig.ts), the provider its MX points to, the provider that owns
 * the email domain, and last a guess at smtp.<domain> / mail.<domain>. DNS and HTTPS failures are steps, not
 * throws.
 */
import { excerpt } from '../../../preload/contract/untrusted-text';
import type { SecurityMode } from '../../../preload/contract/accounts';
import type {
  DiscoveryCandidate,
  DiscoveryResult,
  DiscoverySource,
  DiscoveryStep,
  ProviderPreset,
} from '../../../preload/contract/providers';
import { toAsciiDomain } from '../accounts/domain-name';
import { findPresetByEmailDomain, findPresetByMxHost } from '../accounts/provider-presets';
import type { DnsResolver, DnsResult, MxRecord, SrvRecord } from '../ports';
import type { AutoconfigLookup } from './fetch-autoconfig';
import {
  dedupeIncoming,
  fromAutoconfigIncoming,
  fromIncomingSrv,
  INCOMING_SRV_SERVICES,
  presetIncomingCandidates,
} from './incoming-candidates';

/** RFC 8314 section 3.3: implicit TLS for submission, port 465. */
const SUBMISSIONS_PORT = 465;
/** RFC 6409 section 3.1: message submission with STARTTLS (RFC 3207), port 587. */
const SUBMISSION_PORT = 587;
/** More SRV targets than this per service are not worth proposing. */
const MAX_SRV_TARGETS = 10;
const GUESS_PREFIXES = ['smtp', 'mail'] as const;
/** Longest piece of user input quoted back in a step. */
const MAX_ECHO_CHARS = 80;

/** Sources from most to least trustworthy, for de-duplication. */
const SOURCE_RANK: Record<DiscoverySource, number> = {
  'srv-submissions': 0,
  'srv-submission': 1,
  autoconfig: 2,
  'mx-provider': 3,
  'email-domain-provider': 4,
  guess: 5,
};

interface SrvService {
  readonly label: '_submissions._tcp' | '_submission._tcp';
  readonly source: DiscoverySource;
  readonly security: SecurityMode;
  readonly why: string;
}

/** RFC 8314 section 5.1 (implicit TLS) first, as RFC 8314 section 3.3 prefers it; then RFC 6186 section 3.1. */
const SRV_SERVICES: readonly SrvService[] = [
  { label: '_submissions._tcp', source: 'srv-submissions', security: 'tls', why: 'implicit TLS, RFC 8314' },
  { label: '_submission._tcp', source: 'srv-submission', security: 'starttls', why: 'STARTTLS, RFC 6186' },
];

/** Discover submission servers for `domain` (Unicode or ASCII); never throws for DNS trouble. */
export async function discoverSubmission(
  domain: string,
  deps: {
    resolver: DnsResolver;
    /** The domain's autoconfig file; left out, that step is skipped. */
    autoconfig?: (asciiDomain: string) => Promise<AutoconfigLookup>;
  },
): Promise<DiscoveryResult> {
  const { resolver } = deps;
  const typed = domain.trim().replace(/\.$/, '');
  const checked = toAsciiDomain(typed);
  if (!checked.ok) {
    return {
      domain: plain(typed),
      candidates: [],
      incomingCandidates: [],
      presetId: null,
      steps: [
        {
          step: 'Read the domain',
          outcome: `"${plain(typed)}" is not a valid domain name: ${checked.reason}.`,
        },
      ],
      resolver: resolver.description,
    };
  }
  const ascii = checked.value;

  const steps: DiscoveryStep[] = [];
  if (ascii !== typed.toLowerCase()) {
    steps.push({ step: 'Read the domain', outcome: `${plain(typed)} is written ${ascii} in DNS.` });
  }

  // The independent lookups run together, so a silent DNS server costs one deadline, not three.
  const [srvResults, incomingSrvResults, mxResult, autoconfig] = await Promise.all([
    Promise.all(SRV_SERVICES.map((service) => resolver.resolveSrv(`${service.label}.${ascii}`))),
    // RFC 6186 section 3: the incoming server is declared beside the submission one.
    Promise.all(INCOMING_SRV_SERVICES.map((service) => resolver.resolveSrv(`${service.label}.${ascii}`))),
    resolver.resolveMx(ascii),
    deps.autoconfig?.(ascii),
  ]);

  const candidates: DiscoveryCandidate[] = [];
  SRV_SERVICES.forEach((service, index) => {
    const result = srvResults[index];
    if (result !== undefined) candidates.push(...fromSrv(service, ascii, result, steps));
  });
  const incoming = fromIncomingSrv(ascii, incomingSrvResults, steps);
  if (autoconfig !== undefined) {
    candidates.push(...fromAutoconfig(autoconfig, steps));
    incoming.push(...fromAutoconfigIncoming(autoconfig));
  }

  const mxPreset = fromMx(ascii, mxResult, steps);
  if (mxPreset !== undefined) {
    candidates.push(...presetCandidates(mxPreset.preset, 'mx-provider', mxPreset.reason));
    incoming.push(...presetIncomingCandidates(mxPreset.preset, 'mx-provider', mxPreset.reason));
  }

  const domainPreset = findPresetByEmailDomain(ascii);
  if (domainPreset === undefined) {
    steps.push({ step: 'Email domain', outcome: `${ascii} is not the email domain of a known provider.` });
  } else {
    steps.push({ step: 'Email domain', outcome: `${ascii} addresses belong to ${domainPreset.name}.` });
    const reason = `${ascii} addresses belong to ${domainPreset.name}.`;
    candidates.push(...presetCandidates(domainPreset, 'email-domain-provider', reason));
    incoming.push(...presetIncomingCandidates(domainPreset, 'email-domain-provider', reason));
  }

  const allTimedOut = [...srvResults, mxResult].every((result) => !result.ok && result.code === 'TIMEOUT');
  if (candidates.length > 0) {
    steps.push({ step: 'Guess', outcome: 'Skipped: the steps above already found a server.' });
  } else if (allTimedOut) {
    steps.push({ step: 'Guess', outcome: 'Skipped: the DNS server did not answer the lookups above.' });
  } else {
    candidates.push(...(await guess(resolver, ascii, steps)));
  }

  return {
    domain: ascii,
    candidates: dedupe(candidates),
    incomingCandidates: dedupeIncoming(incoming),
    presetId: domainPreset?.id ?? mxPreset?.preset.id ?? null,
    steps,
    resolver: resolver.description,
  };
}

function fromSrv(
  service: SrvService,
  domain: string,
  result: DnsResult<SrvRecord>,
  steps: DiscoveryStep[],
): DiscoveryCandidate[] {
  const step = `SRV ${service.label}.${domain}`;
  if (!result.ok) {
    const missing = result.code === 'NXDOMAIN' || result.code === 'NODATA';
    steps.push({ step, outcome: missing ? `No ${service.label} SRV record.` : result.message });
    return [];
  }
  // RFC 2782: lowest priority first; among equals, the larger weight is the likelier choice.
  const sorted = [...result.records].sort((a, b) => a.priority - b.priority || b.weight - a.weight);
  // RFC 2782 and RFC 6186 section 3.4: a target of "." says the service is decidedly not offered here.
  if (sorted.every((record) => isRootTarget(record.name))) {
    steps.push({ step, outcome: `${service.label} SRV says this service is not offered (target ".").` });
    return [];
  }
  const candidates: DiscoveryCandidate[] = [];
  let ignored = 0;
  for (const record of sorted) {
    const host = hostName(record.name);
    if (host === null || record.port === 0) {
      if (!isRootTarget(record.name)) ignored += 1;
      continue;
    }
    if (candidates.length >= MAX_SRV_TARGETS) break;
    candidates.push({
      host,
      port: record.port,
      security: service.security,
      source: service.source,
      reason: `${service.label}.${domain} points here (priority ${record.priority}, weight ${record.weight}; ${service.why}).`,
    });
  }
  const found = candidates.map((c) => `${c.host}:${String(c.port)}`).join(', ');
  const note = ignored > 0 ? ` Ignored ${String(ignored)} record(s) without a usable host and port.` : '';
  steps.push({
    step,
    outcome: candidates.length > 0 ? `Found ${found}.${note}` : `No usable target.${note}`,
  });
  return candidates;
}

function fromAutoconfig(lookup: AutoconfigLookup, steps: DiscoveryStep[]): DiscoveryCandidate[] {
  for (const attempt of lookup.attempts) {
    steps.push({ step: `Autoconfig ${attempt.url}`, outcome: attempt.outcome });
  }
  if (!lookup.found) return [];
  return lookup.file.outgoing.map((server) => ({
    host: server.host,
    port: server.port,
    security: server.security,
    source: 'autoconfig' as const,
    reason: `The domain's own autoconfig file (${lookup.url}) lists this server.`,
  }));
}

function fromMx(
  domain: string,
  result: DnsResult<MxRecord>,
  steps: DiscoveryStep[],
): { preset: ProviderPreset; reason: string } | undefined {
  const step = `MX ${domain}`;
  if (!result.ok) {
    const outcome =
      result.code === 'NODATA'
        ? 'No MX record.'
        : result.code === 'NXDOMAIN'
          ? `${domain} does not exist in DNS (NXDOMAIN).`
          : result.message;
    steps.push({ step, outcome });
    return undefined;
  }
  const sorted = [...result.records].sort((a, b) => a.priority - b.priority);
  // RFC 7505: a single MX with target "." says the domain accepts no mail.
  if (sorted.length === 1 && sorted[0] !== undefined && isRootTarget(sorted[0].exchange)) {
    steps.push({ step, outcome: 'Null MX: the domain says it receives no mail (RFC 7505).' });
    return undefined;
  }
  const hosts = sorted.map((mx) => hostName(mx.exchange)).filter((host): host is string => host !== null);
  for (const host of hosts) {
    const preset = findPresetByMxHost(host);
    if (preset !== undefined) {
      steps.push({ step, outcome: `MX points to ${host}: ${preset.name}.` });
      return { preset, reason: `The domain's mail goes to ${preset.name} (MX ${host}).` };
    }
  }
  const first = hosts[0];
  steps.push({
    step,
    outcome:
      first === undefined
        ? 'No usable MX host name.'
        : `MX points to ${first}, which is not a known provider.`,
  });
  return undefined;
}

function presetCandidates(
  preset: ProviderPreset,
  source: DiscoverySource,
  reason: string,
): DiscoveryCandidate[] {
  return preset.endpoints.map((endpoint) => ({
    host: endpoint.host,
    port: endpoint.port,
    security: endpoint.security,
    source,
    presetId: preset.id,
    reason: endpoint.label === undefined ? reason : `${reason} (${endpoint.label})`,
  }));
}

/** Last resort: common host names that exist, implicit TLS first (RFC 8314 section 3.3), then STARTTLS. */
async function guess(
  resolver: DnsResolver,
  domain: string,
  steps: DiscoveryStep[],
): Promise<DiscoveryCandidate[]> {
  const hosts = GUESS_PREFIXES.map((prefix) => `${prefix}.${domain}`);
  const lookups = await Promise.all(
    hosts.map(async (host) => {
      const [a, aaaa] = await Promise.all([resolver.resolveA(host), resolver.resolveAaaa(host)]);
      return { host, a, aaaa };
    }),
  );
  const existing: string[] = [];
  for (const { host, a, aaaa } of lookups) {
    const addresses = [...(a.ok ? a.records : []), ...(aaaa.ok ? aaaa.records : [])];
    if (addresses.length > 0) {
      existing.push(host);
      steps.push({
        step: `Guess ${host}`,
        outcome: `${host} resolves to ${addresses.slice(0, 3).join(', ')}.`,
      });
    } else {
      steps.push({ step: `Guess ${host}`, outcome: `${host} has no address: ${addressProblem(a, aaaa)}` });
    }
  }
  const tls = existing.map((host) =>
    guessed(host, SUBMISSIONS_PORT, 'tls', 'the implicit-TLS submission port (RFC 8314)'),
  );
  const starttls = existing.map((host) =>
    guessed(host, SUBMISSION_PORT, 'starttls', 'the STARTTLS submission port (RFC 6409)'),
  );
  return [...tls, ...starttls];
}

function guessed(host: string, port: number, security: SecurityMode, what: string): DiscoveryCandidate {
  return {
    host,
    port,
    security,
    source: 'guess',
    reason: `A guess: ${host} exists, and ${String(port)} is ${what}.`,
  };
}

function addressProblem(a: DnsResult<string>, aaaa: DnsResult<string>): string {
  if (
    !a.ok &&
    (a.code === 'NXDOMAIN' || a.code === 'NODATA') &&
    !aaaa.ok &&
    (aaaa.code === 'NXDOMAIN' || aaaa.code === 'NODATA')
  ) {
    return a.code === 'NXDOMAIN' ? 'the name does not exist.' : 'the name has no A or AAAA record.';
  }
  return !a.ok && a.code !== 'NXDOMAIN' && a.code !== 'NODATA'
    ? a.message
    : !aaaa.ok
      ? aaaa.message
      : 'no records.';
}

/** Same host, port and security: keep the one from the most trustworthy source, in first-seen order. */
function dedupe(candidates: readonly DiscoveryCandidate[]): DiscoveryCandidate[] {
  const best = new Map<string, DiscoveryCandidate>();
  for (const candidate of candidates) {
    const key = `${candidate.host}|${String(candidate.port)}|${candidate.security}`;
    const seen = best.get(key);
    if (seen === undefined || SOURCE_RANK[candidate.source] < SOURCE_RANK[seen.source])
      best.set(key, candidate);
  }
  return [...best.values()].sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source]);
}

/** A host name from a DNS answer, lower-cased and without the final dot, or null when it is not one. */
function hostName(name: string): string | null {
  const checked = toAsciiDomain(name);
  return checked.ok ? checked.value : null;
}

function isRootTarget(name: string): boolean {
  return name === '' || name === '.';
}

/** Shown back as plain text (preload/contract/untrusted-text.ts), bounded. */
function plain(text: string): string {
  return excerpt(text, MAX_ECHO_CHARS);
}
