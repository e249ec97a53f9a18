import { describe, expect, it } from 'vitest';
import type { EvidenceSmtpConnection } from '../../../../preload/contract/evidence';
import { replayConnector } from '../../../../main/core/evidence/replay-smtp';
import { createVirtualTimeline } from '../../../../main/core/evidence/virtual-timeline';
import type { SmtpChannel } from '../../../../main/core/smtp/smtp-channel';
import { evidenceFixture, FIXTURE_STARTED_AT_MS } from '../../../helpers/evidence-fixture';

const TARGET = { host: 'smtp.example.test', address: '192.0.2.25', port: 587 };
const reply = (code: number, text: string) => ({
  kind: 'reply',
  reply: { code, enhancedCode: null, lines: [text] },
});
const entry = (direction: 'client' | 'server', text: string) => ({
  at: '2026-01-01T00:00:00.100Z',
  elapsedMs: 0,
  direction,
  text,
});

/** Two recordings of the same port: a quick reachability check and a longer conversation. */
const reach: EvidenceSmtpConnection = {
  ...TARGET,
  security: 'plain',
  tls: { servername: 'smtp.example.test', minVersion: null, maxVersion: null },
  atMs: 10,
  seq: 1,
  open: { kind: 'open', tls: null },
  operations: [
    { op: 'read', atMs: 30, seq: 3, outcome: reply(220, 'reach greeting') },
    { op: 'command', line: 'QUIT', atMs: 35, seq: 5, outcome: reply(221, 'Bye') },
  ],
  transcript: [entry('server', '220 reach greeting'), entry('client', 'QUIT'), entry('server', '221 Bye')],
  transcriptReads: [1],
};
const dialogue: EvidenceSmtpConnection = {
  ...reach,
  atMs: 11,
  seq: 2,
  operations: [
    { op: 'read', atMs: 31, seq: 4, outcome: reply(220, 'dialogue greeting') },
    { op: 'command', line: 'EHLO mailwarden.invalid', atMs: 40, seq: 6, outcome: reply(250, 'STARTTLS') },
  ],
  transcript: [entry('server', '220 dialogue greeting'), entry('client', 'EHLO mailwarden.invalid')],
  transcriptReads: [],
};

const open = async (connector: ReturnType<typeof replayConnector>): Promise<SmtpChannel> => {
  const opened = await connector.open(TARGET, {
    security: 'plain',
    tls: { servername: 'smtp.example.test' },
  });
  if (opened.kind !== 'open') throw new Error(`expected an open channel, got ${opened.failure.message}`);
  return opened.channel;
};

describe('replayConnector', () => {
  it('replays a conversation: greeting, commands, the moments they came, and the transcript as it was read', async () => {
    const evidence = evidenceFixture({ smtp: [reach] });
    const timeline = createVirtualTimeline(evidence.startedAtMs);
    const channel = await open(replayConnector(evidence, timeline));
    expect(await channel.readReply()).toEqual(reply(220, 'reach greeting'));
    expect(timeline.clock.now().getTime()).toBe(FIXTURE_STARTED_AT_MS + 30);
    // The check read its transcript after the greeting, before QUIT: it sees that much again.
    expect(channel.transcript.map((line) => line.text)).toEqual(['220 reach greeting']);
    expect(await channel.command('QUIT')).toEqual(reply(221, 'Bye'));
    channel.close();
    expect(channel.tlsSession()).toBeNull();
  });

  it('lets each channel follow the recording its own requests match, even when opened in the other order', async () => {
    const evidence = evidenceFixture({ smtp: [reach, dialogue] });
    const connector = replayConnector(evidence, createVirtualTimeline(evidence.startedAtMs));
    // The dialogue opens first this time, so it starts on the reachability recording.
    const first = await open(connector);
    const second = await open(connector);
    await Promise.all([first.readReply(), second.readReply()]);
    expect(await first.command('EHLO mailwarden.invalid')).toEqual(reply(250, 'STARTTLS'));
    expect(await second.command('QUIT')).toEqual(reply(221, 'Bye'));
  });

  it('answers what the report never saw as "not recorded": an unknown port, an unknown command, a TLS upgrade', async () => {
    const evidence = evidenceFixture({ smtp: [reach] });
    const connector = replayConnector(evidence, createVirtualTimeline(evidence.startedAtMs));
    const elsewhere = await connector.open({ ...TARGET, port: 465 }, { security: 'implicit-tls' });
    expect(elsewhere).toMatchObject({
      kind: 'failure',
      failure: { kind: 'connect-failed', message: 'not recorded in this report' },
    });
    const channel = await open(connector);
    await channel.readReply();
    expect(await channel.command('VRFY postmaster')).toMatchObject({
      kind: 'failure',
      failure: { kind: 'closed', message: 'not recorded in this report' },
    });
    expect(await channel.upgradeToTls({ servername: 'smtp.example.test' })).toMatchObject({
      kind: 'failure',
      failure: { message: 'not recorded in this report' },
    });
    channel.close();
    // Every recording of that port has been replayed: one more connection is not recorded either.
    expect(
      await connector.open(TARGET, { security: 'plain', tls: { servername: 'smtp.example.test' } }),
    ).toMatchObject({
      kind: 'failure',
      failure: { message: 'not recorded in this report' },
    });
  });
});
