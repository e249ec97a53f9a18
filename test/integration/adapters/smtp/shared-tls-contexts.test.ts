/**
 * The TLS client contexts shared between handshakes (secure-context-cache.ts) against a real Node TLS
 * server whose certificate only the test CA vouches for: what each handshake asked for is what it gets,
 * whatever other handshakes asked for before it on the same process.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlsHandshake } from '../../../../main/adapters/smtp/tls-handshake';
import type { TlsClientOptions } from '../../../../main/core/smtp/smtp-channel';
import { getTestPki } from '../../../helpers/test-certificates';

const NAME = 'shared.contexts.test';
const HANDSHAKE_MS = 10_000;

let server: Server;
let port = 0;
let caPem = '';
const open = new Set<TLSSocket | Socket>();

beforeAll(async () => {
  const pki = await getTestPki();
  caPem = pki.caPem;
  const leaf = await pki.leaf('good', NAME);
  // TLS 1.0 and 1.1 as well, so a legacy-only handshake has something to agree on.
  server = createServer(
    { cert: leaf.certPem, key: leaf.keyPem, minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' },
    (socket) => {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    },
  );
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const bound = server.address();
  port = typeof bound === 'object' && bound !== null ? bound.port : 0;
});

afterAll(async () => {
  for (const socket of open) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

async function handshake(options: TlsClientOptions) {
  const socket = netConnect({ host: '127.0.0.1', port });
  open.add(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const outcome = await tlsHandshake(socket, options, HANDSHAKE_MS);
  if (outcome.kind === 'tls') outcome.socket.destroy();
  socket.destroy();
  return outcome;
}

describe('TLS client contexts shared between handshakes', () => {
  it('trusts the extra CA only for handshakes that name it, before and after one that did', async () => {
    const before = await handshake({ servername: NAME });
    const trusted = await handshake({ servername: NAME, extraCaPem: caPem });
    const after = await handshake({ servername: NAME });
    const trustedAgain = await handshake({ servername: NAME, extraCaPem: caPem });
    expect(before.kind === 'tls' && before.session.authorized).toBe(false);
    expect(trusted.kind === 'tls' && trusted.session.authorized).toBe(true);
    expect(after.kind === 'tls' && after.session.authorized).toBe(false);
    expect(trustedAgain.kind === 'tls' && trustedAgain.session.authorized).toBe(true);
  });

  it('keeps each handshake to its own TLS version and cipher list when others share the trust', async () => {
    const modern = await handshake({ servername: NAME, extraCaPem: caPem });
    const old = await handshake({
      servername: NAME,
      extraCaPem: caPem,
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1',
    });
    const cbcOnly = await handshake({
      servername: NAME,
      extraCaPem: caPem,
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.2',
      UNSAFE_probeCipherList: 'kECDHE+SHA1:!aNULL:!eNULL',
    });
    const modernAgain = await handshake({ servername: NAME, extraCaPem: caPem });
    expect(modern.kind === 'tls' ? modern.session.protocol : modern.failure.message).toBe('TLSv1.3');
    expect(old.kind === 'tls' ? old.session.protocol : old.failure.message).toBe('TLSv1');
    expect(cbcOnly.kind === 'tls' ? cbcOnly.session.cipherName : cbcOnly.failure.message).toMatch(/-SHA$/);
    expect(modernAgain.kind === 'tls' ? modernAgain.session.protocol : modernAgain.failure.message).toBe(
      'TLSv1.3',
    );
  });
});
