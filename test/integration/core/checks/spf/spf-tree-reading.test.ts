/**
 * Issue 14's SPF records on a real Knot server: a syntax error inside an include, the 10-lookup cut-off,
 * an empty string in the TXT answer, and mechanisms after "all"; through checkSpf (tree findings and the
 * verdict for given sender addresses) and the tree reading itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import { checkSpf, type SpfCheckResult } from '../../../../../main/core/checks/spf/check-spf';
import { walkSpfTree } from '../../../../../main/core/checks/spf/spf-tree';
import {
  includeSyntaxErrors,
  lookupCutoff,
  termsAfterAll,
} from '../../../../../main/core/checks/spf/spf-tree-reading';
import type { DnsResolver } from '../../../../../main/core/ports';
import type { Finding } from '../../../../../preload/contract/findings';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';

const EIGHT_AS = Array.from({ length: 8 }, () => 'a:h.reading.test').join(' ');

const ZONES: Record<string, string> = {
  'reading.test': `
h A 192.0.2.99
; The issue's record: an include whose target is "v=spf1 include +all" (include with no domain).
inc TXT "v=spf1 ip4:192.0.2.1 include:mid.reading.test -all"
mid TXT "v=spf1 include:bad.reading.test ~all"
bad TXT "v=spf1 include +all"
; 1 (include:big) + 8 (a in big) + 1 (include:late) = 10; the a in late is the 11th lookup.
lim TXT "v=spf1 ip4:192.0.2.1 include:big.reading.test ip4:192.0.2.2 include:late.reading.test ip4:192.0.2.3 -all"
big TXT "v=spf1 ip4:203.0.113.5 ${EIGHT_AS}"
late TXT "v=spf1 ip4:198.51.100.0/24 a:h.reading.test"
; One TXT record of three strings, the middle one empty, and an empty TXT record beside it.
empty TXT "v=spf1 ip4:192.0.2.1 " "" "-all"
empty TXT ""
after TXT "v=spf1 ip4:192.0.2.1 -all ip4:198.51.100.7 include:mid.reading.test"
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

function find(result: SpfCheckResult, id: string): Finding {
  const found = result.findings.find((f) => f.id === id);
  if (found === undefined) throw new Error(`No ${id} among ${result.findings.map((f) => f.id).join(', ')}`);
  return found;
}

describe('a syntax error inside an include (RFC 7208 sections 4.6 and 5.2)', () => {
  it('is a high finding naming the include path, and the permerror of senders that reach it', async () => {
    const result = await checkSpf({
      domain: 'inc.reading.test',
      resolver,
      senderIps: ['192.0.2.1', '198.51.100.7'],
    });
    const broken = find(result, 'spf.include.syntax-error');
    expect(broken.severity).toBe('high');
    expect(broken.evidence).toMatchObject({
      includedDomain: 'bad.reading.test',
      includePath: ['include:mid.reading.test', 'include:bad.reading.test'],
    });
    expect(broken.title).toContain('bad.reading.test');
    // Matched before the include: still pass. Reaching it: permerror, the comment naming the path.
    const [early, late] = result.senderEvaluation;
    expect(early?.result).toBe('pass');
    expect(late?.result).toBe('permerror');
    expect(late?.comment).toContain('include:mid.reading.test -> include:bad.reading.test');
    expect(
      result.findings.filter((f) => f.id === 'spf.evaluation.pass').map((f) => f.evidence['ip']),
    ).toEqual(['192.0.2.1']);
    expect(find(result, 'spf.evaluation.permerror').evidence).toMatchObject({
      ip: '198.51.100.7',
      role: 'A sender',
    });
  });

  it('reads the broken record from the tree', async () => {
    const tree = await walkSpfTree('inc.reading.test', resolver);
    expect(includeSyntaxErrors(tree)).toEqual([
      {
        domain: 'bad.reading.test',
        path: ['include:mid.reading.test', 'include:bad.reading.test'],
        messages: [expect.stringContaining('include') as unknown as string],
      },
    ]);
  });
});

describe('the 10-lookup limit (RFC 7208 section 4.6.4)', () => {
  it('names the 11th lookup, the senders that still pass and those that fail', async () => {
    const tree = await walkSpfTree('lim.reading.test', resolver);
    expect(tree.totalLookups).toBe(11);
    const cutoff = lookupCutoff(tree);
    expect(cutoff?.cutoffTerm).toBe('a:h.reading.test (in late.reading.test)');
    expect(cutoff?.stillEvaluated).toEqual([
      'ip4:192.0.2.1 (in lim.reading.test)',
      'ip4:203.0.113.5 (in big.reading.test)',
      ...Array.from({ length: 8 }, () => 'a:h.reading.test (in big.reading.test)'),
      'ip4:192.0.2.2 (in lim.reading.test)',
      'ip4:198.51.100.0/24 (in late.reading.test)',
    ]);
    expect(cutoff?.neverReached).toEqual([
      'a:h.reading.test (in late.reading.test)',
      'ip4:192.0.2.3 (in lim.reading.test)',
      '-all (in lim.reading.test)',
    ]);
  });

  it('agrees with the verdicts: matched before the 11th lookup passes, after it is permerror', async () => {
    const result = await checkSpf({
      domain: 'lim.reading.test',
      resolver,
      senderIps: ['192.0.2.2', '198.51.100.7', '192.0.2.3'],
    });
    expect(result.senderEvaluation.map((e) => [e.ip, e.result])).toEqual([
      ['192.0.2.2', 'pass'],
      ['198.51.100.7', 'pass'],
      ['192.0.2.3', 'permerror'],
    ]);
    const tooMany = find(result, 'spf.lookups.too-many');
    expect(tooMany.evidence).toMatchObject({ cutoffTerm: 'a:h.reading.test (in late.reading.test)' });
    expect(tooMany.explanation).toContain('ip4:192.0.2.2 (in lim.reading.test)');
    expect(tooMany.explanation).toContain('ip4:192.0.2.3 (in lim.reading.test)');
  });

  it('has no cut-off for a tree within the limit', async () => {
    expect(lookupCutoff(await walkSpfTree('inc.reading.test', resolver))).toBeNull();
  });
});

describe('TXT answers and "all"', () => {
  it('reads an SPF record split around an empty string, next to an empty TXT record', async () => {
    const result = await checkSpf({ domain: 'empty.reading.test', resolver, senderIps: ['192.0.2.1'] });
    expect(result.record).toBe('v=spf1 ip4:192.0.2.1 -all');
    expect(result.findings.map((f) => f.id)).toContain('spf.syntax.valid');
    expect(result.senderEvaluation.map((e) => e.result)).toEqual(['pass']);
  });

  it('warns (low) about mechanisms after "all", which no receiver reads', async () => {
    const result = await checkSpf({ domain: 'after.reading.test', resolver, senderIps: ['198.51.100.7'] });
    const after = find(result, 'spf.all.terms-after');
    expect(after.severity).toBe('low');
    expect(after.evidence['terms']).toEqual([
      'ip4:198.51.100.7 (in after.reading.test)',
      'include:mid.reading.test (in after.reading.test)',
    ]);
    // Never read: the address listed after -all fails, and the broken include behind it is never reached.
    expect(result.senderEvaluation.map((e) => e.result)).toEqual(['fail']);
    expect(termsAfterAll(await walkSpfTree('inc.reading.test', resolver))).toEqual([]);
  });
});
