import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import type { DnsResolver } from '../../../../main/core/ports';
import { probeReachability } from '../../../../main/core/probes/reachability-probe';
import type { Finding } from '../../../../preload/contract/findings';
import {
  startBlackholeListener,
  startHostileServer,
  type BlackholeListener,
  type HostileServer,
} from '../../../helpers/hostile-smtp-servers';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { TEST_STEP_MS, testProbeContext } from '../../../helpers/probe-context';
import { startScenarioSmtpServer, type ScenarioSmtpServer } from '../../../helpers/scenario-smtp-server';
import { getTestPki } from '../../../helpers/test-certificates';
import { closedPort } from '../../../helpers/closed-port';

const HOST = 'mail.probe.test';
const MARGIN_MS = 1_000;

let knot: KnotServer;
let resolver: DnsResolver;
let plainServer: ScenarioSmtpServer;
let tlsServer: ScenarioSmtpServer;
const hostile: HostileServer[] = [];
let blackhole: BlackholeListener;

async function startHostile(...args: Parameters<typeof startHostileServer>): Promise<HostileServer> {
  const server = await startHostileServer(...args);
  hostile.push(server);
  return server;
}

beforeAll(async () => {
  const pki = await getTestPki();
  const leaf = await pki.leaf('good', HOST);
  [knot, plainServer, tlsServer, blackhole] = await Promise.all([
    startKnot({ 'probe.test': 'mail A 127.0.0.1' }),
    startScenarioSmtpServer({ hideSTARTTLS: true }),
    startScenarioSmtpServer({ secure: true, key: leaf.keyPem, cert: leaf.certPem }),
    startBlackholeListener(),
  ]);
  resolver = createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 3_000 });
});

afterAll(async () => {
  await Promise.all([
    knot.stop(),
    plainServer.close(),
    tlsServer.close(),
    blackhole.close(),
    ...hostile.map((server) => server.close()),
  ]);
});

function byPort(findings: readonly Finding[], port: number): Finding[] {
  return findings.filter((finding) => finding.evidence['port'] === port);
}

function ids(findings: readonly Finding[]): string[] {
  return findings.map((finding) => finding.id);
}

