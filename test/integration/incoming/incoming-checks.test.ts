/**
 * The incoming-server audit plan run by the real check runner against real Dovecot: reachability, the
 * dialogue and the TLS checks on every port that answered, the login on the account's port; and a canary
 * password that appears nowhere in the findings or transcript, and never in Dovecot's log before TLS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImapflowLogin } from '../../../main/adapters/incoming/imapflow-login';
import { createLineConnector } from '../../../main/adapters/incoming/line-connector';
import { runChecks } from '../../../main/core/audit/run-checks';
import { planIncomingChecks, type IncomingCheckOptions } from '../../../main/core/incoming/incoming-checks';
import type { IncomingProtocol } from '../../../main/core/incoming/line-channel';
import { oneNameResolver, startDovecot, type DovecotServer } from '../../helpers/dovecot-server';
import { REAL_SERVER_LINE_LIMITS } from '../../helpers/incoming-probe-context';
import { getTestPki, type TestPki } from '../../helpers/test-certificates';

const HOST = 'mail.test';
const CANARY = 'CANARY-b71d-incoming-audit';

let pki: TestPki;
let good: DovecotServer;
let plaintext: DovecotServer;

beforeAll(async () => {
  pki = await getTestPki();
  const leaf = await pki.leaf('good', HOST);
  const users = [{ username: 'alice', password: CANARY }];
  [good, plaintext] = await Promise.all([
    startDovecot({ certPem: leaf.certPem, keyPem: leaf.keyPem, users, inboxMessages: 2, logPasswords: true }),
    startDovecot({
      certPem: leaf.certPem,
      keyPem: leaf.keyPem,
      users,
      plaintextLogin: true,
      logPasswords: true,
    }),
  ]);
}, 30_000);

afterAll(async () => {
  await Promise.all([good.stop(), plaintext.stop()]);
});

async function audit(
  server: DovecotServer,
  protocol: IncomingProtocol,
  overrides: Partial<IncomingCheckOptions> = {},
  trustTestCa = true,
) {
  const [plainPort, tlsPort] =
    protocol === 'imap' ? [server.ports.imap, server.ports.imaps] : [server.ports.pop3, server.ports.pop3s];
  const checks = planIncomingChecks(
    {
      resolver: oneNameResolver(HOST, server.address),
      connector: createLineConnector(),
      imapLogin: createImapflowLogin(),
      clock: { now: () => new Date() },
      limits: REAL_SERVER_LINE_LIMITS,
    },
    {
      protocol,
      host: HOST,
      port: tlsPort,
      security: 'implicit-tls',
      username: 'alice',
      secret: { kind: 'password', password: CANARY },
      ...(trustTestCa ? { extraCaPem: pki.caPem } : {}),
      standardPorts: { plain: plainPort, implicitTls: tlsPort },
      area: 'auth',
      ...overrides,
    },
  );
  return runChecks(checks, {
    signal: new AbortController().signal,
    overallDeadlineMs: 60_000,
  });
}

describe.each(['imap', 'pop3'] as const)('%s audit of Dovecot', (protocol) => {
  it('reaches both ports, judges their TLS, finds no clear-text login, logs in and counts the inbox', async () => {
    const outcome = await audit(good, protocol);
    const ids = outcome.findings.map((f) => f.id);
    expect(ids.filter((id) => id === `${protocol}.reach.ok`)).toHaveLength(2);
    expect(ids).toContain(`${protocol}.login.disabled-before-tls`);
    expect(ids).toContain(`${protocol}.login.accepted`);
    expect(outcome.findings.find((f) => f.id === `${protocol}.mailbox.reachable`)?.evidence['messages']).toBe(
      2,
    );
    // The TLS check ran on both ports (its wall time belongs to `npm run bench`, both-sides-bench.ts).
    const tlsChecks = new Set(
      outcome.findings.filter((f) => f.checkId.startsWith(`${protocol}-tls:`)).map((f) => f.checkId),
    );
    expect(tlsChecks.size).toBe(2);
    const everything = JSON.stringify(outcome);
    expect(everything).not.toContain(CANARY);
  });

  it('reports the clear-text login on the plain port and never sends the canary there', async () => {
    const outcome = await audit(plaintext, protocol, {
      port: protocol === 'imap' ? plaintext.ports.imap : plaintext.ports.pop3,
      security: 'starttls',
    });
    const offered = outcome.findings.find((f) => f.id === `${protocol}.login.cleartext-offered`);
    expect(offered?.severity).toBe('high');
    // The login went over STARTTLS and worked. Dovecot logs a password only when it fails, so its log
    // cannot show where a good one travelled; what this shows is that the dialogue (which runs on the
    // plain port) never sends one, and that nothing of ours repeats it.
    expect(outcome.findings.map((f) => f.id)).toContain(`${protocol}.login.accepted`);
    expect(JSON.stringify(outcome)).not.toContain(CANARY);
    expect(await plaintext.logs()).not.toContain(CANARY);
  });

  it('sends no password when the certificate does not verify', async () => {
    const outcome = await audit(good, protocol, {}, false);
    const login = outcome.findings.filter((f) => f.checkId.startsWith(`${protocol}-login:`));
    expect(login.map((f) => f.id)).toEqual([`${protocol}.login.not-attempted`]);
    expect(await good.logs()).not.toContain(CANARY);
  });
});
