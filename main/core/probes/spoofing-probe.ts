/**
 * The sender-spoofing probe: after a successful login, may the account use another mailbox of its own
 * domain, or a foreign domain, as its sender?
 *
 * It logs in through the login port (so the password rules are the same as the login probe's: verified TLS
 * only), keeps that one session, and for each sender sends MAIL FROM, RCPT TO the account itself, then RSET.
 * Never DATA: nothing is ever sent (DESIGN.md, security model). The account's own address goes first, as
 * the control: if even that is refused, the other answers say nothing.
 */
import type { Finding } from '../../../preload/contract/findings';
import { findingFactory } from '../findings/finding-factory';
import type { ReplyEvidence } from '../knowledge/reply-evidence';
import type { SpoofingTarget, SpoofingTrial } from '../knowledge/spoofing-evidence';
import { SPOOFING_KNOWLEDGE } from '../knowledge/spoofing-knowledge';
import type { ProbeResult, SmtpProbeContext } from '../smtp/probe-context';
import type {
  AuthenticatedSession,
  EnvelopeTrial,
  LoginMechanism,
  LoginReply,
  LoginSecret,
  LoginSecurity,
  SmtpLoginPort,
} from '../smtp/smtp-login';
import { loginRequestFor } from './login-request';
import { resolveHost } from './resolve-host';

const finding = findingFactory(SPOOFING_KNOWLEDGE);

const SPOOF_DEADLINE_MS = 20_000;
const COMMAND_TIMEOUT_MS = 10_000;
/** A local part nobody uses, so a same-domain sender never names a real colleague. */
const SAME_DOMAIN_LOCAL_PART = 'mailwarden-sender-test';
/** RFC 2606: example.com belongs to nobody. */
export const FOREIGN_SENDER = 'mailwarden-sender-test@example.com';

export interface SpoofingProbeOptions {
  readonly port: number;
  readonly security: LoginSecurity;
  readonly username: string;
  readonly secret: LoginSecret;
  /** The account's own address: the control sender and the only recipient ever named. */
  readonly accountAddress: string;
  readonly mechanism?: LoginMechanism;
  readonly allowFingerprintSha256?: string;
  readonly deadlineMs?: number;
}

export async function runSpoofingProbe(
  ctx: SmtpProbeContext,
  login: SmtpLoginPort,
  options: SpoofingProbeOptions,
): Promise<ProbeResult> {
  const checkId = `spoofing:${ctx.host}:${String(options.port)}`;
  const base: SpoofingTarget = { host: ctx.host, port: options.port, account: options.accountAddress };
  const resolved = await resolveHost(ctx.resolver, ctx.host);
  if (resolved.kind === 'failure') {
    return {
      findings: [
        finding('spoofing.skipped', checkId, { ...base, reason: `could not start: ${resolved.message}` }),
      ],
      transcript: [],
    };
  }
  const attempt = await login.login(
    loginRequestFor(ctx, resolved.address, options, options.deadlineMs ?? SPOOF_DEADLINE_MS),
    { keepSession: true },
  );
  const session = attempt.session;
  if (session === null) {
    const reason =
      attempt.result.outcome === 'withheld' ? 'was not attempted' : `was ${attempt.result.outcome}`;
    return {
      findings: [finding('spoofing.skipped', checkId, { ...base, reason })],
      transcript: attempt.result.transcript,
    };
  }
  try {
    const findings = await trySenders(session, options.accountAddress, base, checkId);
    return { findings, transcript: session.transcript() };
  } finally {
    await session.close();
  }
}

async function trySenders(
  session: AuthenticatedSession,
  account: string,
  base: SpoofingTarget,
  checkId: string,
): Promise<Finding[]> {
  const domain = account.slice(account.lastIndexOf('@') + 1);
  const control = await session.tryEnvelope(account, account, COMMAND_TIMEOUT_MS);
  if (verdict(control) !== 'accepted') {
    return [
      finding('spoofing.inconclusive', checkId, {
        ...base,
        from: account,
        reason: describe(control),
        ...replies(control),
      }),
    ];
  }
  const findings: Finding[] = [];
  const cases = [
    {
      from: `${SAME_DOMAIN_LOCAL_PART}@${domain}`,
      accepted: 'spoofing.same-domain.accepted',
      refused: 'spoofing.same-domain.refused',
    },
    {
      from: FOREIGN_SENDER,
      accepted: 'spoofing.foreign-domain.accepted',
      refused: 'spoofing.foreign-domain.refused',
    },
  ] as const;
  for (const each of cases) {
    const trial = await session.tryEnvelope(each.from, account, COMMAND_TIMEOUT_MS);
    const evidence: SpoofingTrial = { ...base, from: each.from, ...replies(trial) };
    const outcome = verdict(trial);
    if (outcome === 'unclear')
      findings.push(finding('spoofing.inconclusive', checkId, { ...evidence, reason: describe(trial) }));
    else findings.push(finding(outcome === 'accepted' ? each.accepted : each.refused, checkId, evidence));
  }
  return findings;
}

/** Accepted only when both MAIL and RCPT were (Postfix delays sender checks to RCPT, smtpd_delay_reject). */
function verdict(trial: EnvelopeTrial): 'accepted' | 'refused' | 'unclear' {
  if (trial.failure !== null && trial.mailFrom === null) return 'unclear';
  const codes = [trial.mailFrom, trial.rcptTo]
    .filter((reply): reply is LoginReply => reply !== null)
    .map((reply) => reply.code);
  if (codes.some((code) => code >= 500)) return 'refused';
  if (codes.some((code) => code >= 400) || trial.rcptTo === null) return 'unclear';
  return 'accepted';
}

function describe(trial: EnvelopeTrial): string {
  if (trial.failure !== null) return trial.failure.message;
  const last = trial.rcptTo ?? trial.mailFrom;
  return last === null ? 'no reply' : `"${String(last.code)} ${last.text}"`;
}

function replies(trial: EnvelopeTrial): Pick<SpoofingTrial, 'mailReply' | 'rcptReply'> {
  const reply = (value: LoginReply | null): ReplyEvidence | null =>
    value === null ? null : { code: value.code, enhancedCode: value.enhancedCode, text: value.text };
  return { mailReply: reply(trial.mailFrom), rcptReply: reply(trial.rcptTo) };
}
