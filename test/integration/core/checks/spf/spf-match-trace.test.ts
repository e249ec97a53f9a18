import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import { traceSpfMatch } from '../../../../../main/core/checks/spf/spf-match-trace';
import type { DnsResolver } from '../../../../../main/core/ports';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';

const ZONES: Record<string, string> = {
  'trace.test': `
@ TXT "v=spf1 -ip4:192.0.2.66 a/28 mx:mail.trace.test ip6:2001:db8:1::/48 ptr:rev.trace.test ?include:inc.trace.test redirect=last.trace.test"
@ A 192.0.2.16
mail MX 10 mx1.trace.test.
mx1 A 198.51.100.20
inc TXT "v=spf1 exists:%{i}.allow.trace.test -all"
203.0.113.7.allow A 127.0.0.2
last TXT "v=spf1 ~all"
host.rev A 203.0.113.50
`,
  '113.0.203.in-addr.arpa': `
50 PTR host.rev.trace.test.
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

async function trace(ip: string): Promise<string> {
  const match = await traceSpfMatch(
    { domain: 'trace.test', sender: 'a@trace.test', helo: 'trace.test', ip },
    resolver,
  );
  return match === null
    ? 'none'
    : `${match.qualifier}${match.mechanism} in ${match.recordDomain} via [${match.via.join(', ')}]`;
}

describe('traceSpfMatch names the first mechanism that matches, in evaluation order', () => {
  it('follows each mechanism kind to its match', async () => {
    expect(await trace('192.0.2.66')).toBe('--ip4:192.0.2.66 in trace.test via []');
    expect(await trace('192.0.2.29')).toBe('+a/28 in trace.test via []');
    expect(await trace('198.51.100.20')).toBe('+mx:mail.trace.test in trace.test via []');
    expect(await trace('2001:db8:1:ff::1')).toBe('+ip6:2001:db8:1::/48 in trace.test via []');
    expect(await trace('203.0.113.50')).toBe('+ptr:rev.trace.test in trace.test via []');
  });

  it('gives an include the qualifier of the include term and shows the path', async () => {
    expect(await trace('203.0.113.7')).toBe(
      '?exists:%{i}.allow.trace.test in inc.trace.test via [?include:inc.trace.test]',
    );
  });

  it('falls through to the redirect when nothing matched', async () => {
    expect(await trace('192.0.2.200')).toBe('~~all in last.trace.test via [redirect=last.trace.test]');
  });

  it('says nothing for an address it cannot read', async () => {
    expect(await trace('not-an-ip')).toBe('none');
  });
});
