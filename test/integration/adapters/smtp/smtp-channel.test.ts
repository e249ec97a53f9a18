import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import type {
  ChannelFailure,
  OpenOutcome,
  ReplyOutcome,
  SmtpChannel,
  SmtpLimits,
  SmtpReply,
  SmtpTransportSecurity,
  TlsClientOptions,
} from '../../../../main/core/smtp/smtp-channel';
import {
  startBlackholeListener,
  startHostileServer,
  type HostileBehaviour,
  type HostileServer,
  type HostileServerOptions,
} from '../../../helpers/hostile-smtp-servers';
import { startScenarioSmtpServer } from '../../../helpers/scenario-smtp-server';
import { getTestPki, type TestPki } from '../../../helpers/test-certificates';
import { closedPort } from '../../../helpers/closed-port';

/** Short deadlines so every hostile case ends quickly; MARGIN_MS absorbs a busy CI machine. */
const STEP_MS = 1_000;
const MARGIN_MS = 700;
const LIMITS: Partial<SmtpLimits> = {
  connectTimeoutMs: STEP_MS,
  greetingTimeoutMs: STEP_MS,
  replyTimeoutMs: STEP_MS,
  tlsHandshakeTimeoutMs: STEP_MS,
  maxReplyLineBytes: 4_096,
  maxReplyLines: 200,
};
const NAME = 'mail.test';

const connector = createSmtpConnector();
let pki: TestPki;
let unhandled = 0;
const countUnhandled = (): void => {
  unhandled += 1;
};

beforeAll(async () => {
  process.on('unhandledRejection', countUnhandled);
  pki = await getTestPki();
});

afterAll(() => {
  process.removeListener('unhandledRejection', countUnhandled);
  expect(unhandled).toBe(0);
});

async function open(
  port: number,
  security: SmtpTransportSecurity = 'plain',
  extra: { tls?: TlsClientOptions; signal?: AbortSignal } = {},
): Promise<OpenOutcome> {
  return connector.open({ host: NAME, address: '127.0.0.1', port }, { security, limits: LIMITS, ...extra });
}

async function openChannel(port: number, security: SmtpTransportSecurity = 'plain'): Promise<SmtpChannel> {
  const outcome = await open(port, security);
  if (outcome.kind !== 'open') throw new Error(`Could not open: ${outcome.failure.message}`);
  return outcome.channel;
}

function replyOf(outcome: ReplyOutcome): SmtpReply {
  if (outcome.kind !== 'reply')
    throw new Error(`Expected a reply, got ${outcome.failure.kind}: ${outcome.failure.message}`);
  return outcome.reply;
}

function failureOf(outcome: ReplyOutcome | OpenOutcome): ChannelFailure {
  if (outcome.kind !== 'failure') throw new Error(`Expected a failure, got ${outcome.kind}`);
  return outcome.failure;
}

