/**
 * The DANE check (RFC 7672): TLSA records at `_25._tcp.<mx>`, their DNSSEC status, and whether they match
 * the certificate each MX host actually presents.
 *
 * DNSSEC status is the AD bit of a validating resolver, read over the wire (DnsWireClient): a TLSA record
 * that does not validate is ignored by senders (RFC 7672 section 2.2), so "present" is not enough.
 */
import type { Finding } from '../../../../preload/contract/findings';
import { toAsciiDomain } from '../../accounts/domain-name';
import { isTlsaRecord, type DnsWireClient, type WireTlsaRecord } from '../../dns-wire-port';
import { findingFactory } from '../../findings/finding-factory';
import type { DaneLookupEvidence, DaneRecordsEvidence } from '../../knowledge/dane-evidence';
import { DANE_KNOWLEDGE } from '../../knowledge/dane-knowledge';
import type { CertificateFacts } from '../../smtp/smtp-channel';
import { plainName } from '../mx/plain-name';
import {
  TLSA_USAGE_NAMES,
  leafNamesHost,
  matchTlsa,
  suggestedTlsa,
  tlsaText,
  tlsaUsability,
  type TlsaMatch,
} from './tlsa-match';

/** RFC 7672 section 2.2.3: the TLSA base name of an MX host is `_25._tcp.<host>`. */
const SMTP_PORT = 25;
/** Beyond this many MX hosts, the rest are not queried. */
const MAX_HOSTS = 10;
/** TLSA records per host that are judged one by one. */
const MAX_TLSA_RECORDS = 20;
const USAGE_DANE_TA = 2;

const finding = findingFactory(DANE_KNOWLEDGE);

export interface CheckDaneInput {
  /** The mail domain, whose MX RRset must validate too (RFC 7672 section 2.2.1). */
  readonly domain: string;
  /** The MX host names, most preferred first (MxCheckResult.targets). */
  readonly mxHosts: readonly string[];
  /** A wire client pointed at a validating resolver. */
  readonly wire: DnsWireClient;
  /** The chain each MX host presented on port 25, leaf first, keyed by host name (the TLS probe's facts). */
  readonly certificates?: { readonly [host: string]: readonly CertificateFacts[] };
}

export type DaneStatus =
  'no-tlsa' | 'insecure' | 'match' | 'no-match' | 'unusable' | 'not-compared' | 'lookup-failed';

export interface DaneHostResult {
  readonly host: string;
  readonly status: DaneStatus;
  /** The AD bit of the TLSA answer; null when no answer came. */
  readonly authenticated: boolean | null;
  readonly records: readonly string[];
}

export interface DaneCheckResult {
  readonly domain: string;
  /** The AD bit of the domain's MX answer; null when no answer came. */
  readonly mxAuthenticated: boolean | null;
  readonly hosts: readonly DaneHostResult[];
  readonly findings: readonly Finding[];
}

/** Check DANE for each MX host of `domain`. */
export async function checkDane(input: CheckDaneInput): Promise<DaneCheckResult> {
  const ascii = toAsciiDomain(input.domain);
  const domain = ascii.ok ? ascii.value : plainName(input.domain);
  const hosts = unique(input.mxHosts.map((host) => host.toLowerCase().replace(/\.$/, ''))).slice(
    0,
    MAX_HOSTS,
  );
  const [mxAnswer, ...hostResults] = await Promise.all([
    ascii.ok ? input.wire.query(domain, 'MX') : Promise.resolve(null),
    ...hosts.map((host) => checkHost(host, input)),
  ]);
  const mxAuthenticated = mxAnswer?.ok === true ? mxAnswer.answer.authenticatedData : null;
  const findings = hostResults.flatMap((result) => result.findings);
  const anySecureTlsa = hostResults.some(
    (result) => result.host.authenticated === true && result.host.records.length > 0,
  );
  if (anySecureTlsa && mxAuthenticated === false) {
    findings.push(
      finding('dane.mx.insecure', `dane:${domain}`, { domain, resolver: input.wire.description }),
    );
  }
  return { domain, mxAuthenticated, hosts: hostResults.map((result) => result.host), findings };
}

interface HostCheck {
  readonly host: DaneHostResult;
  readonly findings: readonly Finding[];
}

