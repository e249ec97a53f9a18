/** The one way the probes build a login request, so the login and spoofing probes cannot drift apart. */
import type { SmtpProbeContext } from '../smtp/probe-context';
import type { LoginMechanism, LoginRequest, LoginSecret, LoginSecurity } from '../smtp/smtp-login';

export interface LoginRequestOptions {
  readonly port: number;
  readonly security: LoginSecurity;
  readonly username: string;
  readonly secret: LoginSecret | null;
  readonly mechanism?: LoginMechanism;
  readonly allowFingerprintSha256?: string;
}

export function loginRequestFor(
  ctx: SmtpProbeContext,
  address: string,
  options: LoginRequestOptions,
  deadlineMs: number,
): LoginRequest {
  return {
    target: { host: ctx.host, address, port: options.port },
    security: options.security,
    username: options.username,
    secret: options.secret,
    deadlineMs,
    signal: ctx.signal,
    ...(options.mechanism === undefined ? {} : { mechanism: options.mechanism }),
    ...(ctx.extraCaPem === undefined ? {} : { extraCaPem: ctx.extraCaPem }),
    ...(options.allowFingerprintSha256 === undefined
      ? {}
      : { allowFingerprintSha256: options.allowFingerprintSha256 }),
  };
}
