import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SETTINGS_FORMAT } from '../../../../main/core/settings/settings-document';
import { DEFAULT_SETTINGS } from '../../../../preload/contract/settings';

/** What loading a version 1 document's fields yields, as json-document-store runs it. */
function loadVersion1(fields: Record<string, unknown>) {
  const migrate = SETTINGS_FORMAT.migrations[1];
  return SETTINGS_FORMAT.parse(migrate(fields));
}

describe('settings.json format', () => {
  it('is at version 2, with one migration step per older version', () => {
    expect(SETTINGS_FORMAT.currentVersion).toBe(2);
    expect(Object.keys(SETTINGS_FORMAT.migrations)).toEqual(['1']);
  });

  it('migrates any version 1 DNS setting, keeping it, with today’s defaults for the new settings', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 300 }), { nil: null }), (dnsServer) => {
        expect(loadVersion1({ dnsServer })).toEqual({
          ok: true,
          value: { ...DEFAULT_SETTINGS, dnsServer },
        });
      }),
    );
  });

  it('still refuses a version 1 document that was not valid as version 1', () => {
    expect(loadVersion1({ dnsServer: 53 })).toEqual({
      ok: false,
      reason: 'its contents do not match the settings format (at dnsServer)',
    });
    expect(loadVersion1({ dnsServer: null, colour: 'red' }).ok).toBe(false);
  });

  it('refuses version 2 documents with missing, mistyped or out-of-bounds fields', () => {
    const good = { ...DEFAULT_SETTINGS };
    expect(SETTINGS_FORMAT.parse(good)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    const bad: Record<string, unknown>[] = [
      { ...good, extraCaPem: 5 },
      { ...good, extraCaPem: 'x'.repeat(256 * 1024 + 1) },
      { ...good, timeouts: { serverWaitSeconds: 1, auditLimitSeconds: 120 } },
      { ...good, timeouts: { serverWaitSeconds: 15, auditLimitSeconds: 601 } },
      { ...good, timeouts: { serverWaitSeconds: 15.5, auditLimitSeconds: 120 } },
      { ...good, defaultTests: { relayTest: 'yes', login: true } },
      { dnsServer: null },
    ];
    for (const fields of bad) expect(SETTINGS_FORMAT.parse(fields).ok).toBe(false);
  });
});
