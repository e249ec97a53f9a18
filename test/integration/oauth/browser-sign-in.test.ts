/**
 * Issue 17, the browser part: `mailwarden accounts signin ACCOUNT --no-browser` prints the authorization
 * URL; Debian's Chromium (driven by Playwright, as the person's own browser) opens it, signs in on the
 * provider's page and consents; Mailwarden keeps the refresh token, and `mailwarden audit ACCOUNT` then
 * logs in to Postfix submission (SASL by Dovecot) and to Dovecot's IMAP with that sign-in. Dovecot checks
 * each token by introspection at the provider; its log shows each login only after TLS, and no token.
 * A refused consent and a redirect whose state was tampered with in the browser both stop the sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../preload/contract/audit';
import { runCliIn, type CliResult } from '../../helpers/cli-harness';
import {
  addOAuthAccount,
  DOVECOT_LOGIN_AFTER_TLS,
  dovecotLogins,
  POSTFIX_TLS_ESTABLISHED,
  smtpAuthSessions,
  startOAuthMailStack,
  type OAuthMailStack,
} from '../../helpers/oauth-mail-stack';
import { startSigninCli } from '../../helpers/oauth-signin-cli';
import { startSystemBrowser, type SystemBrowser } from '../../helpers/system-browser';
import { createTestServices, type TestServices } from '../../helpers/test-services';

const ANN = 'ann@shop.example';

let stack: OAuthMailStack;
let browser: SystemBrowser;
let env: TestServices;
const outputs: string[] = [];

async function keychainHasSignIn(): Promise<boolean> {
  const listed = await runCliIn(env, ['accounts', 'list', '--json']);
  const [account] = JSON.parse(listed.stdout) as { hasPassword: string }[];
  return account?.hasPassword === 'stored';
}

/** `accounts signin --no-browser`, its printed URL opened in Chromium, and `walk` done on the pages. */
async function signInInBrowser(
  walk: (pages: Awaited<ReturnType<SystemBrowser['open']>>) => Promise<void>,
): Promise<CliResult> {
  const signin = startSigninCli(env, ANN);
  const url = await signin.url;
  expect(new URL(url).origin).toBe(stack.provider.issuer);
  const pages = await browser.open(url);
  try {
    await walk(pages);
    const done = await signin.done;
    outputs.push(done.stdout, done.stderr);
    return done;
  } finally {
    await pages.page.context().close();
  }
}

beforeAll(async () => {
  stack = await startOAuthMailStack([ANN]);
  browser = await startSystemBrowser(stack.provider.certificatePem);
  env = await createTestServices();
  // openid-client reaches the provider over HTTPS from the test CA.
  await env.services.settings.update({ extraCaPem: stack.pki.caPem });
  await addOAuthAccount(env, stack, ANN, 'imap');
}, 90_000);

afterAll(async () => {
  await browser.close();
  await stack.stop();
  await env.cleanup();
});

describe('signing in in Chromium, then auditing with the stored sign-in', () => {
  it('refuses consent denied on the provider’s page in plain words, stores nothing, exits 3', async () => {
    const result = await signInInBrowser(async (pages) => {
      await pages.logIn(ANN);
      await pages.deny();
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('The sign-in was refused in the browser (access denied)');
    expect(result.stderr).toContain('nothing was stored');
    expect(await keychainHasSignIn()).toBe(false);
  }, 60_000);

  it('refuses a redirect whose state was changed in the browser, stores nothing, exits 3', async () => {
    const result = await signInInBrowser(async (pages) => {
      await pages.tamperState('forged-by-another-program');
      await pages.logIn(ANN);
      await pages.consent();
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('did not belong to this sign-in (its state did not match)');
    expect(await keychainHasSignIn()).toBe(false);
  }, 60_000);

  it('signs in on the provider’s pages, then logs in to SMTP and IMAP with the stored sign-in', async () => {
    const signedIn = await signInInBrowser(async (pages) => {
      await pages.logIn(ANN);
      await pages.consent();
    });
    expect(signedIn.code, signedIn.stderr).toBe(0);
    expect(await keychainHasSignIn()).toBe(true);

    const audit = await runCliIn(env, [
      'audit',
      ANN,
      '--only',
      'auth,imap',
      '--format',
      'json',
      ...(await stack.auditNetworkArgs()),
    ]);
    outputs.push(audit.stdout, audit.stderr);
    expect(audit.code, audit.stderr).toBe(0);
    const ids = (JSON.parse(audit.stdout) as AuditReport).findings.map((finding) => finding.id);
    expect(ids).toEqual(expect.arrayContaining(['auth.login.accepted', 'imap.login.accepted']));
    expect(await stack.dovecot.logs()).toMatch(new RegExp(`Login: user=<${ANN}>, method=OAUTHBEARER`));
  }, 90_000);

  it('shows every login in the Dovecot and Postfix logs after TLS only, and no token the provider issued', async () => {
    const dovecotLog = await stack.dovecot.logs();
    const postfixLog = await stack.postfix.logs();
    const logins = dovecotLogins(dovecotLog);
    expect(logins.length).toBeGreaterThan(0);
    for (const line of logins) expect(line).toMatch(DOVECOT_LOGIN_AFTER_TLS);
    const authSessions = smtpAuthSessions(postfixLog);
    expect(authSessions.length).toBeGreaterThan(0);
    for (const session of authSessions) expect(session.join('\n')).toMatch(POSTFIX_TLS_ESTABLISHED);
    expect(stack.provider.issuedTokens.size).toBeGreaterThan(2);
    const everything = [...outputs, dovecotLog, postfixLog].join('\n');
    for (const token of stack.provider.issuedTokens) expect(everything).not.toContain(token);
  });
});
