/**
 * The contract of the imapflow login adapter, against real Dovecot: a login over verified TLS reads the
 * inbox count; a wrong password is "rejected"; an untrusted certificate means the password is never sent
 * (Dovecot's log, which here records every password it receives, never sees the canary).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImapflowLogin } from '../../../main/adapters/incoming/imapflow-login';
import type { IncomingLoginRequest } from '../../../main/core/incoming/incoming-login-port';
import { startDovecot, type DovecotServer } from '../../helpers/dovecot-server';
import { getTestPki, type TestPki } from '../../helpers/test-certificates';

const HOST = 'mail.test';
const PASSWORD = 'alice-password-1';
const CANARY = 'CANARY-3f9c1e-never-in-any-log';

let pki: TestPki;
let dovecot: DovecotServer;

beforeAll(async () => {
  pki = await getTestPki();
  const leaf = await pki.leaf('good', HOST);
  dovecot = await startDovecot({
    certPem: leaf.certPem,
    keyPem: leaf.keyPem,
    users: [{ username: 'alice', password: PASSWORD }],
    inboxMessages: 3,
    logPasswords: true,
  });
}, 30_000);

afterAll(async () => {
  await dovecot.stop();
});

const request = (overrides: Partial<IncomingLoginRequest>): IncomingLoginRequest => ({
  host: HOST,
  address: dovecot.address,
  port: dovecot.ports.imaps,
  security: 'implicit-tls',
  username: 'alice',
  secret: { kind: 'password', password: PASSWORD },
  extraCaPem: pki.caPem,
  timeoutMs: 5_000,
  signal: new AbortController().signal,
  ...overrides,
});

describe('imapflow login adapter', () => {
  it('logs in over implicit TLS and reads the inbox count only', async () => {
    expect(await createImapflowLogin().login(request({}))).toEqual({ kind: 'accepted', messages: 3 });
  });

  it('logs in after STARTTLS on the clear-text port', async () => {
    const outcome = await createImapflowLogin().login(
      request({ port: dovecot.ports.imap, security: 'starttls' }),
    );
    expect(outcome).toEqual({ kind: 'accepted', messages: 3 });
  });

  it('reports a wrong password as rejected, with the server’s words', async () => {
    const outcome = await createImapflowLogin().login(
      request({ secret: { kind: 'password', password: 'wrong-password' } }),
    );
    expect(outcome.kind).toBe('rejected');
  });

  it('never sends the password when the certificate does not verify', async () => {
    const { extraCaPem: _, ...untrusted } = request({ secret: { kind: 'password', password: CANARY } });
    const outcome = await createImapflowLogin().login(untrusted);
    expect(outcome.kind).toBe('tls-unverified');
    expect(JSON.stringify(outcome)).not.toContain(CANARY);
    expect(await dovecot.logs()).not.toContain(CANARY);
  });

  // Dovecot delays each further failed login from the same address (its auth penalty), hence the time.
  it(
    'leaves a wrong password out of what it returns (the server log shows Dovecot did receive it)',
    { timeout: 20_000 },
    async () => {
      const outcome = await createImapflowLogin().login(
        request({ secret: { kind: 'password', password: CANARY }, timeoutMs: 15_000 }),
      );
      expect(outcome.kind).toBe('rejected');
      expect(JSON.stringify(outcome)).not.toContain(CANARY);
      // Proves the log would show the canary had it been sent: the untrusted case above is meaningful.
      expect(await dovecot.logs()).toContain(CANARY);
    },
  );
});
