/**
 * `mailwarden audit ACCOUNT` for accounts signed in with OAuth against real daemons: Postfix submission
 * whose SASL is a Dovecot with the `oauth2` passdb, and that Dovecot's IMAP and POP3. Dovecot checks every
 * token by introspection (RFC 7662) at the real OpenID provider over HTTPS from the suite's test CA. The
 * stored sign-in logs in to both sides with OAUTHBEARER (RFC 7628), only after TLS; a refused token is a
 * finding, a revoked sign-in is "sign in again"; no token the provider issued appears in any output, file
 * or daemon log.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../preload/contract/audit';
import { runCliIn, type CliResult } from '../../helpers/cli-harness';
import { closedPort } from '../../helpers/closed-port';
import { startDovecot, type DovecotServer } from '../../helpers/dovecot-server';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { startSigninCli } from '../../helpers/oauth-signin-cli';
import {
  INTROSPECTION_CLIENT,
  startTestOidcProvider,
  TEST_CLIENT_ID,
  type TestOidcProvider,
} from '../../helpers/oidc-test-provider';
import { startPostfix, type PostfixServer } from '../../helpers/postfix-server';
import { getTestPki, type TestPki } from '../../helpers/test-certificates';
import { createTestServices, type TestServices } from '../../helpers/test-services';

/** Reads its mail over IMAP. */
const ANN = 'ann@shop.example';
/** Reads its mail over POP3. */
const BOB = 'bob@shop.example';

let pki: TestPki;
let provider: TestOidcProvider;
let dovecot: DovecotServer;
let postfix: PostfixServer;
let knot: KnotServer;
let env: TestServices;
const outputs: string[] = [];

const cli = async (argv: readonly string[], stdin?: string): Promise<CliResult> => {
  const result = await runCliIn(env, argv, stdin);
  outputs.push(result.stdout, result.stderr);
  return result;
};

/** Where the standard ports really are, and the zone and CA that make the servers' names verify. */
async function environment(): Promise<string[]> {
  const portMap = [
    `smtp=${String(await closedPort())}`,
    `submission=${String(postfix.ports.submission)}`,
    `submissions=${String(postfix.ports.submissions)}`,
    `imap=${String(dovecot.ports.imap)}`,
    `imaps=${String(dovecot.ports.imaps)}`,
    `pop3=${String(dovecot.ports.pop3)}`,
    `pop3s=${String(dovecot.ports.pop3s)}`,
  ].join(',');
  return ['--dns', knot.server, '--ca', pki.caPath, '--port-map', portMap];
}

async function addOAuthAccount(email: string, protocol: 'imap' | 'pop3'): Promise<void> {
  const added = await cli([
    'accounts',
    'add',
    '--email',
    email,
    '--host',
    'smtp.shop.example',
    '--port',
    String(postfix.ports.submission),
    '--security',
    'starttls',
    '--incoming-protocol',
    protocol,
    '--incoming-host',
    'mail.shop.example',
    '--incoming-port',
    String(protocol === 'imap' ? dovecot.ports.imap : dovecot.ports.pop3),
    '--incoming-security',
    'starttls',
    '--auth',
    'oauth',
    '--provider',
    'oidc',
    '--issuer',
    provider.issuer,
    '--client-id',
    TEST_CLIENT_ID,
  ]);
  expect(added.code, added.stderr).toBe(0);
}

async function signIn(email: string): Promise<void> {
  const signin = startSigninCli(env, email);
  await provider.approve(await signin.url, email);
  const done = await signin.done;
  outputs.push(done.stdout, done.stderr);
  expect(done.code, done.stderr).toBe(0);
}

async function auditAccount(email: string, areas: string): Promise<CliResult> {
  return cli(['audit', email, '--only', areas, '--format', 'json', ...(await environment())]);
}

