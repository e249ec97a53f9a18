import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import { checkBimi } from '../../../../../main/core/checks/bimi/check-bimi';
import { checkDmarc } from '../../../../../main/core/checks/dmarc/check-dmarc';
import type { DnsResolver } from '../../../../../main/core/ports';
import type { Finding } from '../../../../../preload/contract/findings';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';

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
};

let knot: KnotServer;
let resolver: DnsResolver;

beforeAll(async () => {
  knot = await startKnot(ZONES);
  resolver = createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 3_000 });
});

afterAll(async () => {
  await knot.stop();
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
});
