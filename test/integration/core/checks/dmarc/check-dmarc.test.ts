import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import { checkDmarc } from '../../../../../main/core/checks/dmarc/check-dmarc';
import type { DnsResolver } from '../../../../../main/core/ports';
import type { Finding } from '../../../../../preload/contract/findings';
import { delegatedDnsResolver } from '../../../../helpers/delegated-dns-resolver';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';
import { startSilentDnsServer, type SilentDnsServer } from '../../../../helpers/silent-dns-server';

const ZONES: Record<string, string> = {
  'reject.test': '_dmarc TXT "v=DMARC1; p=reject; rua=mailto:dmarc@reject.test"',
  'none.test': '_dmarc TXT "v=DMARC1; p=none"\n_dmarc TXT "google-site-verification=abc"',
  'quarantine.test':
    '_dmarc TXT "v=DMARC1; p=quarantine; pct=50; sp=none; adkim=s; rua=mailto:r@quarantine.test"',
  'org.test': '_dmarc TXT "v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@org.test"\nmail A 192.0.2.1',
  'external.test': '_dmarc TXT "v=DMARC1; p=reject; rua=mailto:a@reports.test,mailto:b@noauth.test!10m"',
  'allauth.test': '_dmarc TXT "v=DMARC1; p=reject; rua=mailto:a@reports.test"',
  'reports.test': `
external.test._report._dmarc TXT "v=DMARC1"
allauth.test._report._dmarc TXT "v=DMARC1"
`,
  'noauth.test': 'www A 192.0.2.2',
  'quietrua.test': '_dmarc TXT "v=DMARC1; p=reject; rua=mailto:d@quiet-reports.test"',
  'empty.test': 'www A 192.0.2.3',
  'multiple.test': '_dmarc TXT "v=DMARC1; p=reject"\n_dmarc TXT "v=DMARC1; p=none"',
  'ctrl.test': '_dmarc TXT "v=DMARC1; p=reject\\007; rua=mailto:d@ctrl.test"',
  'syntax.test': '_dmarc TXT "v=DMARC1; p=rejected; pct=150; rua=dmarc@syntax.test; foo=bar"',
  // RFC 9989: the tree walk reaches a record two labels up, which the public-suffix list never asks about.
  'walk.test': '_dmarc.deep TXT "v=DMARC1; p=reject; sp=quarantine"\nx.y.deep A 192.0.2.4',
  // A public suffix operator's record (psd=y) above an organisation without one.
  'psd.test': '_dmarc TXT "v=DMARC1; p=reject; psd=y"\nshop A 192.0.2.5',
  'ruaonly.test': '_dmarc TXT "v=DMARC1; rua=mailto:d@ruaonly.test"',
  'nop.test': '_dmarc TXT "v=DMARC1; adkim=s"',
  'spaced.test': '_dmarc TXT "  v=DMARC1; p=reject"',
  'broken.test': '_dmarc TXT "v=DMARC1; p=reject; fo=9; np=never; rua=mailto:d@broken.test"',
  'testing.test': '_dmarc TXT "v=DMARC1; p=reject; t=y; rua=mailto:d@testing.test"',
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

function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.id);
}

function one(findings: readonly Finding[], id: string): Finding {
  const found = findings.filter((f) => f.id === id);
  expect(found, `${id} in ${ids(findings).join(', ')}`).toHaveLength(1);
  return found[0] as Finding;
}

