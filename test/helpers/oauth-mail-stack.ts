/**
 * The daemons an OAuth account's audit logs in to, started together once per test file: the OpenID
 * provider (oidc-provider over HTTPS from the test CA), Dovecot with the `oauth2` passdb that introspects
 * every token there (RFC 7662) and an auth socket, Postfix submission whose SASL is that Dovecot, and Knot
 * answering for shop.example. Plus what the tests do with them: add an OAuth account, the audit's
 * network arguments, and Postfix's log cut into sessions.
 */
import { expect } from 'vitest';
import type { OAuthProviderName } from '../../preload/contract/accounts';
import { runCliIn, type CliResult } from './cli-harness';
import { auditPortMap } from './audit-port-map';
import { startDovecot, type DovecotServer } from './dovecot-server';
import { startKnot, type KnotServer } from './knot-server';
import {
  INTROSPECTION_CLIENT,
  startTestOidcProvider,
  TEST_CLIENT_ID,
  type TestOidcProvider,
  type TestOidcProviderOptions,
} from './oidc-test-provider';
import { startPostfix, type PostfixServer } from './postfix-server';
import { getTestPki, type TestPki } from './test-certificates';
import type { TestServices } from './test-services';

export interface OAuthMailStack {
  readonly pki: TestPki;
  readonly provider: TestOidcProvider;
  readonly dovecot: DovecotServer;
  readonly postfix: PostfixServer;
  readonly knot: KnotServer;
  /** `--dns`, `--ca` and `--port-map` for an audit that reaches these daemons by their names. */
  auditNetworkArgs(): Promise<string[]>;
  stop(): Promise<void>;
}

/** `users` are the mailboxes Dovecot knows (they log in with OAuth only; the passwords are never used). */
export async function startOAuthMailStack(
  users: readonly string[],
  providerOptions: TestOidcProviderOptions = {},
): Promise<OAuthMailStack> {
  const pki = await getTestPki();
  const provider = await startTestOidcProvider(providerOptions);
  const mailLeaf = await pki.leaf('good', 'mail.shop.example');
  const smtpLeaf = await pki.leaf('good', 'smtp.shop.example');
  const dovecot = await startDovecot({
    ...mailLeaf,
    // The passwd-file passdb only serves PLAIN and LOGIN here; these passwords are never used.
    users: users.map((username) => ({ username, password: `unused-${username}` })),
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
  const postfix = await startPostfix({
    ...smtpLeaf,
    users: [],
    hostname: 'smtp.shop.example',
    dovecotAuthSocket: authSocket,
  });
  const knot = await startKnot({
    'shop.example': [`smtp IN A ${postfix.address}`, `mail IN A ${dovecot.address}`].join('\n'),
  });
  return {
    pki,
    provider,
    dovecot,
    postfix,
    knot,
    async auditNetworkArgs() {
      const portMap = await auditPortMap({
        submission: postfix.ports.submission,
        submissions: postfix.ports.submissions,
        incoming: dovecot.ports,
      });
      return ['--dns', knot.server, '--ca', pki.caPath, '--port-map', portMap];
    },
    async stop() {
      await Promise.all([postfix.stop(), knot.stop()]);
      await dovecot.stop();
      await provider.close();
    },
  };
}

/**
 * `accounts add` for an account that sends through the stack's Postfix and reads over its Dovecot with
 * STARTTLS, signing in with OAuth at the stack's provider (as an OpenID provider unless said otherwise).
 */
export async function addOAuthAccount(
  env: TestServices,
  stack: OAuthMailStack,
  email: string,
  protocol: 'imap' | 'pop3',
  providerName: OAuthProviderName = 'oidc',
): Promise<CliResult> {
  const added = await runCliIn(env, [
    'accounts',
    'add',
    '--email',
    email,
    '--host',
    'smtp.shop.example',
    '--port',
    String(stack.postfix.ports.submission),
    '--security',
    'starttls',
    '--incoming-protocol',
    protocol,
    '--incoming-host',
    'mail.shop.example',
    '--incoming-port',
    String(protocol === 'imap' ? stack.dovecot.ports.imap : stack.dovecot.ports.pop3),
    '--incoming-security',
    'starttls',
    '--auth',
    'oauth',
    '--provider',
    providerName,
    '--issuer',
    stack.provider.issuer,
    '--client-id',
    TEST_CLIENT_ID,
  ]);
  expect(added.code, added.stderr).toBe(0);
  return added;
}

/** Postfix's smtpd log lines, one list per session from "connect from" to "disconnect from". */
export function smtpSessions(log: string): string[][] {
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

/** Dovecot's login lines for a named user ("Login:" or "Disconnected ... user=<ann@...>"). */
export function dovecotLogins(log: string): string[] {
  return log.split('\n').filter((line) => /-login: Info: (Login|Disconnected).*user=<\w/.test(line));
}

/**
 * Dovecot ends a login line with "TLS" (or "TLS: <why it closed>") when the session was encrypted; each
 * smtpd session that tried AUTH (" auth=1 " or " auth=0/1 " in its summary) had TLS before it.
 */
export const DOVECOT_LOGIN_AFTER_TLS = /, TLS(,|:| |$)/;
export const POSTFIX_TLS_ESTABLISHED = /TLS connection established/;
export const smtpAuthSessions = (log: string): string[][] =>
  smtpSessions(log).filter((session) => / auth=\d/.test(session.at(-1) ?? ''));
