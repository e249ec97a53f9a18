import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../../main/adapters/dns-resolver';
import { createHttpsFetcher } from '../../../../../main/adapters/https-fetcher';
import { checkMtaSts } from '../../../../../main/core/checks/mta-sts/check-mta-sts';
import type { HttpsFetcher } from '../../../../../main/core/checks/mta-sts/https-fetcher-port';
import type { DnsResolver } from '../../../../../main/core/ports';
import type { Finding } from '../../../../../preload/contract/findings';
import { delegatedDnsResolver } from '../../../../helpers/delegated-dns-resolver';
import { startKnot, type KnotServer } from '../../../../helpers/knot-server';
import {
  startPolicyHttpsServer,
  type PolicyHttpsServer,
  type PolicyRoute,
} from '../../../../helpers/policy-https-server';
import { startSilentDnsServer, type SilentDnsServer } from '../../../../helpers/silent-dns-server';
import { getTestPki, type LeafKind } from '../../../../helpers/test-certificates';

const TIMEOUT_MS = 1_500;
const CLOCK = { now: () => new Date('2026-11-27T10:00:00Z') };

const policy = (lines: readonly string[]): string => `${lines.join('\r\n')}\r\n`;
const ENFORCE = policy(['version: STSv1', 'mode: enforce', 'mx: *.good.test', 'max_age: 604800']);

interface Scenario {
  readonly zone: string;
  readonly leaf?: LeafKind;
  readonly route?: PolicyRoute;
}

const TXT = '_mta-sts TXT "v=STSv1; id=20261127"';
const HOST = 'mta-sts A 127.0.0.1';

const SCENARIOS: Record<string, Scenario> = {
  good: {
    zone: `${TXT}\n${HOST}\n@ MX 10 mx1.good.test.\n@ MX 20 mx2.good.test.`,
    route: { kind: 'body', body: ENFORCE },
  },
  testing: {
    zone: `${TXT}\n${HOST}\n@ MX 10 mx1.testing.test.\n@ MX 20 backup.other.test.`,
    route: {
      kind: 'body',
      body: policy(['version: STSv1', 'mode: testing', 'mx: mx1.testing.test', 'max_age: 3600']),
    },
  },
  redirect: {
    zone: `${TXT}\n${HOST}\n@ MX 10 mx.redirect.test.`,
    route: { kind: 'redirect', location: 'https://www.redirect.test/mta-sts.txt' },
  },
  large: { zone: `${TXT}\n${HOST}\n@ MX 10 mx.large.test.`, route: { kind: 'large', bytes: 100 * 1_024 } },
  slow: { zone: `${TXT}\n${HOST}\n@ MX 10 mx.slow.test.`, route: { kind: 'slow', delayMs: 10_000 } },
  ctype: {
    zone: `${TXT}\n${HOST}\n@ MX 10 mx.ctype.test.`,
    route: {
      kind: 'body',
      contentType: 'text/html',
      body: policy(['version: STSv1', 'mode: enforce', 'mx: mx.ctype.test', 'max_age: 604800']),
    },
  },
  badcert: {
    zone: `${TXT}\n${HOST}\n@ MX 10 mx.badcert.test.`,
    leaf: 'wrong-name',
    route: { kind: 'body', body: ENFORCE },
  },
  syntax: {
    zone: `_mta-sts TXT "v=STSv1; id=not-valid!"\n${HOST}\n@ MX 10 mx.syntax.test.`,
    route: { kind: 'body', body: policy(['version: STSv1', 'mode: enforced', 'mx mx.syntax.test']) },
  },
  none: { zone: '@ MX 10 mx1.none.test.\n@ MX 20 mx2.none.test.' },
  missing: {
    zone: `${TXT}\n${HOST}\n@ MX 10 mx.missing.test.`,
    route: { kind: 'body', status: 404, body: 'not found' },
  },
  off: {
    zone: `${TXT}\n${HOST}\n@ MX 10 mx.off.test.`,
    route: { kind: 'body', body: policy(['version: STSv1', 'mode: none', 'max_age: 86400']) },
  },
  mxquiet: {
    zone: `${TXT}\n${HOST}\n@ MX 10 mx.mxquiet.test.`,
    route: {
      kind: 'body',
      body: policy(['version: STSv1', 'mode: testing', 'mx: mx.mxquiet.test', 'max_age: 604800']),
    },
  },
  multi: { zone: `${TXT}\n_mta-sts TXT "v=STSv1; id=2"\n@ MX 10 mx.multi.test.` },
};

