/**
 * The checks of a domain audit and how their results feed each other.
 *
 * MX, SPF, DKIM, DMARC, MTA-STS and TLS-RPT run concurrently; BIMI waits for DMARC, reverse DNS and
 * DANE wait for MX (they need its hosts and addresses), and the bulk-sender scorecard waits for all of
 * them. Structured results pass between checks through this plan's own state, never through findings.
 */
import type { Finding } from '../../../preload/contract/findings';
import type { NotRun } from '../coverage/blockers';
import { buildBulkSenderScorecard } from '../checks/bulk-sender/build-bulk-sender-scorecard';
import type { ScorecardInputs } from '../checks/bulk-sender/scorecard-inputs';
import { checkBimi } from '../checks/bimi/check-bimi';
import { checkDane } from '../checks/dane/check-dane';
import { checkDkim, type DkimResult } from '../checks/dkim/check-dkim';
import { checkDmarc, type DmarcResult } from '../checks/dmarc/check-dmarc';
import { checkMtaSts } from '../checks/mta-sts/check-mta-sts';
import type { HttpsFetcher } from '../checks/mta-sts/https-fetcher-port';
import { checkMx, type MxCheckResult } from '../checks/mx/check-mx';
import { checkParked, parkedReason, type ParkedReason } from '../checks/parked/check-parked';
import {
  checkReverseDns,
  reverseDnsTargets,
  type ReverseDnsResult,
} from '../checks/reverse-dns/check-reverse-dns';
import { checkSpf, type SpfCheckResult } from '../checks/spf/check-spf';
import { checkTlsRpt } from '../checks/tls-rpt/check-tls-rpt';
import type { DnsWireClient } from '../dns-wire-port';
import type { Clock, DnsResolver } from '../ports';
import type { SmtpConnector, SmtpLimits } from '../smtp/smtp-channel';
import { fetchMxCertificates } from './mx-certificates';
import type { ProbeResult } from '../smtp/probe-context';
import type { AuditCheck } from './run-checks';

/** DNS checks are quick; these leave room for a slow resolver's retries. */
const DNS_CHECK_DEADLINE_MS = 20_000;
const MTA_STS_DEADLINE_MS = 25_000;
/** RFC 5321: mail between servers goes to port 25; DANE for SMTP is about that port (RFC 7672). */
const SMTP_PORT = 25;

export interface DomainCheckDeps {
  readonly resolver: DnsResolver;
  readonly wire: DnsWireClient;
  readonly fetcher: HttpsFetcher;
  readonly clock: Clock;
  /** For DANE: the certificate each MX with TLSA records presents on port 25. */
  readonly connector: SmtpConnector;
  readonly limits?: Partial<SmtpLimits>;
  /** Where port 25 really is (tests map it onto a loopback port). */
  readonly smtpPort?: number;
}

export interface DomainCheckOptions {
  /** ASCII (punycode) domain. */
  readonly domain: string;
  /** The account's DKIM selectors, tried first. */
  readonly dkimSelectors?: readonly string[];
  /** The submission server's addresses, for SPF evaluation and reverse DNS. */
  readonly submission?: { readonly host: string; readonly addresses: readonly string[] } | null;
  /** Addresses the user asked about (--ip): each gets its own SPF verdict. */
  readonly spfSenderIps?: readonly string[];
  /** Provider presets the domain sends through (the account's preset), for SPF include advice. */
  readonly presetIds?: readonly string[];
  /**
   * The server audit's TLS checks, when it runs alongside: the scorecard waits for them and reads
   * whether TLS worked on the submission server. Without them the scorecard says it cannot tell.
   */
  readonly tlsCheckIds?: readonly string[];
  /** The user says the domain sends no mail (--parked); a Null MX or "-all" without MX says so too. */
  readonly parked?: boolean;
}

interface DomainState {
  mx?: MxCheckResult;
  spf?: SpfCheckResult;
  dkim?: DkimResult;
  dmarc?: DmarcResult;
  reverseDns?: ReverseDnsResult;
}

const result = (findings: readonly Finding[]): ProbeResult => ({ findings, transcript: [] });

