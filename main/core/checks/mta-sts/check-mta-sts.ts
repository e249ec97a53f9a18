/**
 * The MTA-STS check (RFC 8461): the `_mta-sts` TXT record, the HTTPS policy, its mode and max_age, and
 * every actual MX host matched by an `mx:` pattern.
 */
import type { Finding } from '../../../../preload/contract/findings';
import { toAsciiDomain } from '../../accounts/domain-name';
import { findingFactory } from '../../findings/finding-factory';
import { MTA_STS_KNOWLEDGE } from '../../knowledge/mta-sts-knowledge';
import type { Clock, DnsResolver } from '../../ports';
import { printable } from '../dkim/tag-list';
import type { HttpsFetcher } from './https-fetcher-port';
import { mxMatchesPattern, parseStsPolicy, parseStsTxtRecord, type StsMode } from './mta-sts-policy';

/** RFC 8461 section 3.2: senders may limit policy size; 64 KB is the figure the RFC gives. */
export const POLICY_MAX_BYTES = 65_536;
/** RFC 8461 section 3.3 leaves the timeout to senders; one minute is what it suggests. Ours is shorter. */
export const POLICY_TIMEOUT_MS = 10_000;
/** Below a day senders forget the policy between most deliveries. */
const SHORT_MAX_AGE_S = 86_400;
const SUGGESTED_MAX_AGE_S = 604_800;
const STS_PREFIX = /^\s*v\s*=\s*STSv1\b/;

const finding = findingFactory(MTA_STS_KNOWLEDGE);

export interface MtaStsCheckInput {
  readonly domain: string;
  readonly resolver: DnsResolver;
  readonly fetcher: HttpsFetcher;
  /** For the suggested policy id; the system clock when absent. */
  readonly clock?: Clock;
  readonly timeoutMs?: number;
}

export interface MtaStsResult {
  readonly domain: string;
  readonly recordFound: boolean;
  readonly id: string | null;
  /** The mode of a readable policy, else null. */
  readonly mode: StsMode | null;
  readonly maxAge: number | null;
  readonly mxPatterns: readonly string[];
  readonly unmatchedMx: readonly string[];
}

export interface MtaStsCheckOutput {
  readonly findings: readonly Finding[];
  readonly result: MtaStsResult;
}

