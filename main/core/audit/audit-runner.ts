/**
 * One audit from start to report: plan the checks for the subject, run them, and assemble the report.
 *
 * An account or an ad hoc server gets the server checks (and, with the `dns` area, its domain's checks);
 * a bare domain gets the domain checks. Events stream as checks start and finish.
 */
import {
  AUDIT_AREAS,
  type AuditArea,
  type AuditEvent,
  type AuditReport,
  type AuditTargetDescription,
} from '../../../preload/contract/audit';
import type { SecurityMode } from '../../../preload/contract/accounts';
import { severityRank } from '../../../preload/contract/findings';
import type { DnsWireClient } from '../dns-wire-port';
import type { HttpsFetcher } from '../checks/mta-sts/https-fetcher-port';
import type { Clock, DnsResolver } from '../ports';
import { auditRecipe } from '../evidence/audit-recipe';
import { recordEvidence } from '../evidence/evidence-recorder';
import { resolveHost } from '../probes/resolve-host';
import type { StandardSmtpPorts } from '../probes/smtp-ports';
import type { SmtpConnector, SmtpLimits } from '../smtp/smtp-channel';
import type { MissingScope } from '../oauth/mail-scopes';
import type { LoginSecret, SmtpLoginPort } from '../smtp/smtp-login';
import { assembleReport } from './assemble-report';
import { planDomainChecks } from './domain-checks';
import { runChecks, type AuditCheck } from './run-checks';
import { planServerChecks } from './server-checks';
import {
  planAccountIncomingChecks,
  type AuditIncomingServer,
  type IncomingAuditDeps,
} from './incoming-audit';
import type { StandardIncomingPorts } from '../incoming/incoming-reachability';
import type { IncomingProtocol, LineLimits } from '../incoming/line-channel';

/** The areas of the sending (SMTP submission) server's checks. */
const SMTP_AREAS: ReadonlySet<AuditArea> = new Set(['smtp', 'tls', 'auth', 'relay']);

/** The whole audit must end; a user waiting longer than this has been failed by us, not the server. */
export const OVERALL_AUDIT_DEADLINE_MS = 120_000;

export interface AuditServer {
  readonly host: string;
  readonly port: number;
  readonly security: SecurityMode;
  readonly username: string;
  readonly secret: LoginSecret | null;
  /** The OAuth sign-in lacks the sending scope (then `secret` is null): the login finding names it. */
  readonly scopeMissing?: MissingScope | null;
}

export type AuditSubject =
  | {
      readonly kind: 'account';
      readonly label: string;
      readonly email: string;
      readonly domain: string;
      readonly server: AuditServer;
      readonly dkimSelectors: readonly string[];
      readonly presetId: string | null;
      /** The server the account reads mail from; its checks run in the same audit (areas imap, pop3). */
      readonly incoming?: AuditIncomingServer | null;
    }
  | {
      readonly kind: 'server';
      readonly server: AuditServer;
      /** An ad hoc IMAP or POP3 server (`audit --protocol`): only its checks run, none of SMTP. */
      readonly incoming?: AuditIncomingServer | null;
    }
  | { readonly kind: 'domain'; readonly domain: string; readonly dkimSelectors: readonly string[] };

export interface AuditRunOptions {
  readonly areas?: readonly AuditArea[] | undefined;
  readonly relayTest: boolean;
  readonly allowCertificateFingerprint?: string | undefined;
  readonly extraCaPem?: string | undefined;
  /** Where 25/465/587 really are (tests map them onto loopback ports). */
  readonly ports?: Partial<StandardSmtpPorts>;
  readonly limits?: Partial<SmtpLimits>;
  readonly overallDeadlineMs?: number;
  /** Sender addresses whose SPF verdict the user asked for (--ip). */
  readonly spfSenderIps?: readonly string[];
  /** The user says the domain sends no mail (--parked). */
  readonly parked?: boolean;
  /** Where 143/993 and 110/995 really are (tests map them onto loopback ports). */
  readonly incomingPorts?: Partial<Record<IncomingProtocol, StandardIncomingPorts>>;
  readonly incomingLimits?: Partial<LineLimits>;
}

export interface AuditDeps {
  readonly resolver: DnsResolver;
  readonly wire: DnsWireClient;
  readonly fetcher: HttpsFetcher;
  readonly connector: SmtpConnector;
  readonly login: SmtpLoginPort;
  readonly clock: Clock;
  readonly toolVersion: string;
  /** The IMAP/POP3 line connector and IMAP login; without them an incoming server is reported as not tested. */
  readonly incoming?: IncomingAuditDeps;
}