describe('probeReachability through a real DNS server', () => {
  it('reports working ports with timings, a 554 greeting, and the account port that refuses', async () => {
    const refusing = await startHostile('greeting-554');
    const closed = await closedPort();
    const ctx = testProbeContext(HOST, resolver);
    const result = await probeReachability(ctx, {
      ports: { smtp: refusing.port, submissions: tlsServer.port, submission: plainServer.port },
      account: { port: closed, security: 'plain' },
    });

    const ok = byPort(result.findings, plainServer.port);
    expect(ids(ok)).toEqual(['smtp.reach.ok']);
    expect(ok[0]?.severity).toBe('pass');
    expect(ok[0]?.evidence['greeting']).toContain('Mailwarden scenario server');
    expect(ok[0]?.evidence['connectMs']).toBeTypeOf('number');
    expect(ok[0]?.evidence['address']).toBe('127.0.0.1');
    expect(ids(byPort(result.findings, tlsServer.port))).toEqual(['smtp.reach.ok']);

    const turnedAway = byPort(result.findings, refusing.port)[0];
    expect(turnedAway?.id).toBe('smtp.reach.greeting-refused');
    expect(turnedAway?.severity).toBe('medium');
    expect(turnedAway?.evidence['code']).toBe(554);
    expect(turnedAway?.title).toContain('554');

    const account = byPort(result.findings, closed);
    expect(ids(account)).toEqual(['smtp.reach.refused', 'smtp.reach.account-port-unreachable']);
    expect(account[1]?.severity).toBe('high');
    expect(account[1]?.explanation).toContain('refused');

    const started = ctx.progress.filter((event) => event.type === 'check-started');
    const finished = ctx.progress.filter((event) => event.type === 'check-finished');
    expect(started).toHaveLength(4);
    expect(finished).toHaveLength(4);
    expect(result.transcript.some((entry) => entry.direction === 'client' && entry.text === 'QUIT')).toBe(
      true,
    );
  });

  it('tells a hanging connect, a silent server and a tarpit apart, probing the ports at the same time', async () => {
    const silent = await startHostile('no-greeting');
    const tarpit = await startHostile('slow-greeting', { greetingDelayMs: 600 });
    const ctx = testProbeContext(HOST, resolver, { limits: { greetingTimeoutMs: 2_000 } });
    const started = performance.now();
    const result = await probeReachability(ctx, {
      ports: { smtp: tarpit.port, submissions: blackhole.port, submission: silent.port },
      account: { port: silent.port, security: 'plain' },
      slowGreetingMs: 300,
    });
    const elapsed = performance.now() - started;
    // Concurrent: the whole probe costs the slowest port's deadlines, not their sum.
    expect(elapsed).toBeLessThan(TEST_STEP_MS + 2_000 + MARGIN_MS);

    const hung = byPort(result.findings, blackhole.port)[0];
    expect(hung?.id).toBe('smtp.reach.connect-timeout');
    expect(hung?.title).toContain('did not answer within 1 s');

    const quiet = byPort(result.findings, silent.port);
    expect(ids(quiet)).toEqual(['smtp.reach.no-greeting', 'smtp.reach.account-port-unreachable']);
    expect(quiet[0]?.severity).toBe('medium');
    expect(quiet[0]?.explanation).toContain('no greeting came within 2 s');

    const slow = byPort(result.findings, tarpit.port)[0];
    expect(slow?.id).toBe('smtp.reach.slow-greeting');
    expect(slow?.severity).toBe('low');
    expect(slow?.evidence['greetingMs']).toBeGreaterThanOrEqual(550);
    // Three ports: the account's port shares the "587" slot and is probed once.
    expect(ctx.progress.filter((event) => event.type === 'check-started')).toHaveLength(3);
  });

  it('reports a 421 greeting and a greeting that is not SMTP', async () => {
    const busy = await startHostile('greeting-421');
    const garbage = await startHostile('malformed-code');
    const closed = await closedPort();
    const result = await probeReachability(testProbeContext(HOST, resolver), {
      ports: { smtp: busy.port, submissions: closed, submission: garbage.port },
    });
    const refused = byPort(result.findings, busy.port)[0];
    expect(refused?.id).toBe('smtp.reach.greeting-refused');
    expect(refused?.evidence['code']).toBe(421);
    expect(refused?.explanation).toContain('busy');
    const broken = byPort(result.findings, garbage.port)[0];
    expect(broken?.id).toBe('smtp.reach.greeting-broken');
    expect(broken?.evidence['partial']).toContain('2500');
    expect(ids(byPort(result.findings, closed))).toEqual(['smtp.reach.refused']);
    expect(byPort(result.findings, closed)[0]?.severity).toBe('info');
  });

  it('reports a name that does not resolve as one finding, and connects nowhere', async () => {
    const ctx = testProbeContext('missing.probe.test', resolver);
    const result = await probeReachability(ctx);
    expect(ids(result.findings)).toEqual(['smtp.reach.unresolved']);
    expect(result.findings[0]?.severity).toBe('medium');
    expect(result.findings[0]?.evidence['code']).toBe('NXDOMAIN');
    expect(result.findings[0]?.explanation).toContain(knot.server);
    expect(result.transcript).toEqual([]);
  });

  it('ends promptly with cancelled findings when the signal fires', async () => {
    const silent = await startHostile('no-greeting');
    const controller = new AbortController();
    const ctx = testProbeContext(HOST, resolver, {
      signal: controller.signal,
      limits: { greetingTimeoutMs: 10_000 },
    });
    setTimeout(() => {
      controller.abort();
    }, 200);
    const started = performance.now();
    const result = await probeReachability(ctx, {
      ports: { smtp: silent.port, submissions: silent.port, submission: silent.port },
    });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(ids(result.findings)).toEqual(['smtp.reach.cancelled']);
  });
});
