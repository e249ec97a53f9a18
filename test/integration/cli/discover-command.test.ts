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
        '_imaps._tcp IN SRV 0 1 993 imap.shop.example.',
        '_pop3._tcp IN SRV 0 1 110 pop.shop.example.',
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

  it('lists the incoming servers the SRV records name, implicit-TLS IMAP before POP3 with STLS', async () => {
    const result = await cli(['discover', 'shop.example', '--dns', knot.server]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Incoming servers \(IMAP, POP3\) for shop\.example[\s\S]*imap\s+imap\.shop\.example\s+993\s+tls\s+srv-imaps[\s\S]*pop3\s+pop\.shop\.example\s+110\s+starttls\s+srv-pop3/,
    );
    const json = JSON.parse(
      (await cli(['discover', 'shop.example', '--dns', knot.server, '--json'])).stdout,
    ) as DiscoveryResult;
    expect(json.incomingCandidates.map((c) => `${c.protocol} ${c.host}:${String(c.port)}`)).toEqual([
      'imap imap.shop.example:993',
      'pop3 pop.shop.example:110',
    ]);
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
