import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import { walkSpfTree } from '../../../../../main/core/checks/spf/spf-tree';
import type { DnsResolver } from '../../../../../main/core/ports';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';

/** 30 records, each including the next two: a fan-out that would be 2^30 nodes if walked naively. */
const FANOUT_DEPTH = 30;
const fanout = Array.from(
  { length: FANOUT_DEPTH },
  (_, i) =>
    `f${String(i)} TXT "v=spf1 include:f${String(i + 1)}.tree.test include:f${String(i + 1)}.tree.test -all"`,
).join('\n');

const ZONES: Record<string, string> = {
  'tree.test': `
${fanout}
f${String(FANOUT_DEPTH)} TXT "v=spf1 -all"
macro TXT "v=spf1 include:%{ir}.%{v}._spf.tree.test exists:%{i}.bl.tree.test -all"
ignored TXT "v=spf1 -all redirect=elsewhere.tree.test"
cname CNAME target.tree.test.
target TXT "v=spf1 ip4:192.0.2.1 -all"
uses TXT "v=spf1 include:cname.tree.test -all"
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

describe('walkSpfTree', () => {
  it('stops a hostile fan-out of includes at its node and query bounds, and says so', async () => {
    const started = Date.now();
    const tree = await walkSpfTree('f0.tree.test', resolver);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(tree.problems.truncated).toBe(true);
    expect(tree.totalLookups).toBeGreaterThan(10);
  });

  it('does not follow targets built from macros, and shows them as depending on the sender', async () => {
    const tree = await walkSpfTree('macro.tree.test', resolver);
    expect(tree.totalLookups).toBe(2);
    expect(tree.root.children).toMatchObject([
      { status: 'depends-on-sender', via: 'include:%{ir}.%{v}._spf.tree.test' },
    ]);
  });

  it('ignores a redirect next to "all" (RFC 7208 section 6.1) without costing a query', async () => {
    const tree = await walkSpfTree('ignored.tree.test', resolver);
    expect(tree.root.children).toMatchObject([{ status: 'not-followed', domain: 'elsewhere.tree.test' }]);
  });

  it('follows an include through a CNAME', async () => {
    const tree = await walkSpfTree('uses.tree.test', resolver);
    expect(tree.root.children).toMatchObject([
      { domain: 'cname.tree.test', status: 'ok', record: 'v=spf1 ip4:192.0.2.1 -all' },
    ]);
  });
});