let knot: KnotServer;
let server: PolicyHttpsServer;
let silent: SilentDnsServer;
let resolver: DnsResolver;
let fetcher: HttpsFetcher;

beforeAll(async () => {
  const pki = await getTestPki();
  const entries = await Promise.all(
    Object.entries(SCENARIOS).flatMap(([name, scenario]) => {
      const route = scenario.route;
      if (route === undefined) return [];
      const host = `mta-sts.${name}.test`;
      return [
        pki
          .leaf(scenario.leaf ?? 'good', host)
          .then((leaf) => [host, { certPem: leaf.certPem, keyPem: leaf.keyPem, route }] as const),
      ];
    }),
  );
  const zones = Object.fromEntries(
    Object.entries(SCENARIOS).map(([name, scenario]) => [`${name}.test`, scenario.zone]),
  );
  [knot, server, silent] = await Promise.all([
    startKnot(zones),
    startPolicyHttpsServer(Object.fromEntries(entries)),
    startSilentDnsServer(),
  ]);
  resolver = createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 3_000 });
  fetcher = createHttpsFetcher({ resolver, extraCaPem: pki.caPem, port: server.port });
});

afterAll(async () => {
  await Promise.all([knot.stop(), server.stop(), silent.stop()]);
});

const run = (name: string) =>
  checkMtaSts({ domain: `${name}.test`, resolver, fetcher, clock: CLOCK, timeoutMs: TIMEOUT_MS });

function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.id);
}

function one(findings: readonly Finding[], id: string): Finding {
  const found = findings.filter((f) => f.id === id);
  expect(found, `${id} in ${ids(findings).join(', ')}`).toHaveLength(1);
  return found[0] as Finding;
}

