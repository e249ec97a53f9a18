/**
 * The login probe: which AUTH methods a submission port offers before and after TLS, and whether the stored
 * password (or a user-supplied XOAUTH2 token) logs in, explained from the server's own reply.
 *
 * The password is only ever sent over TLS that verified (DESIGN.md, security model), or over a certificate
 * whose SHA-256 fingerprint the user named for this run; the adapter enforces it and this probe says why a
 * login was not attempted. AUTH offered in clear text is found without sending anything (RFC 4954 section 4).
 */
import type { Finding } from '../../../preload/contract/findings';
import { signInProviderOf, type SignInProvider } from '../accounts/sign-in-provider';
import type { AuthLoginId, AuthTarget, LoginEvidence } from '../knowledge/auth-evidence';
import { findingFactory } from '../findings/finding-factory';
import { AUTH_KNOWLEDGE, classifyAuthReply, OAUTH_REQUIRED_IDS } from '../knowledge/auth-knowledge';
import type { ProbeResult, SmtpProbeContext } from '../smtp/probe-context';
import type {
  LoginMechanism,
  LoginResult,
  LoginSecret,
  LoginSecurity,
  SmtpLoginPort,
} from '../smtp/smtp-login';
import type { MissingScope } from '../oauth/mail-scopes';
import { loginRequestFor } from './login-request';
import { resolveHost } from './resolve-host';

const finding = findingFactory(AUTH_KNOWLEDGE);

/** One login is a handful of round trips; a server slower than this is reported, not waited for. */
export const AUTH_PROBE_DEADLINE_MS = 20_000;

/**
 * Microsoft switches password (Basic) SMTP AUTH off by default for existing tenants at the end of
 * December 2026: from this day on, a password it still accepts was turned back on by an administrator.
 */
export const M365_BASIC_AUTH_CUTOFF = new Date('2027-01-01T00:00:00Z');

export interface AuthProbeOptions {
  readonly port: number;
  readonly security: LoginSecurity;
  readonly username: string;
  /** null: no password stored; only the offered mechanisms are checked. */
  readonly secret: LoginSecret | null;
  readonly mechanism?: LoginMechanism;
  /** The user's one-time permission to log in over this exact (unverified) certificate. */
  readonly allowFingerprintSha256?: string;
  /** The account's provider preset, so provider-specific steps can be shown. */
  readonly presetId?: string;
  readonly deadlineMs?: number;
  /**
   * The OAuth sign-in lacks the sending scope: the login must fail, so only the offered mechanisms are
   * read (secret withheld) and the finding names the missing scope instead of "login skipped".
   */
  readonly scopeMissing?: MissingScope;
}

export async function runAuthProbe(
  ctx: SmtpProbeContext,
  login: SmtpLoginPort,
  options: AuthProbeOptions,
): Promise<ProbeResult> {
  const checkId = `auth:${ctx.host}:${String(options.port)}`;
  const started = ctx.clock.now().getTime();
  ctx.onProgress?.({ type: 'check-started', checkId, title: `Login on port ${String(options.port)}` });
  const result = await probe(ctx, login, options, checkId);
  ctx.onProgress?.({
    type: 'check-finished',
    checkId,
    findings: result.findings.length,
    elapsedMs: ctx.clock.now().getTime() - started,
  });
  return result;
}

async function probe(
  ctx: SmtpProbeContext,
  login: SmtpLoginPort,
  options: AuthProbeOptions,
  checkId: string,
): Promise<ProbeResult> {
  const base: AuthTarget = { host: ctx.host, port: options.port, security: options.security };
  const resolved = await resolveHost(ctx.resolver, ctx.host);
  if (resolved.kind === 'failure') {
    return {
      findings: [
        finding('auth.host.unresolved', checkId, {
          ...base,
          reason: resolved.message,
          resolver: ctx.resolver.description,
        }),
      ],
      transcript: [],
    };
  }
  const scopeMissing = options.scopeMissing;
  const request = scopeMissing === undefined ? options : { ...options, secret: null };
  const { result } = await login.login(
    loginRequestFor(ctx, resolved.address, request, options.deadlineMs ?? AUTH_PROBE_DEADLINE_MS),
  );
  const evidence = loginEvidence({ ...base, address: resolved.address }, result, options.presetId);
  if (scopeMissing !== undefined) return withoutScope(result, evidence, checkId, scopeMissing, ctx);
  const findings = judge(result, evidence, checkId, {
    signIn: signInProviderOf(ctx.host, options.presetId),
    now: ctx.clock.now(),
  });
  // A password refused as the wrong kind of sign-in tells nothing about the password: the login could
  // not be tested, and the Login area says why rather than grading it as a failed login.
  const oauthRequired = findings.some((each) => (OAUTH_REQUIRED_IDS as ReadonlySet<string>).has(each.id));
  return {
    findings,
    transcript: result.transcript,
    ...(oauthRequired
      ? { notRun: { kind: 'oauth-required' as const, subject: `${ctx.host}:${String(options.port)}` } }
      : {}),
  };
}

