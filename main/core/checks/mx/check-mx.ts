/**
 * The MX check: where a domain's mail is delivered, and whether senders on the internet can get there.
 *
 * RFC 5321 section 5.1 (MX lookup and the implicit MX), RFC 7505 (Null MX), RFC 2181 section 10.3 (no
 * CNAME targets), RFC 6890 (addresses the internet cannot reach). DNS failures become findings, never
 * throws. The targets and their addresses are returned too: DANE and reverse DNS build on them.
 */
import type { Finding } from '../../../../preload/contract/findings';
import { isIpLiteral, toAsciiDomain } from '../../accounts/domain-name';
import { findPresetByMxHost } from '../../accounts/provider-presets';
import { findingFactory } from '../../findings/finding-factory';
import { MX_KNOWLEDGE } from '../../knowledge/mx-knowledge';
import type { DnsResolver, DnsResult, MxRecord } from '../../ports';
import { addressScope, type AddressScope } from '../ip-address';
import { isInternalUseDomain } from './internal-domain';
import { plainName } from './plain-name';

/** More MX hosts than this are not checked one by one (senders rarely try that many). */
const MAX_MX_TARGETS = 10;
/** RFC 7505 section 3: a Null MX has preference 0 and the root as its exchange. */
const NULL_MX_PREFERENCE = 0;

const finding = findingFactory(MX_KNOWLEDGE);

export type MxOutcome = 'mx' | 'null-mx' | 'implicit' | 'none' | 'nxdomain' | 'failed' | 'invalid-domain';

export interface MxTarget {
  /** The host name, lower case, without the final dot. */
  readonly exchange: string;
  readonly priority: number;
  /** Its A and AAAA addresses, as DNS gave them. */
  readonly addresses: readonly string[];
  /** Where the name points when it is a CNAME (RFC 2181 section 10.3 forbids it), else null. */
  readonly cnameTarget: string | null;
  /** Whether senders can deliver there: a name with at least one public address. */
  readonly usable: boolean;
}

export interface MxCheckResult {
  /** ASCII (punycode) form of the domain, or what was typed when it is not a domain. */
  readonly domain: string;
  readonly outcome: MxOutcome;
  /** Most preferred first; for an implicit MX, the domain itself. */
  readonly targets: readonly MxTarget[];
  /** The provider preset recognised from the MX host names (findPresetByMxHost), or null. */
  readonly providerPresetId: string | null;
  readonly findings: readonly Finding[];
}

export interface CheckMxInput {
  readonly domain: string;
  readonly resolver: DnsResolver;
}

/** Check the MX records of `domain` (Unicode or ASCII). */
export async function checkMx(input: CheckMxInput): Promise<MxCheckResult> {
  const checked = toAsciiDomain(input.domain);
  if (!checked.ok) {
    const typed = plainName(input.domain);
    return result(typed, 'invalid-domain', [], null, [
      finding('mx.domain.invalid', `mx:${typed}`, { input: typed, reason: checked.reason }),
    ]);
  }
  const domain = checked.value;
  const checkId = `mx:${domain}`;
  const { resolver } = input;
  const mx = await resolver.resolveMx(domain);

  if (!mx.ok) {
    if (mx.code === 'NXDOMAIN') {
      return result(domain, 'nxdomain', [], null, [
        finding('mx.domain.nxdomain', checkId, { domain, resolver: resolver.description }),
      ]);
    }
    if (mx.code === 'NODATA') return implicitMx(domain, resolver);
    return result(domain, 'failed', [], null, [
      finding('mx.lookup.failed', checkId, {
        domain,
        code: mx.code,
        message: mx.message,
        resolver: resolver.description,
      }),
    ]);
  }

  const records = [...mx.records]
    .map((record) => ({ exchange: normalise(record.exchange), priority: record.priority }))
    .sort((a, b) => a.priority - b.priority || a.exchange.localeCompare(b.exchange));
  const shown = records.map((record) => `${String(record.priority)} ${record.exchange || '.'}`);

  // RFC 7505 section 3: a Null MX is a single record, preference 0, exchange "." (the root).
  const nullRecords = records.filter((record) => record.exchange === '');
  if (nullRecords.length > 0) {
    const valid = records.length === 1 && nullRecords[0]?.priority === NULL_MX_PREFERENCE;
    return result(domain, valid ? 'null-mx' : 'mx', [], null, [
      finding(valid ? 'mx.null.valid' : 'mx.null.invalid', checkId, { domain, records: shown }),
    ]);
  }

  const findings: Finding[] = [
    finding('mx.records.present', checkId, { domain, count: records.length, records: shown }),
  ];
  const checkedRecords = records.slice(0, MAX_MX_TARGETS);
  if (records.length > MAX_MX_TARGETS) {
    findings.push(
      finding('mx.records.truncated', checkId, {
        domain,
        count: records.length,
        checked: MAX_MX_TARGETS,
      }),
    );
  }
  const internal = isInternalUseDomain(domain);
  const inspected = await Promise.all(
    checkedRecords.map((record) => inspectTarget(record, { domain, checkId, internal, resolver })),
  );
  for (const target of inspected) findings.push(...target.findings);
  const targets = inspected.map((target) => target.target);

  const preset = targets
    .map((target) => ({ target, preset: findPresetByMxHost(target.exchange) }))
    .find((entry) => entry.preset !== undefined);
  if (preset?.preset !== undefined) {
    findings.push(
      finding('mx.provider.recognised', checkId, {
        domain,
        exchange: preset.target.exchange,
        provider: preset.preset.name,
        presetId: preset.preset.id,
      }),
    );
  }
  // A host whose address could not be read (a timeout, SERVFAIL) may well receive mail: only hosts known
  // to be unusable make "no MX host can receive mail" true (RFC 5321 section 5.1: senders try each host).
  const allKnownUnusable = inspected.every((entry) => !entry.target.usable && !entry.undetermined);
  if (targets.length > 0 && allKnownUnusable) {
    findings.push(finding('mx.records.all-unusable', checkId, { domain, records: shown }));
  }
  return result(domain, 'mx', targets, preset?.preset?.id ?? null, findings);
}

