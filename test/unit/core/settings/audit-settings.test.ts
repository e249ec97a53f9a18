import { describe, expect, it } from 'vitest';
import { OVERALL_AUDIT_DEADLINE_MS } from '../../../../main/core/audit/audit-runner';
import { savedAuditSettings } from '../../../../main/core/settings/audit-settings';
import { DEFAULT_SMTP_LIMITS } from '../../../../main/core/smtp/smtp-channel';
import { DEFAULT_SETTINGS } from '../../../../preload/contract/settings';

const CA_A = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
const CA_B = '-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----';

describe('savedAuditSettings', () => {
  it('with nothing saved, an audit runs exactly as before settings existed', () => {
    const options = savedAuditSettings(DEFAULT_SETTINGS);
    expect(options.extraCaPem).toBeUndefined();
    expect(options.overallDeadlineMs).toBe(OVERALL_AUDIT_DEADLINE_MS);
    expect({ ...DEFAULT_SMTP_LIMITS, ...options.limits }).toEqual(DEFAULT_SMTP_LIMITS);
  });

  it('trusts the saved CA and the CLI’s --ca together', () => {
    const saved = { ...DEFAULT_SETTINGS, extraCaPem: CA_A };
    expect(savedAuditSettings(saved).extraCaPem).toBe(CA_A.trim());
    expect(savedAuditSettings(DEFAULT_SETTINGS, CA_B).extraCaPem).toBe(CA_B);
    expect(savedAuditSettings(saved, CA_B).extraCaPem).toBe(`${CA_A.trim()}\n${CA_B}`);
  });

  it('turns the timeouts into the SMTP limits and the whole-audit deadline', () => {
    const options = savedAuditSettings({
      ...DEFAULT_SETTINGS,
      timeouts: { serverWaitSeconds: 4, auditLimitSeconds: 45 },
    });
    expect(options.limits).toMatchObject({ greetingTimeoutMs: 4_000, replyTimeoutMs: 4_000 });
    expect(options.overallDeadlineMs).toBe(45_000);
  });
});
