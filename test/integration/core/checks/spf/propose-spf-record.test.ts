import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import { proposeSpfRecord } from '../../../../../main/core/checks/spf/propose-spf-record';
import type { DnsResolver } from '../../../../../main/core/ports';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';

const ZONES: Record<string, string> = {
  'merge.test': `
_spf TXT "v=spf1 ip4:192.0.2.0/24 include:_more.merge.test ~all"
_more TXT "v=spf1 ip4:198.51.100.0/24 ~all"
big TXT "v=spf1 include:b1.merge.test include:b2.merge.test include:b3.merge.test include:b4.merge.test include:b5.merge.test -all"
b1 TXT "v=spf1 a mx ~all"
b2 TXT "v=spf1 a mx ~all"
b3 TXT "v=spf1 a mx ~all"
b4 TXT "v=spf1 a ~all"
b5 TXT "v=spf1 ip4:192.0.2.1 ~all"
`,
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

describe('proposeSpfRecord', () => {
  it('keeps every existing include, ip4 and ip6, adds the new include before all, and counts the lookups', async () => {
    const proposal = await proposeSpfRecord(
      'v=spf1 ip4:203.0.113.5 ip6:2001:db8::/32 include:_spf.merge.test -all',
      ['include:_more.merge.test'],
      resolver,
    );
    expect(proposal.record).toBe(
      'v=spf1 ip4:203.0.113.5 ip6:2001:db8::/32 include:_spf.merge.test include:_more.merge.test -all',
    );
    // include:_spf (1) + its include:_more (1) + include:_more (1)
    expect(proposal.lookupCount).toBe(3);
    expect(proposal.notes).toEqual(['Added "include:_more.merge.test".']);
  });

  it('does not add an include that is already there, in any case or with a trailing dot', async () => {
    const proposal = await proposeSpfRecord(
      'v=spf1 include:_SPF.merge.test ~all',
      ['include:_spf.merge.test.'],
      resolver,
    );
    expect(proposal.record).toBe('v=spf1 include:_SPF.merge.test ~all');
    expect(proposal.notes[0]).toContain('already in the record');
  });

  it('tightens +all and ?all to ~all, keeps -all and ~all, and adds ~all when there is none', async () => {
    const tightened = await proposeSpfRecord('v=spf1 ip4:192.0.2.1 +all', [], resolver);
    expect(tightened.record).toBe('v=spf1 ip4:192.0.2.1 ~all');
    expect((await proposeSpfRecord('v=spf1 ip4:192.0.2.1 ?all', [], resolver)).record).toBe(
      'v=spf1 ip4:192.0.2.1 ~all',
    );
    expect((await proposeSpfRecord('v=spf1 -all', ['ip4:192.0.2.9'], resolver)).record).toBe(
      'v=spf1 ip4:192.0.2.9 -all',
    );
    expect((await proposeSpfRecord('v=spf1 ip4:192.0.2.1', [], resolver)).record).toBe(
      'v=spf1 ip4:192.0.2.1 ~all',
    );
  });

  it('keeps a redirect (and adds no all after it), and drops terms that are not valid SPF', async () => {
    const redirect = await proposeSpfRecord('v=spf1 redirect=_spf.merge.test', ['ip4:192.0.2.7'], resolver);
    expect(redirect.record).toBe('v=spf1 ip4:192.0.2.7 redirect=_spf.merge.test');
    expect(redirect.lookupCount).toBe(2);
    const broken = await proposeSpfRecord(
      'v=spf1 ip4:192.0.2.300 include:_spf.merge.test -all',
      [],
      resolver,
    );
    expect(broken.record).toBe('v=spf1 include:_spf.merge.test -all');
    expect(broken.notes[0]).toContain('ip4:192.0.2.300');
  });

  it('makes a new record when there is none', async () => {
    const proposal = await proposeSpfRecord(null, ['include:_spf.merge.test'], resolver);
    expect(proposal.record).toBe('v=spf1 include:_spf.merge.test ~all');
    expect(proposal.lookupCount).toBe(2);
  });

  it('says when the merged record would need more than 10 lookups', async () => {
    const proposal = await proposeSpfRecord(
      'v=spf1 include:big.merge.test -all',
      ['include:_spf.merge.test'],
      resolver,
      {
        domain: 'merge.test',
      },
    );
    // big: 1 + 5 includes + b1..b3 (2 each) + b4 (1) = 13; _spf: 2
    expect(proposal.lookupCount).toBe(15);
    expect(proposal.notes.at(-1)).toContain('more than the 10');
  });
});
