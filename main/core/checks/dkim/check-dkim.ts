/**
 * The DKIM check: the account's selectors plus discovery over common ones, each key judged (RFC 6376, 8301, 8463).
 *
 * Keys are found by name only (`<selector>._domainkey.<domain>`, RFC 6376 section 3.6.2.1), so "none found"
 * never means "DKIM missing": the finding names how many selectors were tried and asks for the right one.
 * CNAMEs are followed one hop at a time so the target (and the provider behind it) is shown.
 */
import type { Finding } from '../../../../preload/contract/findings';
import { toAsciiDomain, toAsciiRelativeName } from '../../accounts/domain-name';
import { findingFactory } from '../../findings/finding-factory';
import type { DkimKeyEvidence, DkimSelectorEvidence } from '../../knowledge/dkim-evidence';
import { DKIM_KNOWLEDGE } from '../../knowledge/dkim-knowledge';
import type { DnsResolver } from '../../ports';
import { readDkimKey, RSA_MIN_BITS, RSA_RECOMMENDED_BITS, type DkimKey } from './dkim-key';
import {
  DKIM_CNAME_PROVIDERS,
  providerOfCnameTarget,
  selectorsToTry,
  type CnameProvider,
} from './dkim-selectors';
import { probeSelector, type SelectorProbe } from './dkim-selector-probe';
import { mapWithConcurrency } from './map-with-concurrency';
import { describeTagListProblem, printable } from './tag-list';

/** Lookups in flight at once during discovery. */
const DEFAULT_CONCURRENCY = 8;
/** At most this many selectors are tried, however many the account lists. */
export const MAX_SELECTORS = 100;

const finding = findingFactory(DKIM_KNOWLEDGE);

export interface DkimCheckInput {
  readonly domain: string;
  readonly resolver: DnsResolver;
  /** Selectors the account names; tried first and reported when absent. */
  readonly selectors?: readonly string[];
  /** Skip the common list and try only the account's selectors. */
  readonly discover?: boolean;
  readonly concurrency?: number;
  /** CNAME target suffixes that reveal a provider; defaults to DKIM_CNAME_PROVIDERS. */
  readonly cnameProviders?: readonly CnameProvider[];
}

export type DkimKeyStatus = 'ok' | 'weak' | 'testing' | 'revoked' | 'broken';

export interface DkimKeyFound {
  readonly selector: string;
  readonly name: string;
  /** Where the key really lives when the selector is a CNAME, else null. */
  readonly cnameTarget: string | null;
  /** Provider preset id the CNAME target belongs to, if known. */
  readonly provider: string | null;
  readonly keyType: string;
  readonly bits: number | null;
  readonly status: DkimKeyStatus;
}

export interface DkimResult {
  readonly domain: string;
  readonly selectorsTried: number;
  readonly keys: readonly DkimKeyFound[];
  /** True when at least one key is usable for signing (not revoked, not broken). */
  readonly hasUsableKey: boolean;
}

export interface DkimCheckOutput {
  readonly findings: readonly Finding[];
  readonly result: DkimResult;
}

/** Runs the DKIM check for one domain. */
export async function checkDkim(input: DkimCheckInput): Promise<DkimCheckOutput> {
  const ascii = toAsciiDomain(input.domain);
  const checkId = `dkim:${ascii.ok ? ascii.value : printable(input.domain, 80)}`;
  if (!ascii.ok) {
    return {
      findings: [
        finding('dkim.domain.invalid', checkId, {
          domain: printable(input.domain, 80),
          reason: ascii.reason,
        }),
      ],
      result: { domain: input.domain, selectorsTried: 0, keys: [], hasUsableKey: false },
    };
  }
  const domain = ascii.value;
  const findings: Finding[] = [];
  const accountSelectors: string[] = [];
  for (const raw of input.selectors ?? []) {
    const name = toAsciiRelativeName(raw, { allowUnderscore: true });
    if (name.ok) accountSelectors.push(name.value);
    else
      findings.push(
        finding('dkim.selector.invalid', checkId, { selector: printable(raw, 80), reason: name.reason }),
      );
  }
  const selectors = (
    input.discover === false ? [...new Set(accountSelectors)] : selectorsToTry(accountSelectors)
  ).slice(0, MAX_SELECTORS);
  const probes = await mapWithConcurrency(selectors, input.concurrency ?? DEFAULT_CONCURRENCY, (selector) =>
    probeSelector(input.resolver, selector, domain),
  );

  const providers = input.cnameProviders ?? DKIM_CNAME_PROVIDERS;
  const keys: DkimKeyFound[] = [];
  for (const probe of probes) {
    if (probe.kind === 'found') {
      const provider = probe.target === null ? null : providerOfCnameTarget(probe.target, providers);
      const judged = judgeKey(probe, provider, checkId);
      findings.push(...judged.findings);
      keys.push(judged.key);
    } else if (probe.kind === 'broken-cname') {
      findings.push(
        finding('dkim.cname.broken', checkId, {
          selector: probe.selector,
          name: probe.name,
          target: probe.target,
          provider: providerOfCnameTarget(probe.target, providers),
          reason: probe.reason,
        }),
      );
    }
  }

  for (const selector of accountSelectors) {
    const probe = probes.find((p) => p.selector === selector);
    if (probe?.kind === 'absent') {
      findings.push(
        finding('dkim.selector.not-found', checkId, { selector, name: `${selector}._domainkey.${domain}` }),
      );
    }
  }
  const failed = probes.filter((p) => p.kind === 'failed');
  if (failed.length > 0) {
    findings.push(
      finding('dkim.lookup.failed', checkId, {
        failedCount: failed.length,
        failures: failed.map((p) => ({ name: p.name, reason: p.reason })),
        resolver: input.resolver.description,
      }),
    );
  }
  const hasUsableKey = keys.some(
    (key) => key.status === 'ok' || key.status === 'weak' || key.status === 'testing',
  );
  // RFC 6376 section 3.6.1: an empty p= revokes the key. Routine after a rotation when another key
  // signs; when no usable key is left, the domain's mail cannot pass DKIM at all.
  const judged = hasUsableKey
    ? findings
    : findings.map((found) =>
        found.id === 'dkim.key.revoked'
          ? // judgeKey made this finding from DkimKeyEvidence; only its id changes here.
            finding('dkim.key.revoked-only', checkId, found.evidence as DkimKeyEvidence)
          : found,
      );
  findings.splice(0, findings.length, ...judged);
  const anyPublished = probes.some((p) => p.kind === 'found' || p.kind === 'broken-cname');
  if (!anyPublished) {
    findings.push(
      finding('dkim.discovery.none-found', checkId, {
        domain,
        selectorsTried: selectors.length,
        selectors: [...selectors],
        failedLookups: failed.length,
      }),
    );
  }
  return {
    findings,
    result: {
      domain,
      selectorsTried: selectors.length,
      keys,
      hasUsableKey,
    },
  };
}

