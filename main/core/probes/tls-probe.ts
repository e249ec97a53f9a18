/**
 * The TLS probe of one SMTP port: which TLS versions the server accepts, and what the best handshake shows
 * (certificate, name, dates, key, signature, cipher); with suite enumeration, also the weaker suite classes
 * (tls-suite-probe.ts) and TLS compression (tls-compression-probe.ts).
 *
 * Each of TLS 1.0, 1.1, 1.2 and 1.3 is tried on its own connection (minimum = maximum = that version), all
 * four in parallel and each under its own deadline, so a full probe costs about one handshake of wall time.
 * The highest version that worked is the "default" handshake whose certificate and cipher are judged. A
 * server that completes no ordinary handshake but accepts a NULL or anonymous suite (found by the suite
 * probe) is judged on that handshake instead: it is the TLS an MTA falling back to those suites gets.
 * Ports 587 and 25 use STARTTLS (RFC 3207); port 465 is TLS from the first byte (RFC 8314 section 3.3).
 * The same probe runs on IMAP and POP3 ports (probeTlsVia with their TlsEntry), so every TLS check the
 * SMTP side has applies there unchanged.
 */
import type { Finding } from '../../../preload/contract/findings';
import type { ProbeResult, SmtpProbeContext } from '../smtp/probe-context';
import type { SmtpTarget, TlsSessionFacts, TranscriptEntry } from '../smtp/smtp-channel';
import { analyseCertificate } from '../tls/certificate-analysis';
import { analyseCipher } from '../tls/cipher-analysis';
import {
  analyseProtocolSupport,
  TLS_VERSIONS,
  versionLabel,
  type VersionSupport,
} from '../tls/protocol-support';
import { subjectEvidence, tlsFinding, type TlsSubject } from '../tls/tls-finding';
import { resolveHost } from './resolve-host';
import { smtpTlsEntry } from './smtp-tls-entry';
import { probeSuites } from './tls-suite-probe';
import {
  closePolitely,
  outcomeReason,
  tryVersion,
  type Attempt,
  type AttemptOutcome,
  type TlsProbeContext,
  type TlsProbeSecurity,
  type TlsTimeouts,
} from './tls-version-attempt';

export type { TlsProbeSecurity } from './tls-version-attempt';

export interface TlsProbeTarget {
  readonly port: number;
  /** Default: implicit TLS on 465, STARTTLS elsewhere. */
  readonly security?: TlsProbeSecurity;
  /** Enumerate cipher-suite classes, DH/curve sizes, server order and the no-SNI certificate (default true). */
  readonly suites?: boolean;
  /** The check's id, which its findings carry; default `tls:<host>:<port>`. */
  readonly checkId?: string;
}

/** Suite findings that mean "accepts something weaker than what it negotiated". */
const WEAK_SUITE_IDS: ReadonlySet<string> = new Set([
  'tls.suites.null',
  'tls.suites.anonymous',
  'tls.suites.static-rsa',
  'tls.suites.cbc',
  'tls.dh.weak',
  'tls.dh.broken',
  'tls.curve.weak',
]);
/** OpenSSL 3's words when a server lacks RFC 5746 secure renegotiation. */
const INSECURE_RENEGOTIATION = /unsafe legacy renegotiation/i;

/** RFC 8314 section 3.3: port 465 is submission over implicit TLS. */
const IMPLICIT_TLS_PORT = 465;
const MS_PER_SECOND = 1_000;

export function defaultTlsSecurity(port: number): TlsProbeSecurity {
  return port === IMPLICIT_TLS_PORT ? 'implicit-tls' : 'starttls';
}

/** The TLS probe of SMTP port `target.port` on ctx.host; never throws, never outlives its deadlines. */
export function probeTls(ctx: SmtpProbeContext, target: TlsProbeTarget): Promise<ProbeResult> {
  const { connector, limits, ...rest } = ctx;
  return probeTlsVia({ ...rest, entry: smtpTlsEntry(connector, limits) }, target);
}

/** The TLS probe through any protocol's way to the handshake (SMTP, IMAP, POP3). */
export async function probeTlsVia(ctx: TlsProbeContext, target: TlsProbeTarget): Promise<ProbeResult> {
  const enumerateSuites = target.suites ?? true;
  const security = target.security ?? defaultTlsSecurity(target.port);
  const subject: TlsSubject = {
    checkId: target.checkId ?? `tls:${ctx.host}:${String(target.port)}`,
    host: ctx.host,
    port: target.port,
  };
  const startedMs = ctx.clock.now().getTime();
  ctx.onProgress?.({
    type: 'check-started',
    checkId: subject.checkId,
    title: `TLS on ${ctx.host} port ${String(target.port)}`,
  });
  const { findings, transcript } = await runProbe(ctx, subject, security, enumerateSuites);
  ctx.onProgress?.({
    type: 'check-finished',
    checkId: subject.checkId,
    findings: findings.length,
    elapsedMs: ctx.clock.now().getTime() - startedMs,
  });
  return { findings, transcript };
}

