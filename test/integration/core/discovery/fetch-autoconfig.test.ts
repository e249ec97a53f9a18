/**
 * The autoconfig fetch against a real HTTPS server on loopback, with certificates from the test CA and
 * host names resolved by a real DNS server (Knot), as the lookup would run for a user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { createHttpsFetcher } from '../../../../main/adapters/https-fetcher';
import type { HttpsFetcher } from '../../../../main/core/checks/mta-sts/https-fetcher-port';
import { discoverSubmission } from '../../../../main/core/discovery/discover-submission';
import { fetchAutoconfig } from '../../../../main/core/discovery/fetch-autoconfig';
import type { DnsResolver } from '../../../../main/core/ports';
import {
  startAutoconfigHttpsServer,
  type AutoconfigHttpsServer,
  type AutoconfigRoute,
} from '../../../helpers/autoconfig-https-server';
import {
  deepNestingAutoconfig,
  entityExpansionAutoconfig,
  goodAutoconfig,
} from '../../../helpers/autoconfig-samples';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { startSilentDnsServer } from '../../../helpers/silent-dns-server';
import { getTestPki, type LeafKind } from '../../../helpers/test-certificates';

const ADDRESS = '127.0.0.23';
const TIMEOUT_MS = 2_000;
const FIRST = '/mail/config-v1.1.xml';
const WELL_KNOWN = '/.well-known/autoconfig/mail/config-v1.1.xml';

interface Site {
  readonly host: string;
  readonly leaf: LeafKind;
  readonly routes: Readonly<Record<string, AutoconfigRoute>>;
}

const SITES: readonly Site[] = [
  { host: 'autoconfig.good.test', leaf: 'good', routes: { [FIRST]: file(goodAutoconfig('good.test')) } },
  // No autoconfig host: the file is found at the domain's own .well-known address.
  { host: 'wellknown.test', leaf: 'good', routes: { [WELL_KNOWN]: file(goodAutoconfig('wellknown.test')) } },
  {
    host: 'autoconfig.badcert.test',
    leaf: 'self-signed',
    routes: { [FIRST]: file(goodAutoconfig('badcert.test')) },
  },
  {
    host: 'autoconfig.away.test',
    leaf: 'good',
    routes: { [FIRST]: { kind: 'redirect', location: 'https://autoconfig.good.test/mail/config-v1.1.xml' } },
  },
  {
    host: 'autoconfig.moved.test',
    leaf: 'good',
    routes: {
      [FIRST]: { kind: 'redirect', location: '/mail/moved.xml' },
      '/mail/moved.xml': file(goodAutoconfig('moved.test')),
    },
  },
  { host: 'autoconfig.large.test', leaf: 'good', routes: { [FIRST]: { kind: 'large', bytes: 1_048_576 } } },
  { host: 'autoconfig.laughs.test', leaf: 'good', routes: { [FIRST]: file(entityExpansionAutoconfig()) } },
  { host: 'autoconfig.deep.test', leaf: 'good', routes: { [FIRST]: file(deepNestingAutoconfig(5_000)) } },
];

function file(body: string): AutoconfigRoute {
  return { kind: 'file', body };
}

let knot: KnotServer;
let server: AutoconfigHttpsServer;
let fetcher: HttpsFetcher;
let resolver: DnsResolver;

beforeAll(async () => {
  const pki = await getTestPki();
  const hosts = Object.fromEntries(
    await Promise.all(
      SITES.map(async (site) => {
        const leaf = await pki.leaf(site.leaf, site.host);
        return [site.host, { certPem: leaf.certPem, keyPem: leaf.keyPem, routes: site.routes }] as const;
      }),
    ),
  );
  const zones: Record<string, string> = {};
  for (const site of SITES) {
    const domain = site.host.replace(/^autoconfig\./, '');
    const owner = site.host === domain ? '@' : 'autoconfig';
    zones[domain] = `${zones[domain] ?? ''}${owner} A ${ADDRESS}\n`;
  }
  [knot, server] = await Promise.all([startKnot(zones), startAutoconfigHttpsServer(ADDRESS, hosts)]);
  resolver = createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 2_000 });
  fetcher = createHttpsFetcher({ resolver, extraCaPem: pki.caPem, port: server.port });
});

afterAll(async () => {
  await Promise.all([knot.stop(), server.stop()]);
});

describe('fetchAutoconfig against a local HTTPS server', () => {
  it('reads the file at autoconfig.<domain>, with its outgoing and incoming servers', async () => {
    const lookup = await fetchAutoconfig('good.test', { fetcher, timeoutMs: TIMEOUT_MS });
    expect(lookup.found).toBe(true);
    if (!lookup.found) return;
    expect(lookup.url).toBe('https://autoconfig.good.test/mail/config-v1.1.xml');
    expect(lookup.file.outgoing.map((s) => `${s.host}:${String(s.port)} ${s.security}`)).toEqual([
      'smtp.good.test:465 tls',
      'smtp.good.test:587 starttls',
    ]);
    expect(lookup.file.incoming.map((s) => `${s.protocol} ${s.host}:${String(s.port)}`)).toEqual([
      'imap imap.good.test:993',
      'pop3 pop.good.test:995',
    ]);
    expect(lookup.attempts).toEqual([
      {
        url: 'https://autoconfig.good.test/mail/config-v1.1.xml',
        outcome: 'Found 2 outgoing servers and 2 incoming servers.',
      },
    ]);
    expect(server.requests()).toContain(`autoconfig.good.test ${FIRST}`);
    // The host's log says what Mailwarden came for, and it asks for XML, not an MTA-STS policy.
    expect(server.requestHeaders().at(-1)).toBe(
      'Mailwarden (mail account autoconfig) | application/xml, text/xml;q=0.9',
    );
  });

  it("falls back to the domain's .well-known address and says why the first address failed", async () => {
    const lookup = await fetchAutoconfig('wellknown.test', { fetcher, timeoutMs: TIMEOUT_MS });
    expect(lookup).toMatchObject({
      found: true,
      url: 'https://wellknown.test/.well-known/autoconfig/mail/config-v1.1.xml',
    });
    expect(lookup.attempts[0]?.outcome).toMatch(/autoconfig\.wellknown\.test/);
  });

  it('refuses a certificate that does not verify', async () => {
    const lookup = await fetchAutoconfig('badcert.test', { fetcher, timeoutMs: TIMEOUT_MS });
    expect(lookup.found).toBe(false);
    expect(lookup.attempts[0]?.outcome).toMatch(
      /^Refused: The certificate of autoconfig\.badcert\.test did not verify/,
    );
  });

  it('refuses a redirect to another host and does not ask that host', async () => {
    const before = server.requests().filter((entry) => entry.startsWith('autoconfig.good.test')).length;
    const lookup = await fetchAutoconfig('away.test', { fetcher, timeoutMs: TIMEOUT_MS });
    expect(lookup.found).toBe(false);
    expect(lookup.attempts[0]?.outcome).toBe(
      'Refused: it redirects to another host (autoconfig.good.test); not followed.',
    );
    const after = server.requests().filter((entry) => entry.startsWith('autoconfig.good.test')).length;
    expect(after).toBe(before);
  });

  it('follows one redirect on the same host', async () => {
    const lookup = await fetchAutoconfig('moved.test', { fetcher, timeoutMs: TIMEOUT_MS });
    expect(lookup).toMatchObject({ found: true, url: 'https://autoconfig.moved.test/mail/config-v1.1.xml' });
    expect(lookup.attempts[0]?.outcome).toMatch(/after a redirect to .*\/mail\/moved\.xml/);
  });

  it('refuses an oversized file at the byte cap', async () => {
    const started = Date.now();
    const lookup = await fetchAutoconfig('large.test', { fetcher, timeoutMs: TIMEOUT_MS });
    expect(lookup.found).toBe(false);
    expect(lookup.attempts[0]?.outcome).toMatch(/^Refused: the file is larger than 64 KB/);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
  });

  it('refuses hostile XML: entity expansion and deep nesting', async () => {
    const [laughs, deep] = await Promise.all([
      fetchAutoconfig('laughs.test', { fetcher, timeoutMs: TIMEOUT_MS }),
      fetchAutoconfig('deep.test', { fetcher, timeoutMs: TIMEOUT_MS }),
    ]);
    expect(laughs.attempts[0]?.outcome).toMatch(/^Refused: The file declares a document type or entities/);
    expect(deep.attempts[0]?.outcome).toBe('Refused: Elements are nested deeper than 12 levels.');
  });

  it('asks the addresses it is given, so the lookup can be pointed elsewhere', async () => {
    const lookup = await fetchAutoconfig('moved.test', {
      fetcher,
      timeoutMs: TIMEOUT_MS,
      urlsFor: (domain) => [`https://autoconfig.${domain}/mail/moved.xml`],
    });
    expect(lookup).toMatchObject({ found: true, url: 'https://autoconfig.moved.test/mail/moved.xml' });
  });

  it('says when no address has a file', async () => {
    const lookup = await fetchAutoconfig('nothing.test', { fetcher, timeoutMs: TIMEOUT_MS });
    expect(lookup.found).toBe(false);
    expect(lookup.attempts).toHaveLength(2);
  });
});

describe('discoverSubmission with the autoconfig step', () => {
  it('proposes the servers of the autoconfig file, after SRV and before any guess, and says where', async () => {
    const result = await discoverSubmission('good.test', {
      resolver,
      autoconfig: (domain) => fetchAutoconfig(domain, { fetcher, timeoutMs: TIMEOUT_MS }),
    });
    expect(result.candidates.map((c) => `${c.host}:${String(c.port)} ${c.security} ${c.source}`)).toEqual([
      'smtp.good.test:465 tls autoconfig',
      'smtp.good.test:587 starttls autoconfig',
    ]);
    expect(result.candidates[0]?.reason).toBe(
      "The domain's own autoconfig file (https://autoconfig.good.test/mail/config-v1.1.xml) lists this server.",
    );
    expect(result.steps).toContainEqual({
      step: 'Autoconfig https://autoconfig.good.test/mail/config-v1.1.xml',
      outcome: 'Found 2 outgoing servers and 2 incoming servers.',
    });
    // The file's incomingServer entries, in its order, with the address's domain filled in.
    expect(
      result.incomingCandidates.map(
        (c) => `${c.protocol} ${c.host}:${String(c.port)} ${c.security} ${c.source}`,
      ),
    ).toEqual(['imap imap.good.test:993 tls autoconfig', 'pop3 pop.good.test:995 tls autoconfig']);
    expect(result.steps).toContainEqual({
      step: 'Guess',
      outcome: 'Skipped: the steps above already found a server.',
    });
  });

  it('shows a refused autoconfig file as a step with its reason', async () => {
    const result = await discoverSubmission('away.test', {
      resolver,
      autoconfig: (domain) => fetchAutoconfig(domain, { fetcher, timeoutMs: TIMEOUT_MS }),
    });
    expect(result.candidates.filter((c) => c.source === 'autoconfig')).toEqual([]);
    expect(result.steps).toContainEqual({
      step: 'Autoconfig https://autoconfig.away.test/mail/config-v1.1.xml',
      outcome: 'Refused: it redirects to another host (autoconfig.good.test); not followed.',
    });
  });
});

describe('fetchAutoconfig with a DNS server that never answers', () => {
  it('gives up at its own deadline, the name lookup included', async () => {
    const silent = await startSilentDnsServer();
    try {
      const silentResolver = createDnsResolver({
        server: { host: '127.0.0.1', port: silent.port },
        timeoutMs: 5_000,
      });
      const started = Date.now();
      const lookup = await fetchAutoconfig('good.test', {
        fetcher: createHttpsFetcher({ resolver: silentResolver, port: server.port }),
        timeoutMs: 500,
      });
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(lookup.found).toBe(false);
      expect(lookup.attempts.map((attempt) => attempt.outcome)).toEqual([
        'No answer within 0.5 s.',
        'No answer within 0.5 s.',
      ]);
    } finally {
      await silent.stop();
    }
  });
});
