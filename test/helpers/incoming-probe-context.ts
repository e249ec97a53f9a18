/** A real IncomingProbeContext for probe tests: the real line connector with short deadlines. */
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
