/**
 * What the timeout settings mean for an audit, and which values make sense.
 *
 * One number a non-expert can choose, "how long to wait for a server", scales every SMTP step's limit
 * in proportion to the built-in ones, so the default (15 seconds) gives exactly DEFAULT_SMTP_LIMITS.
 */
import type { FieldError } from '../../../preload/contract/outcome';
import { DEFAULT_TIMEOUTS, TIMEOUT_BOUNDS, type AuditTimeouts } from '../../../preload/contract/settings';
import { DEFAULT_SMTP_LIMITS, type SmtpLimits } from '../smtp/smtp-channel';

const MS_PER_SECOND = 1_000;

type TimeoutLimits = Pick<
  SmtpLimits,
  'connectTimeoutMs' | 'greetingTimeoutMs' | 'replyTimeoutMs' | 'tlsHandshakeTimeoutMs'
>;

/** The SMTP step timeouts for this setting: each default scaled by the chosen wait over the default wait. */
export function smtpLimitsFor(timeouts: AuditTimeouts): TimeoutLimits {
  const scale = (defaultMs: number) =>
    Math.round((defaultMs * timeouts.serverWaitSeconds) / DEFAULT_TIMEOUTS.serverWaitSeconds);
  return {
    connectTimeoutMs: scale(DEFAULT_SMTP_LIMITS.connectTimeoutMs),
    greetingTimeoutMs: scale(DEFAULT_SMTP_LIMITS.greetingTimeoutMs),
    replyTimeoutMs: scale(DEFAULT_SMTP_LIMITS.replyTimeoutMs),
    tlsHandshakeTimeoutMs: scale(DEFAULT_SMTP_LIMITS.tlsHandshakeTimeoutMs),
  };
}

/** The whole audit's deadline for this setting. */
export function overallDeadlineMsFor(timeouts: AuditTimeouts): number {
  return timeouts.auditLimitSeconds * MS_PER_SECOND;
}

/** A message per field that is out of bounds; none when both are fine. */
export function checkTimeouts(timeouts: AuditTimeouts): FieldError[] {
  const fields: FieldError[] = [];
  const { serverWaitSeconds: wait, auditLimitSeconds: limit } = TIMEOUT_BOUNDS;
  if (!inBounds(timeouts.serverWaitSeconds, wait))
    fields.push({
      field: 'serverWaitSeconds',
      message: `Enter a whole number of seconds from ${String(wait.min)} to ${String(wait.max)}.`,
    });
  if (!inBounds(timeouts.auditLimitSeconds, limit))
    fields.push({
      field: 'auditLimitSeconds',
      message: `Enter a whole number of seconds from ${String(limit.min)} to ${String(limit.max)} (10 minutes).`,
    });
  else if (fields.length === 0 && timeouts.auditLimitSeconds < timeouts.serverWaitSeconds)
    fields.push({
      field: 'auditLimitSeconds',
      message: `A whole test must be allowed at least as long as one wait for a server (${String(timeouts.serverWaitSeconds)} seconds).`,
    });
  return fields;
}

function inBounds(value: number, bounds: { readonly min: number; readonly max: number }): boolean {
  return Number.isInteger(value) && value >= bounds.min && value <= bounds.max;
}
