import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import { checkMx, type MxCheckResult } from '../../../../../main/core/checks/mx/check-mx';
import type { DnsResolver } from '../../../../../main/core/ports';
import { delegatedDnsResolver } from '../../../../helpers/delegated-dns-resolver';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';
import { startSilentDnsServer, type SilentDnsServer } from '../../../../helpers/silent-dns-server';

const PUBLIC_V4 = '93.184.215.14';
const PUBLIC_V6 = '2606:2800:21f:cb07:6820:80da:af6b:8b2c';

const ZONES: Record<string, string> = {
  'good.test': `
@ MX 20 mx2.good.test.
@ MX 10 mx1.good.test.
mx1 A ${PUBLIC_V4}
mx2 AAAA ${PUBLIC_V6}
`,
  'l.google.com': `aspmx A ${PUBLIC_V4}`,
  'workspace.test': '@ MX 1 aspmx.l.google.com.',
  'none.test': 'www A 93.184.215.15',
  'implicit.test': `@ A ${PUBLIC_V4}`,
  'nullmx.test': '@ MX 0 .',
  'nullmixed.test': `
@ MX 0 .
@ MX 10 mx.nullmixed.test.
mx A ${PUBLIC_V4}
`,
  'cname.test': `
@ MX 10 mail.cname.test.
mail CNAME real.cname.test.
real A ${PUBLIC_V4}
`,
  'literal.test': '@ MX 10 192.0.2.25.',
  'private.test': `
@ MX 10 mx1.private.test.
@ MX 20 mx2.private.test.
mx1 A 10.1.2.3
mx2 A 127.0.0.1
mx2 AAAA fe80::25
`,
  'dangling.test': '@ MX 10 gone.dangling.test.',
  // Its MX host lives in dark.test, whose name server never answers (see darkResolver).
  'darkmx.test': '@ MX 10 mx.dark.test.',
  'halfdark.test': `
@ MX 10 mx.dark.test.
@ MX 20 gone.halfdark.test.
`,
  'many.test': Array.from(
    { length: 12 },
    (_, i) => `@ MX ${String(i)} mx${String(i)}.many.test.\nmx${String(i)} A ${PUBLIC_V4}`,
  ).join('\n'),
  'xn--bcher-kva.test': `@ MX 10 mx.xn--bcher-kva.test.\nmx A ${PUBLIC_V4}`,
  'intranet.home.arpa': `
@ MX 10 mx.intranet.home.arpa.
mx A 192.168.1.5
`,
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

function ids(result: MxCheckResult): string[] {
  return result.findings.map((finding) => finding.id);
}

function findingOf(result: MxCheckResult, id: string): (typeof result.findings)[number] {
  const found = result.findings.find((finding) => finding.id === id);
  if (found === undefined) throw new Error(`no ${id} among ${ids(result).join(', ')}`);
  return found;
}

describe('checkMx', () => {
  it('passes a domain whose MX hosts resolve to public addresses, most preferred first', async () => {
    const result = await checkMx({ domain: 'Good.Test.', resolver });
    expect(result.outcome).toBe('mx');
    expect(result.domain).toBe('good.test');
    expect(result.targets.map((t) => [t.exchange, t.priority, t.addresses])).toEqual([
      ['mx1.good.test', 10, [PUBLIC_V4]],
      ['mx2.good.test', 20, [PUBLIC_V6]],
    ]);
    expect(ids(result)).toEqual(['mx.records.present', 'mx.target.ok', 'mx.target.ok']);
    expect(result.findings.every((finding) => finding.severity === 'pass')).toBe(true);
    expect(findingOf(result, 'mx.records.present').evidence['records']).toEqual([
      '10 mx1.good.test',
      '20 mx2.good.test',
    ]);
  });

  it('recognises the mail provider from the MX host suffix', async () => {
    const result = await checkMx({ domain: 'workspace.test', resolver });
    expect(result.providerPresetId).not.toBeNull();
    const recognised = findingOf(result, 'mx.provider.recognised');
    expect(recognised.evidence['provider']).toEqual(expect.stringMatching(/Google/));
    expect(recognised.evidence['exchange']).toBe('aspmx.l.google.com');
  });

  it('explains the implicit MX when there is no MX record but the domain has an address', async () => {
    const result = await checkMx({ domain: 'implicit.test', resolver });
    expect(result.outcome).toBe('implicit');
    const implicit = findingOf(result, 'mx.records.implicit');
    expect(implicit.severity).toBe('medium');
    expect(implicit.explanation).toContain('RFC 5321 section 5.1');
    expect(implicit.evidence['addresses']).toEqual([PUBLIC_V4]);
    expect(result.targets[0]?.exchange).toBe('implicit.test');
  });

  it('says mail cannot be delivered when there is neither MX nor address', async () => {
    const result = await checkMx({ domain: 'none.test', resolver });
    expect(result.outcome).toBe('none');
    expect(ids(result)).toEqual(['mx.records.none']);
    expect(result.findings[0]?.severity).toBe('high');
    expect(result.findings[0]?.fix.steps.join(' ')).toContain('MX 0 .');
  });

  it('recognises a Null MX (RFC 7505) and explains it', async () => {
    const result = await checkMx({ domain: 'nullmx.test', resolver });
    expect(result.outcome).toBe('null-mx');
    expect(ids(result)).toEqual(['mx.null.valid']);
    expect(result.findings[0]?.severity).toBe('info');
    expect(result.findings[0]?.explanation).toContain('RFC 7505');
    expect(result.targets).toEqual([]);
  });

  it('flags a Null MX mixed with other MX records', async () => {
    const result = await checkMx({ domain: 'nullmixed.test', resolver });
    const invalid = findingOf(result, 'mx.null.invalid');
    expect(invalid.severity).toBe('high');
    expect(invalid.evidence['records']).toEqual(['0 .', '10 mx.nullmixed.test']);
  });

  it('flags an MX host that is a CNAME and gives the record to publish instead', async () => {
    const result = await checkMx({ domain: 'cname.test', resolver });
    const cname = findingOf(result, 'mx.target.cname');
    expect(cname.evidence['cnameTarget']).toBe('real.cname.test');
    expect(cname.fix.record).toEqual({ type: 'MX', name: 'cname.test', value: '10 real.cname.test.' });
    expect(cname.references.map((r) => r.label)).toContain('RFC 2181 section 10.3');
    // The alias still leads to an address, so mail gets through.
    expect(result.targets[0]?.usable).toBe(true);
  });

  it('flags an MX record that names an IP address', async () => {
    const result = await checkMx({ domain: 'literal.test', resolver });
    const literal = findingOf(result, 'mx.target.ip-literal');
    expect(literal.severity).toBe('high');
    expect(literal.evidence['exchange']).toBe('192.0.2.25');
    expect(ids(result)).toContain('mx.records.all-unusable');
  });

  it('flags private, loopback and link-local addresses in a public domain', async () => {
    const result = await checkMx({ domain: 'private.test', resolver });
    const flagged = result.findings.filter((finding) => finding.id === 'mx.target.non-public-address');
    expect(flagged.map((finding) => finding.evidence['scopes'])).toEqual([
      ['private'],
      ['loopback', 'link-local'],
    ]);
    expect(flagged.every((finding) => finding.severity === 'high')).toBe(true);
    expect(findingOf(result, 'mx.records.all-unusable').severity).toBe('critical');
  });

  it('accepts private addresses for an internal-use domain (home.arpa)', async () => {
    const result = await checkMx({ domain: 'intranet.home.arpa', resolver });
    expect(findingOf(result, 'mx.target.internal-address').severity).toBe('info');
    expect(ids(result)).not.toContain('mx.records.all-unusable');
  });

  it('flags an MX host that does not resolve', async () => {
    const result = await checkMx({ domain: 'dangling.test', resolver });
    const unresolvable = findingOf(result, 'mx.target.unresolvable');
    expect(unresolvable.evidence['exchange']).toBe('gone.dangling.test');
    expect(unresolvable.severity).toBe('high');
    expect(findingOf(result, 'mx.records.all-unusable').severity).toBe('critical');
  });

  it('says the address of an MX host could not be read when its DNS server is silent, without calling the domain unable to receive mail', async () => {
    const quiet = createDnsResolver({ server: { host: '127.0.0.1', port: silent.port }, timeoutMs: 600 });
    const darkResolver = delegatedDnsResolver({ 'dark.test': quiet }, resolver);
    const started = Date.now();
    const result = await checkMx({ domain: 'darkmx.test', resolver: darkResolver });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.outcome).toBe('mx');
    const failed = findingOf(result, 'mx.target.lookup-failed');
    expect(failed.severity).toBe('medium');
    expect(failed.title).toBe('The address of MX host mx.dark.test could not be read');
    expect(failed.explanation).toMatch(/^A: .+ AAAA: .+ Senders meeting the same failure delay your mail/);
    expect(failed.fix.steps[0]).toBe('Run the check again.');
    // A timeout is not an absence: the host may receive mail, so neither "no address" nor "no MX host
    // can receive mail" (critical) is claimed.
    expect(ids(result)).toEqual(['mx.records.present', 'mx.target.lookup-failed']);
    expect(result.targets[0]?.usable).toBe(false);
  });

  it('still says no MX host can receive mail when every other host is known to be dead, only if none is undetermined', async () => {
    const quiet = createDnsResolver({ server: { host: '127.0.0.1', port: silent.port }, timeoutMs: 600 });
    const darkResolver = delegatedDnsResolver({ 'dark.test': quiet }, resolver);
    const result = await checkMx({ domain: 'halfdark.test', resolver: darkResolver });
    expect(ids(result).sort()).toEqual([
      'mx.records.present',
      'mx.target.lookup-failed',
      'mx.target.unresolvable',
    ]);
    const known = await checkMx({ domain: 'dangling.test', resolver: darkResolver });
    expect(ids(known)).toContain('mx.records.all-unusable');
  });

  it('checks only the ten most preferred of many MX records, and says so', async () => {
    const result = await checkMx({ domain: 'many.test', resolver });
    expect(result.targets.map((target) => target.exchange)).toEqual(
      Array.from({ length: 10 }, (_, i) => `mx${String(i)}.many.test`),
    );
    expect(findingOf(result, 'mx.records.truncated').evidence).toMatchObject({ count: 12, checked: 10 });
  });

  it('converts an internationalised domain to punycode before looking it up', async () => {
    const result = await checkMx({ domain: 'bücher.test', resolver });
    expect(result.domain).toBe('xn--bcher-kva.test');
    expect(result.targets[0]?.exchange).toBe('mx.xn--bcher-kva.test');
  });

  it('reports a domain that does not exist', async () => {
    const result = await checkMx({ domain: 'missing.good.test', resolver });
    expect(result.outcome).toBe('nxdomain');
    expect(ids(result)).toEqual(['mx.domain.nxdomain']);
    expect(result.findings[0]?.severity).toBe('critical');
  });

  it('turns a silent DNS server into a finding, within the deadline', async () => {
    const quiet = createDnsResolver({ server: { host: '127.0.0.1', port: silent.port }, timeoutMs: 600 });
    const started = Date.now();
    const result = await checkMx({ domain: 'good.test', resolver: quiet });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.outcome).toBe('failed');
    expect(findingOf(result, 'mx.lookup.failed').evidence['code']).toBe('TIMEOUT');
  });

  it('refuses a name that is not a domain, saying why', async () => {
    const result = await checkMx({ domain: `${'a'.repeat(64)}.test`, resolver });
    expect(result.outcome).toBe('invalid-domain');
    expect(findingOf(result, 'mx.domain.invalid').explanation).toContain('63');
  });
});
