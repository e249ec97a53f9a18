/**
 * The login check of the account's incoming server: a real login only over verified TLS (the IMAP
 * adapter or our POP3 client), counts only; its outcome as findings. Without a password (or the OAuth
 * sign-in's access token), or on a clear-text account port, nothing is sent and the finding says why.
 * A refused token is its own finding: its fix is signing in again, not a new password.
 */
import type { MissingScope } from '../oauth/mail-scopes';
import type { IncomingEvidence, IncomingLogin, IncomingLoginSuffix } from '../knowledge/incoming-evidence';
import { resolveHost } from '../probes/resolve-host';
import type { ProbeResult } from '../smtp/probe-context';
import { incomingFinding, type IncomingProbeContext, type IncomingSecurity } from './incoming-context';
import type { IncomingLoginOutcome, IncomingLoginPort, IncomingSecret } from './incoming-login-port';
import { pop3Login } from './pop3-login';

export const INCOMING_LOGIN_DEADLINE_MS = 20_000;

/**
 * Google's IMAP ("NO [ALERT] Application-specific password required: ...") and POP3 ("-ERR [AUTH]
 * Application-specific password required: ...") refusal of an account password. Microsoft's IMAP and
 * POP3 answer a password it no longer takes with the same "AUTHENTICATE failed." / "Logon failure" as a
 * wrong one, so those stay login rejections: only this unambiguous wording is read as "use OAuth".
 */
const APP_PASSWORD_REQUIRED = /application-specific password required/i;

export interface IncomingLoginTarget {
  readonly port: number;
  readonly security: IncomingSecurity;
  readonly username: string;
  /** null: no password stored (and no OAuth sign-in); nothing is sent. */
  readonly secret: IncomingSecret | null;
  /** The OAuth sign-in lacks the scope this protocol needs: nothing is sent, the finding says which. */
  readonly scopeMissing?: MissingScope | null;
  /** What the port's greeting named: the fixes name its settings. */
  readonly software?: string | null;
}

export async function probeIncomingLogin(
  ctx: IncomingProbeContext,
  imapLogin: IncomingLoginPort,
  target: IncomingLoginTarget,
): Promise<ProbeResult> {
  const checkId = `${ctx.protocol}-login:${ctx.host}:${String(target.port)}`;
  const base: IncomingLogin = {
    host: ctx.host,
    port: target.port,
    username: target.username,
    ...(target.software === undefined || target.software === null ? {} : { software: target.software }),
  };
  const one = <S extends IncomingLoginSuffix>(
    suffix: S,
    evidence: Omit<IncomingEvidence[S], keyof IncomingLogin>,
  ): ProbeResult => ({
    // TypeScript cannot follow the spread into an Omit of a generic type: base adds back what Omit left out.
    findings: [
      incomingFinding(ctx.protocol, suffix, checkId, { ...base, ...evidence } as IncomingEvidence[S]),
    ],
    transcript: [],
  });
  if (target.scopeMissing !== undefined && target.scopeMissing !== null) {
    const { provider, scope, granted } = target.scopeMissing;
    return {
      ...one('login.scope-missing', { provider, scope, granted }),
      notRun: { kind: 'scope-missing', subject: `${ctx.host}:${String(target.port)}` },
    };
  }
  if (target.secret === null) return one('login.not-attempted', { reason: 'no password is stored.' });
  if (target.security === 'plain')
    return one('login.not-attempted', {
      reason: 'the account is set up without encryption, and a password is only ever sent over verified TLS.',
    });
  const security = target.security;
  let outcome: IncomingLoginOutcome;
  if (ctx.protocol === 'imap') {
    const resolved = await resolveHost(ctx.resolver, ctx.host);
    if (resolved.kind === 'failure') return one('login.failed', { message: resolved.message });
    outcome = await imapLogin.login({
      host: ctx.host,
      address: resolved.address,
      port: target.port,
      security,
      username: target.username,
      secret: target.secret,
      ...(ctx.extraCaPem === undefined ? {} : { extraCaPem: ctx.extraCaPem }),
      timeoutMs: INCOMING_LOGIN_DEADLINE_MS - 2_000,
      signal: ctx.signal,
    });
  } else {
    outcome = await pop3Login(ctx, {
      port: target.port,
      security,
      username: target.username,
      secret: target.secret,
    });
  }
  switch (outcome.kind) {
    case 'accepted':
      return {
        findings: [
          incomingFinding(ctx.protocol, 'login.accepted', checkId, base),
          incomingFinding(ctx.protocol, 'mailbox.reachable', checkId, {
            ...base,
            messages: outcome.messages,
          }),
        ],
        transcript: [],
      };
    case 'rejected':
      if (target.secret.kind === 'access-token') return one('login.token-rejected', { reply: outcome.reply });
      if (!APP_PASSWORD_REQUIRED.test(outcome.reply)) return one('login.rejected', { reply: outcome.reply });
      // The password is the wrong kind of sign-in, not a wrong password: the login could not be tested.
      return {
        ...one('login.oauth-required', { reply: outcome.reply }),
        notRun: { kind: 'oauth-required', subject: `${ctx.host}:${String(target.port)}` },
      };
    case 'mailbox-unavailable':
      return {
        findings: [
          incomingFinding(ctx.protocol, 'login.accepted', checkId, base),
          incomingFinding(ctx.protocol, 'mailbox.unavailable', checkId, { ...base, reply: outcome.reply }),
        ],
        transcript: [],
      };
    case 'tls-unverified':
      return one('login.not-attempted', { reason: `the TLS did not verify: ${outcome.message}` });
    case 'failure':
      return one('login.failed', { message: outcome.message });
  }
}
