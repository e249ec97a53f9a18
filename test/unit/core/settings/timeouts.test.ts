import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OVERALL_AUDIT_DEADLINE_MS } from '../../../../main/core/audit/audit-runner';
import { DEFAULT_SMTP_LIMITS } from '../../../../main/core/smtp/smtp-channel';
import { checkTimeouts, overallDeadlineMsFor, smtpLimitsFor } from '../../../../main/core/settings/timeouts';
import { DEFAULT_TIMEOUTS, TIMEOUT_BOUNDS } from '../../../../preload/contract/settings';

const { serverWaitSeconds: WAIT, auditLimitSeconds: LIMIT } = TIMEOUT_BOUNDS;

describe('timeout settings', () => {
  it('the defaults give exactly the built-in SMTP limits and audit deadline (nothing changes for anyone)', () => {
    expect(smtpLimitsFor(DEFAULT_TIMEOUTS)).toEqual({
      connectTimeoutMs: DEFAULT_SMTP_LIMITS.connectTimeoutMs,
      greetingTimeoutMs: DEFAULT_SMTP_LIMITS.greetingTimeoutMs,
      replyTimeoutMs: DEFAULT_SMTP_LIMITS.replyTimeoutMs,
      tlsHandshakeTimeoutMs: DEFAULT_SMTP_LIMITS.tlsHandshakeTimeoutMs,
    });
    expect(overallDeadlineMsFor(DEFAULT_TIMEOUTS)).toBe(OVERALL_AUDIT_DEADLINE_MS);
    expect(checkTimeouts(DEFAULT_TIMEOUTS)).toEqual([]);
  });

  it('"wait for a server" is what the greeting and each reply wait; connect and TLS scale with it', () => {
    expect(smtpLimitsFor({ serverWaitSeconds: 3, auditLimitSeconds: 60 })).toEqual({
      connectTimeoutMs: 2_000,
      greetingTimeoutMs: 3_000,
      replyTimeoutMs: 3_000,
      tlsHandshakeTimeoutMs: 2_000,
    });
    fc.assert(
      fc.property(fc.integer({ min: WAIT.min, max: WAIT.max }), (seconds) => {
        const limits = smtpLimitsFor({ serverWaitSeconds: seconds, auditLimitSeconds: LIMIT.max });
        expect(limits.greetingTimeoutMs).toBe(seconds * 1_000);
        expect(limits.replyTimeoutMs).toBe(seconds * 1_000);
        // Never zero (which would mean "no timeout" to a socket) and never longer than the wait itself.
        expect(limits.connectTimeoutMs).toBeGreaterThan(0);
        expect(limits.connectTimeoutMs).toBeLessThanOrEqual(seconds * 1_000);
        expect(limits.tlsHandshakeTimeoutMs).toBeLessThanOrEqual(seconds * 1_000);
      }),
    );
  });

  it('accepts every whole number within bounds, with the audit at least one wait long', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: WAIT.min, max: WAIT.max }),
        fc.integer({ min: LIMIT.min, max: LIMIT.max }),
        (wait, limit) => {
          const fields = checkTimeouts({ serverWaitSeconds: wait, auditLimitSeconds: limit });
          expect(fields).toEqual(
            limit >= wait
              ? []
              : [
                  {
                    field: 'auditLimitSeconds',
                    message: expect.stringContaining('at least as long') as unknown,
                  },
                ],
          );
        },
      ),
    );
  });

  it('refuses fractions, out-of-bounds and non-finite numbers with a message naming the bounds', () => {
    const bad = fc.oneof(
      fc.double({ noInteger: true }),
      fc.integer({ max: WAIT.min - 1 }),
      fc.integer({ min: WAIT.max + 1 }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
    );
    fc.assert(
      fc.property(bad, (wait) => {
        expect(checkTimeouts({ serverWaitSeconds: wait, auditLimitSeconds: 120 })).toEqual([
          { field: 'serverWaitSeconds', message: 'Enter a whole number of seconds from 2 to 25.' },
        ]);
      }),
    );
    expect(checkTimeouts({ serverWaitSeconds: 15, auditLimitSeconds: 9 })).toEqual([
      {
        field: 'auditLimitSeconds',
        message: 'Enter a whole number of seconds from 10 to 600 (10 minutes).',
      },
    ]);
  });
});