/** Postfix's smtpd log lines, one list per session from "connect from" to "disconnect from". */
function smtpSessions(log: string): string[][] {
  const open = new Map<string, string[]>();
  const sessions: string[][] = [];
  for (const line of log.split('\n')) {
    const pid = /smtpd\[(\d+)\]: /.exec(line)?.[1];
    if (pid === undefined) continue;
    if (/: connect from /.test(line)) open.set(pid, []);
    const session = open.get(pid);
    session?.push(line);
    if (session !== undefined && /: disconnect from /.test(line)) {
      sessions.push(session);
      open.delete(pid);
    }
  }
  return sessions;
}

const findingsOf = (result: CliResult) => (JSON.parse(result.stdout) as AuditReport).findings;

beforeAll(async () => {
  pki = await getTestPki();
  provider = await startTestOidcProvider({ accessTokenTtlSeconds: 60 });
  const mailLeaf = await pki.leaf('good', 'mail.shop.example');
  const smtpLeaf = await pki.leaf('good', 'smtp.shop.example');
  dovecot = await startDovecot({
    ...mailLeaf,
    // The passwd-file passdb only serves PLAIN and LOGIN here; these passwords are never used.
    users: [ANN, BOB].map((username) => ({ username, password: `unused-${username}` })),
    inboxMessages: 2,
    oauth2: {
      introspectionUrl: new URL('/token/introspection', provider.issuer).href,
      clientId: INTROSPECTION_CLIENT.id,
      clientSecret: INTROSPECTION_CLIENT.secret,
      caPem: pki.caPem,
    },
    postfixAuthSocket: true,
  });
  const authSocket = dovecot.authSocket;
  if (authSocket === null) throw new Error('Dovecot was started without the auth socket for Postfix');
  postfix = await startPostfix({
    ...smtpLeaf,
    users: [],
    hostname: 'smtp.shop.example',
    dovecotAuthSocket: authSocket,
  });
  knot = await startKnot({
    'shop.example': [`smtp IN A ${postfix.address}`, `mail IN A ${dovecot.address}`].join('\n'),
  });
  env = await createTestServices();
  // openid-client reaches the provider over HTTPS from the test CA.
  await env.services.settings.update({ extraCaPem: pki.caPem });
  await addOAuthAccount(ANN, 'imap');
  await addOAuthAccount(BOB, 'pop3');
}, 90_000);

afterAll(async () => {
  await Promise.all([postfix.stop(), knot.stop()]);
  await dovecot.stop();
  await provider.close();
  await env.cleanup();
});

