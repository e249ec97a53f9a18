import { createConnection } from 'node:net';
import type { TLSSocket } from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNodemailerLogin,
  type SmtpConnectionInternals,
} from '../../../../main/adapters/smtp/nodemailer-auth';
import type { LoginRequest } from '../../../../main/core/smtp/smtp-login';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../../helpers/auth-smtp-server';
import { startScriptedSmtpServer } from '../../../helpers/scripted-smtp-server';
import { getTestPki, type TestCertificate } from '../../../helpers/test-certificates';

const HOST = 'mail.test';
const CANARY = 'Canary-Pw-7f3a9c!x';
const TOKEN = 'ya29.canary-token-0b1c2d';
const USER = 'alice@example.test';
const DEADLINE_MS = 5_000;

let caPem = '';
let good: TestCertificate;
let selfSigned: TestCertificate;
let server: AuthSmtpServer;
let insecureServer: AuthSmtpServer;
let selfSignedServer: AuthSmtpServer;

beforeAll(async () => {
  const pki = await getTestPki();
  caPem = pki.caPem;
  [good, selfSigned] = await Promise.all([pki.leaf('good', HOST), pki.leaf('self-signed', HOST)]);
  const user = { username: USER, password: CANARY, token: TOKEN };
  [server, insecureServer, selfSignedServer] = await Promise.all([
    startAuthSmtpServer({ user, certPem: good.certPem, keyPem: good.keyPem }),
    startAuthSmtpServer({ user, certPem: good.certPem, keyPem: good.keyPem, allowInsecureAuth: true }),
    startAuthSmtpServer({ user, certPem: selfSigned.certPem, keyPem: selfSigned.keyPem }),
  ]);
});

afterAll(async () => {
  await Promise.all([server.close(), insecureServer.close(), selfSignedServer.close()]);
});

function request(port: number, overrides: Partial<LoginRequest> = {}): LoginRequest {
  return {
    target: { host: HOST, address: '127.0.0.1', port },
    security: 'starttls',
    username: USER,
    secret: { kind: 'password', password: CANARY },
    extraCaPem: caPem,
    deadlineMs: DEADLINE_MS,
    ...overrides,
  };
}

/** The canary, and the base64 forms SASL would carry it in, appear nowhere in what we return. */
function expectNoSecret(value: unknown, secret = CANARY): void {
  const text = JSON.stringify(value);
  expect(text).not.toContain(secret);
  expect(text).not.toContain(Buffer.from(secret).toString('base64'));
  expect(text).not.toContain(Buffer.from(`\u0000${USER}\u0000${secret}`).toString('base64'));
}

