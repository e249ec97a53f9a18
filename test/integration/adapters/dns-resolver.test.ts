import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDnsResolver,
  parseDnsServer,
  type DnsServerAddress,
} from '../../../main/adapters/dns-resolver';
import type { DnsResolver } from '../../../main/core/ports';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { startSilentDnsServer, type SilentDnsServer } from '../../helpers/silent-dns-server';

const TIMEOUT_MS = 1_000;
const LONG_STRING = 'x'.repeat(255);
const MANY_TXT = Array.from({ length: 150 }, (_, i) => `many TXT "record-${String(i)}"`).join('\n');

const RESOLVER_ZONE = `
www A 192.0.2.10
www AAAA 2001:db8::10
@ MX 20 mx2.resolver.test.
@ MX 10 mx1.resolver.test.
_submissions._tcp SRV 0 5 465 smtp.resolver.test.
spf TXT "v=spf1 " "include:_spf.resolver.test" " -all"
long TXT ${Array.from({ length: 10 }, () => `"${LONG_STRING}"`).join(' ')}
utf8 TXT "v=DMARC1; p=none; n=Soci\\195\\169t\\195" "\\169 bad \\255 end"
alias CNAME www.resolver.test.
10.ptr PTR www.resolver.test.
${MANY_TXT}
`;

/** long0 (chain.test) -> long1 (elsewhere.test) -> long2 (chain.test) ... -> long10, which has an A. */
const LONG_CHAIN = Array.from(
  { length: 10 },
  (_, i) => `long${String(i)} CNAME long${String(i + 1)}.${i % 2 === 0 ? 'elsewhere' : 'chain'}.test.`,
);

