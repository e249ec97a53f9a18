/**
 * `mailwarden audit ACCOUNT` for an account signed in with OAuth: no prompt, the SMTP login uses SASL
 * XOAUTH2 with an access token refreshed from the keychain's refresh token, and the submission server
 * (smtp-server) checks that token by introspection (RFC 7662) at the real OpenID provider.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../preload/contract/audit';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../helpers/auth-smtp-server';
import { runCliIn } from '../../helpers/cli-harness';
import { auditPortMap } from '../../helpers/audit-port-map';
import { startSigninCli } from '../../helpers/oauth-signin-cli';
import {
  startTestOidcProvider,
  TEST_CLIENT_ID,
  type TestOidcProvider,
} from '../../helpers/oidc-test-provider';
import { getTestPki, type TestPki } from '../../helpers/test-certificates';
import { createTestServices, type TestServices } from '../../helpers/test-services';

const EMAIL = 'ann@shop.example';

describe('mailwarden audit with a stored OAuth sign-in', () => {
  let provider: TestOidcProvider;
  let smtp: AuthSmtpServer;
  let pki: TestPki;
  let env: TestServices;
  let portMap: string;
  const introspected: { active: boolean; sub?: string }[] = [];
  const cli = (argv: readonly string[]) => runCliIn(env, argv);

  beforeAll(async () => {
    pki = await getTestPki();
    provider = await startTestOidcProvider({ accessTokenTtlSeconds: 60 });
    const leaf = await pki.leaf('good', 'smtp.shop.example');
    smtp = await startAuthSmtpServer({
      user: { username: EMAIL, password: 'not-used-here' },
      certPem: leaf.certPem,
      keyPem: leaf.keyPem,
      authMethods: ['XOAUTH2'],
      extra: {
        // A resource server checks a bearer token at the provider, as Dovecot's oauth2 passdb does.
        onAuth(auth, _session, callback) {
          void provider.introspect(auth.accessToken ?? '').then((answer) => {
            introspected.push(answer);
            if (answer.active && answer.sub === auth.username) callback(null, { user: auth.username });
            else callback(null, { data: { status: '401', schemes: 'bearer' } });
          }, callback);
        },
      },
    });
    portMap = await auditPortMap({ submission: smtp.port });
    env = await createTestServices();
    await env.services.settings.update({ extraCaPem: pki.caPem });
    const added = await cli([
      'accounts',
      'add',
      '--email',
      EMAIL,
      '--host',
      '127.0.0.1',
      '--port',
      String(smtp.port),
      '--security',
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
  });
  afterAll(async () => {
    await smtp.close();
    await provider.close();
    await env.cleanup();
  });

  const audit = () =>
    cli(['audit', EMAIL, '--only', 'auth', '--port-map', portMap, '--ca', pki.caPath, '--format', 'json']);

  it('logs in with XOAUTH2 using the stored sign-in, with no prompt, and no issued token leaks', async () => {
    const signin = startSigninCli(env, EMAIL);
    await provider.approve(await signin.url, EMAIL);
    expect((await signin.done).code).toBe(0);

    const result = await audit();
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as AuditReport;
    const accepted = report.findings.find((finding) => finding.id === 'auth.login.accepted');
    expect(accepted?.evidence['mechanism']).toBe('XOAUTH2');
    expect(introspected.at(-1)).toMatchObject({ active: true, sub: EMAIL });

    const files = await readdir(env.dataDir, { recursive: true, withFileTypes: true });
    const stored = await Promise.all(
      files
        .filter((entry) => entry.isFile())
        .map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
    );
    const everything = `${result.stdout}${result.stderr}${stored.join('\n')}${smtp.log.join('\n')}`;
    for (const token of provider.issuedTokens) expect(everything).not.toContain(token);
  });

  it('stops with "sign in again" (exit 3) when the provider revoked the sign-in, instead of crashing', async () => {
    const signin = startSigninCli(env, EMAIL);
    await provider.approve(await signin.url, EMAIL);
    expect((await signin.done).code).toBe(0);
    const refreshToken = provider.refreshTokens.at(-1) ?? '';
    await provider.revokeAtProvider(refreshToken);
    const result = await audit();
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('Sign in again with "mailwarden accounts signin"');
    expect(result.stderr).not.toContain(refreshToken);
  });
});
