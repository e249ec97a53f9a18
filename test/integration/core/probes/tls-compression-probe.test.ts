/**
 * The TLS compression (CRIME) probe against a raw server that picks DEFLATE from a hand-built hello (Node's
 * OpenSSL cannot be made to), a real Node TLS server on implicit TLS and a real smtp-server after STARTTLS,
 * both of which pick null, and a server that never answers.
 */
import { createServer, type Server, type TLSSocket } from 'node:tls';
import { createServer as createNetServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { probeTlsCompression } from '../../../../main/core/probes/tls-compression-probe';
import type { TlsProbeSecurity } from '../../../../main/core/probes/tls-version-attempt';
import { startLegacyServerHello, type LegacyServerHelloServer } from '../../../helpers/legacy-server-hello';
import { testProbeContext, TEST_STEP_MS } from '../../../helpers/probe-context';
import { startScenarioSmtpServer, type ScenarioSmtpServer } from '../../../helpers/scenario-smtp-server';
import { getTestPki } from '../../../helpers/test-certificates';

const HOST = 'mail.compress.test';
/** Addresses are literals: the resolver is never asked. */
const resolver = createDnsResolver({ server: { host: '127.0.0.1', port: 9 }, timeoutMs: 500 });

let deflate: LegacyServerHelloServer;
let nodeTls: Server;
let nodeTlsPort = 0;
let starttls: ScenarioSmtpServer;
const sockets = new Set<TLSSocket | Socket>();

beforeAll(async () => {
  const pki = await getTestPki();
  const leaf = await pki.leaf('good', HOST);
  deflate = await startLegacyServerHello({ compressionMethod: 1 });
  nodeTls = createServer({ cert: leaf.certPem, key: leaf.keyPem }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.end('220 compress.test ESMTP\r\n');
  });
  nodeTls.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => nodeTls.listen(0, '127.0.0.1', resolve));
  const bound = nodeTls.address();
  nodeTlsPort = typeof bound === 'object' && bound !== null ? bound.port : 0;
  starttls = await startScenarioSmtpServer({ key: leaf.keyPem, cert: leaf.certPem });
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all([deflate.stop(), starttls.close(), new Promise((resolve) => nodeTls.close(resolve))]);
});

const probe = (port: number, security: TlsProbeSecurity) =>
  probeTlsCompression(
    testProbeContext(HOST, resolver),
    { checkId: `tls:${HOST}:${String(port)}`, host: HOST, port },
    { host: HOST, address: '127.0.0.1', port },
    security,
  );

describe('TLS compression (CRIME, RFC 9325 section 3.3)', () => {
  it('reports a server that picks DEFLATE from a hello offering it', async () => {
    const result = await probe(deflate.port, 'implicit-tls');
    expect(result.findings.map((finding) => finding.id)).toEqual(['tls.compression.enabled']);
    const finding = result.findings[0];
    expect(finding?.severity).toBe('medium');
    expect(finding?.evidence).toMatchObject({ compressionMethod: 1, methodName: 'DEFLATE' });
    expect(finding?.title).toContain('CRIME');
    // What the server saw: DEFLATE offered first, then null (RFC 5246 section 7.4.1.2 requires null).
    expect(deflate.offeredCompression.at(-1)).toEqual([1, 0]);
    expect(result.transcript.map((entry) => entry.text).join('\n')).toContain(
      'TLS compression probe (DEFLATE offered): read a TLS record',
    );
  });

  it('passes a real Node TLS server, which picks null compression', async () => {
    const result = await probe(nodeTlsPort, 'implicit-tls');
    expect(result.findings.map((finding) => finding.id)).toEqual(['tls.compression.off']);
    expect(result.findings[0]?.evidence['compressionMethod']).toBe(0);
  });

  it('asks after STARTTLS on a submission port, and a real smtp-server picks null', async () => {
    const result = await probe(starttls.port, 'starttls');
    expect(result.findings.map((finding) => finding.id)).toEqual(['tls.compression.off']);
    expect(result.transcript.map((entry) => entry.text)).toContain('STARTTLS');
  });

  it('gives up on a server that never answers the hello within its deadline, with no verdict', async () => {
    const silent = createNetServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.resume();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const bound = silent.address();
    const port = typeof bound === 'object' && bound !== null ? bound.port : 0;
    try {
      const started = performance.now();
      const result = await probe(port, 'implicit-tls');
      expect(result.findings).toEqual([]);
      expect(performance.now() - started).toBeLessThan(TEST_STEP_MS * 3 + 1_000);
      expect(result.transcript.map((entry) => entry.text).join('\n')).toContain(
        'No TLS record from the server',
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
