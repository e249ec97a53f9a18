import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { createNodemailerLogin } from '../../../../main/adapters/smtp/nodemailer-auth';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import {
  FOREIGN_SENDER,
  runSpoofingProbe,
  type SpoofingProbeOptions,
} from '../../../../main/core/probes/spoofing-probe';
import type { ProbeResult, SmtpProbeContext } from '../../../../main/core/smtp/probe-context';
import { DEFAULT_SMTP_LIMITS } from '../../../../main/core/smtp/smtp-channel';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../../helpers/auth-smtp-server';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { startPostfix, type PostfixServer } from '../../../helpers/postfix-server';
import { getTestPki } from '../../../helpers/test-certificates';
import { emptySlotsOf } from '../../../helpers/wording-guard/finding-wording';
import { capsFor } from '../../../../main/core/score/score-caps';

const CANARY = 'Canary-Spoof-a41c2e';
const USER = 'alice@example.test';

let caPem = '';
let knot: KnotServer;
let permissive: PostfixServer;
let strict: PostfixServer;
let icloudLike: AuthSmtpServer;
/** Says "try again later" to every MAIL FROM, the account's own included (a full queue, RFC 5321 4.2.2). */
let busy: AuthSmtpServer;
const login = createNodemailerLogin();

beforeAll(async () => {
  const pki = await getTestPki();
  caPem = pki.caPem;
  const [looseLeaf, strictLeaf, mailLeaf] = await Promise.all([
    pki.leaf('good', 'loose.test'),
    pki.leaf('good', 'strict.test'),
    pki.leaf('good', 'mail.test'),
  ]);
  const users = [{ username: USER, password: CANARY }];
  [permissive, strict, icloudLike, busy] = await Promise.all([
    startPostfix({ users, certPem: looseLeaf.certPem, keyPem: looseLeaf.keyPem, hostname: 'loose.test' }),
    startPostfix({
      users,
      enforceSenderLogin: true,
      certPem: strictLeaf.certPem,
      keyPem: strictLeaf.keyPem,
      hostname: 'strict.test',
    }),
    // Refuses any sender but the account, with iCloud's words (providers.md section 4).
    startAuthSmtpServer({
      user: { username: USER, password: CANARY },
      certPem: mailLeaf.certPem,
      keyPem: mailLeaf.keyPem,
      extra: {
        onMailFrom(address, _session, callback) {
          if (address.address === USER) {
            callback();
            return;
          }
          const error = new Error('5.7.0 From address is not one of your addresses') as Error & {
            responseCode: number;
          };
          error.responseCode = 550;
          callback(error);
        },
      },
    }),
    startAuthSmtpServer({
      user: { username: USER, password: CANARY },
      certPem: mailLeaf.certPem,
      keyPem: mailLeaf.keyPem,
      extra: {
        onMailFrom(_address, _session, callback) {
          const error = new Error('4.3.0 Queue full, try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
        },
      },
    }),
  ]);
  knot = await startKnot({
    test: `loose A ${permissive.address}\nstrict A ${strict.address}\nmail A 127.0.0.1\n`,
  });
});

afterAll(async () => {
  await Promise.all([permissive.stop(), strict.stop(), icloudLike.close(), busy.close(), knot.stop()]);
});

function context(host: string): SmtpProbeContext {
  return {
    host,
    resolver: createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 3_000 }),
    connector: createSmtpConnector(),
    limits: DEFAULT_SMTP_LIMITS,
    signal: new AbortController().signal,
    extraCaPem: caPem,
    clock: { now: () => new Date() },
  };
}

function options(port: number, overrides: Partial<SpoofingProbeOptions> = {}): SpoofingProbeOptions {
  return {
    port,
    security: 'starttls',
    username: USER,
    secret: { kind: 'password', password: CANARY },
    accountAddress: USER,
    deadlineMs: 5_000,
    ...overrides,
  };
}

function expectNoSecret(value: unknown, secret = CANARY): void {
  const text = JSON.stringify(value);
  expect(text).not.toContain(secret);
  expect(text).not.toContain(Buffer.from(`\u0000${USER}\u0000${secret}`).toString('base64'));
}

function sentLines(result: ProbeResult): string[] {
  return result.transcript.filter((entry) => entry.direction === 'client').map((entry) => entry.text);
}