describe('checkMtaSts against Knot and a local HTTPS policy server', () => {
  it('passes an enforced policy whose wildcard covers every MX host', async () => {
    const { findings, result } = await run('good');
    expect(ids(findings)).toEqual(['mta-sts.mode.enforce', 'mta-sts.mx.all-matched']);
    expect(result).toMatchObject({
      recordFound: true,
      id: '20261127',
      mode: 'enforce',
      maxAge: 604800,
      unmatchedMx: [],
    });
  });

  it('flags testing mode, a short max_age and an MX host no pattern covers', async () => {
    const { findings, result } = await run('testing');
    expect(ids(findings)).toEqual(['mta-sts.mode.testing', 'mta-sts.max-age.short', 'mta-sts.mx.unmatched']);
    expect(one(findings, 'mta-sts.mx.unmatched').evidence).toMatchObject({
      unmatched: ['backup.other.test'],
    });
    expect(result.unmatchedMx).toEqual(['backup.other.test']);
  });

  it('treats a redirect as a finding and does not follow it (RFC 8461 section 3.3)', async () => {
    const { findings } = await run('redirect');
    expect(one(findings, 'mta-sts.policy.redirect').evidence).toMatchObject({
      status: 301,
      location: 'https://www.redirect.test/mta-sts.txt',
    });
  });

  it('refuses a 100 KB policy, a slow server and a certificate for the wrong name', async () => {
    expect(ids((await run('large')).findings)).toEqual(['mta-sts.policy.too-large']);
    const slow = await run('slow');
    expect(one(slow.findings, 'mta-sts.policy.unreachable').evidence).toMatchObject({ failure: 'TIMEOUT' });
    expect(ids((await run('badcert')).findings)).toEqual(['mta-sts.policy.certificate']);
  });

  it('flags a policy served as text/html', async () => {
    const { findings } = await run('ctype');
    expect(one(findings, 'mta-sts.policy.content-type').evidence).toMatchObject({ contentType: 'text/html' });
  });

  it('lists every problem of a bad record and a bad policy', async () => {
    const { findings } = await run('syntax');
    expect(JSON.stringify(one(findings, 'mta-sts.record.syntax').evidence.problems)).toContain(
      'id=not-valid!',
    );
    const problems = (one(findings, 'mta-sts.policy.syntax').evidence.problems as string[]).join('\n');
    expect(problems).toMatch(/line 2: mode must be/);
    expect(problems).toMatch(/line 3: .* is not "key: value"/);
    expect(problems).toMatch(/max_age/);
  });

  it('suggests a testing policy with the real MX hosts and the TXT record when there is none', async () => {
    const { findings } = await run('none');
    const missing = one(findings, 'mta-sts.record.missing');
    expect(missing.fix.record).toEqual({
      type: 'TXT',
      name: '_mta-sts.none.test',
      value: 'v=STSv1; id=20261127100000',
    });
    expect(missing.evidence.suggestedPolicy).toContain('mx: mx1.none.test\r\nmx: mx2.none.test');
  });

  it('treats two records as none', async () => {
    expect(ids((await run('multi')).findings)).toEqual(['mta-sts.record.multiple']);
  });

  it('reports a resolver that does not answer instead of hanging', async () => {
    const slow = createDnsResolver({ server: { host: '127.0.0.1', port: silent.port }, timeoutMs: 500 });
    const { findings } = await checkMtaSts({ domain: 'good.test', resolver: slow, fetcher, clock: CLOCK });
    expect(ids(findings)).toEqual(['mta-sts.lookup.failed']);
  });

  it('flags a policy URL that answers 404, naming the URL and the status', async () => {
    const { findings } = await run('missing');
    const status = one(findings, 'mta-sts.policy.http-status');
    expect(status.severity).toBe('high');
    expect(status.evidence).toMatchObject({ status: 404 });
    expect(status.explanation).toBe(
      'https://mta-sts.missing.test/.well-known/mta-sts.txt answered HTTP 404 instead of 200, so senders have no policy.',
    );
  });

  it('says MTA-STS is switched off when the policy says mode: none', async () => {
    const { findings, result } = await run('off');
    expect(ids(findings)).toEqual(['mta-sts.mode.none']);
    expect(findings[0]?.severity).toBe('medium');
    expect(result.mode).toBe('none');
  });

  it('cannot compare the MX hosts with a testing policy while the MX lookup goes unanswered', async () => {
    const slow = createDnsResolver({ server: { host: '127.0.0.1', port: silent.port }, timeoutMs: 500 });
    // _mta-sts and mta-sts are delegated to Knot; the domain's own MX lookup meets the silent server.
    const split = delegatedDnsResolver(
      { '_mta-sts.mxquiet.test': resolver, 'mta-sts.mxquiet.test': resolver },
      slow,
    );
    const { findings } = await checkMtaSts({
      domain: 'mxquiet.test',
      resolver: split,
      fetcher,
      clock: CLOCK,
      timeoutMs: TIMEOUT_MS,
    });
    expect(ids(findings)).toEqual(['mta-sts.mode.testing', 'mta-sts.mx.lookup-failed']);
    const failed = one(findings, 'mta-sts.mx.lookup-failed');
    expect(failed.severity).toBe('info');
    expect(failed.explanation).toMatch(/^The MX lookup failed \(\S[^)]*\), so we could not check/);
  });

  it('refuses a domain name that cannot be looked up, saying why', async () => {
    const { findings } = await checkMtaSts({ domain: 'exa mple.test', resolver, fetcher, clock: CLOCK });
    expect(ids(findings)).toEqual(['mta-sts.domain.invalid']);
    expect(findings[0]?.severity).toBe('info');
    expect(findings[0]?.explanation).toMatch(/^"exa mple\.test" cannot be looked up: \S/);
  });
});
