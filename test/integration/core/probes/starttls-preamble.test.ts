import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import {
  ehloKeywords,
  PROBE_EHLO_NAME,
  starttlsPreamble,
  type StarttlsPreamble,
} from '../../../../main/core/probes/starttls-preamble';
import { DEFAULT_SMTP_LIMITS } from '../../../../main/core/smtp/smtp-channel';

const LIMITS = { ...DEFAULT_SMTP_LIMITS, greetingTimeoutMs: 1_000, replyTimeoutMs: 1_000 };
const CLOSE_DEADLINE_MS = 2_000;

/** What the scripted server answers to each command line (by its first word), after `greeting`. */
interface Script {
  readonly greeting: string | null;
  readonly answers: { readonly [verb: string]: string };
}

const open: { server: Server; sockets: Set<Socket> }[] = [];

afterEach(async () => {
  for (const { server, sockets } of open.splice(0)) {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CLOSE_DEADLINE_MS);
      server.close(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
});

/** A raw SMTP server on loopback that plays `script`, recording what the client sent. */
async function scripted(script: Script): Promise<{ port: number; received: string[] }> {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    if (script.greeting !== null) socket.write(script.greeting);
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      let end = buffered.indexOf('\r\n');
      while (end >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        received.push(line);
        const answer = script.answers[(line.split(' ')[0] ?? '').toUpperCase()];
        if (answer !== undefined) socket.write(answer);
        end = buffered.indexOf('\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({ server, sockets });
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return { port: address.port, received };
}

async function runPreamble(port: number): Promise<StarttlsPreamble> {
  const opened = await createSmtpConnector().open(
    { host: 'mail.preamble.test', address: '127.0.0.1', port },
    { security: 'plain', limits: LIMITS },
  );
  if (opened.kind !== 'open') throw new Error(opened.failure.message);
  try {
    return await starttlsPreamble(opened.channel);
  } finally {
    opened.channel.close();
  }
}

const EHLO_WITH_STARTTLS =
  '250-mail.preamble.test hello\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250 STARTTLS\r\n';

describe('starttlsPreamble', () => {
  it('goes greeting, EHLO, STARTTLS and stops at the 220, ready for the upgrade', async () => {
    const server = await scripted({
      greeting: '220 mail.preamble.test ESMTP\r\n',
      answers: { EHLO: EHLO_WITH_STARTTLS, STARTTLS: '220 2.0.0 Ready to start TLS\r\n' },
    });
    const outcome = await runPreamble(server.port);
    expect(outcome.kind).toBe('ready');
    if (outcome.kind !== 'ready') return;
    expect(ehloKeywords(outcome.ehlo)).toEqual(['PIPELINING', 'SIZE', 'STARTTLS']);
    expect(server.received).toEqual([`EHLO ${PROBE_EHLO_NAME}`, 'STARTTLS']);
  });

  it('says STARTTLS is not offered, without sending it', async () => {
    const server = await scripted({
      greeting: '220 mail.preamble.test ESMTP\r\n',
      answers: { EHLO: '250-mail.preamble.test\r\n250 PIPELINING\r\n' },
    });
    expect((await runPreamble(server.port)).kind).toBe('not-offered');
    expect(server.received).toEqual([`EHLO ${PROBE_EHLO_NAME}`]);
  });

  it('tells a refused STARTTLS (RFC 3207: 454) apart', async () => {
    const server = await scripted({
      greeting: '220 mail.preamble.test ESMTP\r\n',
      answers: { EHLO: EHLO_WITH_STARTTLS, STARTTLS: '454 4.7.0 TLS not available due to local problem\r\n' },
    });
    const outcome = await runPreamble(server.port);
    expect(outcome).toMatchObject({ kind: 'refused', reply: { code: 454, enhancedCode: '4.7.0' } });
  });

  it('stops at a 554 greeting and at a rejected EHLO', async () => {
    const busy = await scripted({ greeting: '554 5.3.2 Go away\r\n', answers: {} });
    expect(await runPreamble(busy.port)).toMatchObject({
      kind: 'unexpected-reply',
      step: 'greeting',
      reply: { code: 554 },
    });
    expect(busy.received).toEqual([]);

    const heloOnly = await scripted({
      greeting: '220 old.preamble.test SMTP\r\n',
      answers: { EHLO: '502 5.5.2 Command not recognized\r\n' },
    });
    expect(await runPreamble(heloOnly.port)).toMatchObject({
      kind: 'unexpected-reply',
      step: 'ehlo',
      reply: { code: 502 },
    });
  });

  it('reports a server that never greets as a failure at the greeting, within its deadline', async () => {
    const silent = await scripted({ greeting: null, answers: {} });
    const started = performance.now();
    const outcome = await runPreamble(silent.port);
    expect(outcome).toMatchObject({ kind: 'failure', step: 'greeting', failure: { kind: 'timeout' } });
    expect(performance.now() - started).toBeLessThan(LIMITS.greetingTimeoutMs + 1_000);
  });
});