async function checkHost(host: string, input: CheckDaneInput): Promise<HostCheck> {
  const tlsaName = `_${String(SMTP_PORT)}._tcp.${host}`;
  const checkId = `dane:${host}`;
  const chain = input.certificates?.[host] ?? [];
  const suggested = suggestedTlsa(chain);
  const base: DaneLookupEvidence = {
    host,
    tlsaName,
    resolver: input.wire.description,
    ...(suggested === null ? {} : { suggestedTlsa: suggested }),
  };
  const done = (
    status: DaneStatus,
    authenticated: boolean | null,
    records: readonly string[],
    findings: Finding[],
  ): HostCheck => ({
    host: { host, status, authenticated, records },
    findings,
  });

  const lookup = await input.wire.query(tlsaName, 'TLSA');
  if (!lookup.ok) {
    return done(
      'lookup-failed',
      null,
      [],
      [finding('dane.lookup.failed', checkId, { ...base, code: lookup.code, message: lookup.message })],
    );
  }
  const { answer } = lookup;
  if (answer.rcode === 'SERVFAIL') {
    return done('lookup-failed', null, [], [finding('dane.lookup.servfail', checkId, base)]);
  }
  if (answer.rcode !== 'NOERROR' && answer.rcode !== 'NXDOMAIN') {
    return done(
      'lookup-failed',
      null,
      [],
      [
        finding('dane.lookup.failed', checkId, {
          ...base,
          code: answer.rcode,
          message: `The DNS server ${input.wire.description} answered ${answer.rcode} for ${tlsaName}.`,
        }),
      ],
    );
  }
  const tlsa = answer.answers.filter(isTlsaRecord).slice(0, MAX_TLSA_RECORDS);
  if (tlsa.length === 0) {
    return done(
      'no-tlsa',
      answer.authenticatedData,
      [],
      [finding('dane.tlsa.none', checkId, { ...base, zoneSigned: answer.authenticatedData })],
    );
  }

  const records = tlsa.map(tlsaText);
  const secure = answer.authenticatedData;
  const evidence: DaneRecordsEvidence = { ...base, records, authenticated: secure };
  const findings: Finding[] = [];
  if (!secure) findings.push(finding('dane.tlsa.insecure', checkId, evidence));

  const usable = judgeRecords(tlsa, evidence, checkId, findings);
  if (usable.length === 0) {
    findings.push(finding('dane.tlsa.all-unusable', checkId, evidence));
    return done(secure ? 'unusable' : 'insecure', secure, records, findings);
  }
  if (chain.length === 0) {
    findings.push(finding('dane.certificate.not-seen', checkId, evidence));
    return done(secure ? 'not-compared' : 'insecure', secure, records, findings);
  }
  const matched = firstMatch(usable, chain);
  if (matched === null) {
    findings.push(finding(secure ? 'dane.tlsa.no-match' : 'dane.tlsa.no-match-insecure', checkId, evidence));
    return done(secure ? 'no-match' : 'insecure', secure, records, findings);
  }
  const matchEvidence = {
    ...evidence,
    record: tlsaText(matched.record),
    matchedCertificate:
      matched.match.certificateIndex === 0
        ? 'server certificate'
        : `certificate ${String(matched.match.certificateIndex)} of the chain (${plainName(chain[matched.match.certificateIndex]?.subject ?? '?')})`,
  };
  // RFC 7672 section 3.2.2: with DANE-TA the server certificate must still name the MX host.
  if (matched.record.usage === USAGE_DANE_TA && leafNamesHost(chain, host) === false) {
    findings.push(
      finding('dane.tlsa.ta-name-mismatch', checkId, {
        ...matchEvidence,
        names: (chain[0]?.subjectAltNames ?? []).map(plainName),
      }),
    );
    return done(secure ? 'no-match' : 'insecure', secure, records, findings);
  }
  findings.push(finding('dane.tlsa.match', checkId, matchEvidence));
  return done(secure ? 'match' : 'insecure', secure, records, findings);
}

/** Findings for unusable records; returns the usable ones (RFC 7672 section 2.2 and 3.1.3). */
function judgeRecords(
  tlsa: readonly WireTlsaRecord[],
  evidence: DaneRecordsEvidence,
  checkId: string,
  findings: Finding[],
): WireTlsaRecord[] {
  const usable: WireTlsaRecord[] = [];
  for (const record of tlsa) {
    const verdict = tlsaUsability(record);
    if (verdict.usable) {
      usable.push(record);
      continue;
    }
    const recordEvidence = {
      ...evidence,
      record: tlsaText(record),
      // IANA's TLSA Certificate Usages registry (RFC 6698 section 7.2): 4 to 254 are unassigned.
      usage: `${String(record.usage)} (${TLSA_USAGE_NAMES[record.usage] ?? 'unassigned'})`,
      problem: verdict.problem,
    };
    findings.push(
      finding(
        verdict.reason === 'pkix-usage' ? 'dane.tlsa.pkix-usage' : 'dane.tlsa.malformed',
        checkId,
        recordEvidence,
      ),
    );
  }
  return usable;
}

function firstMatch(
  records: readonly WireTlsaRecord[],
  chain: readonly CertificateFacts[],
): { readonly record: WireTlsaRecord; readonly match: TlsaMatch } | null {
  for (const record of records) {
    const match = matchTlsa(record, chain);
    if (match !== null) return { record, match };
  }
  return null;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
