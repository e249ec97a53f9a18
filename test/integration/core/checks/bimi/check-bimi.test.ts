import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import { checkBimi } from '../../../../../main/core/checks/bimi/check-bimi';
import { checkDmarc } from '../../../../../main/core/checks/dmarc/check-dmarc';
import type { DnsResolver } from '../../../../../main/core/ports';
import type { Finding } from '../../../../../preload/contract/findings';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';
import { startSilentDnsServer, type SilentDnsServer } from '../../../../helpers/silent-dns-server';

const GOOD_BIMI = 'default._bimi TXT "v=BIMI1; l=https://brand.test/logo.svg; a=https://brand.test/vmc.pem"';

const ZONES: Record<string, string> = {
  'brand.test': `${GOOD_BIMI}\n_dmarc TXT "v=DMARC1; p=reject"`,
  'weak.test': `${GOOD_BIMI}\n_dmarc TXT "v=DMARC1; p=quarantine; pct=50"`,
  'nodmarc.test': GOOD_BIMI,
  'badurl.test':
    'default._bimi TXT "v=BIMI1; l=http://badurl.test/logo.png"\n_dmarc TXT "v=DMARC1; p=reject"',
  'declined.test': 'default._bimi TXT "v=BIMI1; l=;"\n_dmarc TXT "v=DMARC1; p=reject"',
  'none.test': '_dmarc TXT "v=DMARC1; p=reject"',
  'syntax.test':
    'default._bimi TXT "v=BIMI1 l=https://syntax.test/logo.svg"\n_dmarc TXT "v=DMARC1; p=reject"',
  'twice.test': `${GOOD_BIMI}\ndefault._bimi TXT "v=BIMI1; l=https://twice.test/other.svg"\n_dmarc TXT "v=DMARC1; p=reject"`,
  'badvmc.test':
    'default._bimi TXT "v=BIMI1; l=https://badvmc.test/logo.svg; a=http://badvmc.test/vmc.pem"\n_dmarc TXT "v=DMARC1; p=reject"',
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

async function run(domain: string): Promise<Awaited<ReturnType<typeof checkBimi>>> {
  const { result: dmarc } = await checkDmarc({ domain, resolver });
  return checkBimi({ domain, resolver, dmarc });
}

const ids = (findings: readonly Finding[]): string[] => findings.map((f) => f.id);

describe('checkBimi against a real Knot DNS, with the DMARC check result', () => {
  it('passes a valid record when DMARC is at reject', async () => {
    const { findings, result } = await run('brand.test');
    expect(ids(findings)).toEqual(['bimi.record.ok']);
    expect(result).toMatchObject({
      recordFound: true,
      logo: 'https://brand.test/logo.svg',
      dmarcEligible: true,
    });
  });

  it('says the logo will not show while DMARC is weak or missing', async () => {
    const weak = await run('weak.test');
    expect(ids(weak.findings)).toEqual(['bimi.dmarc.too-weak']);
    expect(weak.findings[0]?.evidence).toMatchObject({ dmarcSummary: 'p=quarantine, pct=50' });
    const none = await run('nodmarc.test');
    expect(ids(none.findings)).toEqual(['bimi.dmarc.too-weak']);
  });

  it('flags a logo that is not an https SVG and a missing certificate', async () => {
    const { findings } = await run('badurl.test');
    expect(ids(findings)).toEqual(['bimi.logo.bad-url', 'bimi.authority.missing']);
    expect(findings[0]?.evidence.problems).toEqual([
      '"http://badurl.test/logo.png" must start with https://',
      '"http://badurl.test/logo.png" should point to an SVG file (.svg)',
    ]);
  });

  it('recognises a declined record, a missing record and a broken one', async () => {
    expect(ids((await run('declined.test')).findings)).toEqual(['bimi.logo.declined']);
    const none = await run('none.test');
    expect(ids(none.findings)).toEqual(['bimi.record.missing']);
    expect(none.findings[0]?.fix.record?.name).toBe('default._bimi.none.test');
    expect(ids((await run('syntax.test')).findings)).toContain('bimi.record.syntax');
  });

  it('shows no logo when two BIMI records compete, and counts them', async () => {
    const { findings } = await run('twice.test');
    expect(ids(findings)).toEqual(['bimi.record.multiple']);
    expect(findings[0]?.severity).toBe('medium');
    expect(findings[0]?.evidence).toMatchObject({ recordName: 'default._bimi.twice.test', recordCount: 2 });
    expect(findings[0]?.explanation).toContain('default._bimi.twice.test has 2 records');
  });

  it('flags a certificate address (a=) that is not https', async () => {
    const { findings } = await run('badvmc.test');
    expect(ids(findings)).toEqual(['bimi.authority.bad-url']);
    const bad = findings[0];
    expect(bad?.severity).toBe('medium');
    expect(bad?.evidence).toMatchObject({ authority: 'http://badvmc.test/vmc.pem' });
    expect(bad?.evidence['problems']).toContain('"http://badvmc.test/vmc.pem" must start with https://');
  });

  it('refuses a domain name that cannot be looked up, saying why', async () => {
    const { findings } = await run('exa mple.test');
    expect(ids(findings)).toEqual(['bimi.domain.invalid']);
    expect(findings[0]?.severity).toBe('info');
    expect(findings[0]?.explanation).toMatch(/^"exa mple\.test" cannot be looked up: \S/);
  });

  it('reports a resolver that does not answer, within its deadline', async () => {
    const slow = createDnsResolver({ server: { host: '127.0.0.1', port: silent.port }, timeoutMs: 500 });
    const { result: dmarc } = await checkDmarc({ domain: 'brand.test', resolver });
    const { findings } = await checkBimi({ domain: 'brand.test', resolver: slow, dmarc });
    expect(ids(findings)).toEqual(['bimi.lookup.failed']);
    expect(findings[0]?.evidence).toMatchObject({ recordName: 'default._bimi.brand.test' });
    expect(findings[0]?.explanation).toMatch(/^The lookup of default\._bimi\.brand\.test failed: \S/);
    expect(silent.queriesSeen()).toBeGreaterThan(0);
  });
});
