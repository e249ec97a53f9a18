import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { createNodemailerLogin } from '../../../../main/adapters/smtp/nodemailer-auth';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import { runAuthProbe, type AuthProbeOptions } from '../../../../main/core/probes/auth-probe';
import type { ProbeResult, SmtpProbeContext } from '../../../../main/core/smtp/probe-context';
import { DEFAULT_SMTP_LIMITS } from '../../../../main/core/smtp/smtp-channel';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../../helpers/auth-smtp-server';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { startPostfix, TRANSPORT_PARAMETERS, type PostfixServer } from '../../../helpers/postfix-server';
import {
  startScriptedSmtpServer,
  type ScriptedSmtpServerOptions,
} from '../../../helpers/scripted-smtp-server';
import { getTestPki, type TestCertificate } from '../../../helpers/test-certificates';

const CANARY = 'Canary-Auth-9d8e7f!';
const TOKEN = 'ya29.canary-token-51aa';
const USER = 'alice@example.test';
const DEADLINE_MS = 5_000;

let caPem = '';
let good: TestCertificate;
let selfSigned: TestCertificate;
let knot: KnotServer;
let postfix: PostfixServer;
let server: AuthSmtpServer;
let selfSignedServer: AuthSmtpServer;
const login = createNodemailerLogin();

beforeAll(async () => {
  const pki = await getTestPki();
  caPem = pki.caPem;
  const postfixLeaf = await pki.leaf('good', 'postfix.test');
  [good, selfSigned] = await Promise.all([
    pki.leaf('good', 'mail.test'),
    pki.leaf('self-signed', 'mail.test'),
  ]);
  const user = { username: USER, password: CANARY, token: TOKEN };
  [server, selfSignedServer, postfix] = await Promise.all([
    startAuthSmtpServer({ user, certPem: good.certPem, keyPem: good.keyPem }),
    startAuthSmtpServer({ user, certPem: selfSigned.certPem, keyPem: selfSigned.keyPem }),
    startPostfix({
      users: [{ username: USER, password: CANARY }],
      certPem: postfixLeaf.certPem,
      keyPem: postfixLeaf.keyPem,
      hostname: 'postfix.test',
    }),
  ]);
  knot = await startKnot({ test: `mail A 127.0.0.1\npostfix A ${postfix.address}\n` });
});

