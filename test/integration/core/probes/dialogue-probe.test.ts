import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import type { DnsResolver } from '../../../../main/core/ports';
import { probeDialogue } from '../../../../main/core/probes/dialogue-probe';
import type { Finding } from '../../../../preload/contract/findings';
import { startHostileServer, type HostileBehaviour } from '../../../helpers/hostile-smtp-servers';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { TEST_STEP_MS, testProbeContext } from '../../../helpers/probe-context';
import { startScenarioSmtpServer, type ScenarioSmtpServer } from '../../../helpers/scenario-smtp-server';
import { startScriptedSmtpServer } from '../../../helpers/scripted-smtp-server';
import { getTestPki, type TestPki } from '../../../helpers/test-certificates';

const HOST = 'mail.dialogue.test';
const MARGIN_MS = 1_000;
const SIZE_LIMIT = 25 * 1_048_576;

let knot: KnotServer;
let resolver: DnsResolver;
let pki: TestPki;
let starttlsServer: ScenarioSmtpServer;
let implicitServer: ScenarioSmtpServer;
let plainOnlyServer: ScenarioSmtpServer;

beforeAll(async () => {
  pki = await getTestPki();
  const leaf = await pki.leaf('good', HOST);
  [knot, starttlsServer, implicitServer, plainOnlyServer] = await Promise.all([
    startKnot({ 'dialogue.test': 'mail A 127.0.0.1' }),
    startScenarioSmtpServer({
      key: leaf.keyPem,
      cert: leaf.certPem,
      size: SIZE_LIMIT,
      hideENHANCEDSTATUSCODES: false,
      hideDSN: false,
    }),
    startScenarioSmtpServer({ secure: true, key: leaf.keyPem, cert: leaf.certPem }),
    startScenarioSmtpServer({ hideSTARTTLS: true }),
  ]);
  resolver = createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 3_000 });
});

afterAll(async () => {
  await Promise.all([knot.stop(), starttlsServer.close(), implicitServer.close(), plainOnlyServer.close()]);
});

function find(findings: readonly Finding[], id: string): Finding {
  const found = findings.find((finding) => finding.id === id);
  if (found === undefined) throw new Error(`No ${id} in: ${findings.map((f) => f.id).join(', ')}`);
  return found;
}

function ids(findings: readonly Finding[]): string[] {
  return findings.map((finding) => finding.id);
}

async function withHostile<T>(behaviour: HostileBehaviour, use: (port: number) => Promise<T>): Promise<T> {
  const server = await startHostileServer(behaviour);
  try {
    return await use(server.port);
  } finally {
    await server.close();
  }
}

