import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import {
  checkReverseDns,
  reverseDnsTargets,
  type ReverseDnsResult,
} from '../../../../../main/core/checks/reverse-dns/check-reverse-dns';
import type { DnsResolver } from '../../../../../main/core/ports';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';
import { startSilentDnsServer, type SilentDnsServer } from '../../../../helpers/silent-dns-server';

const V6 = '2606:2800:21f:cb07:6820:80da:af6b:8b2c';

const ZONES: Record<string, string> = {
  '215.184.93.in-addr.arpa': `
14 PTR mail.rdns.test.
15 PTR other.rdns.test.
17 PTR 93-184-215-17.dynamic.isp.test.
`,
  // 2606:2800:021f:cb07::/64, nibbles reversed (RFC 3596 section 2.5).
  '7.0.b.c.f.1.2.0.0.0.8.2.6.0.6.2.ip6.arpa': 'c.2.b.8.b.6.f.a.a.d.0.8.0.2.8.6 PTR mail6.rdns.test.',
  'rdns.test': `
mail A 93.184.215.14
mail6 AAAA ${V6}
other A 93.184.215.99
`,
  'isp.test': '93-184-215-17.dynamic A 93.184.215.17',
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

function only(result: ReverseDnsResult, id: string): ReverseDnsResult['findings'][number] {
  const matching = result.findings.filter((finding) => finding.id === id);
  if (matching.length !== 1)
    throw new Error(`expected one ${id}, got ${result.findings.map((f) => f.id).join(', ')}`);
  return matching[0] as ReverseDnsResult['findings'][number];
}

describe('checkReverseDns', () => {
  it('passes an IPv4 address whose PTR name resolves back to it (FCrDNS)', async () => {
    const result = await checkReverseDns({
      resolver,
      targets: [{ address: '93.184.215.14', role: 'submission', host: 'mail.rdns.test' }],
    });
    expect(result.entries).toEqual([
      { address: '93.184.215.14', role: 'submission', status: 'confirmed', ptrNames: ['mail.rdns.test'] },
    ]);
    const confirmed = only(result, 'rdns.ptr.confirmed');
    expect(confirmed.severity).toBe('pass');
    expect(confirmed.evidence['reverseName']).toBe('14.215.184.93.in-addr.arpa');
  });

  it('passes an IPv6 address through ip6.arpa, whatever its text form', async () => {
    const result = await checkReverseDns({
      resolver,
      targets: [{ address: '2606:2800:021F:CB07:6820:80DA:AF6B:8B2C', role: 'mx' }],
    });
    expect(result.entries[0]?.status).toBe('confirmed');
    expect(only(result, 'rdns.ptr.confirmed').evidence['confirmedName']).toBe('mail6.rdns.test');
  });

  it('flags a missing PTR and says the fix is with the owner of the address', async () => {
    const result = await checkReverseDns({
      resolver,
      targets: [{ address: '93.184.215.16', role: 'submission' }],
    });
    expect(result.entries[0]?.status).toBe('missing');
    const missing = only(result, 'rdns.ptr.missing');
    expect(missing.severity).toBe('medium');
    expect(missing.explanation).toMatch(/spam/);
    expect(missing.fix.steps.join(' ')).toMatch(/hosting or cloud provider/);
  });

  it('flags a PTR name that resolves to another address', async () => {
    const result = await checkReverseDns({ resolver, targets: [{ address: '93.184.215.15', role: 'mx' }] });
    expect(result.entries[0]).toMatchObject({ status: 'mismatch', ptrNames: ['other.rdns.test'] });
    const mismatch = only(result, 'rdns.ptr.mismatch');
    expect(mismatch.evidence['forward']).toEqual(['other.rdns.test -> 93.184.215.99.']);
  });

  it('confirms a generic provider name but warns that it looks dynamic', async () => {
    const result = await checkReverseDns({
      resolver,
      targets: [{ address: '93.184.215.17', role: 'submission' }],
    });
    expect(result.entries[0]?.status).toBe('confirmed');
    expect(only(result, 'rdns.ptr.generic').severity).toBe('low');
  });

  it('skips private and invalid addresses with a finding that says why', async () => {
    const result = await checkReverseDns({
      resolver,
      targets: [
        { address: '10.0.0.5', role: 'submission' },
        { address: 'mail.rdns.test', role: 'mx' },
      ],
    });
    expect(result.entries.map((entry) => entry.status)).toEqual(['not-public', 'invalid']);
    expect(only(result, 'rdns.address.not-public').evidence['scope']).toBe('private');
  });

  it('builds targets from MX hosts and the submission server, and checks each address once per role', async () => {
    const targets = reverseDnsTargets(
      [{ exchange: 'mail.rdns.test', addresses: ['93.184.215.14', '93.184.215.14'] }],
      { host: 'smtp.rdns.test', addresses: ['93.184.215.16'] },
    );
    const result = await checkReverseDns({ resolver, targets });
    expect(result.entries.map((entry) => [entry.address, entry.role, entry.status])).toEqual([
      ['93.184.215.14', 'mx', 'confirmed'],
      ['93.184.215.16', 'submission', 'missing'],
    ]);
  });

  it('turns a silent DNS server into a "could not read" finding within the deadline', async () => {
    const quiet = createDnsResolver({ server: { host: '127.0.0.1', port: silent.port }, timeoutMs: 600 });
    const started = Date.now();
    const result = await checkReverseDns({
      resolver: quiet,
      targets: [{ address: '93.184.215.14', role: 'mx' }],
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.entries[0]?.status).toBe('failed');
    expect(only(result, 'rdns.ptr.lookup-failed').evidence['code']).toBe('TIMEOUT');
  });
});
