/**
 * The ways an incoming login can break after the dialogue went well, each through the real audit path:
 * a server that closes the connection at the password (IMAP LOGIN, POP3 PASS), real Dovecot whose inbox
 * the logged-in user cannot open, and a POP3 account whose port is closed. Each is its own finding with
 * filled words, and the password appears nowhere in what Mailwarden reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecksOutcome } from '../../../main/core/audit/run-checks';
import type { IncomingProtocol } from '../../../main/core/incoming/line-channel';
import type { Finding } from '../../../preload/contract/findings';
import { closedPort } from '../../helpers/closed-port';
import { oneNameResolver, startDovecot, type DovecotServer } from '../../helpers/dovecot-server';
import { runIncomingAudit } from '../../helpers/run-incoming-audit';
import {
  startScriptedIncomingServer,
  type ScriptedIncomingServer,
} from '../../helpers/scripted-incoming-server';
import { getTestPki, type TestPki } from '../../helpers/test-certificates';
import { emptySlotsOf } from '../../helpers/wording-guard/finding-wording';

const HOST = 'mail.test';
const PASSWORD = 'CANARY-9c2e-login-breaks';

let pki: TestPki;
let lockedInbox: DovecotServer;
const scripted: ScriptedIncomingServer[] = [];

beforeAll(async () => {
  pki = await getTestPki();
  const leaf = await pki.leaf('good', HOST);
  lockedInbox = await startDovecot({
    ...leaf,
    users: [{ username: 'alice', password: PASSWORD }],
    inboxMessages: 1,
    unreadableInbox: true,
  });
}, 30_000);

afterAll(async () => {
  await Promise.all([lockedInbox.stop(), ...scripted.map((server) => server.stop())]);
});

/** The one finding with this id, its words filled, and the password nowhere in the whole outcome. */
function theFinding(outcome: ChecksOutcome, id: string): Finding {
  const found = outcome.findings.filter((finding) => finding.id === id);
  expect(found.map((finding) => finding.id)).toEqual([id]);
  const finding = found[0] as Finding;
  expect(emptySlotsOf(finding)).toEqual([]);
  expect(JSON.stringify(outcome)).not.toContain(PASSWORD);
  return finding;
}

describe.each(['imap', 'pop3'] as const)('%s login', (protocol: IncomingProtocol) => {
  it('that the server cuts off at the password is reported as a broken login, not a wrong password', async () => {
    const leaf = await pki.leaf('good', HOST);
    const server = await startScriptedIncomingServer({
      protocol,
      greeting: 'ready.',
      capabilities: protocol === 'imap' ? ['IMAP4rev1', 'AUTH=PLAIN'] : ['USER', 'UIDL'],
      login: 'close',
      inbox: { messages: 0 },
      tls: leaf,
    });
    scripted.push(server);
    const outcome = await runIncomingAudit({
      resolver: oneNameResolver(HOST, '127.0.0.1'),
      protocol,
      host: HOST,
      port: server.port,
      security: 'implicit-tls',
      username: 'alice',
      secret: { kind: 'password', password: PASSWORD },
      extraCaPem: pki.caPem,
    });
    const failed = theFinding(outcome, `${protocol}.login.failed`);
    expect(failed.severity).toBe('medium');
    expect(failed.evidence).toMatchObject({ host: HOST, port: server.port, username: 'alice' });
    expect(failed.explanation).toMatch(/^The login broke off: \S.*closed/);
    const ids = outcome.findings.map((finding) => finding.id);
    expect(ids).not.toContain(`${protocol}.login.rejected`);
    expect(ids).not.toContain(`${protocol}.login.accepted`);
  });

  it('to real Dovecot whose inbox the user cannot open says the login worked and the mailbox did not', async () => {
    const port = protocol === 'imap' ? lockedInbox.ports.imaps : lockedInbox.ports.pop3s;
    const outcome = await runIncomingAudit({
      resolver: oneNameResolver(HOST, lockedInbox.address),
      protocol,
      host: HOST,
      port,
      security: 'implicit-tls',
      username: 'alice',
      secret: { kind: 'password', password: PASSWORD },
      extraCaPem: pki.caPem,
    });
    theFinding(outcome, `${protocol}.login.accepted`);
    const unavailable = theFinding(outcome, `${protocol}.mailbox.unavailable`);
    expect(unavailable.severity).toBe('medium');
    // Dovecot's own words: IMAP "NO [SERVERBUG] Internal error ..." (imapflow keeps the text), POP3 "-ERR [SYS/TEMP] ...".
    expect(unavailable.evidence['reply']).toMatch(
      protocol === 'imap' ? /^Internal error/ : /^-ERR \[SYS\/TEMP\] Internal error/,
    );
    expect(unavailable.explanation).toContain('Internal error');
    expect(await lockedInbox.logs()).toMatch(/Permission denied/);
  });
});

describe('a POP3 account whose port is closed', () => {
  it('is reported as the account’s server being unreachable, with no password sent anywhere', async () => {
    const port = await closedPort();
    const outcome = await runIncomingAudit({
      resolver: oneNameResolver(HOST, '127.0.0.1'),
      protocol: 'pop3',
      host: HOST,
      port,
      security: 'implicit-tls',
      username: 'alice',
      secret: { kind: 'password', password: PASSWORD },
      extraCaPem: pki.caPem,
    });
    const unreachable = theFinding(outcome, 'pop3.reach.account-port-unreachable');
    expect(unreachable.severity).toBe('high');
    expect(unreachable.evidence).toMatchObject({ host: HOST, port });
    expect(unreachable.title).toContain(String(port));
    expect(outcome.findings.map((finding) => finding.id)).not.toContain('pop3.login.accepted');
  });
});
