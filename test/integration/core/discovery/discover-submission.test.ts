import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { findPresetById } from '../../../../main/core/accounts/provider-presets';
import { discoverSubmission } from '../../../../main/core/discovery/discover-submission';
import type { DnsResolver } from '../../../../main/core/ports';
import type { DiscoveryResult, ProviderPreset } from '../../../../preload/contract/providers';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { startSilentDnsServer, type SilentDnsServer } from '../../../helpers/silent-dns-server';

const SILENT_TIMEOUT_MS = 1_000;

function preset(id: string): ProviderPreset {
  const found = findPresetById(id);
  if (found === undefined) throw new Error(`No preset ${id}`);
  return found;
}

const GOOGLE = preset('google-workspace');
const GOOGLE_FIRST = GOOGLE.endpoints[0];

const ZONES: Record<string, string> = {
  'srv.test': `
_submissions._tcp SRV 10 0 465 backup.srv.test.
_submissions._tcp SRV 0 10 465 primary.srv.test.
_submissions._tcp SRV 0 60 1465 heavy.srv.test.
_submission._tcp SRV 0 0 0 .
`,
  'both.test': `
_submissions._tcp SRV 0 1 ${String(GOOGLE_FIRST?.port)} ${String(GOOGLE_FIRST?.host)}.
_submission._tcp SRV 5 1 587 submit.both.test.
@ MX 1 aspmx.l.google.com.
`,
  'workspace.test': `
@ MX 5 alt1.aspmx.l.google.com.
@ MX 1 aspmx.l.google.com.
smtp A 192.0.2.1
`,
  'm365.test': '@ MX 0 m365-test.mail.protection.outlook.com.',
  'guess.test': 'mail A 192.0.2.25',
  'empty.test': '',
  'nullmx.test': '@ MX 0 .',
  'xn--bcher-kva.example': '_submissions._tcp SRV 0 1 465 mail.xn--bcher-kva.example.',
  'incoming.test': `
_submissions._tcp SRV 0 1 465 smtp.incoming.test.
_imap._tcp SRV 0 1 143 imap.incoming.test.
_imaps._tcp SRV 10 1 993 imap.incoming.test.
_pop3s._tcp SRV 20 1 995 pop.incoming.test.
_pop3._tcp SRV 0 0 0 .
`,
  'proton.me': '',
};

let knot: KnotServer;
let silent: SilentDnsServer;
let resolver: DnsResolver;

beforeAll(async () => {
  [knot, silent] = await Promise.all([startKnot(ZONES), startSilentDnsServer()]);
  resolver = createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 3_000 });
});

afterAll(async () => {
  await Promise.all([knot.stop(), silent.stop()]);
});

function summary(result: DiscoveryResult): string[] {
  return result.candidates.map((c) => `${c.host}:${String(c.port)} ${c.security} ${c.source}`);
}

function incomingSummary(result: DiscoveryResult): string[] {
  return result.incomingCandidates.map(
    (c) => `${c.protocol} ${c.host}:${String(c.port)} ${c.security} ${c.source}`,
  );
}

function outcomes(result: DiscoveryResult): string {
  return result.steps.map((s) => `${s.step}: ${s.outcome}`).join('\n');
}

