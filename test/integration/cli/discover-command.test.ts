import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscoveryResult } from '../../../preload/contract/providers';
import { runCliInProcess } from '../../helpers/cli-harness';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { startSilentDnsServer, type SilentDnsServer } from '../../helpers/silent-dns-server';
import { createTestServices, type TestServices } from '../../helpers/test-services';

describe('mailwarden discover', () => {
  let knot: KnotServer;
  let silent: SilentDnsServer;
  let env: TestServices;
  const cli = (argv: readonly string[]) =>
    runCliInProcess(argv, { dataDir: env.dataDir, keychainService: env.keychainService });

  beforeAll(async () => {
    knot = await startKnot({
      'shop.example': [
        '_submissions._tcp IN SRV 0 1 465 smtp.shop.example.',
        '_submission._tcp IN SRV 0 1 587 smtp.shop.example.',
        'smtp IN A 127.0.0.1',
      ].join('\n'),
      'gsuite.example': '@ IN MX 1 smtp.google.com.',
    });
    silent = await startSilentDnsServer();
    env = await createTestServices();
  });
  afterAll(async () => {
    await knot.stop();
    await silent.stop();
    await env.cleanup();
  });

  it('finds the SRV-published servers through the chosen resolver, implicit TLS first', async () => {
    const result = await cli(['discover', 'shop.example', '--dns', knot.server]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`DNS: ${knot.server}`);
    expect(result.stdout).toMatch(
      /smtp\.shop\.example\s+465\s+tls\s+srv-submissions[\s\S]*smtp\.shop\.example\s+587\s+starttls\s+srv-submission/,
    );
  });

  it('prints JSON that names the provider found behind the MX', async () => {
    const result = await cli(['discover', 'gsuite.example', '--dns', knot.server, '--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as DiscoveryResult;
    expect(parsed.resolver).toBe(knot.server);
    expect(parsed.candidates[0]).toMatchObject({ host: 'smtp.gmail.com', source: 'mx-provider' });
  });

  it('refuses a resolver that is not an IP address and port, with exit 2', async () => {
    const result = await cli(['discover', 'shop.example', '--dns', 'dns.google:53']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/IP address/i);
  });

  it('reports a DNS server that never answers instead of hanging', async () => {
    const started = Date.now();
    const result = await cli(['discover', 'shop.example', '--dns', silent.server]);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing found');
    expect(result.stdout).toMatch(/did not answer/);
  });
});
