import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { resolveHost } from '../../../../main/core/probes/resolve-host';
import type { DnsResolver } from '../../../../main/core/ports';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';

let knot: KnotServer;
let resolver: DnsResolver;

beforeAll(async () => {
  knot = await startKnot({
    'resolve.test': [
      'both A 192.0.2.10',
      'both AAAA 2001:db8::10',
      'six AAAA 2001:db8::6',
      'text TXT "x"',
    ].join('\n'),
  });
  resolver = createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 2_000 });
});

afterAll(async () => {
  await knot.stop();
});

describe('resolveHost', () => {
  it('prefers the A record, through the resolver it is given', async () => {
    expect(await resolveHost(resolver, 'both.resolve.test')).toEqual({
      kind: 'address',
      address: '192.0.2.10',
    });
  });

  it('falls back to AAAA for an IPv6-only host', async () => {
    expect(await resolveHost(resolver, 'six.resolve.test')).toEqual({
      kind: 'address',
      address: '2001:db8::6',
    });
  });

  it('uses address literals as they are, without a lookup', async () => {
    expect(await resolveHost(resolver, '127.0.0.9')).toEqual({ kind: 'address', address: '127.0.0.9' });
    expect(await resolveHost(resolver, '[::1]')).toEqual({ kind: 'address', address: '::1' });
  });

  it('says why there is no address: a missing name, or a name without address records', async () => {
    expect(await resolveHost(resolver, 'missing.resolve.test')).toMatchObject({
      kind: 'failure',
      code: 'NXDOMAIN',
    });
    expect(await resolveHost(resolver, 'text.resolve.test')).toMatchObject({
      kind: 'failure',
      code: 'NODATA',
    });
  });
});