/**
 * The login that was not sent for want of the scope: the clear-text offer is still judged from the EHLO
 * that was read, then the missing scope; the Login area is "not tested", never a failed login.
 */
function withoutScope(
  result: LoginResult,
  evidence: LoginEvidence,
  checkId: string,
  missing: MissingScope,
  ctx: SmtpProbeContext,
): ProbeResult {
  const read = judge(result, evidence, checkId, { signIn: null, now: ctx.clock.now() }).filter(
    (each) => each.id.startsWith('auth.cleartext.') || each.id.startsWith('auth.tls.'),
  );
  const { provider, scope, granted } = missing;
  return {
    findings: [
      ...read,
      finding('auth.login.scope-missing', checkId, { ...evidence, provider, scope, granted }),
    ],
    transcript: result.transcript,
    notRun: { kind: 'scope-missing', subject: `${ctx.host}:${String(evidence.port)}` },
  };
}

/** What the verdict depends on beyond the login itself: whose server it is, and the audit's day. */
export interface JudgeContext {
  readonly signIn: SignInProvider | null;
  readonly now: Date;
}

/** Turns the login's outcome into findings: the clear-text offer first, then the verdict. */
export function judge(
  result: LoginResult,
  evidence: LoginEvidence,
  checkId: string,
  context: JudgeContext,
): Finding[] {
  const findings: Finding[] = [];
  if (result.mechanismsBeforeTls !== null) {
    findings.push(
      finding(
        result.mechanismsBeforeTls.length > 0 ? 'auth.cleartext.offered' : 'auth.cleartext.not-offered',
        checkId,
        evidence,
      ),
    );
  }
  switch (result.outcome) {
    case 'accepted':
      if (result.tls !== null && !result.tls.authorized)
        findings.push(finding('auth.tls.fingerprint-allowed', checkId, evidence));
      findings.push(finding('auth.login.accepted', checkId, evidence));
      if (basicStillAccepted(result, context))
        findings.push(
          finding('auth.login.m365-basic-reenabled', checkId, {
            ...evidence,
            auditDay: context.now.toISOString().slice(0, 10),
          }),
        );
      break;
    case 'withheld':
      findings.push(finding(withheldFinding(result), checkId, evidence));
      break;
    case 'rejected': {
      const reply = result.reply ?? { code: 0, enhancedCode: null, text: '' };
      const classified = classifyAuthReply(reply, result.mechanism, evidence.host, context.signIn);
      findings.push(finding(classified.id, checkId, { ...evidence, provider: classified.provider }));
      break;
    }
    case 'failed':
      findings.push(
        finding(
          result.failure?.kind === 'endless-challenges'
            ? 'auth.login.endless-challenges'
            : 'auth.login.failed',
          checkId,
          evidence,
        ),
      );
      break;
  }
  return findings;
}

/** A password (not an OAuth token) that Microsoft still accepted after its Basic cut-off. */
function basicStillAccepted(result: LoginResult, context: JudgeContext): boolean {
  return (
    context.signIn === 'microsoft' &&
    result.mechanism !== null &&
    result.mechanism !== 'XOAUTH2' &&
    result.mechanism !== 'OAUTHBEARER' &&
    context.now.getTime() >= M365_BASIC_AUTH_CUTOFF.getTime()
  );
}

function withheldFinding(result: LoginResult): AuthLoginId {
  switch (result.withheldReason) {
    case 'no-tls':
      return 'auth.tls.unavailable';
    case 'tls-unverified':
      return 'auth.tls.untrusted';
    case 'no-common-mechanism':
      return 'auth.mechanisms.none';
    case 'inspect-only':
    case null:
      return 'auth.login.skipped';
  }
}

function loginEvidence(
  base: AuthTarget & { readonly address: string },
  result: LoginResult,
  presetId: string | undefined,
): LoginEvidence {
  const list = (values: readonly string[] | null): readonly string[] | null =>
    values === null ? null : [...values];
  return {
    ...base,
    outcome: result.outcome,
    mechanism: result.mechanism,
    reply: result.reply === null ? null : { ...result.reply },
    mechanismsBeforeTls: list(result.mechanismsBeforeTls),
    mechanismsAfterTls: list(result.mechanismsAfterTls),
    startTlsOffered: result.startTlsOffered,
    tlsAuthorized: result.tls?.authorized ?? null,
    authorizationError: result.tls?.authorizationError ?? null,
    fingerprintSha256: result.tls?.fingerprintSha256 ?? null,
    tlsProtocol: result.tls?.protocol ?? null,
    failure: result.failure?.message ?? null,
    failureKind: result.failure?.kind ?? null,
    elapsedMs: result.elapsedMs,
    presetId: presetId ?? null,
  };
}