describe('discovering the incoming server', () => {
  it('reads the RFC 6186 SRV records: implicit TLS first (RFC 8314), then priority; "." means not offered', async () => {
    const result = await discoverSubmission('incoming.test', { resolver });
    expect(incomingSummary(result)).toEqual([
      'imap imap.incoming.test:993 tls srv-imaps',
      'pop3 pop.incoming.test:995 tls srv-pop3s',
      'imap imap.incoming.test:143 starttls srv-imap',
    ]);
    expect(result.incomingCandidates[0]?.reason).toContain('_imaps._tcp.incoming.test points here');
    expect(outcomes(result)).toContain(
      'SRV _pop3._tcp.incoming.test: _pop3._tcp SRV offers no usable server',
    );
    // The submission side is unchanged by it.
    expect(summary(result)).toEqual(['smtp.incoming.test:465 tls srv-submissions']);
  });

  it('falls back to the provider preset of the address’s domain, marked with the preset', async () => {
    const result = await discoverSubmission('proton.me', { resolver });
    const bridge = preset('proton-bridge');
    expect(result.incomingCandidates).toMatchObject(
      (bridge.incomingEndpoints ?? []).map((endpoint) => ({
        protocol: endpoint.protocol,
        host: endpoint.host,
        port: endpoint.port,
        source: 'email-domain-provider',
        presetId: 'proton-bridge',
      })),
    );
    expect(result.incomingCandidates.length).toBeGreaterThan(0);
  });

  it('proposes nothing rather than a guess when no source names one', async () => {
    const result = await discoverSubmission('guess.test', { resolver });
    expect(result.incomingCandidates).toEqual([]);
    expect(result.candidates.length).toBeGreaterThan(0);
  });
});

describe('discoverSubmission against a real Knot DNS', () => {
  it('proposes SRV targets by priority then weight, and reports a "." target as not offered', async () => {
    const result = await discoverSubmission('srv.test', { resolver });
    expect(summary(result)).toEqual([
      'heavy.srv.test:1465 tls srv-submissions',
      'primary.srv.test:465 tls srv-submissions',
      'backup.srv.test:465 tls srv-submissions',
    ]);
    expect(result.candidates[0]?.reason).toContain('_submissions._tcp.srv.test');
    expect(outcomes(result)).toContain('_submission._tcp SRV says this service is not offered (target ".")');
    expect(result.presetId).toBeNull();
    expect(result.resolver).toBe(knot.server);
  });

  it('puts the domain’s own SRV records first and keeps one copy of an endpoint a preset also names', async () => {
    const result = await discoverSubmission('both.test', { resolver });
    const keys = summary(result);
    expect(keys[0]).toBe(`${String(GOOGLE_FIRST?.host)}:${String(GOOGLE_FIRST?.port)} tls srv-submissions`);
    expect(keys[1]).toBe('submit.both.test:587 starttls srv-submission');
    const hostPorts = result.candidates.map((c) => `${c.host}:${String(c.port)}:${c.security}`);
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
    expect(result.candidates.filter((c) => c.source === 'mx-provider')).toHaveLength(
      GOOGLE.endpoints.length - 1,
    );
    expect(result.presetId).toBe('google-workspace');
  });

  it('recognises Google Workspace from an MX pointing to aspmx.l.google.com, without guessing', async () => {
    const result = await discoverSubmission('workspace.test', { resolver });
    expect(result.presetId).toBe('google-workspace');
    expect(result.candidates).toMatchObject(
      GOOGLE.endpoints.map((endpoint) => ({
        host: endpoint.host,
        port: endpoint.port,
        security: endpoint.security,
        source: 'mx-provider',
        presetId: 'google-workspace',
      })),
    );
    expect(outcomes(result)).toContain('MX points to aspmx.l.google.com: Google Workspace.');
    expect(outcomes(result)).toContain('No _submissions._tcp SRV record.');
    expect(result.candidates.some((c) => c.host === 'smtp.workspace.test')).toBe(false);
  });

  it('recognises Microsoft 365 from a *.mail.protection.outlook.com MX', async () => {
    const result = await discoverSubmission('m365.test', { resolver });
    const m365 = preset('microsoft-365');
    expect(result.presetId).toBe('microsoft-365');
    expect(summary(result)).toEqual(
      m365.endpoints.map((e) => `${e.host}:${String(e.port)} ${e.security} mx-provider`),
    );
    expect(outcomes(result)).toContain(`MX points to m365-test.mail.protection.outlook.com: ${m365.name}.`);
  });

  it('guesses mail.<domain> when only it exists: implicit TLS on 465 first, then STARTTLS on 587', async () => {
    const result = await discoverSubmission('guess.test', { resolver });
    expect(summary(result)).toEqual(['mail.guess.test:465 tls guess', 'mail.guess.test:587 starttls guess']);
    expect(outcomes(result)).toContain('smtp.guess.test has no address: the name does not exist.');
    expect(outcomes(result)).toContain('mail.guess.test resolves to 192.0.2.25.');
    expect(outcomes(result)).toContain('No MX record.');
  });

  it('finds nothing for an empty domain and a missing one, and says why at each step', async () => {
    const empty = await discoverSubmission('empty.test', { resolver });
    expect(empty.candidates).toEqual([]);
    expect(empty.presetId).toBeNull();
    const text = outcomes(empty);
    expect(text).toContain('No _submissions._tcp SRV record.');
    expect(text).toContain('No _submission._tcp SRV record.');
    expect(text).toContain('No MX record.');
    expect(text).toContain('empty.test is not the email domain of a known provider.');
    expect(text).toContain('smtp.empty.test has no address: the name does not exist.');
    expect(text).toContain('mail.empty.test has no address: the name does not exist.');

    const missing = await discoverSubmission('nowhere.empty.test', { resolver });
    expect(missing.candidates).toEqual([]);
    expect(outcomes(missing)).toContain('nowhere.empty.test does not exist in DNS (NXDOMAIN).');
  });

  it('reports a null MX (RFC 7505)', async () => {
    const result = await discoverSubmission('nullmx.test', { resolver });
    expect(outcomes(result)).toContain('Null MX');
  });

  it('looks up a Unicode domain through its punycode name', async () => {
    const result = await discoverSubmission('Bücher.example', { resolver });
    expect(result.domain).toBe('xn--bcher-kva.example');
    expect(summary(result)).toEqual(['mail.xn--bcher-kva.example:465 tls srv-submissions']);
    expect(outcomes(result)).toContain('Bücher.example is written xn--bcher-kva.example in DNS.');
  });

  it('proposes a consumer provider from the email domain even when DNS says nothing useful', async () => {
    // The test server is not authoritative for gmail.com and refuses; the email domain alone is enough.
    const result = await discoverSubmission('gmail.com', { resolver });
    const gmail = preset('gmail');
    expect(result.presetId).toBe('gmail');
    expect(summary(result)).toEqual(
      gmail.endpoints.map((e) => `${e.host}:${String(e.port)} ${e.security} email-domain-provider`),
    );
    expect(outcomes(result)).toContain('gmail.com addresses belong to Gmail.');
    expect(outcomes(result)).toContain('REFUSED');
  });
});

