import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import { MAX_CNAME_HOPS, probeSelector } from '../../../../../main/core/checks/dkim/dkim-selector-probe';
import type { DnsResolver } from '../../../../../main/core/ports';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';
import { startSilentDnsServer, type SilentDnsServer } from '../../../../helpers/silent-dns-server';

/** hop0 -> hop1 -> ... -> hopN, the last one holding a TXT record. */
function chain(length: number, prefix: string): string {
  const lines = Array.from(
    { length },
    (_, i) => `${prefix}${String(i)} CNAME ${prefix}${String(i + 1)}.probe.test.`,
  );
  return [...lines, `${prefix}${String(length)} TXT "v=DKIM1; p="`].join('\n');
}

const ZONE = `
direct._domainkey TXT "v=DKIM1; p=" "AAAA"
two._domainkey CNAME a0.probe.test.
${chain(2, 'a')}
long._domainkey CNAME b0.probe.test.
${chain(MAX_CNAME_HOPS + 2, 'b')}
`;

let knot: KnotServer;
let silent: SilentDnsServer;
let resolver: DnsResolver;

beforeAll(async () => {
  [knot, silent] = await Promise.all([startKnot({ 'probe.test': ZONE }), startSilentDnsServer()]);
  resolver = createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 3_000 });
});

afterAll(async () => {
  await Promise.all([knot.stop(), silent.stop()]);
});

describe('probeSelector against a real Knot DNS', () => {
  it('reads a TXT key at the selector, joining its strings', async () => {
    expect(await probeSelector(resolver, 'direct', 'probe.test')).toEqual({
      kind: 'found',
      selector: 'direct',
      name: 'direct._domainkey.probe.test',
      target: null,
      records: ['v=DKIM1; p=AAAA'],
    });
  });

  it('follows a CNAME chain and reports where the key really is', async () => {
    const probe = await probeSelector(resolver, 'two', 'probe.test');
    expect(probe).toMatchObject({ kind: 'found', target: 'a2.probe.test', records: ['v=DKIM1; p='] });
  });

  it('gives up on a chain longer than the hop limit', async () => {
    const probe = await probeSelector(resolver, 'long', 'probe.test');
    expect(probe).toMatchObject({
      kind: 'broken-cname',
      reason: expect.stringMatching(/CNAME hops/) as unknown,
    });
  });

  it('tells an absent selector from a lookup that failed', async () => {
    expect(await probeSelector(resolver, 'nothing', 'probe.test')).toEqual({
      kind: 'absent',
      selector: 'nothing',
    });
    const slow = createDnsResolver({ server: { host: '127.0.0.1', port: silent.port }, timeoutMs: 400 });
    expect(await probeSelector(slow, 'direct', 'probe.test')).toMatchObject({
      kind: 'failed',
      name: 'direct._domainkey.probe.test',
    });
  });
});