export async function runAudit(
  subject: AuditSubject,
  options: AuditRunOptions,
  deps: AuditDeps,
  run: {
    readonly runId: string;
    readonly signal: AbortSignal;
    readonly onEvent?: (event: AuditEvent) => void;
  },
): Promise<AuditReport> {
  // Every port's answers are recorded, so `mailwarden reevaluate` can re-judge this report offline.
  const recording = recordEvidence(deps, auditRecipe(subject, options));
  const startedAt = recording.deps.clock.now().toISOString();
  const areas = new Set<AuditArea>(options.areas ?? AUDIT_AREAS);
  const checks = await plan(subject, options, recording.deps, areas);
  const emit = run.onEvent ?? (() => undefined);
  emit({
    runId: run.runId,
    type: 'planned',
    checks: checks.map((c) => ({ checkId: c.checkId, title: c.title })),
  });

  const outcome = await runChecks(checks, {
    signal: run.signal,
    overallDeadlineMs: options.overallDeadlineMs ?? OVERALL_AUDIT_DEADLINE_MS,
    recordedEndings: recording.recordedEndings,
    onEvent: (event) => {
      emit({ runId: run.runId, ...event });
    },
  });
  return assembleReport({
    tool: { name: 'Mailwarden', version: deps.toolVersion },
    target: describe(subject),
    startedAt,
    finishedAt: deps.clock.now().toISOString(),
    cancelled: outcome.cancelled,
    // Worst first, so the report opens with what matters; stable within a severity.
    findings: [...outcome.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity)),
    transcript: outcome.transcript,
    coverage: outcome.coverage,
    evidence: recording.evidence(outcome.endings),
  });
}

async function plan(
  subject: AuditSubject,
  options: AuditRunOptions,
  deps: AuditDeps,
  areas: ReadonlySet<AuditArea>,
): Promise<AuditCheck[]> {
  const domainDeps = {
    resolver: deps.resolver,
    wire: deps.wire,
    fetcher: deps.fetcher,
    clock: deps.clock,
    connector: deps.connector,
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.ports?.smtp === undefined ? {} : { smtpPort: options.ports.smtp }),
  };
  if (subject.kind === 'domain') {
    return areas.has('dns')
      ? planDomainChecks(domainDeps, {
          domain: subject.domain,
          dkimSelectors: subject.dkimSelectors,
          spfSenderIps: options.spfSenderIps ?? [],
          parked: options.parked === true,
        })
      : [];
  }
  const { server } = subject;
  const incoming = subject.incoming ?? null;
  const incomingChecks = incoming === null ? [] : planAccountIncomingChecks(deps, incoming, options, areas);
  if (subject.kind === 'server' && incoming !== null) return incomingChecks;
  const serverChecks = [...areas].some((area) => SMTP_AREAS.has(area))
    ? planServerChecks(
        {
          resolver: deps.resolver,
          connector: deps.connector,
          login: deps.login,
          clock: deps.clock,
          ...(options.limits === undefined ? {} : { limits: options.limits }),
        },
        {
          ...server,
          accountAddress:
            subject.kind === 'account'
              ? subject.email
              : server.username.includes('@')
                ? server.username
                : null,
          presetId: subject.kind === 'account' ? subject.presetId : null,
          areas,
          relayTest: options.relayTest,
          allowCertificateFingerprint: options.allowCertificateFingerprint,
          extraCaPem: options.extraCaPem,
          ...(options.ports === undefined ? {} : { ports: options.ports }),
        },
      )
    : [];
  if (subject.kind !== 'account' || !areas.has('dns')) return [...serverChecks, ...incomingChecks];
  const address = await resolveHost(deps.resolver, server.host);
  const domainChecks = planDomainChecks(domainDeps, {
    domain: subject.domain,
    dkimSelectors: subject.dkimSelectors,
    submission: { host: server.host, addresses: address.kind === 'address' ? [address.address] : [] },
    presetIds: subject.presetId === null ? [] : [subject.presetId],
    spfSenderIps: options.spfSenderIps ?? [],
    parked: options.parked === true,
    tlsCheckIds: serverChecks.filter((check) => check.area === 'tls').map((check) => check.checkId),
  });
  return [...serverChecks, ...domainChecks, ...incomingChecks];
}

function describe(subject: AuditSubject): AuditTargetDescription {
  switch (subject.kind) {
    case 'domain':
      return {
        kind: 'domain',
        label: subject.domain,
        domain: subject.domain,
        host: null,
        port: null,
        security: null,
      };
    case 'server':
      return {
        kind: 'server',
        label: `${subject.server.host}:${String(subject.server.port)}`,
        domain: null,
        host: subject.server.host,
        port: subject.server.port,
        security: subject.server.security,
      };
    case 'account':
      return {
        kind: 'account',
        label: subject.label,
        domain: subject.domain,
        host: subject.server.host,
        port: subject.server.port,
        security: subject.server.security,
      };
  }
}