describe('nodemailer internals this adapter relies on (fails loudly when an upgrade changes them)', () => {
  it('keeps the EHLO lines, the supported mechanisms, the TLS socket and a command queue where we read them', async () => {
    const entries: { tnx: string | undefined; message: string }[] = [];
    const log = (entry: { tnx?: string }, message: unknown, ...args: unknown[]): void => {
      entries.push({ tnx: entry.tnx, message: args.length === 0 ? String(message) : String(message) });
    };
    const socket = createConnection({ host: '127.0.0.1', port: server.port });
    await new Promise((resolve) => socket.once('connect', resolve));
    const conn = new SMTPConnection({
      connection: socket,
      requireTLS: true,
      servername: HOST,
      transactionLog: true,
      logger: { trace: log, debug: log, info: log, warn: log, error: log, fatal: log } as never,
      tls: { servername: HOST, ca: [caPem] },
      greetingTimeout: DEADLINE_MS,
    }) as SMTPConnection & SmtpConnectionInternals;
    await new Promise<void>((resolve, reject) => {
      conn.once('error', reject);
      conn.connect(() => {
        resolve();
      });
    });
    expect(conn._ehloLines).toContain('AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2');
    expect(conn._supportedAuth).toEqual(['PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2']);
    const tlsSocket = conn._socket as TLSSocket;
    expect(tlsSocket.encrypted).toBe(true);
    expect(tlsSocket.authorized).toBe(true);
    expect(tlsSocket.getPeerCertificate().fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(Array.isArray(conn._responseActions)).toBe(true);
    const noop = await new Promise<string>((resolve) => {
      conn._responseActions.push(resolve);
      conn._sendCommand('NOOP');
    });
    expect(noop).toMatch(/^250 /);
    conn.quit();
    // The transaction log: client and server lines as the message, the clear-text EHLO before STARTTLS.
    const lines = entries.filter((entry) => entry.tnx === 'client' || entry.tnx === 'server');
    const verbs = lines.filter((entry) => entry.tnx === 'client').map((entry) => entry.message.split(' ')[0]);
    expect(verbs.slice(0, 3)).toEqual(['EHLO', 'STARTTLS', 'EHLO']);
    const firstEhloReply = lines.find((entry) => entry.tnx === 'server' && entry.message.startsWith('250-'));
    expect(firstEhloReply?.message).toMatch(/\n250[ -]STARTTLS/);
    expect(
      entries.some((entry) => entry.tnx === 'smtp' && entry.message === 'Connection upgraded with STARTTLS'),
    ).toBe(true);
  });
});

describe('createNodemailerLogin', () => {
  const login = createNodemailerLogin();

  it('logs in to a server named by its address: checked against its IP subjectAltName, no SNI, no warning', async () => {
    // RFC 6066 section 3 allows only host names in SNI; Node warns (DEP0123) when given an address.
    const warnings: string[] = [];
    const onWarning = (warning: Error & { code?: string }) => {
      warnings.push(warning.code ?? warning.message);
    };
    process.on('warning', onWarning);
    try {
      const byAddress = { host: '127.0.0.1', address: '127.0.0.1', port: server.port };
      const { result } = await login.login(request(server.port, { target: byAddress }));
      expect(result.outcome).toBe('accepted');
      expect(result.tls?.authorized).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it.each(['PLAIN', 'LOGIN', 'CRAM-MD5'] as const)(
    'logs in with %s over verified STARTTLS',
    async (mechanism) => {
      const { result } = await login.login(request(server.port, { mechanism }));
      expect(result.outcome).toBe('accepted');
      expect(result.mechanism).toBe(mechanism);
      expect(result.reply?.code).toBe(235);
      expect(result.tls?.authorized).toBe(true);
      // smtp-server advertises AUTH before TLS too (and answers 538 to it there).
      expect(result.mechanismsBeforeTls).toEqual(['PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2']);
      expect(result.mechanismsAfterTls).toEqual(['PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2']);
      expect(result.transcript.some((entry) => entry.text.startsWith(`AUTH ${mechanism}`))).toBe(true);
      expectNoSecret(result);
      expectNoSecret(server.log);
    },
  );

  it('logs in with an XOAUTH2 token and never shows the token', async () => {
    const { result } = await login.login(request(server.port, { secret: { kind: 'xoauth2', token: TOKEN } }));
    expect(result.outcome).toBe('accepted');
    expect(result.mechanism).toBe('XOAUTH2');
    expectNoSecret(result, TOKEN);
    expect(result.transcript.map((entry) => entry.text)).toContain('AUTH XOAUTH2 <redacted>');
  });

  it('reports a wrong password as rejected with the server reply', async () => {
    const { result } = await login.login(
      request(server.port, { secret: { kind: 'password', password: `${CANARY}-wrong` } }),
    );
    expect(result.outcome).toBe('rejected');
    expect(result.reply).toMatchObject({ code: 535, enhancedCode: '5.7.8' });
    expectNoSecret(result, `${CANARY}-wrong`);
  });

  it('reads the mechanisms offered before TLS from the transaction log, not the EHLO after it', async () => {
    const scripted = await startScriptedSmtpServer({
      certPem: good.certPem,
      keyPem: good.keyPem,
      ehlo: { plain: ['STARTTLS', 'AUTH LOGIN'], tls: ['AUTH PLAIN CRAM-MD5'] },
    });
    try {
      const { result } = await login.login(request(scripted.port, { secret: null }));
      expect(result.mechanismsBeforeTls).toEqual(['LOGIN']);
      expect(result.mechanismsAfterTls).toEqual(['PLAIN', 'CRAM-MD5']);
      expect(scripted.received.some((line) => line.startsWith('AUTH'))).toBe(false);
    } finally {
      await scripted.close();
    }
  });

  it('inspects without logging in when no secret is given', async () => {
    const { result } = await login.login(request(insecureServer.port, { secret: null }));
    expect(result.outcome).toBe('withheld');
    expect(result.withheldReason).toBe('inspect-only');
    expect(result.startTlsOffered).toBe(true);
    expect(result.mechanismsBeforeTls).toEqual(['PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2']);
    expect(result.mechanismsAfterTls).toEqual(['PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2']);
  });

  it('withholds the password from an untrusted certificate: the server never receives AUTH', async () => {
    const before = selfSignedServer.commands.length;
    const { result } = await login.login(request(selfSignedServer.port));
    expect(result.outcome).toBe('withheld');
    expect(result.withheldReason).toBe('tls-unverified');
    expect(result.tls?.authorized).toBe(false);
    expect(selfSignedServer.commands.slice(before)).not.toContain('AUTH');
    expect(selfSignedServer.authAttempts).toEqual([]);
  });

  it('logs in over that certificate once its fingerprint is named', async () => {
    const probe = await login.login(request(selfSignedServer.port, { secret: null }));
    const fingerprint = probe.result.tls?.fingerprintSha256 ?? '';
    expect(fingerprint).not.toBe('');
    const wrong = await login.login(
      request(selfSignedServer.port, { allowFingerprintSha256: '00'.repeat(32) }),
    );
    expect(wrong.result.withheldReason).toBe('tls-unverified');
    const { result } = await login.login(
      request(selfSignedServer.port, { allowFingerprintSha256: fingerprint.replace(/:/g, '').toLowerCase() }),
    );
    expect(result.outcome).toBe('accepted');
  });

  it('logs in over implicit TLS', async () => {
    const tlsServer = await startAuthSmtpServer({
      user: { username: USER, password: CANARY },
      certPem: good.certPem,
      keyPem: good.keyPem,
      extra: { secure: true },
    });
    try {
      const { result } = await login.login(request(tlsServer.port, { security: 'implicit-tls' }));
      expect(result.outcome).toBe('accepted');
      expect(result.mechanismsBeforeTls).toBeNull();
      expect(result.startTlsOffered).toBeNull();
      expect(result.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    } finally {
      await tlsServer.close();
    }
  });

  it('ends endless 334 challenges with a failure well within the deadline', async () => {
    const scripted = await startScriptedSmtpServer({
      certPem: good.certPem,
      keyPem: good.keyPem,
      respond: (line) => (/^(AUTH|[A-Za-z0-9+/=]*$)/.test(line) ? '334 VXNlcm5hbWU6' : undefined),
    });
    try {
      const started = Date.now();
      const { result } = await login.login(request(scripted.port, { mechanism: 'LOGIN' }));
      expect(result.outcome).toBe('failed');
      expect(result.failure?.kind).toBe('endless-challenges');
      expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
      expectNoSecret(result);
    } finally {
      await scripted.close();
    }
  });

  it('ends a silent server at the overall deadline', async () => {
    const scripted = await startScriptedSmtpServer({
      certPem: good.certPem,
      keyPem: good.keyPem,
      greeting: null,
    });
    try {
      const started = Date.now();
      const { result } = await login.login(request(scripted.port, { deadlineMs: 800 }));
      expect(result.outcome).toBe('failed');
      expect(result.failure?.kind).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await scripted.close();
    }
  });

  it('stops promptly when the check is cancelled', async () => {
    const scripted = await startScriptedSmtpServer({
      certPem: good.certPem,
      keyPem: good.keyPem,
      greeting: null,
    });
    try {
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => {
        controller.abort();
      }, 100);
      const { result } = await login.login(request(scripted.port, { signal: controller.signal }));
      expect(result.outcome).toBe('failed');
      expect(result.failure?.kind).toBe('aborted');
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      await scripted.close();
    }
  });

  it('upgrades a "none" account when STARTTLS is offered, and withholds the password when it is not', async () => {
    const upgraded = await login.login(request(server.port, { security: 'plain' }));
    expect(upgraded.result.outcome).toBe('accepted');
    expect(upgraded.result.tls?.authorized).toBe(true);
    const scripted = await startScriptedSmtpServer({
      certPem: good.certPem,
      keyPem: good.keyPem,
      ehlo: { plain: ['AUTH PLAIN LOGIN'], tls: [] },
    });
    try {
      const { result } = await login.login(request(scripted.port, { security: 'plain' }));
      expect(result.outcome).toBe('withheld');
      expect(result.withheldReason).toBe('no-tls');
      expect(scripted.received.some((line) => line.startsWith('AUTH'))).toBe(false);
    } finally {
      await scripted.close();
    }
  });

  it('cuts a server that sends more than the byte cap', async () => {
    const scripted = await startScriptedSmtpServer({
      certPem: good.certPem,
      keyPem: good.keyPem,
      ehlo: {
        plain: Array.from({ length: 2_000 }, (_, i) => `X-FILLER-${String(i)} ${'x'.repeat(100)}`),
        tls: [],
      },
    });
    try {
      const { result } = await login.login(request(scripted.port, { maxReceivedBytes: 16_384 }));
      expect(result.outcome).toBe('failed');
      expect(['too-much-data', 'protocol']).toContain(result.failure?.kind);
    } finally {
      await scripted.close();
    }
  });

  it('reports a refused connection as data', async () => {
    const { result } = await login.login(request(1, { deadlineMs: 2_000 }));
    expect(result.outcome).toBe('failed');
    expect(result.failure?.kind).toBe('connect-refused');
  });

  it('keeps an authenticated session for envelope trials: MAIL, RCPT, RSET and never DATA', async () => {
    const attempt = await login.login(request(server.port), { keepSession: true });
    expect(attempt.result.outcome).toBe('accepted');
    const session = attempt.session;
    expect(session).not.toBeNull();
    if (session === null) return;
    const trial = await session.tryEnvelope('bob@example.test', USER, DEADLINE_MS);
    await session.close();
    expect(trial.mailFrom?.code).toBe(250);
    expect(trial.rcptTo?.code).toBe(250);
    const texts = session.transcript().map((entry) => entry.text);
    expect(texts).toContain('MAIL FROM:<bob@example.test>');
    expect(texts).toContain('RSET');
    expect(server.commands).not.toContain('DATA');
    expectNoSecret(session.transcript());
  });
});