function serverOf(text: string): DnsServerAddress {
  const parsed = parseDnsServer(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

let knot: KnotServer;
let otherKnot: KnotServer;
let silent: SilentDnsServer;
let dns: DnsResolver;

beforeAll(async () => {
  [knot, otherKnot, silent] = await Promise.all([
    startKnot({
      'resolver.test': RESOLVER_ZONE,
      'same.test': 'who A 192.0.2.1',
      // Knot is authoritative only: for a CNAME into another zone it answers with the CNAME alone.
      'chain.test': [
        'hop1 CNAME hop2.elsewhere.test.',
        'mail MX 10 hop1.chain.test.',
        'spf CNAME spf.elsewhere.test.',
        'loop1 CNAME loop2.elsewhere.test.',
        // Ten hops, alternating zones so that Knot cannot follow any of them itself.
        ...LONG_CHAIN.filter((_, i) => i % 2 === 0),
        'long10 A 192.0.2.66',
      ].join('\n'),
      'elsewhere.test': [
        'hop2 CNAME hop3.chain-end.test.',
        'spf TXT "v=spf1 -all"',
        'loop2 CNAME loop1.chain.test.',
        ...LONG_CHAIN.filter((_, i) => i % 2 === 1),
      ].join('\n'),
      'chain-end.test': 'hop3 A 192.0.2.55\nhop3 AAAA 2001:db8::55',
    }),
    startKnot({ 'same.test': 'who A 192.0.2.2' }),
    startSilentDnsServer(),
  ]);
  dns = createDnsResolver({ server: serverOf(knot.server), timeoutMs: 3_000 });
});

afterAll(async () => {
  await Promise.all([knot.stop(), otherKnot.stop(), silent.stop()]);
});

describe('createDnsResolver against a real Knot DNS', () => {
  it('says which resolver speaks', () => {
    expect(dns.description).toBe(knot.server);
    expect(createDnsResolver({}).description).toBe('system');
  });

  it('reads A and AAAA records, with or without the final dot', async () => {
    expect(await dns.resolveA('www.resolver.test')).toEqual({ ok: true, records: ['192.0.2.10'] });
    expect(await dns.resolveA('www.resolver.test.')).toEqual({ ok: true, records: ['192.0.2.10'] });
    expect(await dns.resolveAaaa('www.resolver.test')).toEqual({ ok: true, records: ['2001:db8::10'] });
  });

  it('reads MX, SRV, CNAME and PTR records', async () => {
    const mx = await dns.resolveMx('resolver.test');
    expect(mx.ok && [...mx.records].sort((a, b) => a.priority - b.priority)).toEqual([
      { exchange: 'mx1.resolver.test', priority: 10 },
      { exchange: 'mx2.resolver.test', priority: 20 },
    ]);
    expect(await dns.resolveSrv('_submissions._tcp.resolver.test')).toEqual({
      ok: true,
      records: [{ name: 'smtp.resolver.test', port: 465, priority: 0, weight: 5 }],
    });
    expect(await dns.resolveCname('alias.resolver.test')).toEqual({
      ok: true,
      records: ['www.resolver.test'],
    });
    expect(await dns.resolvePtr('10.ptr.resolver.test')).toEqual({
      ok: true,
      records: ['www.resolver.test'],
    });
  });

  it("joins a TXT record's character-strings without spaces (RFC 7208 section 3.3)", async () => {
    expect(await dns.resolveTxt('spf.resolver.test')).toEqual({
      ok: true,
      records: ['v=spf1 include:_spf.resolver.test -all'],
    });
    const long = await dns.resolveTxt('long.resolver.test');
    expect(long.ok && long.records).toEqual([LONG_STRING.repeat(10)]);
  });

  it('decodes TXT octets as UTF-8, even split across strings, with U+FFFD for bytes that are not', async () => {
    // "Société" with its second "é" split between two character-strings, then a lone 0xFF byte.
    expect(await dns.resolveTxt('utf8.resolver.test')).toEqual({
      ok: true,
      records: ['v=DMARC1; p=none; n=Société bad \ufffd end'],
    });
  });

  it('follows a CNAME answered alone, hop by hop across zones, for A, AAAA and TXT', async () => {
    expect(await dns.resolveA('hop1.chain.test')).toEqual({ ok: true, records: ['192.0.2.55'] });
    expect(await dns.resolveAaaa('hop1.chain.test')).toEqual({ ok: true, records: ['2001:db8::55'] });
    expect(await dns.resolveTxt('spf.chain.test')).toEqual({ ok: true, records: ['v=spf1 -all'] });
    // A CNAME query itself still answers with the CNAME.
    expect(await dns.resolveCname('hop1.chain.test')).toEqual({ ok: true, records: ['hop2.elsewhere.test'] });
    // A name with records of another type is still NODATA, not chased.
    expect(await dns.resolveMx('hop3.chain-end.test')).toMatchObject({ ok: false, code: 'NODATA' });
  });

  it('stops a CNAME loop and a chain longer than 8 hops with a failure that says so', async () => {
    const loop = await dns.resolveA('loop1.chain.test');
    expect(loop).toMatchObject({ ok: false, code: 'OTHER' });
    expect(loop.ok ? '' : loop.message).toContain('loops back');
    const long = await dns.resolveA('long0.chain.test');
    expect(long).toMatchObject({ ok: false, code: 'OTHER' });
    expect(long.ok ? '' : long.message).toContain('longer than 8 hops');
    // Eight hops are followed: from long2, ten minus two hops reach the address.
    expect(await dns.resolveA('long2.chain.test')).toEqual({ ok: true, records: ['192.0.2.66'] });
  });

  it('tells a missing name (NXDOMAIN) from a name without that record type (NODATA)', async () => {
    const missing = await dns.resolveA('nothing-here.resolver.test');
    expect(missing).toMatchObject({ ok: false, code: 'NXDOMAIN' });
    const noTxt = await dns.resolveTxt('www.resolver.test');
    expect(noTxt).toMatchObject({ ok: false, code: 'NODATA' });
    expect(!noTxt.ok && noTxt.message).toBe('www.resolver.test exists but has no TXT records.');
  });

  it('reports REFUSED when the server is not authoritative and does not recurse', async () => {
    expect(await dns.resolveA('www.elsewhere.example')).toMatchObject({ ok: false, code: 'REFUSED' });
  });

  it('refuses an answer with more records than the cap', async () => {
    const result = await dns.resolveTxt('many.resolver.test');
    expect(result).toMatchObject({ ok: false, code: 'TOO_MANY_ANSWERS' });
    expect(!result.ok && result.message).toContain('150 TXT records');
    const generous = createDnsResolver({ server: serverOf(knot.server), maxAnswers: 200 });
    const all = await generous.resolveTxt('many.resolver.test');
    expect(all.ok && all.records.length).toBe(150);
  });

  it('refuses TXT answers larger than the size cap', async () => {
    const small = createDnsResolver({ server: serverOf(knot.server), maxTxtChars: 2_000 });
    expect(await small.resolveTxt('long.resolver.test')).toMatchObject({
      ok: false,
      code: 'TOO_MANY_ANSWERS',
    });
  });

  it('sends every lookup to the chosen server', async () => {
    const first = createDnsResolver({ server: serverOf(knot.server) });
    const second = createDnsResolver({ server: serverOf(otherKnot.server) });
    expect(await first.resolveA('who.same.test')).toEqual({ ok: true, records: ['192.0.2.1'] });
    expect(await second.resolveA('who.same.test')).toEqual({ ok: true, records: ['192.0.2.2'] });
    expect(second.description).toBe(otherKnot.server);
  });
});

describe('createDnsResolver with bad names and silent servers', () => {
  it('refuses bad names without sending a query', async () => {
    const quiet = createDnsResolver({ server: serverOf(silent.server), timeoutMs: 10_000 });
    const before = silent.queriesSeen();
    const started = Date.now();
    const name254 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.test`;
    expect(name254).toHaveLength(254);
    const results = await Promise.all([
      quiet.resolveA(name254),
      quiet.resolveTxt(`${'a'.repeat(64)}.example`),
      quiet.resolveMx('bücher.example'),
      quiet.resolveA('two..dots.example'),
      quiet.resolveA(''),
    ]);
    for (const result of results) expect(result).toMatchObject({ ok: false, code: 'BAD_NAME' });
    expect(Date.now() - started).toBeLessThan(500);
    expect(silent.queriesSeen()).toBe(before);
  });

  it('accepts a name of exactly 253 octets and a label of 63', async () => {
    const name253 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(47)}.resolver.test`;
    expect(name253).toHaveLength(253);
    expect(await dns.resolveA(name253)).toMatchObject({ ok: false, code: 'NXDOMAIN' });
  });

  it('gives up on a server that never answers within the deadline, and says so', async () => {
    const quiet = createDnsResolver({ server: serverOf(silent.server), timeoutMs: TIMEOUT_MS });
    const started = Date.now();
    const result = await quiet.resolveA('www.resolver.test');
    const elapsed = Date.now() - started;
    expect(result).toEqual({
      ok: false,
      code: 'TIMEOUT',
      message: `The DNS server ${silent.server} did not answer within 1 s.`,
    });
    expect(elapsed).toBeLessThan(2 * TIMEOUT_MS);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS * 0.8);
    expect(silent.queriesSeen()).toBeGreaterThan(0);
  });

  it('keeps concurrent lookups independent when one times out', async () => {
    const quiet = createDnsResolver({ server: serverOf(silent.server), timeoutMs: TIMEOUT_MS });
    const [slow, fast] = await Promise.all([
      quiet.resolveTxt('x.resolver.test'),
      dns.resolveA('www.resolver.test'),
    ]);
    expect(slow).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(fast).toEqual({ ok: true, records: ['192.0.2.10'] });
  });
});