describe('discoverSubmission when things go wrong', () => {
  it('refuses what is not a domain name without asking DNS', async () => {
    const quiet = createDnsResolver({ server: { host: '127.0.0.1', port: silent.port }, timeoutMs: 10_000 });
    const before = silent.queriesSeen();
    const started = Date.now();
    for (const input of [
      '',
      'not a domain',
      'a..b.test',
      '192.0.2.1',
      'user@example.test',
      `${'a'.repeat(64)}.test`,
    ]) {
      const result = await discoverSubmission(input, { resolver: quiet });
      expect(result.candidates).toEqual([]);
      expect(outcomes(result)).toContain('is not a valid domain name: ');
    }
    expect(Date.now() - started).toBeLessThan(500);
    expect(silent.queriesSeen()).toBe(before);
  });

  it('says the DNS server did not answer, without throwing, within the deadline', async () => {
    const quiet = createDnsResolver({
      server: { host: '127.0.0.1', port: silent.port },
      timeoutMs: SILENT_TIMEOUT_MS,
    });
    const started = Date.now();
    const result = await discoverSubmission('silent.test', { resolver: quiet });
    expect(Date.now() - started).toBeLessThan(2 * SILENT_TIMEOUT_MS);
    expect(result.candidates).toEqual([]);
    expect(result.resolver).toBe(silent.server);
    const text = outcomes(result);
    expect(text).toContain(`The DNS server ${silent.server} did not answer within 1 s.`);
    expect(text).toContain('Skipped: the DNS server did not answer');
  });
});