afterAll(async () => {
  await Promise.all([server.close(), selfSignedServer.close(), postfix.stop(), knot.stop()]);
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

function options(port: number, overrides: Partial<AuthProbeOptions> = {}): AuthProbeOptions {
  return {
    port,
    security: 'starttls',
    username: USER,
    secret: { kind: 'password', password: CANARY },
    deadlineMs: DEADLINE_MS,
    ...overrides,
  };
}

/** The canary and its SASL base64 forms appear in no finding, evidence, transcript or text. */
function expectNoSecret(value: unknown, secret = CANARY): void {
  const text = JSON.stringify(value);
  for (const form of [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(`\u0000${USER}\u0000${secret}`).toString('base64'),
  ]) {
    expect(text).not.toContain(form);
  }
}

function ids(result: ProbeResult): string[] {
  return result.findings.map((each) => each.id);
}

async function withScripted<T>(
  scripted: Omit<ScriptedSmtpServerOptions, 'certPem' | 'keyPem'>,
  use: (port: number, received: readonly string[]) => Promise<T>,
): Promise<T> {
  const running = await startScriptedSmtpServer({ certPem: good.certPem, keyPem: good.keyPem, ...scripted });
  try {
    return await use(running.port, running.received);
  } finally {
    await running.close();
  }
}

describe('runAuthProbe against smtp-server', () => {
  it.each(['PLAIN', 'LOGIN', 'CRAM-MD5'] as const)(
    'passes a working %s login and flags AUTH offered before TLS',
    async (mechanism) => {
      const result = await runAuthProbe(context('mail.test'), login, options(server.port, { mechanism }));
      expect(ids(result)).toEqual(['auth.cleartext.offered', 'auth.login.accepted']);
      const accepted = result.findings[1];
      expect(accepted?.severity).toBe('pass');
      expect(accepted?.evidence['mechanism']).toBe(mechanism);
      expect(result.findings[0]?.severity).toBe('high');
      expectNoSecret(result);
      expectNoSecret(server.log);
    },
  );

  it('logs in with a user-supplied XOAUTH2 token, and explains a rejected one', async () => {
    const ok = await runAuthProbe(
      context('mail.test'),
      login,
      options(server.port, { secret: { kind: 'xoauth2', token: TOKEN } }),
    );
    expect(ids(ok)).toContain('auth.login.accepted');
    const bad = await runAuthProbe(
      context('mail.test'),
      login,
      options(server.port, { secret: { kind: 'xoauth2', token: `${TOKEN}-expired` } }),
    );
    expect(ids(bad), JSON.stringify(bad)).toContain('auth.login.token-rejected');
    expectNoSecret([ok, bad], TOKEN);
  });

  it('explains a wrong password from 535 5.7.8 without showing it', async () => {
    const wrong = `${CANARY}-wrong`;
    const result = await runAuthProbe(
      context('mail.test'),
      login,
      options(server.port, { secret: { kind: 'password', password: wrong }, presetId: 'icloud' }),
    );
    const refused = result.findings.find((each) => each.id === 'auth.login.bad-credentials');
    expect(refused?.evidence['reply']).toMatchObject({ code: 535, enhancedCode: '5.7.8' });
    expect(refused?.fix.providerSteps?.['icloud']?.join(' ')).toContain('app-specific password');
    expectNoSecret(result, wrong);
    expectNoSecret(server.log, wrong);
  });

  it('does not send the password to an untrusted certificate, and the server never sees AUTH', async () => {
    const before = selfSignedServer.commands.length;
    const result = await runAuthProbe(context('mail.test'), login, options(selfSignedServer.port));
    const untrusted = result.findings.find((each) => each.id === 'auth.tls.untrusted');
    expect(untrusted?.severity).toBe('high');
    expect(untrusted?.explanation).toContain('did not send your password');
    expect(selfSignedServer.commands.slice(before)).not.toContain('AUTH');
    expect(selfSignedServer.authAttempts).toEqual([]);

    // The user compares the fingerprint and allows exactly this certificate once.
    const fingerprint = untrusted?.evidence['fingerprintSha256'];
    expect(typeof fingerprint).toBe('string');
    if (typeof fingerprint !== 'string') return;
    const allowed = await runAuthProbe(
      context('mail.test'),
      login,
      options(selfSignedServer.port, { allowFingerprintSha256: fingerprint }),
    );
    expect(ids(allowed)).toEqual([
      'auth.cleartext.offered',
      'auth.tls.fingerprint-allowed',
      'auth.login.accepted',
    ]);
    expectNoSecret([result, allowed]);
  });

  it('only inspects the mechanisms when no password is stored', async () => {
    const before = server.commands.length;
    const result = await runAuthProbe(context('mail.test'), login, options(server.port, { secret: null }));
    expect(ids(result)).toEqual(['auth.cleartext.offered', 'auth.login.skipped']);
    expect(server.commands.slice(before)).not.toContain('AUTH');
  });

  it('reports a host the resolver cannot find', async () => {
    const result = await runAuthProbe(context('missing.test'), login, options(server.port));
    expect(ids(result)).toEqual(['auth.host.unresolved']);
  });
});

describe('runAuthProbe against scripted provider replies', () => {
  it('recognises Gmail’s 534-5.7.9 app-password reply', async () => {
    const gmail = [
      '534-5.7.9 Application-specific password required. For more information, go to',
      '534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor a1-20020a05 - gsmtp',
    ];
    const result = await withScripted(
      { respond: (line) => (line.startsWith('AUTH') ? gmail : undefined) },
      (port) => runAuthProbe(context('mail.test'), login, options(port, { presetId: 'gmail' })),
    );
    const found = result.findings.find((each) => each.id === 'auth.login.gmail-app-password-required');
    expect(found?.evidence['provider']).toBe('gmail');
    expect(found?.fix.steps.join(' ')).toContain('App passwords');
    expectNoSecret(result);
  });

  it('recognises Microsoft 365’s 535 5.7.139 "SMTP AUTH disabled" reply', async () => {
    const m365 =
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.';
    const result = await withScripted(
      { respond: (line) => (line.startsWith('AUTH') ? m365 : undefined) },
      (port) => runAuthProbe(context('mail.test'), login, options(port)),
    );
    const found = result.findings.find((each) => each.id === 'auth.login.m365-smtp-auth-disabled');
    expect(found?.fix.steps.join(' ')).toContain('SmtpClientAuthenticationDisabled $false');
  });

  it('ends endless 334 challenges in a finding within the deadline', async () => {
    const started = Date.now();
    const result = await withScripted({ respond: () => '334 UGFzc3dvcmQ6' }, (port) =>
      runAuthProbe(context('mail.test'), login, options(port, { mechanism: 'LOGIN' })),
    );
    expect(ids(result)).toContain('auth.login.endless-challenges');
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
    expectNoSecret(result);
  });

  it('keeps the password out even when the server echoes it back', async () => {
    const result = await withScripted(
      {
        respond: (line) =>
          line.startsWith('AUTH PLAIN ') ? `535 5.7.8 You sent ${line.slice(11)} (${CANARY})` : undefined,
      },
      (port) => runAuthProbe(context('mail.test'), login, options(port, { mechanism: 'PLAIN' })),
    );
    expect(ids(result)).toContain('auth.login.bad-credentials');
    expectNoSecret(result);
  });

  it('withholds the password when STARTTLS is not offered', async () => {
    const received = await withScripted(
      { ehlo: { plain: ['AUTH PLAIN LOGIN'], tls: [] } },
      async (port, lines) => {
        const result = await runAuthProbe(context('mail.test'), login, options(port));
        expect(ids(result)).toEqual(['auth.cleartext.offered', 'auth.tls.unavailable']);
        return [...lines];
      },
    );
    expect(received.some((line) => line.startsWith('AUTH'))).toBe(false);
  });
});

describe('runAuthProbe against a real Postfix with Dovecot SASL', () => {
  it('logs in on the submission port, where AUTH appears only after STARTTLS', async () => {
    const result = await runAuthProbe(context('postfix.test'), login, options(postfix.ports.submission));
    expect(ids(result)).toEqual(['auth.cleartext.not-offered', 'auth.login.accepted']);
    expect(result.findings[1]?.evidence['mechanismsAfterTls']).toEqual(
      expect.arrayContaining(['PLAIN', 'LOGIN']),
    );
    expectNoSecret(result);
  });

  it('logs in over implicit TLS on the submissions port', async () => {
    const result = await runAuthProbe(
      context('postfix.test'),
      login,
      options(postfix.ports.submissions, { security: 'implicit-tls', mechanism: 'LOGIN' }),
    );
    expect(ids(result)).toEqual(['auth.login.accepted']);
  });

  it('explains Postfix’s 535 5.7.8 for a wrong password', async () => {
    const wrong = `${CANARY}-nope`;
    const result = await runAuthProbe(
      context('postfix.test'),
      login,
      options(postfix.ports.submission, { secret: { kind: 'password', password: wrong } }),
    );
    const refused = result.findings.find((each) => each.id === 'auth.login.bad-credentials');
    expect(refused?.evidence['reply']).toMatchObject({ code: 535, enhancedCode: '5.7.8' });
    expectNoSecret(result, wrong);
  });

  it('left no trace of the password in Postfix’s or Dovecot’s logs, and delivered nothing', async () => {
    const logs = await postfix.logs();
    // The wrong-password test reached Dovecot through Postfix: the logs are real and were read.
    expect(logs).toMatch(/SASL (PLAIN|LOGIN) authentication failed/);
    expectNoSecret(logs);
    expectNoSecret(logs, `${CANARY}-nope`);
    for (const parameter of TRANSPORT_PARAMETERS) expect(await postfix.postconf(parameter)).toBe('discard:');
    expect(await postfix.settledQueuedFiles()).toBe(0);
  });
});