describe('probeDialogue against smtp-server', () => {
  it('reads the banner, both capability lists around STARTTLS, the extensions and VRFY/EXPN, then quits', async () => {
    const ctx = testProbeContext(HOST, resolver, { extraCaPem: pki.caPem });
    const result = await probeDialogue(ctx, { port: starttlsServer.port, security: 'starttls' });
    const { findings } = result;

    expect(find(findings, 'smtp.dialogue.banner').evidence['banner']).toContain('Mailwarden scenario server');
    const before = find(findings, 'smtp.dialogue.capabilities-plain').evidence['capabilities'];
    expect(before).toEqual(expect.arrayContaining(['STARTTLS', 'PIPELINING']));
    const starttls = find(findings, 'smtp.starttls.offered');
    expect(starttls.severity).toBe('pass');
    expect(starttls.evidence['protocol']).toBe('TLSv1.3');
    const after = find(findings, 'smtp.dialogue.capabilities-tls').evidence['capabilities'];
    expect(after).not.toContain('STARTTLS');

    const size = find(findings, 'smtp.ext.size.offered');
    expect(size.evidence['limit']).toBe(SIZE_LIMIT);
    expect(size.title).toContain('25 MB');
    for (const id of [
      'smtp.ext.pipelining.offered',
      'smtp.ext.8bitmime.offered',
      'smtp.ext.smtputf8.offered',
      'smtp.ext.dsn.offered',
      'smtp.ext.enhancedstatuscodes.offered',
      'smtp.ext.chunking.absent',
      'smtp.ext.requiretls.absent',
    ]) {
      expect(ids(findings)).toContain(id);
    }
    expect(find(findings, 'smtp.vrfy.closed').evidence['code']).toBe(252);
    expect(find(findings, 'smtp.expn.closed').severity).toBe('pass');

    const client = result.transcript
      .filter((entry) => entry.direction === 'client')
      .map((entry) => entry.text);
    expect(client).toEqual([
      'EHLO mailwarden.invalid',
      'STARTTLS',
      'EHLO mailwarden.invalid',
      'VRFY postmaster',
      'EXPN postmaster',
      'QUIT',
    ]);
    expect(ctx.progress.map((event) => event.type)).toEqual(['check-started', 'check-finished']);
  });

  it('reports CHUNKING and REQUIRETLS when the server lists them inside TLS', async () => {
    const leaf = await pki.leaf('good', HOST);
    // smtp-server offers neither; this scripted server lists them after STARTTLS, as servers with BDAT
    // (RFC 3030, Postfix since 3.4) and REQUIRETLS (RFC 8689) do.
    const scripted = await startScriptedSmtpServer({
      certPem: leaf.certPem,
      keyPem: leaf.keyPem,
      ehlo: {
        plain: ['PIPELINING', 'STARTTLS'],
        tls: ['PIPELINING', 'CHUNKING', 'REQUIRETLS', '8BITMIME'],
      },
    });
    try {
      const ctx = testProbeContext(HOST, resolver, { extraCaPem: pki.caPem });
      const { findings } = await probeDialogue(ctx, { port: scripted.port, security: 'starttls' });
      const chunking = find(findings, 'smtp.ext.chunking.offered');
      expect(chunking.severity).toBe('info');
      expect(chunking.title).toBe(`${HOST} port ${String(scripted.port)} supports CHUNKING`);
      expect(chunking.explanation).toContain('BDAT (RFC 3030)');
      const requiretls = find(findings, 'smtp.ext.requiretls.offered');
      expect(requiretls.title).toBe(`${HOST} port ${String(scripted.port)} supports REQUIRETLS`);
      expect(requiretls.evidence['line']).toBe('REQUIRETLS');
      expect(ids(findings)).not.toContain('smtp.ext.chunking.absent');
      expect(ids(findings)).toContain('smtp.ext.size.absent');
    } finally {
      await scripted.close();
    }
  });

  it('uses implicit TLS on the "465" port and reports its capabilities as over TLS', async () => {
    const ctx = testProbeContext(HOST, resolver, { extraCaPem: pki.caPem });
    const result = await probeDialogue(ctx, { port: implicitServer.port, security: 'implicit-tls' });
    expect(ids(result.findings)).toContain('smtp.dialogue.capabilities-tls');
    expect(ids(result.findings)).not.toContain('smtp.dialogue.capabilities-plain');
    expect(ids(result.findings).filter((id) => id.startsWith('smtp.starttls.'))).toEqual([]);
  });

  it('reports a missing STARTTLS as high on a submission port and medium on port 25', async () => {
    const ctx = testProbeContext(HOST, resolver);
    const submission = await probeDialogue(ctx, { port: plainOnlyServer.port, role: 'submission' });
    const high = find(submission.findings, 'smtp.starttls.not-offered');
    expect(high.severity).toBe('high');
    expect(high.explanation).toContain('password');
    const mx = await probeDialogue(ctx, { port: plainOnlyServer.port, role: 'mx' });
    expect(find(mx.findings, 'smtp.starttls.not-offered-port25').severity).toBe('medium');
  });

  it('reports a name that does not resolve', async () => {
    const result = await probeDialogue(testProbeContext('nope.dialogue.test', resolver), { port: 587 });
    expect(ids(result.findings)).toEqual(['smtp.dialogue.unresolved']);
    expect(result.findings[0]?.evidence['code']).toBe('NXDOMAIN');
  });
});