async function runProbe(
  ctx: TlsProbeContext,
  subject: TlsSubject,
  security: TlsProbeSecurity,
  enumerateSuites: boolean,
): Promise<ProbeResult> {
  const base = subjectEvidence(subject);
  const resolved = await resolveHost(ctx.resolver, ctx.host);
  if (resolved.kind === 'failure') {
    const finding = tlsFinding('tls.host.unresolved', subject.checkId, {
      ...base,
      resolver: ctx.resolver.description,
      reasonCode: resolved.code,
      reason: resolved.message,
    });
    return { findings: [finding], transcript: [] };
  }
  const smtpTarget: SmtpTarget = { host: ctx.host, address: resolved.address, port: subject.port };
  // The suite classes run beside the versions, so the extra cost is about one more handshake of time.
  const versions = Promise.all(TLS_VERSIONS.map((version) => tryVersion(ctx, smtpTarget, security, version)));
  // The best handshake's session (with SNI) is what the no-SNI certificate is compared with.
  const bestSession = versions.then((all) => {
    const best = [...all].reverse().find((attempt) => attempt.outcome.kind === 'tls');
    return best?.outcome.kind === 'tls' ? best.outcome.session : null;
  });
  const [attempts, suites, compression] = await Promise.all([
    versions,
    enumerateSuites ? probeSuites(ctx, subject, smtpTarget, security, bestSession) : Promise.resolve(null),
    // A hand-built hello of its own: the only way to offer compression (CRIME), beside the others.
    enumerateSuites && ctx.entry.probeCompression !== undefined
      ? ctx.entry.probeCompression(ctx.host, subject, smtpTarget, security, ctx.signal)
      : Promise.resolve(null),
  ]);
  try {
    // Cancelled before any handshake worked: nothing is known, and the caller reports the cancellation.
    const versionWorked = attempts.some((attempt) => attempt.outcome.kind === 'tls');
    const cancelled = ctx.signal.aborted && !versionWorked;
    // No ordinary handshake, but a NULL or anonymous one: that session is how TLS with this server goes.
    const unoffered = versionWorked || cancelled ? null : (suites?.unofferedSession ?? null);
    const tlsWorked = versionWorked || unoffered !== null;
    const versionFindings = cancelled
      ? []
      : unoffered !== null
        ? judgeSession(unoffered, subject, ctx.clock.now())
        : judgeAttempts(attempts, subject, ctx.clock.now(), ctx.entry.limits);
    const suiteFindings = tlsWorked ? (suites?.findings ?? []) : [];
    const weakAccepted = suiteFindings.some((finding) => WEAK_SUITE_IDS.has(finding.id));
    return {
      findings: [
        // The negotiated suite is strong, but not the only one accepted: "strong" alone would mislead.
        ...versionFindings.filter((finding) => !(weakAccepted && finding.id === 'tls.cipher.strong')),
        ...suiteFindings,
        // Read from the server's own hello, so it stands even when no real handshake worked.
        ...(cancelled ? [] : (compression?.findings ?? [])),
      ],
      transcript: [
        ...transcriptOf(attempts, ctx),
        ...(suites?.transcript ?? []),
        ...(compression?.transcript ?? []),
      ],
    };
  } finally {
    await Promise.all(attempts.map((attempt) => closePolitely(attempt.channel)));
  }
}

// ---------------------------------------------------------------------------------------------------
// From four attempts to findings