async function withHostile<T>(
  behaviour: HostileBehaviour,
  use: (server: HostileServer) => Promise<T>,
  options: HostileServerOptions = {},
): Promise<T> {
  const server = await startHostileServer(behaviour, options);
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

/** Runs `step` and returns its result and how long it took. */
async function timed<T>(step: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await step();
  return { result, ms: performance.now() - started };
}

describe('SMTP channel against smtp-server', () => {
  it('reads the greeting and the EHLO capabilities, and keeps a timed transcript', async () => {
    const server = await startScenarioSmtpServer({ size: 10_485_760, hideSTARTTLS: true });
    try {
      const channel = await openChannel(server.port);
      const greeting = replyOf(await channel.readReply());
      expect(greeting.code).toBe(220);
      expect(greeting.lines[0]).toContain('Mailwarden scenario server');
      const ehlo = replyOf(await channel.command('EHLO mailwarden.invalid'));
      expect(ehlo.code).toBe(250);
      expect(ehlo.lines).toEqual(
        expect.arrayContaining(['PIPELINING', '8BITMIME', 'SMTPUTF8', 'SIZE 10485760']),
      );
      expect(replyOf(await channel.command('QUIT')).code).toBe(221);
      channel.close();
      const client = channel.transcript
        .filter((entry) => entry.direction === 'client')
        .map((entry) => entry.text);
      expect(client).toEqual(['EHLO mailwarden.invalid', 'QUIT']);
      const first = channel.transcript[0];
      expect(first?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(
        channel.transcript.some((entry) => entry.direction === 'server' && entry.text.startsWith('250-')),
      ).toBe(true);
      expect(channel.tlsSession()).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('writes the redacted text, never the real line, into the transcript', async () => {
    const server = await startScenarioSmtpServer();
    try {
      const channel = await openChannel(server.port);
      replyOf(await channel.readReply());
      await channel.command('NOOP canary-secret-4711', { redactAs: 'NOOP <redacted>' });
      channel.close();
      const text = JSON.stringify(channel.transcript);
      expect(text).toContain('NOOP <redacted>');
      expect(text).not.toContain('canary-secret-4711');
    } finally {
      await server.close();
    }
  });

  it('upgrades with STARTTLS and reports a self-signed certificate as not authorized, with its facts', async () => {
    const leaf = await pki.leaf('self-signed', NAME);
    const server = await startScenarioSmtpServer({ key: leaf.keyPem, cert: leaf.certPem });
    try {
      const channel = await openChannel(server.port);
      replyOf(await channel.readReply());
      const before = replyOf(await channel.command('EHLO mailwarden.invalid'));
      expect(before.lines).toContain('STARTTLS');
      expect(replyOf(await channel.command('STARTTLS')).code).toBe(220);
      const upgraded = await channel.upgradeToTls({ servername: NAME });
      if (upgraded.kind !== 'tls') throw new Error(upgraded.failure.message);
      const session = upgraded.session;
      expect(session.authorized).toBe(false);
      expect(session.authorizationError).toMatch(/SELF_SIGNED/);
      expect(session.protocol).toBe('TLSv1.3');
      const cert = session.peerChain[0];
      expect(cert?.selfSigned).toBe(true);
      expect(cert?.keyType).toBe('rsa');
      expect(cert?.keyBits).toBe(2048);
      expect(cert?.signatureAlgorithm).toBe('sha256WithRSAEncryption');
      expect(cert?.subjectAltNames).toContain(`DNS:${NAME}`);
      expect(channel.tlsSession()).toEqual(session);
      const after = replyOf(await channel.command('EHLO mailwarden.invalid'));
      expect(after.lines).not.toContain('STARTTLS');
      channel.close();
    } finally {
      await server.close();
    }
  });

  it('speaks implicit TLS and authorizes a chain from the extra CA whose name matches', async () => {
    const leaf = await pki.leaf('good', NAME);
    const server = await startScenarioSmtpServer({ secure: true, key: leaf.keyPem, cert: leaf.certPem });
    try {
      const outcome = await open(server.port, 'implicit-tls', {
        tls: { servername: NAME, extraCaPem: pki.caPem },
      });
      if (outcome.kind !== 'open') throw new Error(outcome.failure.message);
      const session = outcome.channel.tlsSession();
      expect(session?.authorized).toBe(true);
      expect(session?.authorizationError).toBeNull();
      expect(session?.peerChain[0]?.selfSigned).toBe(false);
      expect(replyOf(await outcome.channel.readReply()).code).toBe(220);
      outcome.channel.close();
    } finally {
      await server.close();
    }
  });

  it('does not authorize a trusted certificate made for another name', async () => {
    const leaf = await pki.leaf('wrong-name', NAME);
    const server = await startScenarioSmtpServer({ secure: true, key: leaf.keyPem, cert: leaf.certPem });
    try {
      const outcome = await open(server.port, 'implicit-tls', {
        tls: { servername: NAME, extraCaPem: pki.caPem },
      });
      if (outcome.kind !== 'open') throw new Error(outcome.failure.message);
      expect(outcome.channel.tlsSession()?.authorized).toBe(false);
      expect(outcome.channel.tlsSession()?.authorizationError).toMatch(/ALTNAME/);
      outcome.channel.close();
    } finally {
      await server.close();
    }
  });

  it('reports a TLS version the server refuses as a failed handshake, quickly', async () => {
    const leaf = await pki.leaf('good', NAME);
    const server = await startScenarioSmtpServer({ secure: true, key: leaf.keyPem, cert: leaf.certPem });
    try {
      const { result, ms } = await timed(() =>
        open(server.port, 'implicit-tls', {
          tls: { servername: NAME, minVersion: 'TLSv1', maxVersion: 'TLSv1' },
        }),
      );
      expect(failureOf(result).kind).toBe('tls-handshake-failed');
      expect(ms).toBeLessThan(STEP_MS);
    } finally {
      await server.close();
    }
  });
});

describe('SMTP channel pipelining (RFC 2920)', () => {
  it('sends pipelined lines in the same write and leaves their replies for readReply', async () => {
    const chunks: string[] = [];
    const sockets: Socket[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
      socket.write('220 raw.test ESMTP\r\n');
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk.toString('latin1'));
        const lines = chunk
          .toString('latin1')
          .split('\r\n')
          .filter((line) => line !== '');
        socket.write(lines.map((line) => `250 ${line} ok\r\n`).join(''));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const bound = server.address();
    const port = typeof bound === 'object' && bound !== null ? bound.port : 0;
    try {
      const channel = await openChannel(port);
      replyOf(await channel.readReply());
      expect(() => channel.command('NOOP', { pipelined: ['RSET\r\nDATA'] })).toThrow(RangeError);
      expect(replyOf(await channel.command('NOOP', { pipelined: ['RSET'] })).lines).toEqual(['NOOP ok']);
      expect(replyOf(await channel.readReply()).lines).toEqual(['RSET ok']);
      expect(chunks).toEqual(['NOOP\r\nRSET\r\n']);
      expect(channel.transcript.filter((e) => e.direction === 'client').map((e) => e.text)).toEqual([
        'NOOP',
        'RSET',
      ]);
      channel.close();
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    }
  });
});

describe('SMTP channel against hostile servers', () => {
  it('ends a connect that hangs with connect-timeout at its deadline', async () => {
    const blackhole = await startBlackholeListener();
    try {
      const { result, ms } = await timed(() => open(blackhole.port));
      expect(failureOf(result).kind).toBe('connect-timeout');
      expect(ms).toBeGreaterThanOrEqual(STEP_MS - 50);
      expect(ms).toBeLessThan(STEP_MS + MARGIN_MS);
    } finally {
      await blackhole.close();
    }
  });

  it('tells a refused connection apart', async () => {
    const port = await closedPort();
    expect(failureOf(await open(port)).kind).toBe('connect-refused');
  });

  it('ends a server that never greets with a timeout at the greeting deadline', async () => {
    await withHostile('no-greeting', async (server) => {
      const channel = await openChannel(server.port);
      const { result, ms } = await timed(() => channel.readReply());
      const failure = failureOf(result);
      expect(failure.kind).toBe('timeout');
      expect(failure.message).toBe('No greeting within 1 s.');
      expect(ms).toBeLessThan(STEP_MS + MARGIN_MS);
      // The failure sticks: the connection is gone and nothing waits again.
      expect(failureOf(await channel.command('EHLO mailwarden.invalid')).kind).toBe('timeout');
    });
  });

  it('ends a greeting trickling one byte at a time at the deadline, keeping what arrived', async () => {
    await withHostile(
      'one-byte-a-second',
      async (server) => {
        const channel = await openChannel(server.port);
        const { result, ms } = await timed(() => channel.readReply());
        const failure = failureOf(result);
        expect(failure.kind).toBe('timeout');
        expect(failure.partial).toMatch(/^220 s/);
        expect(ms).toBeLessThan(STEP_MS + MARGIN_MS);
      },
      { byteIntervalMs: 150 },
    );
  });

  it('stops a line that never ends as soon as it crosses the cap, holding no more than the cap', async () => {
    await withHostile('endless-line', async (server) => {
      const before = process.memoryUsage().heapUsed;
      const channel = await openChannel(server.port);
      const { result, ms } = await timed(() => channel.readReply(10_000));
      const failure = failureOf(result);
      expect(failure.kind).toBe('line-too-long');
      // Long before the 10 s deadline: the cap, not the clock, ended it.
      expect(ms).toBeLessThan(STEP_MS);
      expect(failure.partial?.length ?? 0).toBeLessThanOrEqual(1_100);
      expect(process.memoryUsage().heapUsed - before).toBeLessThan(16 * 1024 * 1024);
    });
  });

  it('stops an endless 250- continuation at the line count cap', async () => {
    await withHostile('endless-continuation', async (server) => {
      const channel = await openChannel(server.port);
      replyOf(await channel.readReply());
      const { result, ms } = await timed(() =>
        channel.command('EHLO mailwarden.invalid', { timeoutMs: 10_000 }),
      );
      expect(failureOf(result).kind).toBe('too-many-lines');
      expect(ms).toBeLessThan(STEP_MS + MARGIN_MS);
      expect(channel.transcript.length).toBeLessThan(300);
    });
  });

  it.each([
    ['malformed-code', /^2500 four digits/],
    ['text-reply', /^hello, this is not SMTP/],
  ] as const)('rejects a %s greeting as malformed-reply', async (behaviour, partial) => {
    await withHostile(behaviour, async (server) => {
      const channel = await openChannel(server.port);
      const failure = failureOf(await channel.readReply());
      expect(failure.kind).toBe('malformed-reply');
      expect(failure.partial).toMatch(partial);
    });
  });

  it('rejects a reply whose code changes between lines as malformed-reply', async () => {
    await withHostile('mismatched-codes', async (server) => {
      const channel = await openChannel(server.port);
      replyOf(await channel.readReply());
      const failure = failureOf(await channel.command('EHLO mailwarden.invalid'));
      expect(failure.kind).toBe('malformed-reply');
      expect(failure.message).toContain('250 to 251');
    });
  });

  it.each([
    ['starttls-454', 454, '4.7.0'],
    ['starttls-502', 502, '5.5.1'],
  ] as const)('returns a refused STARTTLS (%s) as an ordinary reply', async (behaviour, code, enhanced) => {
    await withHostile(behaviour, async (server) => {
      const channel = await openChannel(server.port);
      replyOf(await channel.readReply());
      replyOf(await channel.command('EHLO mailwarden.invalid'));
      const reply = replyOf(await channel.command('STARTTLS'));
      expect(reply.code).toBe(code);
      expect(reply.enhancedCode).toBe(enhanced);
      expect(replyOf(await channel.command('QUIT')).code).toBe(221);
      channel.close();
    });
  });

  it('discards and reports plaintext injected after "220 Ready to start TLS"', async () => {
    await withHostile('starttls-injection', async (server) => {
      const channel = await openChannel(server.port);
      replyOf(await channel.readReply());
      replyOf(await channel.command('EHLO mailwarden.invalid'));
      expect(replyOf(await channel.command('STARTTLS')).code).toBe(220);
      const { result, ms } = await timed(() => channel.upgradeToTls({ servername: NAME }));
      if (result.kind !== 'failure') throw new Error('The injection went unnoticed');
      expect(result.failure.kind).toBe('plaintext-after-starttls');
      expect(result.failure.partial).toContain('250 injected');
      expect(ms).toBeLessThan(STEP_MS + MARGIN_MS);
      expect(channel.transcript.some((entry) => entry.text.includes('RFC 3207 section 4.2'))).toBe(true);
    });
  });

  it('ends a STARTTLS handshake that stalls with tls-handshake-timeout', async () => {
    await withHostile('starttls-stall', async (server) => {
      const channel = await openChannel(server.port);
      replyOf(await channel.readReply());
      replyOf(await channel.command('STARTTLS'));
      const { result, ms } = await timed(() => channel.upgradeToTls({ servername: NAME }));
      expect(result.kind === 'failure' ? result.failure.kind : result.kind).toBe('tls-handshake-timeout');
      expect(ms).toBeLessThan(STEP_MS + MARGIN_MS);
    });
  });

  it('ends an implicit-TLS handshake that stalls with tls-handshake-timeout', async () => {
    await withHostile('tls-stall', async (server) => {
      const { result, ms } = await timed(() => open(server.port, 'implicit-tls'));
      expect(failureOf(result).kind).toBe('tls-handshake-timeout');
      expect(ms).toBeLessThan(STEP_MS + MARGIN_MS);
    });
  });

  it('returns a 421 mid-session as a reply, and the close after it as closed', async () => {
    await withHostile('mid-session-421', async (server) => {
      const channel = await openChannel(server.port);
      replyOf(await channel.readReply());
      replyOf(await channel.command('EHLO mailwarden.invalid'));
      const reply = replyOf(await channel.command('MAIL FROM:<a@mailwarden.invalid>'));
      expect(reply.code).toBe(421);
      expect(reply.enhancedCode).toBe('4.3.2');
      expect(failureOf(await channel.command('RSET')).kind).toBe('closed');
    });
  });

  it('reports a reset in the middle of a reply with what had arrived', async () => {
    await withHostile('reset-mid-reply', async (server) => {
      const channel = await openChannel(server.port);
      replyOf(await channel.readReply());
      const failure = failureOf(await channel.command('EHLO mailwarden.invalid'));
      expect(failure.kind).toBe('reset');
      expect(failure.partial).toContain('250-hostile.test');
    });
  });

  it('returns endless 334 challenges one reply at a time, so the caller can stop', async () => {
    await withHostile('endless-334', async (server) => {
      const channel = await openChannel(server.port);
      replyOf(await channel.readReply());
      expect(replyOf(await channel.command('AUTH LOGIN')).code).toBe(334);
      for (let round = 0; round < 5; round += 1) {
        expect(replyOf(await channel.command('dGVzdA==', { redactAs: '<redacted>' })).code).toBe(334);
      }
      expect(replyOf(await channel.command('*')).code).toBe(334);
      channel.close();
    });
  });

  it('ends everything with aborted when the signal fires', async () => {
    await withHostile('no-greeting', async (server) => {
      const controller = new AbortController();
      const outcome = await open(server.port, 'plain', { signal: controller.signal });
      if (outcome.kind !== 'open') throw new Error(outcome.failure.message);
      setTimeout(() => {
        controller.abort();
      }, 100);
      const { result, ms } = await timed(() => outcome.channel.readReply(10_000));
      expect(failureOf(result).kind).toBe('aborted');
      expect(ms).toBeLessThan(STEP_MS);
      expect(failureOf(await open(server.port, 'plain', { signal: controller.signal })).kind).toBe('aborted');
    });
  });

  it('shows control characters and bidi overrides from what the server says, never passing them on', async () => {
    await withHostile('control-characters', async (server) => {
      const channel = await openChannel(server.port);
      const greeting = replyOf(await channel.readReply());
      expect(greeting.lines).toEqual(['evil⟨U+001B⟩[31m red⟨U+0007⟩ bell⟨U+0000⟩ ⟨U+202E⟩gnp.exe']);
      expect(JSON.stringify(channel.transcript)).not.toMatch(/\\u001b|\\u0007|\\u0000|\u202e/i);
      channel.close();
    });
  });
});

describe('SMTP channel raw ClientHello exchange (the TLS compression probe)', () => {
  /** A raw server that answers the first bytes it gets with `answer`, then keeps the connection open. */
  async function withAnswer<T>(answer: Buffer, use: (port: number) => Promise<T>): Promise<T> {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.once('data', () => socket.write(answer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    try {
      return await use(typeof address === 'object' && address !== null ? address.port : 0);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  }
  const hello = Buffer.from([0x16, 0x03, 0x01, 0x00, 0x01, 0x01]);

  it('returns exactly the first record, however the server splits or runs it on, and then closes', async () => {
    const alert = [0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28];
    const answer = Buffer.from([...alert, ...alert]);
    const outcome = await withAnswer(answer, async (port) => {
      const channel = await openChannel(port);
      const raw = await channel.exchangeRawHello(hello, 'test hello');
      const after = await channel.readReply();
      return { raw, after };
    });
    expect(outcome.raw).toEqual({ kind: 'record', recordBase64: Buffer.from(alert).toString('base64') });
    expect(outcome.after.kind).toBe('failure');
  });

  it('refuses a record header announcing more than TLS allows, without waiting for it', async () => {
    const { result, ms } = await timed(() =>
      withAnswer(Buffer.from([0x16, 0x03, 0x03, 0xff, 0xff]), async (port) =>
        (await openChannel(port)).exchangeRawHello(hello, 'test hello'),
      ),
    );
    expect(result.kind === 'failure' ? result.failure.kind : result.kind).toBe('reply-too-large');
    expect(ms).toBeLessThan(STEP_MS);
  });

  it('ends a server that answers half a record at the handshake deadline', async () => {
    const { result, ms } = await timed(() =>
      withAnswer(Buffer.from([0x16, 0x03, 0x03, 0x00, 0x40, 0x02]), async (port) =>
        (await openChannel(port)).exchangeRawHello(hello, 'test hello'),
      ),
    );
    expect(result.kind === 'failure' ? result.failure.kind : result.kind).toBe('timeout');
    expect(ms).toBeLessThan(STEP_MS + MARGIN_MS);
  });
});
