import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import { RELAY_TEST_FROM, RELAY_TEST_TO, runRelayProbe } from '../../../../main/core/probes/relay-probe';
import type { SmtpProbeContext } from '../../../../main/core/smtp/probe-context';
import { DEFAULT_SMTP_LIMITS } from '../../../../main/core/smtp/smtp-channel';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../../helpers/auth-smtp-server';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { startPostfix, TRANSPORT_PARAMETERS, type PostfixServer } from '../../../helpers/postfix-server';
import { startScriptedSmtpServer, type ScriptedSmtpServer } from '../../../helpers/scripted-smtp-server';
import { getTestPki } from '../../../helpers/test-certificates';
import { emptySlotsOf } from '../../../helpers/wording-guard/finding-wording';
import { capsFor } from '../../../../main/core/score/score-caps';

const CANARY = 'Canary-Relay-31b7';
const USER = 'alice@example.test';

let caPem = '';
let knot: KnotServer;
let openRelay: PostfixServer;
let closedRelay: PostfixServer;
let smtpOpen: AuthSmtpServer;
let smtpClosed: AuthSmtpServer;
/** Greylisting (RFC 6647): every first RCPT from an unknown sender gets "try again later". */
let greylisting: ScriptedSmtpServer;

beforeAll(async () => {
  const pki = await getTestPki();
  caPem = pki.caPem;
  const [openLeaf, closedLeaf, mailLeaf] = await Promise.all([
    pki.leaf('good', 'open.test'),
    pki.leaf('good', 'closed.test'),
    pki.leaf('good', 'mail.test'),
  ]);
  const users = [{ username: USER, password: CANARY }];
  greylisting = await startScriptedSmtpServer({
    certPem: mailLeaf.certPem,
    keyPem: mailLeaf.keyPem,
    respond: (line) =>
      line.startsWith('RCPT')
        ? '450 4.2.0 <relay-test@another-outside.invalid>: Greylisted, try again later'
        : undefined,
  });
  [openRelay, closedRelay, smtpOpen, smtpClosed] = await Promise.all([
    startPostfix({
      users,
      openRelay: true,
      certPem: openLeaf.certPem,
      keyPem: openLeaf.keyPem,
      hostname: 'open.test',
    }),
    startPostfix({ users, certPem: closedLeaf.certPem, keyPem: closedLeaf.keyPem, hostname: 'closed.test' }),
    // smtp-server without required login, accepting any recipient: an open relay.
    startAuthSmtpServer({
      user: { username: USER, password: CANARY },
      certPem: mailLeaf.certPem,
      keyPem: mailLeaf.keyPem,
      extra: { authOptional: true },
    }),
    // smtp-server's default: MAIL FROM needs a login (530), so nothing relays.
    startAuthSmtpServer({
      user: { username: USER, password: CANARY },
      certPem: mailLeaf.certPem,
      keyPem: mailLeaf.keyPem,
    }),
  ]);
  knot = await startKnot({
    test: `open A ${openRelay.address}\nclosed A ${closedRelay.address}\nmail A 127.0.0.1\n`,
  });
});

afterAll(async () => {
  await Promise.all([
    openRelay.stop(),
    closedRelay.stop(),
    smtpOpen.close(),
    smtpClosed.close(),
    greylisting.close(),
    knot.stop(),
  ]);
});

function context(host: string): SmtpProbeContext {
  return {
    host,
    resolver: createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 3_000 }),
    connector: createSmtpConnector(),
    limits: { ...DEFAULT_SMTP_LIMITS, replyTimeoutMs: 5_000, greetingTimeoutMs: 5_000 },
    signal: new AbortController().signal,
    extraCaPem: caPem,
    clock: { now: () => new Date() },
  };
}

function postfixPorts(server: PostfixServer) {
  return [
    { port: server.ports.smtp, security: 'plain' as const },
    { port: server.ports.submission, security: 'plain' as const },
    { port: server.ports.submissions, security: 'implicit-tls' as const },
  ];
}

