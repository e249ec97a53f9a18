import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import { checkSpf, type SpfCheckResult } from '../../../../../main/core/checks/spf/check-spf';
import type { DnsResolver } from '../../../../../main/core/ports';
import { delegatedDnsResolver } from '../../../../helpers/delegated-dns-resolver';
import type { Finding, JsonValue } from '../../../../../preload/contract/findings';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';
import { startSilentDnsServer, type SilentDnsServer } from '../../../../helpers/silent-dns-server';

const RESOLVER_TIMEOUT_MS = 3_000;
const SILENT_TIMEOUT_MS = 1_000;
/** 10,400 characters: over the parser's 4,096 and split into 250-character strings for the zone file. */
const HUGE_RECORD = `v=spf1 ${'ip4:192.0.2.1 '.repeat(800)}-all`;
const hugeStrings = (HUGE_RECORD.match(/.{1,250}/g) ?? []).map((s) => `"${s}"`).join(' ');
const elevenMx = Array.from({ length: 11 }, (_, i) => `mxmany MX ${String(i)} host.spf.test.`).join('\n');

const ZONES: Record<string, string> = {
  'spf.test': `
host A 192.0.2.10
host MX 10 host.spf.test.
good TXT "v=spf1 ip4:192.0.2.0/24 include:_spf.provider.test -all"
good TXT "google-site-verification=abc"
none TXT "just some text"
two TXT "v=spf1 ip4:192.0.2.1 -all"
two TXT "v=spf1 include:_spf.provider.test ~all"
plusall TXT "v=spf1 mx:host.spf.test +all"
softall TXT "v=spf1 ip4:192.0.2.1 ~all"
neutralall TXT "v=spf1 ip4:192.0.2.1 ?all"
noall TXT "v=spf1 ip4:192.0.2.1"
redirected TXT "v=spf1 redirect=good.spf.test"
ptr TXT "v=spf1 ptr ip4:192.0.2.1 -all"
many TXT "v=spf1 include:l1.spf.test include:l2.spf.test a:host.spf.test mx:host.spf.test -all"
l1 TXT "v=spf1 include:l3.spf.test a:host.spf.test mx:host.spf.test ~all"
l2 TXT "v=spf1 a:host.spf.test mx:host.spf.test exists:host.spf.test ~all"
l3 TXT "v=spf1 a:host.spf.test -all"
loop TXT "v=spf1 include:loopb.spf.test -all"
loopb TXT "v=spf1 ip4:192.0.2.9 include:loop.spf.test -all"
void TXT "v=spf1 a:nx1.spf.test a:nx2.spf.test mx:nx3.spf.test -all"
missing TXT "v=spf1 include:nothing-here.spf.test -all"
ctrl TXT "v=spf1 ip4:192.0.2.5\\010 include:_spf.provider.test\\009~all"
huge TXT ${hugeStrings}
${elevenMx}
mxmany TXT "v=spf1 mx -all"
syntax TXT "v=spf1 ip4:192.0.2.300 include: -all"
gmail TXT "v=spf1 include:_spf.provider.test ip4:192.0.2.1 ?all"
workspace TXT "v=spf1 include:_spf.google.com -all"
darkinclude TXT "v=spf1 ip4:192.0.2.1 include:_spf.dark.test -all"
`,
  'provider.test': `
_spf TXT "v=spf1 include:_netblocks.provider.test ~all"
_netblocks TXT "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:5::/48 ~all"
`,
  // A stand-in for Google's published SPF tree, served only on loopback, so the merge fix can be walked.
  'google.com': `
_spf TXT "v=spf1 include:_netblocks.google.com include:_netblocks2.google.com ~all"
_netblocks TXT "v=spf1 ip4:203.0.113.0/24 ~all"
_netblocks2 TXT "v=spf1 ip6:2001:db8:4860::/48 ~all"
`,
};

let knot: KnotServer;
let silent: SilentDnsServer;
let resolver: DnsResolver;

