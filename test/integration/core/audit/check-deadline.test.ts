/**
 * A check that outlives its own deadline: the real DNS checks of a domain audit, run by runChecks against a
 * DNS server that never answers, with a resolver that would wait far longer than the check may. The check
 * deadline is the subject here, so it is short (the built-in 20 s would only slow the suite down); every
 * other wait is generous.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { createDnsWireClient } from '../../../../main/adapters/dns-wire-client';
import { createHttpsFetcher } from '../../../../main/adapters/https-fetcher';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import { planDomainChecks, resolverCheckId } from '../../../../main/core/audit/domain-checks';
import { runChecks } from '../../../../main/core/audit/run-checks';
import { scoreAudit } from '../../../../main/core/score/score-audit';
import { startSilentDnsServer, type SilentDnsServer } from '../../../helpers/silent-dns-server';
import { emptySlotsOf } from '../../../helpers/wording-guard/finding-wording';

const DOMAIN = 'slow.test';
/** Far beyond the check deadline: the resolver alone would never give up in time. */
const RESOLVER_TIMEOUT_MS = 120_000;
const CHECK_DEADLINE_MS = 2_000;
const OVERALL_DEADLINE_MS = 60_000;

let silent: SilentDnsServer;

beforeAll(async () => {
  silent = await startSilentDnsServer();
});

afterAll(async () => {
  await silent.stop();
});

/** The resolver prerequisite and the MX check of a real domain plan, each under the short deadline. */
function slowChecks() {
  const server = { host: '127.0.0.1', port: silent.port };
  const resolver = createDnsResolver({ server, timeoutMs: RESOLVER_TIMEOUT_MS });
  const planned = planDomainChecks(
    {
      resolver,
      wire: createDnsWireClient({ server, timeoutMs: RESOLVER_TIMEOUT_MS }),
      fetcher: createHttpsFetcher({ resolver }),
      connector: createSmtpConnector(),
      clock: { now: () => new Date() },
    },
    { domain: DOMAIN },
  );
  const wanted = new Set([resolverCheckId(DOMAIN), `mx:${DOMAIN}`]);
  return planned
    .filter((check) => wanted.has(check.checkId))
    .map((check) => ({ ...check, deadlineMs: CHECK_DEADLINE_MS }));
}

describe('a check that runs out of time', () => {
  it('ends with "did not finish in time" naming the check, and the audit goes on without a verdict on it', async () => {
    const checks = slowChecks();
    const outcome = await runChecks(checks, {
      signal: new AbortController().signal,
      overallDeadlineMs: OVERALL_DEADLINE_MS,
    });
    // The resolver really was asked, and never answered.
    expect(silent.queriesSeen()).toBeGreaterThan(0);
    expect(outcome.cancelled).toBe(false);
    expect(outcome.findings.map((finding) => [finding.id, finding.severity, finding.checkId])).toEqual([
      ['audit.check.timed-out', 'info', resolverCheckId(DOMAIN)],
      ['audit.check.timed-out', 'info', `mx:${DOMAIN}`],
    ]);
    const mx = outcome.findings[1];
    expect(mx?.title).toBe('MX records did not finish in time');
    expect(mx?.explanation).toContain(`after ${String(CHECK_DEADLINE_MS / 1000)} s`);
    for (const finding of outcome.findings) expect(emptySlotsOf(finding)).toEqual([]);
    expect(outcome.endings).toEqual({
      [resolverCheckId(DOMAIN)]: 'timed-out',
      [`mx:${DOMAIN}`]: 'timed-out',
    });
    expect(outcome.coverage.checks.map((check) => check.status)).toEqual(['timed-out', 'timed-out']);

    // An unknown result is not a failing one: no grade is made up for a domain whose DNS never answered.
    const score = scoreAudit({
      findings: outcome.findings,
      coverage: outcome.coverage,
      cancelled: false,
      context: { accountPort: null },
    });
    expect(score.overall).toBeNull();
    expect(score.incomplete).toEqual([
      'Deliverability rules could not be tested. MX records did not finish in time.',
    ]);
  });
});