/** Findings for one published selector, and its summary for the scorecard. */
function judgeKey(
  probe: Extract<SelectorProbe, { kind: 'found' }>,
  provider: string | null,
  checkId: string,
): { findings: Finding[]; key: DkimKeyFound } {
  const base: DkimSelectorEvidence = {
    selector: probe.selector,
    name: probe.name,
    cnameTarget: probe.target,
    provider,
    record: printable(probe.records[0] ?? ''),
  };
  const summary = (key: DkimKey | null, status: DkimKeyStatus): DkimKeyFound => ({
    selector: probe.selector,
    name: probe.name,
    cnameTarget: probe.target,
    provider,
    keyType: key?.keyType ?? 'unknown',
    bits: key?.bits ?? null,
    status,
  });
  if (probe.records.length > 1) {
    const records = probe.records.map((record) => printable(record));
    return {
      findings: [
        finding('dkim.key.multiple-records', checkId, {
          ...base,
          recordCount: probe.records.length,
          records,
        }),
      ],
      key: summary(null, 'broken'),
    };
  }
  const key = readDkimKey(probe.records[0] ?? '');
  const evidence: DkimKeyEvidence = {
    ...base,
    keyType: key.keyType,
    declaredType: printable(key.declaredType, 32),
    bits: key.bits,
    testing: key.testing,
  };
  const findings: Finding[] = [];
  for (const problem of key.problems) {
    switch (problem) {
      case 'syntax':
        findings.push(
          finding('dkim.key.syntax', checkId, {
            ...evidence,
            problems: key.syntaxProblems.map(describeTagListProblem),
          }),
        );
        break;
      case 'empty-entries':
        findings.push(
          finding('dkim.key.empty-entries', checkId, {
            ...evidence,
            problems: key.syntaxProblems.map(describeTagListProblem),
          }),
        );
        break;
      case 'bad-version':
        findings.push(finding('dkim.key.bad-version', checkId, evidence));
        break;
      case 'no-public-key':
        findings.push(finding('dkim.key.no-public-key', checkId, evidence));
        break;
      case 'unknown-key-type':
        findings.push(finding('dkim.key.unknown-type', checkId, evidence));
        break;
      case 'bad-base64':
        findings.push(finding('dkim.key.bad-base64', checkId, evidence));
        break;
      case 'unreadable-key':
        findings.push(finding('dkim.key.unreadable', checkId, evidence));
        break;
      case 'key-type-mismatch':
        findings.push(finding('dkim.key.type-mismatch', checkId, evidence));
        break;
      case 'sha1-only':
        findings.push(finding('dkim.key.sha1-only', checkId, { ...evidence, hashes: [...key.hashes] }));
        break;
      case 'pkcs1-key':
        findings.push(finding('dkim.key.pkcs1', checkId, evidence));
        break;
    }
  }
  // Empty entries and a PKCS#1 key are reported but do not stop verifiers from using the key.
  const blocking = key.problems.filter((problem) => problem !== 'empty-entries' && problem !== 'pkcs1-key');
  if (key.revoked) {
    findings.push(finding('dkim.key.revoked', checkId, evidence));
    return { findings, key: summary(key, blocking.length > 0 ? 'broken' : 'revoked') };
  }
  if (key.bits !== null && key.keyType === 'rsa') {
    if (key.bits < RSA_MIN_BITS) findings.push(finding('dkim.key.rsa-too-short', checkId, evidence));
    else if (key.bits < RSA_RECOMMENDED_BITS) findings.push(finding('dkim.key.rsa-weak', checkId, evidence));
  }
  if (key.testing) findings.push(finding('dkim.key.testing', checkId, evidence));
  const broken = blocking.length > 0 || (key.bits !== null && key.bits < RSA_MIN_BITS);
  const weak = key.bits !== null && key.bits < RSA_RECOMMENDED_BITS;
  // A PKCS#1 key is readable and valid (its own low note says the rest); other notes withhold the pass.
  const clean = key.problems.every((problem) => problem === 'pkcs1-key');
  if (clean && !broken && !weak && !key.testing) findings.push(finding('dkim.key.ok', checkId, evidence));
  const status: DkimKeyStatus = broken ? 'broken' : weak ? 'weak' : key.testing ? 'testing' : 'ok';
  return { findings, key: summary(key, status) };
}
