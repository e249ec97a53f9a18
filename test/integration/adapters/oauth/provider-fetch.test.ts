/**
 * The provider fetch against real HTTPS servers on 127.0.0.1: what a provider answers comes back as a
 * Response; a certificate that does not verify, plain http:, an endless body and a server that never
 * answers each end in an error within the limits, never a hang.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProviderFetch } from '../../../../main/adapters/oauth/provider-fetch';
import { getTestPki } from '../../../helpers/test-certificates';

const ROUTES: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/.well-known/openid-configuration': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"issuer":"https://127.0.0.1"}');
  },
  '/token': (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ echoed: body }));
    });
  },
  '/moved': (_req, res) => {
    res.writeHead(302, { location: 'https://elsewhere.example/' }).end();
  },
  '/endless': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(16_384, 0x20);
    const pump = (): void => {
      while (res.write(chunk));
      res.once('drain', pump);
    };
    pump();
    res.on('close', () => res.removeAllListeners('drain'));
  },
  '/silent': () => undefined,
};

describe('provider fetch', () => {
  let server: Server;
  let base: string;
  let caPem: string;

  beforeAll(async () => {
    const pki = await getTestPki();
    const leaf = await pki.leaf('good', 'provider.test');
    caPem = pki.caPem;
    server = createServer({ cert: leaf.certPem, key: leaf.keyPem }, (req, res) => {
      const route = ROUTES[new URL(req.url ?? '/', 'https://x').pathname];
      if (route === undefined) res.writeHead(404).end();
      else route(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `https://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const options = { method: 'GET', headers: {}, body: undefined, redirect: 'manual' } as const;

  it('returns what the provider answered, status, headers and body', async () => {
    const fetch = createProviderFetch({ extraCaPem: caPem });
    const response = await fetch(`${base}/.well-known/openid-configuration`, options);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ issuer: 'https://127.0.0.1' });
  });

  it('sends a form body and hands back an error status as it came', async () => {
    const fetch = createProviderFetch({ extraCaPem: caPem });
    const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'r1' });
    const response = await fetch(`${base}/token`, { ...options, method: 'POST', body });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ echoed: 'grant_type=refresh_token&refresh_token=r1' });
  });

  it('does not follow a redirect', async () => {
    const fetch = createProviderFetch({ extraCaPem: caPem });
    const response = await fetch(`${base}/moved`, options);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://elsewhere.example/');
  });

  it('refuses a certificate that does not verify', async () => {
    const fetch = createProviderFetch();
    await expect(fetch(`${base}/.well-known/openid-configuration`, options)).rejects.toThrow(
      /SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY/,
    );
  });

  it('refuses plain http:', async () => {
    const fetch = createProviderFetch({ extraCaPem: caPem });
    await expect(fetch(base.replace('https:', 'http:'), options)).rejects.toThrow('is not https:');
  });

  it('stops reading an endless body at the byte cap', async () => {
    const fetch = createProviderFetch({ extraCaPem: caPem, maxBytes: 64 * 1024 });
    await expect(fetch(`${base}/endless`, options)).rejects.toThrow('sent more than 65536 bytes');
  });

  it('gives up on a provider that never answers at its deadline', async () => {
    const fetch = createProviderFetch({ extraCaPem: caPem, deadlineMs: 300 });
    await expect(fetch(`${base}/silent`, options)).rejects.toThrow('did not answer within');
  });

  it('stops when the caller cancels', async () => {
    const fetch = createProviderFetch({ extraCaPem: caPem });
    const controller = new AbortController();
    const pending = fetch(`${base}/silent`, { ...options, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow('was cancelled');
  });
});