/** The resolver gave no answer at all: every DNS check would only report that, as a fault of the domain. */
const RESOLVER_DOWN_CODES: ReadonlySet<string> = new Set(['TIMEOUT', 'UNREACHABLE']);

/**
 * The prerequisite of every DNS check: does the resolver answer at all? One lookup of the domain's MX
 * (which the MX check makes anyway, so a working resolver costs nothing extra in practice).
 */
export function resolverCheckId(domain: string): string {
  return `dns-resolver:${domain}`;
}

export function planDomainChecks(deps: DomainCheckDeps, options: DomainCheckOptions): AuditCheck[] {
  const { resolver } = deps;
  const { domain } = options;
  const state: DomainState = {};
  let resolverDown: NotRun | null = null;
  const prerequisite = resolverCheckId(domain);
  const check = (
    id: string,
    title: string,
    run: AuditCheck['run'],
    extra: Partial<AuditCheck> = {},
  ): AuditCheck => ({
    checkId: `${id}:${domain}`,
    area: 'dns',
    title,
    deadlineMs: DNS_CHECK_DEADLINE_MS,
    ...extra,
    after: [prerequisite, ...(extra.after ?? [])],
    run: (signal, results) =>
      resolverDown === null
        ? run(signal, results)
        : Promise.resolve({ findings: [], transcript: [], notRun: resolverDown }),
  });
  const after = (...ids: string[]) => ids.map((id) => `${id}:${domain}`);
  const parked = (): ParkedReason | null =>
    parkedReason(state.mx, state.spf?.record ?? null, options.parked === true);

  return [
    {
      checkId: prerequisite,
      area: 'dns',
      title: `Reaching the DNS server (${resolver.description})`,
      deadlineMs: DNS_CHECK_DEADLINE_MS,
      run: async () => {
        const answer = await resolver.resolveMx(domain);
        if (answer.ok || !RESOLVER_DOWN_CODES.has(answer.code)) return result([]);
        resolverDown = { kind: 'dns-unreachable', subject: resolver.description };
        return { findings: [], transcript: [], blocks: resolverDown };
      },
    },
    check('mx', 'MX records', async () => {
      state.mx = await checkMx({ domain, resolver });
      return result(state.mx.findings);
    }),
    check('spf', 'SPF record', async () => {
      state.spf = await checkSpf({
        domain,
        resolver,
        evaluateIps: options.submission?.addresses ?? [],
        senderIps: options.spfSenderIps ?? [],
        presetIds: options.presetIds ?? [],
      });
      return result(state.spf.findings);
    }),
    check(
      'dkim',
      'DKIM keys',
      async () => {
        const output = await checkDkim({ domain, resolver, selectors: options.dkimSelectors ?? [] });
        state.dkim = output.result;
        // A parked domain signs nothing: not finding a key is no problem (its keys are still judged).
        const isParked = parked() !== null;
        return result(output.findings.filter((f) => !(isParked && f.id === 'dkim.discovery.none-found')));
      },
      { after: after('mx', 'spf') },
    ),
    check(
      'parked',
      'Parked domain (no mail sent)',
      () => {
        const reason = parked();
        if (reason === null) return Promise.resolve(result([]));
        return Promise.resolve(
          result(
            checkParked({
              domain,
              reason,
              mx: state.mx,
              spfRecord: state.spf?.record ?? null,
              dmarc: state.dmarc,
            }),
          ),
        );
      },
      { after: after('mx', 'spf', 'dmarc') },
    ),
    check('dmarc', 'DMARC policy', async () => {
      const output = await checkDmarc({ domain, resolver });
      state.dmarc = output.result;
      return result(output.findings);
    }),
    check(
      'mta-sts',
      'MTA-STS policy',
      async () =>
        result((await checkMtaSts({ domain, resolver, fetcher: deps.fetcher, clock: deps.clock })).findings),
      { deadlineMs: MTA_STS_DEADLINE_MS },
    ),
    check('tls-rpt', 'TLS reporting (TLS-RPT)', async () =>
      result((await checkTlsRpt({ domain, resolver })).findings),
    ),
    check(
      'bimi',
      'BIMI brand logo',
      async () => {
        if (state.dmarc === undefined) return result([]);
        return result((await checkBimi({ domain, resolver, dmarc: state.dmarc })).findings);
      },
      { after: after('dmarc') },
    ),
    check(
      'reverse-dns',
      'Reverse DNS',
      async () => {
        const targets = reverseDnsTargets(state.mx?.targets ?? [], options.submission ?? null);
        state.reverseDns = await checkReverseDns({ resolver, targets });
        return result(state.reverseDns.findings);
      },
      { after: after('mx') },
    ),
    check(
      'dane',
      'DANE (TLSA with DNSSEC)',
      async (signal) => {
        const mxHosts = (state.mx?.targets ?? []).map((target) => target.exchange);
        const certificates = await fetchMxCertificates(
          {
            resolver,
            wire: deps.wire,
            connector: deps.connector,
            limits: deps.limits ?? {},
            signal,
            port: deps.smtpPort ?? SMTP_PORT,
          },
          mxHosts,
        );
        const output = await checkDane({ domain, mxHosts, wire: deps.wire, certificates });
        return result(output.findings);
      },
      { after: after('mx') },
    ),
    check(
      'bulk-sender',
      'Bulk-sender rules (Google, Yahoo, Microsoft)',
      (_signal, results) =>
        Promise.resolve(
          result(
            // A parked domain sends nothing: the parked check says what it needs instead.
            parked() !== null
              ? []
              : buildBulkSenderScorecard(
                  scorecardInputs(
                    domain,
                    state,
                    tlsSeen(options.tlsCheckIds ?? [], results),
                    (options.dkimSelectors ?? []).length > 0,
                  ),
                ).findings,
          ),
        ),
      {
        after: [...after('mx', 'spf', 'dkim', 'dmarc', 'reverse-dns'), ...(options.tlsCheckIds ?? [])],
      },
    ),
  ];
}

