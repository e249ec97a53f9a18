/**
 * When a DNS daemon a test started (Knot, Unbound) is ready: it answers an SOA query (RFC 1035 section
 * 3.3.13) for each zone it should serve. Polled with short queries, so a daemon still starting costs a
 * retry, and bounded by a deadline, so one that never answers fails the start with the last reason.
 */
import { Resolver } from 'node:dns/promises';
import { delay } from './loopback-daemon';

const POLL_QUERY_TIMEOUT_MS = 250;
const POLL_INTERVAL_MS = 50;

export interface SoaReadiness {
  /** The daemon's name, for the error. */
  readonly daemon: string;
  /** `address:port`. */
  readonly server: string;
  readonly zones: readonly string[];
  readonly hasExited: () => boolean;
  readonly deadlineMs: number;
  /** Count SERVFAIL as an answer: a validating resolver gives nothing else for a zone set up to be bogus. */
  readonly servfailIsAnswer?: boolean;
}

export async function waitForSoaAnswers(readiness: SoaReadiness): Promise<void> {
  const { daemon, server, hasExited, deadlineMs } = readiness;
  const deadline = Date.now() + deadlineMs;
  const pending = new Set(readiness.zones);
  let lastProblem = 'no answer yet';
  while (pending.size > 0) {
    if (hasExited()) throw new Error(`${daemon} exited during start-up`);
    if (Date.now() > deadline) {
      throw new Error(
        `no SOA answer for ${[...pending].join(', ')} within ${String(deadlineMs)} ms (${lastProblem})`,
      );
    }
    for (const zone of [...pending]) {
      const resolver = new Resolver({ timeout: POLL_QUERY_TIMEOUT_MS, tries: 1 });
      resolver.setServers([server]);
      try {
        await resolver.resolveSoa(zone);
        pending.delete(zone);
      } catch (error) {
        if (readiness.servfailIsAnswer === true && isServfail(error)) pending.delete(zone);
        lastProblem = error instanceof Error ? error.message : String(error);
      }
    }
    if (pending.size > 0) await delay(POLL_INTERVAL_MS);
  }
}

function isServfail(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ESERVFAIL';
}
