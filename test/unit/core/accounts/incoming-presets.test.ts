import { describe, expect, it } from 'vitest';
import { findPresetById, PROVIDER_PRESETS } from '../../../../main/core/accounts/provider-presets';

describe('preset incoming servers', () => {
  it("Proton Mail Bridge reads on 127.0.0.1:1143 with STARTTLS, as Bridge's own defaults say", () => {
    expect(findPresetById('proton-bridge')?.incomingEndpoints).toEqual([
      expect.objectContaining({
        protocol: 'imap',
        host: '127.0.0.1',
        port: 1143,
        security: 'starttls',
        confidence: 'documented',
      }),
    ]);
  });

  it('IONOS France lists IMAP and POP3 hosts, marked unconfirmed because IONOS does not give the ports', () => {
    const endpoints = findPresetById('ionos')?.incomingEndpoints ?? [];
    expect(
      endpoints.map((endpoint) => `${endpoint.protocol} ${endpoint.host}:${String(endpoint.port)}`),
    ).toEqual(['imap imap.ionos.fr:993', 'pop3 pop.ionos.fr:995']);
    expect(endpoints.every((endpoint) => endpoint.confidence === 'unconfirmed')).toBe(true);
  });

  it('every incoming endpoint uses a port and security that fit its protocol', () => {
    for (const preset of PROVIDER_PRESETS) {
      for (const endpoint of preset.incomingEndpoints ?? []) {
        expect(endpoint.port).toBeGreaterThan(0);
        if (endpoint.security === 'tls') expect([993, 995]).toContain(endpoint.port);
      }
    }
  });
});
