import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import { createRecordingClock } from '../../../../main/core/evidence/recording-clock';
import { recordConnector } from '../../../../main/core/evidence/record-smtp';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../../helpers/auth-smtp-server';
import { TEST_LIMITS } from '../../../helpers/probe-context';
import { getTestPki } from '../../../helpers/test-certificates';

const CANARY = 'Canary-record-smtp-41f0!';
const USER = 'ann@mail.test';

describe('recordConnector', () => {
  let smtp: AuthSmtpServer;

  beforeAll(async () => {
    const leaf = await (await getTestPki()).leaf('good', 'smtp.mail.test');
    // AUTH on the clear-text connection, so this test can send a raw AUTH line through the channel.
    smtp = await startAuthSmtpServer({
      user: { username: USER, password: CANARY },
      certPem: leaf.certPem,
      keyPem: leaf.keyPem,
      allowInsecureAuth: true,
    });
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('records the conversation with the server’s real replies, and an AUTH line only as its placeholder', async () => {
    const clock = createRecordingClock({ now: () => new Date() });
    const recorded = recordConnector(createSmtpConnector(), clock);
    const opened = await recorded.connector.open(
      { host: 'smtp.mail.test', address: '127.0.0.1', port: smtp.port },
      { security: 'plain', tls: { servername: 'smtp.mail.test' }, limits: TEST_LIMITS },
    );
    if (opened.kind !== 'open') throw new Error(opened.failure.message);
    const channel = opened.channel;
    await channel.readReply();
    await channel.command('EHLO mailwarden.invalid');
    const payload = Buffer.from(`\u0000${USER}\u0000${CANARY}`).toString('base64');
    const auth = await channel.command(`AUTH PLAIN ${payload}`, { redactAs: 'AUTH PLAIN <redacted>' });
    expect(auth).toMatchObject({ kind: 'reply', reply: { code: 235 } });
    await channel.command('QUIT');
    channel.close();

    const [connection] = recorded.connections();
    expect(connection).toMatchObject({ host: 'smtp.mail.test', port: smtp.port, security: 'plain' });
    expect(connection?.operations.map((op) => (op.op === 'command' ? op.line : op.op))).toEqual([
      'read',
      'EHLO mailwarden.invalid',
      'AUTH PLAIN <redacted>',
      'QUIT',
    ]);
    expect(connection?.operations[0]).toMatchObject({ outcome: { kind: 'reply', reply: { code: 220 } } });
    // Answers are numbered in arrival order and never go back in time.
    const operations = connection?.operations ?? [];
    expect(operations.map((op) => op.seq)).toEqual([2, 3, 4, 5]);
    expect(
      operations.every((op, index) => index === 0 || op.atMs >= (operations[index - 1]?.atMs ?? 0)),
    ).toBe(true);
    const text = JSON.stringify(recorded.connections());
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(payload);
    expect(text).toContain('235');
  });
});