/** Runs the MTA-STS check for one domain. */
export async function checkMtaSts(input: MtaStsCheckInput): Promise<MtaStsCheckOutput> {
  const ascii = toAsciiDomain(input.domain);
  const empty = (domain: string): MtaStsResult => ({
    domain,
    recordFound: false,
    id: null,
    mode: null,
    maxAge: null,
    mxPatterns: [],
    unmatchedMx: [],
  });
  if (!ascii.ok) {
    const shown = printable(input.domain, 80);
    return {
      findings: [
        finding('mta-sts.domain.invalid', `mta-sts:${shown}`, { domain: shown, reason: ascii.reason }),
      ],
      result: empty(shown),
    };
  }
  const domain = ascii.value;
  const checkId = `mta-sts:${domain}`;
  const recordName = `_mta-sts.${domain}`;
  const policyHost = `mta-sts.${domain}`;
  const policyUrl = `https://${policyHost}/.well-known/mta-sts.txt`;
  const mxHosts = input.resolver.resolveMx(domain);
  const suggestedId = policyId(input.clock?.now() ?? new Date());
  const suggestedRecord = `v=STSv1; id=${suggestedId}`;
  const base = { domain, recordName, policyHost, policyUrl, suggestedRecord };

  const txt = await input.resolver.resolveTxt(recordName);
  if (!txt.ok && txt.code !== 'NXDOMAIN' && txt.code !== 'NODATA') {
    return {
      findings: [
        finding('mta-sts.lookup.failed', checkId, { ...base, name: recordName, reason: txt.message }),
      ],
      result: empty(domain),
    };
  }
  const records = txt.ok ? txt.records.filter((text) => STS_PREFIX.test(text)) : [];
  if (records.length === 0) {
    const mx = await mxHosts;
    const suggestedPolicy = suggestPolicy(mx.ok ? mx.records.map((r) => r.exchange) : [`mx.${domain}`]);
    return {
      findings: [finding('mta-sts.record.missing', checkId, { ...base, suggestedPolicy })],
      result: empty(domain),
    };
  }
  if (records.length > 1) {
    return {
      findings: [
        finding('mta-sts.record.multiple', checkId, {
          ...base,
          recordCount: records.length,
          records: records.map((r) => printable(r)),
        }),
      ],
      result: { ...empty(domain), recordFound: true },
    };
  }
  const findings: Finding[] = [];
  const record = parseStsTxtRecord(records[0] ?? '');
  if (record.problems.length > 0) {
    findings.push(
      finding('mta-sts.record.syntax', checkId, {
        ...base,
        record: printable(records[0] ?? ''),
        problems: [...record.problems],
      }),
    );
  }

  const fetched = await input.fetcher.fetchText({
    url: policyUrl,
    maxBytes: POLICY_MAX_BYTES,
    timeoutMs: input.timeoutMs ?? POLICY_TIMEOUT_MS,
  });
  const result: MtaStsResult = { ...empty(domain), recordFound: true, id: record.id };
  if (!fetched.ok) {
    if (fetched.code === 'CERTIFICATE')
      findings.push(finding('mta-sts.policy.certificate', checkId, { ...base, reason: fetched.message }));
    else if (fetched.code === 'TOO_LARGE')
      findings.push(finding('mta-sts.policy.too-large', checkId, { ...base, maxBytes: POLICY_MAX_BYTES }));
    else
      findings.push(
        finding('mta-sts.policy.unreachable', checkId, {
          ...base,
          reason: fetched.message,
          failure: fetched.code,
        }),
      );
    return { findings, result };
  }
  const http = { ...base, status: fetched.status, address: fetched.address };
  // RFC 8461 section 3.3: "HTTP 3xx redirects MUST NOT be followed".
  if (fetched.status >= 300 && fetched.status < 400) {
    findings.push(
      finding('mta-sts.policy.redirect', checkId, {
        ...http,
        location: printable(fetched.location ?? '(none)', 200),
      }),
    );
    return { findings, result };
  }
  if (fetched.status !== 200) {
    findings.push(finding('mta-sts.policy.http-status', checkId, http));
    return { findings, result };
  }
  const mediaType = (fetched.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType !== 'text/plain') {
    findings.push(
      finding('mta-sts.policy.content-type', checkId, {
        ...http,
        contentType: printable(fetched.contentType ?? '(none)', 100),
      }),
    );
  }
  const policy = parseStsPolicy(fetched.body);
  const mx = await mxHosts;
  const suggestedPolicy = suggestPolicy(mx.ok ? mx.records.map((r) => r.exchange) : policy.mx);
  const policyEvidence = {
    ...http,
    policy: printable(fetched.body, 2_000),
    mode: policy.mode,
    maxAge: policy.maxAge,
    patterns: [...policy.mx],
  };
  if (policy.problems.length > 0) {
    findings.push(
      finding('mta-sts.policy.syntax', checkId, {
        ...policyEvidence,
        problems: [...policy.problems],
        suggestedPolicy,
      }),
    );
  }
  if (policy.mode === 'none') findings.push(finding('mta-sts.mode.none', checkId, policyEvidence));
  if (policy.mode === 'testing') findings.push(finding('mta-sts.mode.testing', checkId, policyEvidence));
  if (policy.mode === 'enforce' && policy.problems.length === 0)
    findings.push(finding('mta-sts.mode.enforce', checkId, policyEvidence));
  if (policy.maxAge !== null && policy.maxAge < SHORT_MAX_AGE_S)
    findings.push(finding('mta-sts.max-age.short', checkId, policyEvidence));

  let unmatched: string[] = [];
  if (policy.mode === 'enforce' || policy.mode === 'testing') {
    if (!mx.ok) {
      findings.push(finding('mta-sts.mx.lookup-failed', checkId, { ...policyEvidence, reason: mx.message }));
    } else {
      const hosts = mx.records.map((r) => r.exchange.toLowerCase().replace(/\.$/, ''));
      unmatched = hosts.filter((host) => !policy.mx.some((pattern) => mxMatchesPattern(host, pattern)));
      if (unmatched.length > 0)
        findings.push(
          finding('mta-sts.mx.unmatched', checkId, { ...policyEvidence, mxHosts: hosts, unmatched }),
        );
      else findings.push(finding('mta-sts.mx.all-matched', checkId, { ...policyEvidence, mxHosts: hosts }));
    }
  }
  return {
    findings,
    result: {
      ...result,
      mode: policy.mode,
      maxAge: policy.maxAge,
      mxPatterns: policy.mx,
      unmatchedMx: unmatched,
    },
  };
}

/** A policy in testing mode listing the given MX hosts, CRLF-separated as RFC 8461 section 3.2 writes it. */
function suggestPolicy(mxHosts: readonly string[]): string {
  const mx = [...new Set(mxHosts.map((h) => h.toLowerCase().replace(/\.$/, '')))].filter((h) => h !== '');
  return [
    'version: STSv1',
    'mode: testing',
    ...mx.map((host) => `mx: ${host}`),
    `max_age: ${String(SUGGESTED_MAX_AGE_S)}`,
  ].join('\r\n');
}

/** A policy id from the time, e.g. 20261127225700 (RFC 8461 section 3.1: 1 to 32 letters and digits). */
function policyId(now: Date): string {
  return now
    .toISOString()
    .replace(/[^0-9]/g, '')
    .slice(0, 14);
}
