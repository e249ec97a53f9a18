import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../main/adapters/dns-resolver';
import { createHttpsFetcher } from '../../../main/adapters/https-fetcher';
import type { HttpsFetcher } from '../../../main/core/checks/mta-sts/https-fetcher-port';
import type { DnsResolver } from '../../../main/core/ports';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import {
  startPolicyHttpsServer,
  type PolicyHttpsServer,
  type PolicyRoute,
} from '../../helpers/policy-https-server';
import { getTestPki, type LeafKind, type TestPki } from '../../helpers/test-certificates';

const MAX_BYTES = 65_536;
const TIMEOUT_MS = 1_500;
const POLICY = 'version: STSv1\r\nmode: enforce\r\nmx: mx.good.test\r\nmax_age: 604800\r\n';

const SCENARIOS: Record<string, { readonly leaf: LeafKind; readonly route: PolicyRoute }> = {
  good: { leaf: 'good', route: { kind: 'body', body: POLICY } },
  redirect: {
    leaf: 'good',
    route: { kind: 'redirect', location: 'https://mta-sts.good.test/.well-known/mta-sts.txt' },
  },
  large: { leaf: 'good', route: { kind: 'large', bytes: 100 * 1_024 } },
  slow: { leaf: 'good', route: { kind: 'slow', delayMs: 10_000 } },
  wrongname: { leaf: 'wrong-name', route: { kind: 'body', body: POLICY } },
  selfsigned: { leaf: 'self-signed', route: { kind: 'body', body: POLICY } },
  expired: { leaf: 'expired', route: { kind: 'body', body: POLICY } },
};

let knot: KnotServer;
let server: PolicyHttpsServer;
let pki: TestPki;
let resolver: DnsResolver;
let fetcher: HttpsFetcher;

beforeAll(async () => {
  pki = await getTestPki();
  const hosts = Object.fromEntries(
    await Promise.all(
      Object.entries(SCENARIOS).map(async ([name, scenario]) => {
        const host = `mta-sts.${name}.test`;
        const leaf = await pki.leaf(scenario.leaf, host);
        return [host, { certPem: leaf.certPem, keyPem: leaf.keyPem, route: scenario.route }] as const;
      }),
    ),
  );
  const zones = Object.fromEntries(
    Object.keys(SCENARIOS).map((name) => [`${name}.test`, 'mta-sts A 127.0.0.1']),
  );
  [knot, server] = await Promise.all([
    startKnot({ ...zones, 'nohost.test': 'www A 192.0.2.1' }),
    startPolicyHttpsServer(hosts),
  ]);
  resolver = createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 3_000 });
  fetcher = createHttpsFetcher({ resolver, extraCaPem: pki.caPem, port: server.port });
});

afterAll(async () => {
  await Promise.all([knot.stop(), server.stop()]);
});

const url = (name: string): string => `https://mta-sts.${name}.test/.well-known/mta-sts.txt`;

describe('createHttpsFetcher against a local HTTPS server', () => {
  it('resolves the host through our resolver, connects by IP with SNI and returns the policy', async () => {
    const result = await fetcher.fetchText({ url: url('good'), maxBytes: MAX_BYTES, timeoutMs: TIMEOUT_MS });
    expect(result).toEqual({
      ok: true,
      status: 200,
      contentType: 'text/plain',
      location: null,
      body: POLICY,
      address: '127.0.0.1',
    });
    expect(server.requests()).toContain('mta-sts.good.test');
  });

  it('requires a certificate the trust store accepts: without the test CA the same server fails', async () => {
    const strict = createHttpsFetcher({ resolver, port: server.port });
    const result = await strict.fetchText({ url: url('good'), maxBytes: MAX_BYTES, timeoutMs: TIMEOUT_MS });
    expect(result).toMatchObject({ ok: false, code: 'CERTIFICATE' });
  });

  it.each(['wrongname', 'selfsigned', 'expired'])('refuses the %s certificate', async (name) => {
    const result = await fetcher.fetchText({ url: url(name), maxBytes: MAX_BYTES, timeoutMs: TIMEOUT_MS });
    expect(result).toMatchObject({ ok: false, code: 'CERTIFICATE' });
  });

  it('returns a redirect as it is, without following it', async () => {
    const before = server.requests().length;
    const result = await fetcher.fetchText({
      url: url('redirect'),
      maxBytes: MAX_BYTES,
      timeoutMs: TIMEOUT_MS,
    });
    expect(result).toMatchObject({
      ok: true,
      status: 301,
      location: 'https://mta-sts.good.test/.well-known/mta-sts.txt',
    });
    expect(server.requests().slice(before)).toEqual(['mta-sts.redirect.test']);
  });

  it('stops reading a body over the cap', async () => {
    const result = await fetcher.fetchText({ url: url('large'), maxBytes: MAX_BYTES, timeoutMs: TIMEOUT_MS });
    expect(result).toMatchObject({ ok: false, code: 'TOO_LARGE' });
  });

  it('gives up on a slow server at the deadline', async () => {
    const started = Date.now();
    const result = await fetcher.fetchText({ url: url('slow'), maxBytes: MAX_BYTES, timeoutMs: TIMEOUT_MS });
    expect(result).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1_000);
  });

  it('reports a host that does not resolve, and refuses a URL that is not https', async () => {
    const missing = await fetcher.fetchText({
      url: url('nohost'),
      maxBytes: MAX_BYTES,
      timeoutMs: TIMEOUT_MS,
    });
    expect(missing).toMatchObject({ ok: false, code: 'DNS' });
    const plain = await fetcher.fetchText({
      url: 'http://mta-sts.good.test/',
      maxBytes: MAX_BYTES,
      timeoutMs: TIMEOUT_MS,
    });
    expect(plain).toMatchObject({ ok: false, code: 'BAD_URL' });
  });
});