beforeAll(async () => {
  [knot, silent] = await Promise.all([startKnot(ZONES), startSilentDnsServer()]);
  resolver = createDnsResolver({
    server: { host: knot.address, port: knot.port },
    timeoutMs: RESOLVER_TIMEOUT_MS,
  });
});

afterAll(async () => {
  await Promise.all([knot.stop(), silent.stop()]);
});

function ids(result: SpfCheckResult): string[] {
  return result.findings.map((f) => f.id);
}

function find(result: SpfCheckResult, id: string): Finding {
  const found = result.findings.find((f) => f.id === id);
  if (found === undefined) throw new Error(`No finding ${id} among ${ids(result).join(', ')}`);
  return found;
}

/** "domain status own/total" lines of the evidence tree, indented by depth. */
function treeLines(node: JsonValue, depth = 0): string[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [];
  const record = node as { readonly [key: string]: JsonValue };
  const children = Array.isArray(record['children']) ? (record['children'] as JsonValue[]) : [];
  const field = (key: string): string => {
    const value = record[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
  };
  const line = `${'  '.repeat(depth)}${field('domain')} ${field('status')} ${field('lookups')}/${field('totalLookups')}`;
  return [line, ...children.flatMap((child) => treeLines(child, depth + 1))];
}

/** Knot for everything but dark.test, whose name server never answers: a provider's DNS that is down. */
function darkIncludeResolver(): DnsResolver {
  const quiet = createDnsResolver({
    server: { host: '127.0.0.1', port: silent.port },
    timeoutMs: SILENT_TIMEOUT_MS,
  });
  return delegatedDnsResolver({ 'dark.test': quiet }, resolver);
}

describe('checkSpf against a real DNS server', () => {
  it('passes a good record: one record, valid, within the lookup limit, -all', async () => {
    const result = await checkSpf({ domain: 'Good.SPF.test.', resolver });
    expect(result.record).toBe('v=spf1 ip4:192.0.2.0/24 include:_spf.provider.test -all');
    expect(result.lookupCount).toBe(2);
    expect(ids(result)).toEqual([
      'spf.record.found',
      'spf.syntax.valid',
      'spf.lookups.within-limit',
      'spf.all.fail',
    ]);
    expect(result.findings.every((f) => f.severity === 'pass')).toBe(true);
    expect(treeLines(find(result, 'spf.lookups.within-limit').evidence['tree'] ?? null)).toEqual([
      'good.spf.test ok 1/2',
      '  _spf.provider.test ok 1/1',
      '    _netblocks.provider.test ok 0/0',
    ]);
  });

  it('evaluates an IP that matches through a nested include and names the mechanism and the path', async () => {
    const result = await checkSpf({
      domain: 'good.spf.test',
      resolver,
      evaluateIps: ['198.51.100.7', '203.0.113.9'],
    });
    expect(result.evaluation.map((e) => [e.ip, e.result])).toEqual([
      ['198.51.100.7', 'pass'],
      ['203.0.113.9', 'fail'],
    ]);
    expect(result.evaluation[0]?.matched).toEqual({
      mechanism: 'ip4:198.51.100.0/24',
      recordDomain: '_netblocks.provider.test',
      qualifier: '+',
      via: ['include:_spf.provider.test', 'include:_netblocks.provider.test'],
    });
    expect(result.evaluation[1]?.matched).toMatchObject({ mechanism: '-all', recordDomain: 'good.spf.test' });
    const pass = find(result, 'spf.evaluation.pass');
    expect(pass.evidence).toMatchObject({ ip: '198.51.100.7', matchedMechanism: 'ip4:198.51.100.0/24' });
    expect(find(result, 'spf.evaluation.fail').severity).toBe('high');
  });

  it('marks a server that only reaches ~all as not listed (soft fail), with the address in the words', async () => {
    const result = await checkSpf({ domain: 'softall.spf.test', resolver, evaluateIps: ['203.0.113.9'] });
    expect(result.evaluation.map((e) => e.result)).toEqual(['softfail']);
    const soft = find(result, 'spf.evaluation.softfail');
    expect(soft.severity).toBe('medium');
    expect(soft.title).toBe('203.0.113.9 is not listed in the SPF record of softall.spf.test (soft fail)');
    expect(soft.explanation).toContain('The server at 203.0.113.9 is not listed');
    expect(soft.evidence).toMatchObject({ matchedMechanism: '~all', matchedIn: 'softall.spf.test' });
    expect(soft.fix.steps.join(' ')).toContain('ip4:/ip6:');
  });

  it('says SPF gives no verdict for an address a user gives that only reaches ?all (neutral)', async () => {
    const result = await checkSpf({ domain: 'neutralall.spf.test', resolver, senderIps: ['198.51.100.20'] });
    expect(result.senderEvaluation.map((e) => e.result)).toEqual(['neutral']);
    const neutral = find(result, 'spf.evaluation.neutral');
    expect(neutral.severity).toBe('medium');
    expect(neutral.title).toBe(
      'SPF gives no verdict for 198.51.100.20 sending as neutralall.spf.test (neutral)',
    );
    expect(neutral.explanation).toContain('A sender at 198.51.100.20 is neither allowed nor refused');
    expect(neutral.checkId).toBe('spf:neutralall.spf.test:ip:198.51.100.20');
  });

  it('gives no SPF result for a server of a domain without a record, and sends the user to publish one', async () => {
    const result = await checkSpf({ domain: 'none.spf.test', resolver, evaluateIps: ['192.0.2.10'] });
    expect(result.evaluation.map((e) => e.result)).toEqual(['none']);
    const none = find(result, 'spf.evaluation.none');
    expect(none.severity).toBe('high');
    expect(none.title).toBe('No SPF result for 192.0.2.10: none.spf.test has no usable record');
    expect(none.fix.steps).toEqual(['Publish an SPF record (see the SPF record finding).']);
    expect(ids(result)).toContain('spf.record.missing');
  });

  it('reports an include whose DNS never answers: part of the tree unread, and a temporary error for the server', async () => {
    const started = Date.now();
    const result = await checkSpf({
      domain: 'darkinclude.spf.test',
      resolver: darkIncludeResolver(),
      evaluateIps: ['198.51.100.7'],
    });
    expect(Date.now() - started).toBeLessThan(SILENT_TIMEOUT_MS * 10);
    const unread = find(result, 'spf.include.lookup-failed');
    expect(unread.severity).toBe('medium');
    expect(unread.title).toBe('Part of the SPF tree of darkinclude.spf.test could not be read');
    expect(unread.evidence['codes']).toEqual(['TIMEOUT']);
    // It names the name that failed, whose owner the fix asks the user to contact.
    expect(unread.explanation).toMatch(
      /^Looking up _spf\.dark\.test failed: .+ The lookup count may be higher than shown\./,
    );
    // 198.51.100.7 is not 192.0.2.1, so the evaluation must ask the silent include: a temporary error.
    expect(result.evaluation.map((e) => e.result)).toEqual(['temperror']);
    const temporary = find(result, 'spf.evaluation.temperror');
    expect(temporary.severity).toBe('medium');
    expect(temporary.title).toBe('SPF for 198.51.100.7 ended in a temporary error');
    expect(temporary.explanation).toMatch(/\S.*Receivers meeting this may delay your mail\.$/);
    expect(temporary.fix.steps[0]).toBe('Run the check again.');
  });

  it("confirms the record authorises the account's provider when its documented include is there", async () => {
    const result = await checkSpf({
      domain: 'workspace.spf.test',
      resolver,
      presetIds: ['google-workspace'],
    });
    const present = find(result, 'spf.provider.include-present');
    expect(present.severity).toBe('pass');
    expect(present.title).toMatch(/^The SPF record of workspace\.spf\.test authorises Google/);
    expect(present.explanation).toBe('It includes include:_spf.google.com.');
    expect(ids(result)).not.toContain('spf.provider.include-missing');
  });

  it('finds no record among other TXT records and proposes one to publish', async () => {
    const result = await checkSpf({ domain: 'none.spf.test', resolver, presetIds: ['google-workspace'] });
    expect(result.record).toBeNull();
    const missing = find(result, 'spf.record.missing');
    expect(missing.severity).toBe('high');
    expect(missing.fix.record).toEqual({
      type: 'TXT',
      name: 'none.spf.test',
      value: 'v=spf1 include:_spf.google.com ~all',
    });
    expect(missing.evidence['proposedLookupCount']).toBe(3);
  });

  it('makes two SPF records a permerror and proposes one merged record', async () => {
    const result = await checkSpf({ domain: 'two.spf.test', resolver, evaluateIps: ['192.0.2.1'] });
    const multiple = find(result, 'spf.record.multiple');
    expect(multiple.evidence['count']).toBe(2);
    expect(multiple.fix.record?.value).toBe('v=spf1 ip4:192.0.2.1 include:_spf.provider.test -all');
    expect(result.evaluation[0]?.result).toBe('permerror');
  });

  it('calls +all critical and tightens it to ~all in the fix, keeping the other terms', async () => {
    const result = await checkSpf({ domain: 'plusall.spf.test', resolver });
    const plus = find(result, 'spf.all.plus-all');
    expect(plus.severity).toBe('critical');
    expect(plus.fix.record?.value).toBe('v=spf1 mx:host.spf.test ~all');
  });

  it('explains ~all (fine with DMARC enforcement), ?all (neutral) and a missing all (neutral default)', async () => {
    const soft = find(await checkSpf({ domain: 'softall.spf.test', resolver }), 'spf.all.softfail');
    expect(soft.severity).toBe('info');
    expect(soft.explanation).toContain('DMARC');
    const neutral = find(await checkSpf({ domain: 'neutralall.spf.test', resolver }), 'spf.all.neutral');
    expect(neutral.severity).toBe('medium');
    expect(neutral.fix.record?.value).toBe('v=spf1 ip4:192.0.2.1 ~all');
    const none = find(await checkSpf({ domain: 'noall.spf.test', resolver }), 'spf.all.missing');
    expect(none.explanation).toContain('neutral');
    expect(none.fix.record?.value).toBe('v=spf1 ip4:192.0.2.1 ~all');
    const redirected = await checkSpf({ domain: 'redirected.spf.test', resolver });
    expect(find(redirected, 'spf.all.fail').evidence['allIn']).toBe('good.spf.test');
  });

  it('flags the deprecated ptr mechanism', async () => {
    const ptr = find(await checkSpf({ domain: 'ptr.spf.test', resolver }), 'spf.mechanism.ptr');
    expect(ptr.severity).toBe('low');
    expect(ptr.evidence['terms']).toEqual(['ptr (ptr.spf.test)']);
  });

  it('counts 11 lookups through nested includes, shows the tree and calls it a permerror', async () => {
    const result = await checkSpf({ domain: 'many.spf.test', resolver });
    expect(result.lookupCount).toBe(11);
    const tooMany = find(result, 'spf.lookups.too-many');
    expect(tooMany.severity).toBe('high');
    expect(treeLines(tooMany.evidence['tree'] ?? null)).toEqual([
      'many.spf.test ok 4/11',
      '  l1.spf.test ok 3/4',
      '    l3.spf.test ok 1/1',
      '  l2.spf.test ok 3/3',
    ]);
  });

  it('detects an include loop without following it forever', async () => {
    const result = await checkSpf({ domain: 'loop.spf.test', resolver, evaluateIps: ['192.0.2.99'] });
    expect(find(result, 'spf.include.loop').evidence['loops']).toEqual(['loopb.spf.test -> loop.spf.test']);
    expect(result.evaluation[0]?.result).toBe('permerror');
  });

  it('counts void lookups over 2 as a permerror, and an include without a record', async () => {
    const voids = find(await checkSpf({ domain: 'void.spf.test', resolver }), 'spf.lookups.void-too-many');
    expect(voids.evidence['voidLookups']).toBe(3);
    const missing = find(await checkSpf({ domain: 'missing.spf.test', resolver }), 'spf.include.missing');
    expect(missing.evidence['terms']).toEqual(['include:nothing-here.spf.test (missing.spf.test)']);
  });

  it('flags an mx mechanism over more than 10 MX records', async () => {
    const mx = find(await checkSpf({ domain: 'mxmany.spf.test', resolver }), 'spf.mx.too-many-records');
    expect(mx.evidence['details']).toEqual(['mx: mxmany.spf.test has 11 MX records']);
  });

  it('reports control characters as data and proposes the record retyped on one line', async () => {
    const result = await checkSpf({ domain: 'ctrl.spf.test', resolver });
    const ctrl = find(result, 'spf.record.control-characters');
    expect(ctrl.evidence['count']).toBe(2);
    expect(ctrl.evidence['shown']).toBe(
      'v=spf1 ip4:192.0.2.5⟨U+000A⟩ include:_spf.provider.test⟨U+0009⟩~all',
    );
    expect(ctrl.fix.record?.value).toBe('v=spf1 ip4:192.0.2.5 include:_spf.provider.test ~all');
    expect(ids(result)).not.toContain('spf.syntax.valid');
  });

  it('reports a huge TXT answer instead of choking on it', async () => {
    const result = await checkSpf({ domain: 'huge.spf.test', resolver });
    expect(find(result, 'spf.record.too-long').evidence['length']).toBe(HUGE_RECORD.length);
    const capped = createDnsResolver({
      server: { host: knot.address, port: knot.port },
      timeoutMs: RESOLVER_TIMEOUT_MS,
      maxTxtChars: 4_096,
    });
    const refused = find(await checkSpf({ domain: 'huge.spf.test', resolver: capped }), 'spf.lookup.failed');
    expect(refused.evidence['code']).toBe('TOO_MANY_ANSWERS');
  });

  it('lists every syntax error and proposes a record without the broken terms', async () => {
    const syntax = find(await checkSpf({ domain: 'syntax.spf.test', resolver }), 'spf.syntax.invalid');
    expect(syntax.evidence['count']).toBe(2);
    expect(syntax.fix.record?.value).toBe('v=spf1 -all');
  });

  it('merges the provider include into the existing record and reports the new lookup count', async () => {
    const result = await checkSpf({ domain: 'gmail.spf.test', resolver, presetIds: ['google-workspace'] });
    const missing = find(result, 'spf.provider.include-missing');
    expect(missing.fix.record?.value).toBe(
      'v=spf1 include:_spf.provider.test ip4:192.0.2.1 include:_spf.google.com ~all',
    );
    expect(missing.evidence['proposedLookupCount']).toBe(5);
    expect(result.lookupCount).toBe(2);
    expect(missing.fix.providerSteps?.['google-workspace']?.[0]).toContain('include:_spf.google.com');
  });

  it('turns a DNS server that never answers into a finding within the deadline', async () => {
    const silentResolver = createDnsResolver({
      server: { host: '127.0.0.1', port: silent.port },
      timeoutMs: SILENT_TIMEOUT_MS,
    });
    const started = Date.now();
    const result = await checkSpf({
      domain: 'good.spf.test',
      resolver: silentResolver,
      evaluateIps: ['192.0.2.1'],
    });
    expect(Date.now() - started).toBeLessThan(SILENT_TIMEOUT_MS * 3);
    expect(find(result, 'spf.lookup.failed').evidence['code']).toBe('TIMEOUT');
    expect(silent.queriesSeen()).toBeGreaterThan(0);
  });

  it('refuses a domain that is not a domain, with the reason', async () => {
    const result = await checkSpf({ domain: `${'a'.repeat(64)}.test`, resolver });
    expect(ids(result)).toEqual(['spf.domain.invalid']);
    expect(result.findings[0]?.explanation).toContain('63');
  });
});