describe('probeDialogue against hostile servers', () => {
  it.each([
    ['starttls-454', 454],
    ['starttls-502', 502],
  ] as const)('reports a refused STARTTLS (%s) and a VRFY that answers 250', async (behaviour, code) => {
    await withHostile(behaviour, async (port) => {
      const result = await probeDialogue(testProbeContext(HOST, resolver), { port });
      const refused = find(result.findings, 'smtp.starttls.refused');
      expect(refused.severity).toBe('high');
      expect(refused.evidence['code']).toBe(code);
      expect(refused.title).toContain(String(code));
      const vrfy = find(result.findings, 'smtp.vrfy.discloses');
      expect(vrfy.severity).toBe('low');
      expect(vrfy.evidence['code']).toBe(250);
      expect(result.transcript.at(-1)?.text).toMatch(/closed|Bye/);
    });
  });

  it('says encryption could not start when the server answers the TLS hello in plain text', async () => {
    await withHostile('starttls-plaintext', async (port) => {
      const result = await probeDialogue(testProbeContext(HOST, resolver), { port });
      const failed = find(result.findings, 'smtp.starttls.failed');
      expect(failed.severity).toBe('high');
      expect(failed.title).toBe(`Encryption could not be started on ${HOST} port ${String(port)}`);
      expect(failed.evidence['failure']).toBe('tls-handshake-failed');
      expect(failed.explanation).toMatch(/^The server agreed to STARTTLS, but the TLS handshake failed: \S/);
      // Plain text after the ClientHello is a broken server, not the CVE-2011-0411 injection.
      expect(ids(result.findings)).not.toContain('smtp.starttls.injection');
      expect(ids(result.findings)).not.toContain('smtp.starttls.offered');
    });
  });

  it('says no conversation can start when EHLO and HELO are both refused', async () => {
    await withHostile('hello-refused', async (port) => {
      const result = await probeDialogue(testProbeContext(HOST, resolver), { port });
      const refused = find(result.findings, 'smtp.dialogue.ehlo-refused');
      expect(refused.severity).toBe('medium');
      expect(refused.title).toBe(`${HOST} port ${String(port)} refused both EHLO and HELO`);
      expect(refused.explanation).toBe(
        'EHLO got 550 and HELO got 550 "5.7.1 Access denied: your network is not welcome here". A mail program cannot start a conversation with this server.',
      );
      expect(ids(result.findings).some((id) => id.startsWith('smtp.starttls.'))).toBe(false);
    });
  });

  it('reports plaintext injected after "220 Ready to start TLS" as critical', async () => {
    await withHostile('starttls-injection', async (port) => {
      const started = performance.now();
      const result = await probeDialogue(testProbeContext(HOST, resolver), { port });
      expect(performance.now() - started).toBeLessThan(TEST_STEP_MS + MARGIN_MS);
      const injection = find(result.findings, 'smtp.starttls.injection');
      expect(injection.severity).toBe('critical');
      expect(injection.evidence['discarded']).toContain('250 injected');
      expect(injection.explanation).toContain('CVE-2011-0411');
    });
  });

  it('falls back to HELO on a HELO-only server and says there is no STARTTLS', async () => {
    await withHostile('helo-only', async (port) => {
      const result = await probeDialogue(testProbeContext(HOST, resolver), { port });
      expect(find(result.findings, 'smtp.dialogue.helo-only').evidence['ehloCode']).toBe(502);
      expect(find(result.findings, 'smtp.starttls.not-offered').severity).toBe('high');
      expect(ids(result.findings).some((id) => id.startsWith('smtp.ext.'))).toBe(false);
      const client = result.transcript
        .filter((entry) => entry.direction === 'client')
        .map((entry) => entry.text);
      expect(client.slice(0, 2)).toEqual(['EHLO mailwarden.invalid', 'HELO mailwarden.invalid']);
    });
  });

  it('reports a 421 in the middle of the session as an interruption', async () => {
    await withHostile('mid-session-421', async (port) => {
      const result = await probeDialogue(testProbeContext(HOST, resolver), { port });
      const interrupted = find(result.findings, 'smtp.dialogue.interrupted');
      expect(interrupted.evidence['step']).toBe('STARTTLS');
      expect(interrupted.evidence['code']).toBe(421);
      expect(interrupted.explanation).toContain('421');
    });
  });

  it.each([
    ['reset-mid-reply', 'reset', 'EHLO'],
    ['endless-continuation', 'too-many-lines', 'EHLO'],
  ] as const)('ends a server that does %s with an interruption at %s', async (behaviour, failure, step) => {
    await withHostile(behaviour, async (port) => {
      const started = performance.now();
      const result = await probeDialogue(testProbeContext(HOST, resolver), { port });
      expect(performance.now() - started).toBeLessThan(TEST_STEP_MS + MARGIN_MS);
      const interrupted = find(result.findings, 'smtp.dialogue.interrupted');
      expect(interrupted.evidence['failure']).toBe(failure);
      expect(interrupted.evidence['step']).toBe(step);
    });
  });

  it('says a silent server never greeted, within the greeting deadline', async () => {
    await withHostile('no-greeting', async (port) => {
      const started = performance.now();
      const result = await probeDialogue(testProbeContext(HOST, resolver), { port });
      expect(performance.now() - started).toBeLessThan(TEST_STEP_MS + MARGIN_MS);
      const unreachable = find(result.findings, 'smtp.dialogue.unreachable');
      expect(unreachable.evidence['step']).toBe('greeting');
      expect(unreachable.title).toContain('No greeting within 1 s');
    });
  });
});
