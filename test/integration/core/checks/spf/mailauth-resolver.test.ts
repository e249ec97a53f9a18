import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import { mailauthResolver, MailauthDnsError } from '../../../../../main/core/checks/spf/mailauth-resolver';
import { evaluateSpf } from '../../../../../main/core/checks/spf/spf-evaluate';
import type { DnsResolver } from '../../../../../main/core/ports';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';
import { startSilentDnsServer, type SilentDnsServer } from '../../../../helpers/silent-dns-server';

const SILENT_TIMEOUT_MS = 1_000;

const ZONES: Record<string, string> = {
  'adapter.test': `
@ TXT "v=spf1 " "mx -all"
@ MX 10 mx.adapter.test.
mx A 192.0.2.25
mx AAAA 2001:db8::25
slow TXT "v=spf1 include:adapter.silent.test -all"
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

async function failure(promise: Promise<unknown>): Promise<MailauthDnsError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof MailauthDnsError)) throw new Error('expected a MailauthDnsError');
  return error;
}

describe('mailauthResolver over the DnsResolver port', () => {
  it('answers in the shapes mailauth reads, every lookup going through our resolver', async () => {
    const seen: string[] = [];
    const lookup = mailauthResolver(resolver, (name, type) => seen.push(`${type} ${name}`));
    expect(await lookup('adapter.test', 'TXT')).toEqual([['v=spf1 mx -all']]);
    expect(await lookup('adapter.test', 'MX')).toEqual([{ exchange: 'mx.adapter.test', priority: 10 }]);
    expect(await lookup('mx.adapter.test', 'A')).toEqual(['192.0.2.25']);
    expect(await lookup('mx.adapter.test', 'AAAA')).toEqual(['2001:db8::25']);
    expect(seen).toEqual([
      'TXT adapter.test',
      'MX adapter.test',
      'A mx.adapter.test',
      'AAAA mx.adapter.test',
    ]);
  });

  it('maps NXDOMAIN to ENOTFOUND and NODATA to ENODATA (void lookups), and a name too long to ENOTFOUND', async () => {
    const lookup = mailauthResolver(resolver);
    expect((await failure(lookup('nothing.adapter.test', 'A'))).code).toBe('ENOTFOUND');
    expect((await failure(lookup('mx.adapter.test', 'TXT'))).code).toBe('ENODATA');
    expect((await failure(lookup(`${'a'.repeat(64)}.adapter.test`, 'A'))).code).toBe('ENOTFOUND');
  });

  it('maps a timeout to ETIMEOUT within the deadline, which mailauth turns into temperror', async () => {
    const silentResolver = createDnsResolver({
      server: { host: '127.0.0.1', port: silent.port },
      timeoutMs: SILENT_TIMEOUT_MS,
    });
    const error = await failure(mailauthResolver(silentResolver)('adapter.test', 'TXT'));
    expect(error.code).toBe('ETIMEOUT');
    const started = Date.now();
    const evaluation = await evaluateSpf({
      ip: '192.0.2.25',
      sender: 'a@adapter.test',
      helo: 'adapter.test',
      resolver: silentResolver,
    });
    expect(evaluation.result).toBe('temperror');
    expect(Date.now() - started).toBeLessThan(SILENT_TIMEOUT_MS * 3);
  });

  it('carries a temperror for SERVFAIL and REFUSED so mailauth does not ignore it inside an include', async () => {
    // knot refuses names outside its zones: the include target's lookup fails, and SPF says temperror.
    const evaluation = await evaluateSpf({
      ip: '192.0.2.25',
      sender: 'a@slow.adapter.test',
      helo: 'adapter.test',
      resolver,
    });
    expect(evaluation.result).toBe('temperror');
    expect(evaluation.matched).toBeNull();
  });

  it('lets mailauth pass the record with its MX host', async () => {
    const evaluation = await evaluateSpf({
      ip: '192.0.2.25',
      sender: 'a@adapter.test',
      helo: 'adapter.test',
      resolver,
    });
    expect(evaluation.result).toBe('pass');
    expect(evaluation.matched).toMatchObject({ mechanism: 'mx', recordDomain: 'adapter.test', via: [] });
  });
});
