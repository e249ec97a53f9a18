/**
 * A real SmtpProbeContext for probe tests: the real connector and a real resolver, with short deadlines so
 * hostile servers end tests quickly.
 */
import { createSmtpConnector } from '../../main/adapters/smtp/smtp-connector';
import type { DnsResolver } from '../../main/core/ports';
import type { ProbeProgressEvent, SmtpProbeContext } from '../../main/core/smtp/probe-context';
import { DEFAULT_SMTP_LIMITS, type SmtpLimits } from '../../main/core/smtp/smtp-channel';

/** Every step of a probe test waits at most this long. */
export const TEST_STEP_MS = 1_000;

export const TEST_LIMITS: SmtpLimits = {
  ...DEFAULT_SMTP_LIMITS,
  connectTimeoutMs: TEST_STEP_MS,
  greetingTimeoutMs: TEST_STEP_MS,
  replyTimeoutMs: TEST_STEP_MS,
  tlsHandshakeTimeoutMs: TEST_STEP_MS,
};

export interface TestProbeContext extends SmtpProbeContext {
  readonly progress: ProbeProgressEvent[];
}

export function testProbeContext(
  host: string,
  resolver: DnsResolver,
  options: {
    readonly limits?: Partial<SmtpLimits>;
    readonly signal?: AbortSignal;
    readonly extraCaPem?: string;
  } = {},
): TestProbeContext {
  const progress: ProbeProgressEvent[] = [];
  return {
    host,
    resolver,
    connector: createSmtpConnector(),
    limits: { ...TEST_LIMITS, ...options.limits },
    signal: options.signal ?? new AbortController().signal,
    ...(options.extraCaPem === undefined ? {} : { extraCaPem: options.extraCaPem }),
    clock: { now: () => new Date() },
    progress,
    onProgress: (event) => {
      progress.push(event);
    },
  };
}