/** Maps the checks' own results onto what the scorecard needs; null means "did not run or could not tell". */
/** TLS counts as seen when a TLS probe found a modern protocol working (RFC 8996: TLS 1.2 or 1.3). */
function tlsSeen(
  checkIds: readonly string[],
  results: ReadonlyMap<string, ProbeResult>,
): { readonly seen: boolean | null; readonly where: string | null } {
  const ran = checkIds.filter((id) => results.has(id));
  if (ran.length === 0) return { seen: null, where: null };
  const working = ran.find(
    (id) => results.get(id)?.findings.some((f) => f.id === 'tls.protocol.modern') === true,
  );
  return working === undefined
    ? { seen: false, where: null }
    : { seen: true, where: working.replace(/^tls:/, '') };
}

function scorecardInputs(
  domain: string,
  state: DomainState,
  tls: { readonly seen: boolean | null; readonly where: string | null },
  selectorsFromUser: boolean,
): ScorecardInputs {
  const { spf, dkim, dmarc, reverseDns } = state;
  const evaluation = spf?.evaluation[0];
  return {
    domain,
    spf:
      spf === undefined
        ? { recordPresent: null, valid: null }
        : {
            recordPresent: spf.record !== null,
            valid:
              spf.record === null
                ? null
                : !spf.evaluation.some((e) => e.result === 'permerror') && spf.lookupCount <= 10,
            record: spf.record,
            sendingIpResult:
              evaluation === undefined ? null : { ip: evaluation.ip, result: evaluation.result },
          },
    dkim: {
      keysFound: (dkim?.keys ?? []).map((key) => ({
        selector: key.selector,
        // RFC 8301 section 3.2: 1024 to 2047 bits is weaker than recommended but verifies: it is DKIM.
        usable: key.status === 'ok' || key.status === 'weak' || key.status === 'testing',
      })),
      selectorsTried: dkim?.selectorsTried ?? 0,
      selectorsFromUser,
    },
    dmarc:
      dmarc === undefined || dmarc.status === 'failed'
        ? { recordPresent: null, policy: null }
        : {
            recordPresent: dmarc.status === 'found' && dmarc.valid,
            policy: dmarc.appliedPolicy,
            record: dmarc.record,
          },
    reverseDns: (reverseDns?.entries ?? []).map((entry) => ({
      address: entry.address,
      role: entry.role,
      status: entry.status,
    })),
    tls,
  };
}