interface TargetContext {
  readonly domain: string;
  readonly checkId: string;
  readonly internal: boolean;
  readonly resolver: DnsResolver;
}

interface InspectedTarget {
  readonly target: MxTarget;
  readonly findings: readonly Finding[];
  /** Its address lookups failed (not NXDOMAIN/NODATA): whether it can receive mail is unknown. */
  readonly undetermined: boolean;
}

async function inspectTarget(record: MxRecord, context: TargetContext): Promise<InspectedTarget> {
  const { exchange, priority } = record;
  const { domain, checkId } = context;
  const base = { domain, exchange, priority };
  // RFC 5321 section 5.1: the MX names a host; an address written as a name resolves to nothing.
  if (isIpLiteral(exchange) || isIpLiteral(exchange.replace(/^\[|\]$/g, ''))) {
    return {
      target: { exchange, priority, addresses: [], cnameTarget: null, usable: false },
      findings: [finding('mx.target.ip-literal', checkId, base)],
      undetermined: false,
    };
  }
  const [cname, a, aaaa] = await Promise.all([
    context.resolver.resolveCname(exchange),
    context.resolver.resolveA(exchange),
    context.resolver.resolveAaaa(exchange),
  ]);
  const findings: Finding[] = [];
  const cnameTarget = cname.ok && cname.records[0] !== undefined ? normalise(cname.records[0]) : null;
  if (cnameTarget !== null) {
    findings.push(finding('mx.target.cname', checkId, { ...base, cnameTarget }));
  }
  const addresses = [...recordsOf(a), ...recordsOf(aaaa)];
  if (addresses.length === 0) {
    const lookups = [lookupText('A', a), lookupText('AAAA', aaaa)];
    const definite = [a, aaaa].every((lookup) => !lookup.ok && isDefiniteAbsence(lookup.code));
    findings.push(
      finding(definite ? 'mx.target.unresolvable' : 'mx.target.lookup-failed', checkId, {
        ...base,
        lookups,
      }),
    );
    return {
      target: { exchange, priority, addresses, cnameTarget, usable: false },
      findings,
      undetermined: !definite,
    };
  }
  const scoped = addresses.map((address) => ({ address, scope: addressScope(address) ?? 'reserved' }));
  const nonPublic = scoped.filter((entry) => entry.scope !== 'public');
  if (nonPublic.length > 0) {
    const evidence = {
      ...base,
      addresses,
      nonPublic: nonPublic.map((entry) => entry.address),
      scopes: unique(nonPublic.map((entry): AddressScope => entry.scope)),
    };
    findings.push(
      finding(
        context.internal ? 'mx.target.internal-address' : 'mx.target.non-public-address',
        checkId,
        evidence,
      ),
    );
  } else {
    findings.push(finding('mx.target.ok', checkId, { ...base, addresses }));
  }
  const usable = context.internal ? true : nonPublic.length < addresses.length;
  return { target: { exchange, priority, addresses, cnameTarget, usable }, findings, undetermined: false };
}

/** RFC 5321 section 5.1: no MX records, so the domain's own address is an implicit MX of preference 0. */
async function implicitMx(domain: string, resolver: DnsResolver): Promise<MxCheckResult> {
  const checkId = `mx:${domain}`;
  const [a, aaaa] = await Promise.all([resolver.resolveA(domain), resolver.resolveAaaa(domain)]);
  const addresses = [...recordsOf(a), ...recordsOf(aaaa)];
  if (addresses.length === 0) {
    return result(domain, 'none', [], null, [finding('mx.records.none', checkId, { domain })]);
  }
  const target: MxTarget = {
    exchange: domain,
    priority: 0,
    addresses,
    cnameTarget: null,
    usable: addresses.some((address) => addressScope(address) === 'public'),
  };
  return result(domain, 'implicit', [target], null, [
    finding('mx.records.implicit', checkId, { domain, addresses }),
  ]);
}

function result(
  domain: string,
  outcome: MxOutcome,
  targets: readonly MxTarget[],
  providerPresetId: string | null,
  findings: readonly Finding[],
): MxCheckResult {
  return { domain, outcome, targets, providerPresetId, findings };
}

function recordsOf(lookup: DnsResult<string>): readonly string[] {
  return lookup.ok ? lookup.records : [];
}

/** NXDOMAIN and NODATA say the name has no address; anything else says we could not find out. */
function isDefiniteAbsence(code: string): boolean {
  return code === 'NXDOMAIN' || code === 'NODATA' || code === 'BAD_NAME';
}

function lookupText(type: string, lookup: DnsResult<string>): string {
  return lookup.ok ? `${type}: ${lookup.records.join(', ')}.` : `${type}: ${lookup.message}`;
}

/** Lower case, no final dot, control characters removed: names from DNS are hostile input. */
function normalise(name: string): string {
  return plainName(name).toLowerCase().replace(/\.$/, '');
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
