/**
 * A real IncomingProbeContext for probe tests: the real line connector with short deadlines, so a hostile
 * server's silence ends a test quickly; tests against a real daemon pass REAL_SERVER_LINE_LIMITS.
 */
import { createLineConnector } from '../../main/adapters/incoming/line-connector';
import type { IncomingProbeContext } from '../../main/core/incoming/incoming-context';
import {
  DEFAULT_LINE_LIMITS,
  type IncomingProtocol,
  type LineLimits,
} from '../../main/core/incoming/line-channel';
import type { DnsResolver } from '../../main/core/ports';
import { TEST_STEP_MS } from './probe-context';

export const TEST_LINE_LIMITS: LineLimits = {
  ...DEFAULT_LINE_LIMITS,
  connectTimeoutMs: TEST_STEP_MS,
  greetingTimeoutMs: TEST_STEP_MS,
  replyTimeoutMs: TEST_STEP_MS,
  tlsHandshakeTimeoutMs: TEST_STEP_MS,
};

/**
 * Deadlines for a real daemon (Dovecot) that never stalls on purpose: a greeting can take seconds on the
 * loaded 2-core CI machine while the TLS check opens a dozen connections at once (a one-second greeting
 * deadline once failed there). Still far below the production limits, which a careful client uses.
 */
export const REAL_SERVER_STEP_MS = 10_000;
export const REAL_SERVER_LINE_LIMITS: LineLimits = {
  ...DEFAULT_LINE_LIMITS,
  connectTimeoutMs: REAL_SERVER_STEP_MS,
  greetingTimeoutMs: REAL_SERVER_STEP_MS,
  replyTimeoutMs: REAL_SERVER_STEP_MS,
  tlsHandshakeTimeoutMs: REAL_SERVER_STEP_MS,
};

export function testIncomingContext(
  protocol: IncomingProtocol,
  host: string,
  resolver: DnsResolver,
  options: { readonly extraCaPem?: string; readonly limits?: Partial<LineLimits> } = {},
): IncomingProbeContext {
  return {
    protocol,
    host,
    resolver,
    connector: createLineConnector(),
    limits: { ...TEST_LINE_LIMITS, ...options.limits },
    signal: new AbortController().signal,
    clock: { now: () => new Date() },
    ...(options.extraCaPem === undefined ? {} : { extraCaPem: options.extraCaPem }),
  };
}