describe('runRelayProbe against a real Postfix', () => {
  it('finds an open relay on every port of a permissive Postfix, and sends no message', async () => {
    const result = await runRelayProbe(context('open.test'), {
      enabled: true,
      ports: postfixPorts(openRelay),
    });
    expect(result.findings.map((each) => [each.id, each.severity])).toEqual([
      ['relay.open', 'critical'],
      ['relay.open', 'critical'],
      ['relay.open', 'critical'],
    ]);
    expect(result.findings[0]?.evidence['rcptReply']).toMatchObject({ code: 250 });
    const sent = result.transcript.filter((entry) => entry.direction === 'client').map((entry) => entry.text);
    expect(sent).toContain(`MAIL FROM:<${RELAY_TEST_FROM}>`);
    expect(sent).toContain(`RCPT TO:<${RELAY_TEST_TO}>`);
    expect(sent).toContain('RSET');
    expect(sent.some((line) => /^DATA/i.test(line))).toBe(false);
    for (const parameter of TRANSPORT_PARAMETERS)
      expect(await openRelay.postconf(parameter)).toBe('discard:');
    expect(await openRelay.settledQueuedFiles()).toBe(0);
  });

  it('passes a Postfix that relays only for logged-in users', async () => {
    const result = await runRelayProbe(context('closed.test'), {
      enabled: true,
      ports: postfixPorts(closedRelay),
    });
    expect(result.findings.map((each) => each.id)).toEqual(['relay.closed', 'relay.closed', 'relay.closed']);
    expect(result.findings[0]?.evidence['rcptReply']).toMatchObject({ code: 554, enhancedCode: '5.7.1' });
    expect(await closedRelay.settledQueuedFiles()).toBe(0);
    const logs = await closedRelay.logs();
    expect(logs).toContain('Relay access denied');
    expect(logs).not.toContain(CANARY);
  });
});

describe('runRelayProbe against smtp-server', () => {
  it('flags smtp-server without required login as an open relay, and never sends DATA', async () => {
    const result = await runRelayProbe(context('mail.test'), {
      enabled: true,
      ports: [{ port: smtpOpen.port, security: 'plain' }],
    });
    expect(result.findings.map((each) => each.id)).toEqual(['relay.open']);
    expect(smtpOpen.commands).toEqual(expect.arrayContaining(['MAIL', 'RCPT', 'RSET']));
    expect(smtpOpen.commands).not.toContain('DATA');
  });

  it('passes a server that refuses MAIL FROM without a login', async () => {
    const result = await runRelayProbe(context('mail.test'), {
      enabled: true,
      ports: [{ port: smtpClosed.port, security: 'plain' }],
    });
    expect(result.findings.map((each) => each.id)).toEqual(['relay.closed']);
    expect(result.findings[0]?.evidence['mailReply']).toMatchObject({ code: 530 });
    expect(smtpClosed.commands).not.toContain('RCPT');
  });

  it('calls a greylisting server (450 to RCPT) inconclusive, neither open nor closed, and leaves the grade alone', async () => {
    const result = await runRelayProbe(context('mail.test'), {
      enabled: true,
      ports: [{ port: greylisting.port, security: 'plain' }],
    });
    expect(result.findings.map((each) => [each.id, each.severity])).toEqual([['relay.inconclusive', 'info']]);
    const inconclusive = result.findings[0];
    expect(inconclusive?.evidence).toMatchObject({
      tls: true,
      rcptReply: { code: 450, enhancedCode: '4.2.0' },
    });
    expect(inconclusive === undefined ? ['no finding'] : emptySlotsOf(inconclusive)).toEqual([]);
    expect(capsFor(result.findings, { accountPort: greylisting.port })).toEqual([]);
    // The transaction was reset and the session ended; no message was ever started.
    expect(greylisting.received).toEqual(expect.arrayContaining(['RSET', 'QUIT']));
    expect(greylisting.received.some((line) => /^DATA/i.test(line))).toBe(false);
  });

  it('reports a port it cannot reach as a finding, not a crash', async () => {
    const result = await runRelayProbe(context('mail.test'), {
      enabled: true,
      ports: [{ port: 1, security: 'plain' }],
    });
    expect(result.findings.map((each) => each.id)).toEqual(['relay.unreachable']);
  });

  it('skips the test when the user switched it off, without connecting', async () => {
    const before = smtpOpen.commands.length;
    const result = await runRelayProbe(context('mail.test'), {
      enabled: false,
      ports: [{ port: smtpOpen.port, security: 'plain' }],
    });
    expect(result.findings.map((each) => [each.id, each.severity, each.title])).toEqual([
      ['relay.skipped', 'info', 'Relay test skipped at your request'],
    ]);
    expect(smtpOpen.commands.length).toBe(before);
  });
});