describe('runSpoofingProbe against a real Postfix', () => {
  it('finds that a permissive Postfix lets the account send as a colleague and as a foreign domain', async () => {
    const result = await runSpoofingProbe(context('loose.test'), login, options(permissive.ports.submission));
    expect(result.findings.map((each) => [each.id, each.severity])).toEqual([
      ['spoofing.same-domain.accepted', 'medium'],
      ['spoofing.foreign-domain.accepted', 'high'],
    ]);
    expect(result.findings[0]?.evidence['from']).toBe('mailwarden-sender-test@example.test');
    const sent = sentLines(result);
    expect(sent).toContain(`MAIL FROM:<${FOREIGN_SENDER}>`);
    // Only ever the account itself as recipient, every transaction reset, never DATA.
    expect(
      sent.filter((line) => line.startsWith('RCPT TO:')).every((line) => line === `RCPT TO:<${USER}>`),
    ).toBe(true);
    expect(sent.filter((line) => line === 'RSET')).toHaveLength(3);
    expect(sent.some((line) => /^DATA/i.test(line))).toBe(false);
    expect(await permissive.settledQueuedFiles()).toBe(0);
    expectNoSecret(result);
  });

  it('passes a Postfix with reject_sender_login_mismatch', async () => {
    const result = await runSpoofingProbe(
      context('strict.test'),
      login,
      options(strict.ports.submissions, { security: 'implicit-tls' }),
    );
    expect(result.findings.map((each) => each.id)).toEqual([
      'spoofing.same-domain.refused',
      'spoofing.foreign-domain.refused',
    ]);
    expect(result.findings[0]?.evidence['rcptReply']).toMatchObject({ code: 553, enhancedCode: '5.7.1' });
    const logs = await strict.logs();
    expectNoSecret(logs);
    expect(await strict.settledQueuedFiles()).toBe(0);
  });

  it('does not test senders when the login fails', async () => {
    const wrong = `${CANARY}-x`;
    const result = await runSpoofingProbe(
      context('loose.test'),
      login,
      options(permissive.ports.submission, { secret: { kind: 'password', password: wrong } }),
    );
    expect(result.findings.map((each) => each.id)).toEqual(['spoofing.skipped']);
    expect(sentLines(result).some((line) => line.startsWith('MAIL'))).toBe(false);
    expectNoSecret(result, wrong);
    expectNoSecret(await permissive.logs(), wrong);
  });
});

describe('runSpoofingProbe against smtp-server', () => {
  it('passes a server that refuses other senders at MAIL FROM, as iCloud does', async () => {
    const result = await runSpoofingProbe(context('mail.test'), login, options(icloudLike.port));
    expect(result.findings.map((each) => each.id)).toEqual([
      'spoofing.same-domain.refused',
      'spoofing.foreign-domain.refused',
    ]);
    const mailReply = result.findings[1]?.evidence['mailReply'];
    expect(mailReply).toMatchObject({ code: 550 });
    expect(JSON.stringify(mailReply)).toContain('From address is not one of your addresses');
    expect(icloudLike.commands).not.toContain('DATA');
    expectNoSecret([result, icloudLike.log]);
  });

  it("calls the test inconclusive when the account's own address gets 451 at MAIL FROM, and tries no other sender", async () => {
    const result = await runSpoofingProbe(context('mail.test'), login, options(busy.port));
    expect(result.findings.map((each) => [each.id, each.severity])).toEqual([
      ['spoofing.inconclusive', 'info'],
    ]);
    const inconclusive = result.findings[0];
    expect(inconclusive?.evidence).toMatchObject({ from: USER, mailReply: { code: 451 } });
    expect(inconclusive?.evidence['reason']).toEqual(expect.stringContaining('Queue full, try again later'));
    expect(inconclusive === undefined ? ['no finding'] : emptySlotsOf(inconclusive)).toEqual([]);
    expect(capsFor(result.findings, { accountPort: busy.port })).toEqual([]);
    // Without a working control, a refusal of the other senders would prove nothing: none was tried.
    expect(sentLines(result).filter((line) => line.startsWith('MAIL'))).toEqual([`MAIL FROM:<${USER}>`]);
    expect(busy.commands).not.toContain('DATA');
    expectNoSecret([result, busy.log]);
  });
});