describe('checkDmarc against a real Knot DNS', () => {
  it('passes p=reject with reports at the same domain', async () => {
    const { findings, result } = await checkDmarc({ domain: 'reject.test', resolver });
    expect(ids(findings)).toEqual(['dmarc.policy.reject']);
    expect(result).toMatchObject({
      status: 'found',
      policy: 'reject',
      appliedPolicy: 'reject',
      pct: 100,
      source: 'domain',
      valid: true,
    });
  });

  it('gives p=none the staged plan with the exact quarantine record, ignoring non-DMARC TXT records', async () => {
    const { findings } = await checkDmarc({ domain: 'none.test', resolver });
    const none = one(findings, 'dmarc.policy.none');
    expect(none.fix.record).toEqual({
      type: 'TXT',
      name: '_dmarc.none.test',
      value: 'v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@none.test',
    });
    expect(none.fix.steps.join('\n')).toMatch(/Stage 1[\s\S]*Stage 2[\s\S]*Stage 3/);
    expect(one(findings, 'dmarc.rua.missing').fix.record?.value).toBe(
      'v=DMARC1; p=none; rua=mailto:dmarc-reports@none.test',
    );
  });

  it('notes pct as obsolete (RFC 9989) with what RFC 7489 receivers do, flags a weaker sp and strict alignment', async () => {
    const { findings, result } = await checkDmarc({ domain: 'quarantine.test', resolver });
    const pct = one(findings, 'dmarc.tag.obsolete');
    expect(pct.severity).toBe('info');
    expect(pct.title).toContain('obsolete; older receivers may still honour it');
    expect(pct.evidence).toMatchObject({ tag: 'pct', value: '50' });
    expect(pct.explanation).toContain('apply p=quarantine to 50% of failing mail and p=none to the rest');
    expect(one(findings, 'dmarc.subdomain-policy.weaker').evidence).toMatchObject({
      tag: 'sp',
      value: 'none',
    });
    expect(one(findings, 'dmarc.alignment.strict').evidence).toMatchObject({ strict: 'adkim=s' });
    expect(one(findings, 'dmarc.policy.quarantine').fix.record?.value).toBe(
      'v=DMARC1; p=reject; sp=none; adkim=s; rua=mailto:r@quarantine.test',
    );
    expect(result.pct).toBe(50);
  });

  it('walks up the DNS tree to the parent record and applies its sp (RFC 9989 section 4.10)', async () => {
    const { findings, result } = await checkDmarc({ domain: 'mail.org.test', resolver });
    expect(result).toMatchObject({
      source: 'organisational',
      orgDomain: 'org.test',
      appliedPolicy: 'quarantine',
      policy: 'reject',
    });
    expect(one(findings, 'dmarc.record.inherited').evidence).toMatchObject({ recordName: '_dmarc.org.test' });
  });

  it('checks that report addresses at other domains have authorised the reports (RFC 7489 section 7.1)', async () => {
    const external = await checkDmarc({ domain: 'external.test', resolver });
    const unauthorised = one(external.findings, 'dmarc.report-destination.unauthorised');
    expect(unauthorised.evidence).toMatchObject({ destinationDomain: 'noauth.test' });
    expect(unauthorised.fix.record).toEqual({
      type: 'TXT',
      name: 'external.test._report._dmarc.noauth.test',
      value: 'v=DMARC1',
    });
    const allowed = await checkDmarc({ domain: 'allauth.test', resolver });
    expect(one(allowed.findings, 'dmarc.report-destination.authorised').evidence).toMatchObject({
      destinations: ['reports.test'],
    });
  });

  it('gives a missing record the first-stage record to publish', async () => {
    const { findings, result } = await checkDmarc({ domain: 'empty.test', resolver });
    expect(one(findings, 'dmarc.record.missing').fix.record).toEqual({
      type: 'TXT',
      name: '_dmarc.empty.test',
      value: 'v=DMARC1; p=none; rua=mailto:dmarc-reports@empty.test',
    });
    expect(result.status).toBe('missing');
  });

  it('treats two DMARC records as none, and lists every syntax problem of a bad record', async () => {
    const multiple = await checkDmarc({ domain: 'multiple.test', resolver });
    expect(one(multiple.findings, 'dmarc.record.multiple').evidence).toMatchObject({ recordCount: 2 });
    expect(multiple.result.status).toBe('multiple');
    const bad = await checkDmarc({ domain: 'syntax.test', resolver });
    const syntax = one(bad.findings, 'dmarc.record.syntax');
    expect(syntax.fix.record).toEqual({ type: 'TXT', name: '_dmarc.syntax.test', value: 'v=DMARC1; p=none' });
    const problems = syntax.evidence.problems as string[];
    expect(problems.join('\n')).toMatch(/p=rejected[\s\S]*not a mailto/);
    // pct is no longer part of DMARC (RFC 9989): not an error, a note.
    expect(problems.join('\n')).not.toContain('pct');
    expect(one(bad.findings, 'dmarc.tag.obsolete').evidence).toMatchObject({ tag: 'pct', value: '150' });
    expect(one(bad.findings, 'dmarc.tags.unknown').evidence).toMatchObject({ tags: ['foo'] });
    expect(bad.result.valid).toBe(false);
  });

  it('shows a record with a control character as plain text and names the problem', async () => {
    const { findings } = await checkDmarc({ domain: 'ctrl.test', resolver });
    const syntax = one(findings, 'dmarc.record.syntax');
    expect(syntax.evidence.record).toEqual(expect.not.stringMatching(/\p{Cc}/u));
    expect((syntax.evidence.problems as string[]).join('\n')).toMatch(/character that is not allowed/);
  });

  it('reports a resolver that does not answer instead of hanging', async () => {
    const slow = createDnsResolver({ server: { host: '127.0.0.1', port: silent.port }, timeoutMs: 500 });
    const { findings, result } = await checkDmarc({ domain: 'reject.test', resolver: slow });
    expect(ids(findings)).toEqual(['dmarc.lookup.failed']);
    expect(result.status).toBe('failed');
  });

  it('finds a record two labels up by the tree walk, and says RFC 7489 receivers look elsewhere', async () => {
    const { findings, result } = await checkDmarc({ domain: 'x.y.deep.walk.test', resolver });
    expect(result).toMatchObject({
      source: 'organisational',
      appliedPolicy: 'quarantine',
      orgDomain: 'deep.walk.test',
    });
    const inherited = one(findings, 'dmarc.record.inherited');
    expect(inherited.evidence).toMatchObject({ recordName: '_dmarc.deep.walk.test' });
    expect(inherited.evidence['walked']).toEqual([
      '_dmarc.x.y.deep.walk.test: none',
      '_dmarc.y.deep.walk.test: none',
      '_dmarc.deep.walk.test: record',
      '_dmarc.walk.test: none',
      expect.stringMatching(/^_dmarc\.test: /) as unknown as string,
    ]);
    expect(inherited.explanation).toContain('Receivers still following RFC 7489');
  });

  it('takes the organisation below a psd=y record as the Organizational Domain', async () => {
    const { findings, result } = await checkDmarc({ domain: 'shop.psd.test', resolver });
    expect(result).toMatchObject({
      orgDomain: 'shop.psd.test',
      source: 'organisational',
      appliedPolicy: 'reject',
    });
    expect(one(findings, 'dmarc.psd.public-suffix').severity).toBe('info');
  });

  it('reads a record with rua but no p as p=none, with a finding, not as "no DMARC"', async () => {
    const { findings, result } = await checkDmarc({ domain: 'ruaonly.test', resolver });
    const missing = one(findings, 'dmarc.policy.missing');
    expect(missing.severity).toBe('medium');
    expect(missing.explanation).not.toContain('RFC 7489 ignore');
    expect(result).toMatchObject({ status: 'found', policy: 'none', appliedPolicy: 'none', valid: true });
    expect(ids(findings)).not.toContain('dmarc.record.missing');
    // Without rua either, RFC 7489 receivers would ignore the record: the finding says so.
    const nop = await checkDmarc({ domain: 'nop.test', resolver });
    expect(one(nop.findings, 'dmarc.policy.missing').explanation).toContain(
      'RFC 7489 ignore a record without p',
    );
  });

  it('discards a record with spaces before v=DMARC1, as receivers do', async () => {
    const { findings, result } = await checkDmarc({ domain: 'spaced.test', resolver });
    expect(ids(findings)).toEqual(['dmarc.record.leading-whitespace']);
    expect(one(findings, 'dmarc.record.leading-whitespace').fix.record?.value).toBe('v=DMARC1; p=reject');
    expect(result.status).toBe('missing');
  });

  it('never says "reject: pass" for a record with errors (bad fo and np values)', async () => {
    const { findings, result } = await checkDmarc({ domain: 'broken.test', resolver });
    expect(ids(findings)).not.toContain('dmarc.policy.reject');
    expect(one(findings, 'dmarc.policy.reject-with-errors').severity).toBe('medium');
    const problems = one(findings, 'dmarc.record.syntax').evidence['problems'] as string[];
    expect(problems).toEqual([
      'np=never is not one of none, quarantine, reject',
      'fo=9 must be a colon-separated list of 0, 1, d and s',
    ]);
    expect(result.valid).toBe(false);
  });

  it('reports t=y as testing mode instead of "reject: pass"', async () => {
    const { findings } = await checkDmarc({ domain: 'testing.test', resolver });
    expect(ids(findings)).not.toContain('dmarc.policy.reject');
    const testing = one(findings, 'dmarc.policy.testing');
    expect(testing.fix.record?.value).toBe('v=DMARC1; p=reject; rua=mailto:d@testing.test');
    expect(testing.explanation).toContain('RFC 7489 do not know t');
  });

  it('cannot verify an external report address whose domain does not answer', async () => {
    const slow = createDnsResolver({ server: { host: '127.0.0.1', port: silent.port }, timeoutMs: 500 });
    // The report provider's zone sits behind the silent server; the policy domain is served by Knot.
    const split = delegatedDnsResolver({ 'quiet-reports.test': slow }, resolver);
    const { findings } = await checkDmarc({ domain: 'quietrua.test', resolver: split });
    const unverified = one(findings, 'dmarc.report-destination.unverified');
    expect(unverified.severity).toBe('info');
    expect(unverified.evidence).toMatchObject({
      address: 'd@quiet-reports.test',
      authorisationName: 'quietrua.test._report._dmarc.quiet-reports.test',
    });
    expect(unverified.explanation).toMatch(
      /^The lookup of quietrua\.test\._report\._dmarc\.quiet-reports\.test failed \(\S[^)]*\), so it is unknown whether d@quiet-reports\.test accepts reports/,
    );
    expect(silent.queriesSeen()).toBeGreaterThan(0);
  });

  it('refuses a domain name that cannot be looked up, saying why', async () => {
    const { findings, result } = await checkDmarc({ domain: 'exa mple.test', resolver });
    expect(ids(findings)).toEqual(['dmarc.domain.invalid']);
    expect(findings[0]?.severity).toBe('info');
    expect(findings[0]?.explanation).toMatch(/^"exa mple\.test" cannot be looked up: \S/);
    expect(result.status).toBe('invalid-domain');
  });
});