describe('mailwarden audit: an OAuth account on Postfix submission and Dovecot', () => {
  it('logs in to Postfix submission and to IMAP with OAUTHBEARER, using the stored sign-in with no prompt', async () => {
    await signIn(ANN);
    const result = await auditAccount(ANN, 'auth,imap');
    expect(result.code, result.stderr).toBe(0);
    const findings = findingsOf(result);
    const smtpLogin = findings.find((finding) => finding.id === 'auth.login.accepted');
    expect(smtpLogin?.evidence['mechanism']).toBe('OAUTHBEARER');
    expect(findings.map((finding) => finding.id)).toEqual(
      expect.arrayContaining(['imap.login.accepted', 'imap.mailbox.reachable']),
    );
    expect(findings.find((finding) => finding.id === 'imap.mailbox.reachable')?.title).toBe(
      `The inbox on mail.shop.example port ${String(dovecot.ports.imap)} opens (2 messages)`,
    );
    // Dovecot logged the IMAP login as OAUTHBEARER; Postfix counts a successful AUTH in its session summary.
    expect(await dovecot.logs()).toMatch(new RegExp(`Login: user=<${ANN}>, method=OAUTHBEARER`));
    expect(smtpSessions(await postfix.logs()).some((session) => / auth=1 /.test(session.at(-1) ?? ''))).toBe(
      true,
    );
  }, 60_000);

  it('logs in to POP3 with AUTH OAUTHBEARER after STLS and reads the message count only', async () => {
    await signIn(BOB);
    const result = await auditAccount(BOB, 'pop3');
    expect(result.code, result.stderr).toBe(0);
    const findings = findingsOf(result);
    expect(findings.map((finding) => finding.id)).toEqual(
      expect.arrayContaining(['pop3.login.accepted', 'pop3.mailbox.reachable']),
    );
    expect(await dovecot.logs()).toMatch(new RegExp(`Login: user=<${BOB}>, method=OAUTHBEARER`));
  }, 60_000);

  it('reports a token the servers refuse as "refused the OAuth sign-in", with signing in again as the fix', async () => {
    const adHoc = (port: number, protocol: string[]) =>
      cli(
        [
          'audit',
          '--host',
          protocol.length === 0 ? 'smtp.shop.example' : 'mail.shop.example',
          '--port',
          String(port),
          '--security',
          'starttls',
          ...protocol,
          '--user',
          ANN,
          '--oauth-token-stdin',
          '--only',
          protocol.length === 0 ? 'auth' : (protocol[1] ?? ''),
          '--format',
          'json',
          '--dns',
          knot.server,
          '--ca',
          pki.caPath,
        ],
        'not-a-token-the-provider-issued',
      );
    const imap = findingsOf(await adHoc(dovecot.ports.imap, ['--protocol', 'imap']));
    const imapRefused = imap.find((finding) => finding.id === 'imap.login.token-rejected');
    expect(imapRefused?.title).toBe(
      `IMAP on mail.shop.example port ${String(dovecot.ports.imap)} refused the account’s OAuth sign-in`,
    );
    expect(imapRefused?.fix.steps[0]).toContain('Sign in again with "mailwarden accounts signin"');

    const pop3 = findingsOf(await adHoc(dovecot.ports.pop3, ['--protocol', 'pop3']));
    const pop3Refused = pop3.find((finding) => finding.id === 'pop3.login.token-rejected');
    expect(pop3Refused?.evidence['reply']).toMatch(/^-ERR .*\(invalid_token\)$/);

    const smtp = findingsOf(await adHoc(postfix.ports.submission, []));
    const smtpRefused = smtp.find((finding) => finding.id === 'auth.login.token-rejected');
    expect(smtpRefused?.evidence['mechanism']).toBe('OAUTHBEARER');
    expect(smtpRefused?.explanation).toContain('to the OAUTHBEARER login');
  }, 60_000);

  it('shows every login in the Dovecot and Postfix logs only after TLS', async () => {
    const dovecotLog = await dovecot.logs();
    const logins = dovecotLog
      .split('\n')
      .filter((line) => /-login: Info: (Login|Disconnected).*user=<\w/.test(line));
    expect(logins.length).toBeGreaterThanOrEqual(4);
    // Dovecot ends a login line with "TLS" (or "TLS: <why it closed>") when the session was encrypted.
    for (const line of logins) expect(line).toMatch(/, TLS(,|:| |$)/);
    // Each smtpd session that tried AUTH (" auth=1 " or " auth=0/1 " in its summary) had TLS before it.
    const authSessions = smtpSessions(await postfix.logs()).filter((session) =>
      / auth=\d/.test(session.at(-1) ?? ''),
    );
    expect(authSessions.length).toBeGreaterThanOrEqual(2);
    for (const session of authSessions) expect(session.join('\n')).toMatch(/TLS connection established/);
  });

  it('stops with "sign in again" (exit 3) when the provider revoked the sign-in', async () => {
    await signIn(ANN);
    const refreshToken = provider.refreshTokens.at(-1) ?? '';
    await provider.revokeAtProvider(refreshToken);
    const result = await auditAccount(ANN, 'auth,imap');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('Sign in again with "mailwarden accounts signin"');
  }, 60_000);

  it('leaves no token the provider issued in any output, in the data folder, or in the Dovecot and Postfix logs', async () => {
    expect(provider.issuedTokens.size).toBeGreaterThan(4);
    const files = await readdir(env.dataDir, { recursive: true, withFileTypes: true });
    const stored = await Promise.all(
      files
        .filter((entry) => entry.isFile())
        .map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
    );
    const everything = [...outputs, ...stored, await dovecot.logs(), await postfix.logs()].join('\n');
    for (const token of provider.issuedTokens) expect(everything).not.toContain(token);
  });
});