function judgeAttempts(
  attempts: readonly Attempt[],
  subject: TlsSubject,
  now: Date,
  limits: TlsTimeouts,
): Finding[] {
  const base = subjectEvidence(subject);
  const notOffered = firstOutcome(attempts, 'starttls-not-offered');
  if (notOffered !== undefined) {
    return [
      tlsFinding('tls.starttls.not-offered', subject.checkId, {
        ...base,
        ehloKeywords: [...notOffered.capabilities],
      }),
    ];
  }
  const refused = firstOutcome(attempts, 'starttls-refused');
  if (refused !== undefined) {
    return [
      tlsFinding('tls.starttls.refused', subject.checkId, {
        ...base,
        replyCode: refused.replyCode,
        enhancedCode: refused.enhancedCode,
        replyText: refused.replyText,
      }),
    ];
  }

  const support = attempts.map(versionSupport);
  const attemptsEvidence = support.map((entry) => ({
    version: entry.version,
    verdict: entry.verdict,
    reason: entry.reason,
    elapsedMs: entry.elapsedMs,
  }));
  const best = [...attempts].reverse().find((attempt) => attempt.outcome.kind === 'tls');
  const renegotiation = attempts
    .map((attempt) => outcomeReason(attempt.outcome))
    .find((reason) => reason !== null && INSECURE_RENEGOTIATION.test(reason));
  if (renegotiation !== undefined && renegotiation !== null) {
    // RFC 5746: OpenSSL 3 refuses such servers outright, so this explains the failures below.
    const finding = tlsFinding('tls.renegotiation.insecure', subject.checkId, {
      ...base,
      reason: renegotiation,
    });
    if (best?.outcome.kind !== 'tls') return [finding];
  }
  if (best?.outcome.kind !== 'tls') {
    const tried = attempts.filter(
      (attempt) =>
        attempt.outcome.kind === 'handshake-failed' || attempt.outcome.kind === 'handshake-timeout',
    );
    if (tried.length === 0) {
      const reason = attempts.map((attempt) => outcomeReason(attempt.outcome)).find((text) => text !== null);
      return [
        tlsFinding('tls.connect.failed', subject.checkId, {
          ...base,
          reason: reason ?? 'The connection failed.',
          attempts: attemptsEvidence,
        }),
      ];
    }
    if (tried.every((attempt) => attempt.outcome.kind === 'handshake-timeout')) {
      return [
        tlsFinding('tls.handshake.timeout', subject.checkId, {
          ...base,
          deadlineSeconds: limits.tlsHandshakeTimeoutMs / MS_PER_SECOND,
          attempts: attemptsEvidence,
        }),
      ];
    }
    const rejected = [...tried].reverse().find((attempt) => attempt.outcome.kind === 'handshake-failed');
    return [
      tlsFinding('tls.handshake.failed', subject.checkId, {
        ...base,
        reason: (rejected === undefined ? null : outcomeReason(rejected.outcome)) ?? 'unknown',
        attempts: attemptsEvidence,
      }),
    ];
  }

  const protocolFindings = analyseProtocolSupport(support, subject).map((finding) => ({
    ...finding,
    evidence: { ...finding.evidence, attempts: attemptsEvidence },
  }));
  return [...protocolFindings, ...judgeSession(best.outcome.session, subject, now)];
}

/** The cipher and certificate of the handshake that stands for TLS with this server. */
function judgeSession(session: TlsSessionFacts, subject: TlsSubject, now: Date): Finding[] {
  return [...analyseCipher(session, subject), ...analyseCertificate(session, subject, now)];
}

function firstOutcome<K extends AttemptOutcome['kind']>(
  attempts: readonly Attempt[],
  kind: K,
): Extract<AttemptOutcome, { kind: K }> | undefined {
  for (const attempt of attempts) {
    if (attempt.outcome.kind === kind) return attempt.outcome as Extract<AttemptOutcome, { kind: K }>;
  }
  return undefined;
}

function versionSupport(attempt: Attempt): VersionSupport {
  const { version, outcome, elapsedMs } = attempt;
  switch (outcome.kind) {
    case 'tls':
      return { version, verdict: 'accepted', reason: null, elapsedMs };
    case 'handshake-failed':
      return { version, verdict: 'rejected', reason: outcome.failure.message, elapsedMs };
    default:
      return { version, verdict: 'unknown', reason: outcomeReason(outcome), elapsedMs };
  }
}

/**
 * The transcript of the connection whose handshake was judged (or of the first that got anywhere), after
 * one event line per version attempt, so the report shows all four without interleaving their dialogues.
 */
function transcriptOf(attempts: readonly Attempt[], ctx: TlsProbeContext): TranscriptEntry[] {
  const at = ctx.clock.now().toISOString();
  const summary: TranscriptEntry[] = attempts.map((attempt) => ({
    at,
    elapsedMs: attempt.elapsedMs,
    direction: 'event',
    text: `${versionLabel(attempt.version)} on its own connection: ${
      attempt.outcome.kind === 'tls' ? 'accepted.' : (outcomeReason(attempt.outcome) ?? 'no result.')
    }`,
  }));
  const shown =
    [...attempts].reverse().find((attempt) => attempt.outcome.kind === 'tls') ??
    attempts.find((attempt) => attempt.channel !== null);
  return [...summary, ...(shown?.channel?.transcript ?? [])];
}
