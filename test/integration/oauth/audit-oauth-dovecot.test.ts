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
import {
  addOAuthAccount,
  DOVECOT_LOGIN_AFTER_TLS,
  dovecotLogins,
  POSTFIX_TLS_ESTABLISHED,
  smtpAuthSessions,
  smtpSessions,
  startOAuthMailStack,
  type OAuthMailStack,
} from '../../helpers/oauth-mail-stack';
import { startSigninCli } from '../../helpers/oauth-signin-cli';
import type { TestOidcProvider } from '../../helpers/oidc-test-provider';
import type { DovecotServer } from '../../helpers/dovecot-server';
import type { KnotServer } from '../../helpers/knot-server';
import type { PostfixServer } from '../../helpers/postfix-server';
import type { TestPki } from '../../helpers/test-certificates';
import { createTestServices, type TestServices } from '../../helpers/test-services';

/** Reads its mail over IMAP. */
const ANN = 'ann@shop.example';
/** Reads its mail over POP3. */
const BOB = 'bob@shop.example';
/**
 * Signs in as a Microsoft 365 account at the test provider, which knows no Outlook scopes and grants
 * only "openid offline_access email": a token without SMTP.Send and IMAP.AccessAsUser.All.
 */
const CARA = 'cara@shop.example';
/** Like CARA, reading over POP3: the token lacks POP.AccessAsUser.All. */
const DAN = 'dan@shop.example';

let stack: OAuthMailStack;
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

async function signIn(email: string): Promise<void> {
  const signin = startSigninCli(env, email);
  await provider.approve(await signin.url, email);
  const done = await signin.done;
  outputs.push(done.stdout, done.stderr);
  expect(done.code, done.stderr).toBe(0);
}

async function auditAccount(email: string, areas: string): Promise<CliResult> {
  return cli(['audit', email, '--only', areas, '--format', 'json', ...(await stack.auditNetworkArgs())]);
}

const findingsOf = (result: CliResult) => (JSON.parse(result.stdout) as AuditReport).findings;

beforeAll(async () => {
  stack = await startOAuthMailStack([ANN, BOB, CARA, DAN], { accessTokenTtlSeconds: 60 });
  ({ pki, provider, dovecot, postfix, knot } = stack);
  env = await createTestServices();
  // openid-client reaches the provider over HTTPS from the test CA.
  await env.services.settings.update({ extraCaPem: pki.caPem });
  await addOAuthAccount(env, stack, ANN, 'imap');
  await addOAuthAccount(env, stack, BOB, 'pop3');
  await addOAuthAccount(env, stack, CARA, 'imap', 'microsoft');
  await addOAuthAccount(env, stack, DAN, 'pop3', 'microsoft');
}, 90_000);

afterAll(async () => {
  await stack.stop();
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

  it('sends no login with a Microsoft sign-in that lacks SMTP.Send and IMAP.AccessAsUser.All, and names both scopes with their fix', async () => {
    await signIn(CARA);
    const authSessionsBefore = smtpAuthSessions(await postfix.logs()).length;
    const result = await auditAccount(CARA, 'auth,imap');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as AuditReport;
    const ids = report.findings.map((finding) => finding.id);
    expect(ids).not.toContain('auth.login.accepted');
    expect(ids).not.toContain('imap.login.accepted');

    const sending = report.findings.find((finding) => finding.id === 'auth.login.scope-missing');
    expect(sending?.title).toBe(
      'The Microsoft sign-in has no permission to send mail (SMTP.Send), so the login was not tested',
    );
    expect(sending?.evidence['scope']).toBe('https://outlook.office.com/SMTP.Send');
    expect([...((sending?.evidence['granted'] as string[] | undefined) ?? [])].sort()).toEqual([
      'email',
      'offline_access',
      'openid',
    ]);
    expect(sending?.explanation).toMatch(
      /granted only "[a-z_ ]+", not https:\/\/outlook\.office\.com\/SMTP\.Send/,
    );
    expect(sending?.fix.steps.join('\n')).toContain(
      'Office 365 Exchange Online > Delegated permissions, ticks SMTP.Send',
    );
    // The EHLO was still read: the mechanisms offered before and after TLS are judged as usual.
    expect(ids).toContain('auth.cleartext.not-offered');

    const reading = report.findings.find((finding) => finding.id === 'imap.login.scope-missing');
    expect(reading?.evidence['scope']).toBe('https://outlook.office.com/IMAP.AccessAsUser.All');
    expect(reading?.title).toContain('over IMAP (IMAP.AccessAsUser.All)');

    // The report says the logins were not tested (not failed), and the plan has one action for both.
    expect(report.coverage?.blockers.map((blocker) => blocker.kind)).toContain('scope-missing');
    const action = report.plan.actions.find((each) => each.id === 'sign-in.scopes');
    expect(action?.title).toBe('Grant the mail permissions to the sign-in, then sign in again');
    expect(action?.findings.map((ref) => ref.id).sort()).toEqual([
      'auth.login.scope-missing',
      'imap.login.scope-missing',
    ]);
    expect(report.score.areas.find((area) => area.area === 'login')?.status).toBe('not-tested');

    // Neither Dovecot (IMAP, and SASL for Postfix) nor Postfix saw a login with that token.
    expect(await dovecot.logs()).not.toContain(`user=<${CARA}>`);
    expect(smtpAuthSessions(await postfix.logs())).toHaveLength(authSessionsBefore);
  }, 60_000);

  it('sends no POP3 login with a Microsoft sign-in that lacks POP.AccessAsUser.All', async () => {
    await signIn(DAN);
    const result = await auditAccount(DAN, 'pop3');
    expect(result.code, result.stderr).toBe(0);
    const findings = findingsOf(result);
    const reading = findings.find((finding) => finding.id === 'pop3.login.scope-missing');
    expect(reading?.evidence['scope']).toBe('https://outlook.office.com/POP.AccessAsUser.All');
    expect(findings.map((finding) => finding.id)).not.toContain('pop3.login.accepted');
    expect(await dovecot.logs()).not.toContain(`user=<${DAN}>`);
  }, 60_000);

  it('shows every login in the Dovecot and Postfix logs only after TLS', async () => {
    const logins = dovecotLogins(await dovecot.logs());
    expect(logins.length).toBeGreaterThanOrEqual(4);
    for (const line of logins) expect(line).toMatch(DOVECOT_LOGIN_AFTER_TLS);
    const authSessions = smtpAuthSessions(await postfix.logs());
    expect(authSessions.length).toBeGreaterThanOrEqual(2);
    for (const session of authSessions) expect(session.join('\n')).toMatch(POSTFIX_TLS_ESTABLISHED);
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
