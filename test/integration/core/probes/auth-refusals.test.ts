/**
 * Every way a submission server can refuse a login, as the login probe explains it to a person: the
 * standard RFC 4954 section 6 replies, the providers' own replies (the texts the classifier unit test
 * pins, from shared/reference/providers.md), and the servers that end the login without a verdict.
 *
 * The refusals come from a real smtp-server over implicit TLS with a verified certificate, which answers each
 * user name with one reply byte for byte (its automatic enhanced codes off). Amazon SES's advice is only
 * given for SES's own host names, so the suite's Knot names email-smtp.eu-west-1.amazonaws.com too.
 */
import type { SMTPServerAuthentication, SMTPServerSession } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { createNodemailerLogin } from '../../../../main/adapters/smtp/nodemailer-auth';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import { runAuthProbe, type AuthProbeOptions } from '../../../../main/core/probes/auth-probe';
import type { LoginMechanism } from '../../../../main/core/smtp/smtp-login';
import type { ProbeResult, SmtpProbeContext } from '../../../../main/core/smtp/probe-context';
import { DEFAULT_SMTP_LIMITS } from '../../../../main/core/smtp/smtp-channel';
import type { Finding, Severity } from '../../../../preload/contract/findings';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../../helpers/auth-smtp-server';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import {
  startScriptedSmtpServer,
  type ScriptedSmtpServerOptions,
} from '../../../helpers/scripted-smtp-server';
import { getTestPki, type TestPki } from '../../../helpers/test-certificates';

const CANARY = 'Canary-Refusal-7b2e!';
const DEADLINE_MS = 10_000;
const MAIL_HOST = 'mail.refusals.test';
const SES_HOST = 'email-smtp.eu-west-1.amazonaws.com';

interface Refusal {
  /** The user name the server answers with this reply, so one server serves the whole table. */
  readonly user: string;
  readonly code: number;
  /** The reply text after the code, as the provider sends it (enhanced code included). */
  readonly text: string;
  readonly mechanism: LoginMechanism;
  readonly presetId?: string;
  readonly host?: string;
  readonly id: string;
  readonly severity: Severity;
  /** The provider whose wording was recognised, as the finding's evidence names it. */
  readonly provider: string | null;
  /** Words of the title a person reads first. */
  readonly title: string;
  /** A step of the fix that is specific to this refusal. */
  readonly step: string;
}

const REFUSALS: readonly Refusal[] = [
  {
    user: 'busy@refusals.test',
    code: 454,
    text: '4.7.0 Temporary authentication failure',
    mechanism: 'PLAIN',
    id: 'auth.login.temporary-failure',
    severity: 'medium',
    provider: null,
    title: 'could not check the login just now',
    step: 'Wait a few minutes',
  },
  {
    user: 'starttls-first@refusals.test',
    code: 530,
    text: '5.7.0 Must issue a STARTTLS command first',
    mechanism: 'PLAIN',
    id: 'auth.login.tls-required',
    severity: 'high',
    provider: null,
    title: 'wants encryption before login',
    step: 'STARTTLS on port 587',
  },
  {
    user: 'weak@refusals.test',
    code: 534,
    text: '5.7.9 Authentication mechanism is too weak',
    mechanism: 'CRAM-MD5',
    id: 'auth.login.mechanism-too-weak',
    severity: 'medium',
    provider: null,
    title: 'finds this login method too weak',
    step: 'Choose another login method',
  },
  {
    user: 'encrypt@refusals.test',
    code: 538,
    text: '5.7.11 Encryption required for requested authentication mechanism',
    mechanism: 'PLAIN',
    id: 'auth.login.encryption-required',
    severity: 'high',
    provider: null,
    title: 'needs encryption for this login method',
    step: 'port 465',
  },
  {
    user: 'new-place@gmail.com',
    code: 534,
    text: '5.7.14 <https://accounts.google.com/signin/continue?sarp=1> Please log in via your web browser - gsmtp',
    mechanism: 'PLAIN',
    presetId: 'gmail',
    id: 'auth.login.gmail-web-login-required',
    severity: 'high',
    provider: 'gmail',
    title: 'Google blocked this sign-in',
    step: 'Recent security activity',
  },
  {
    user: 'wrong@gmail.com',
    code: 535,
    text: '5.7.8 Username and Password not accepted. https://support.google.com/mail/?p=BadCredentials - gsmtp',
    mechanism: 'LOGIN',
    presetId: 'gmail',
    id: 'auth.login.gmail-bad-credentials',
    severity: 'high',
    provider: 'gmail',
    title: 'Google',
    step: 'App passwords',
  },
  {
    user: 'policy@contoso.test',
    code: 535,
    text: '5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully.',
    mechanism: 'LOGIN',
    presetId: 'microsoft-365',
    id: 'auth.login.m365-conditional-access',
    severity: 'high',
    provider: 'microsoft-365',
    title: 'A Microsoft 365 sign-in policy blocked this login',
    step: 'Sign-in logs',
  },
  {
    user: 'defaults@contoso.test',
    code: 535,
    text: "5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy.",
    mechanism: 'LOGIN',
    presetId: 'microsoft-365',
    id: 'auth.login.m365-security-defaults',
    severity: 'high',
    provider: 'microsoft-365',
    title: 'Microsoft 365 security defaults block password login',
    step: 'Conditional Access',
  },
  {
    user: 'typo@contoso.test',
    code: 535,
    text: '5.7.139 Authentication unsuccessful, the user credentials were incorrect.',
    mechanism: 'LOGIN',
    presetId: 'microsoft-365',
    id: 'auth.login.m365-bad-credentials',
    severity: 'high',
    provider: 'microsoft-365',
    title: 'Microsoft 365 did not accept the user name and password',
    step: 'Re-enter the password',
  },
  {
    user: 'normal-password@yahoo.com',
    code: 535,
    text: '5.7.0 (#AUTH005) Too many bad auth attempts.',
    mechanism: 'PLAIN',
    presetId: 'yahoo',
    id: 'auth.login.yahoo-app-password',
    severity: 'high',
    provider: 'yahoo',
    title: 'Yahoo wants an app password',
    step: 'Generate app password',
  },
  {
    user: 'AKIAEXAMPLEWRONGREGION',
    code: 535,
    text: 'Authentication Credentials Invalid',
    mechanism: 'PLAIN',
    presetId: 'amazon-ses',
    host: SES_HOST,
    id: 'auth.login.ses-credentials-invalid',
    severity: 'high',
    provider: 'amazon-ses',
    title: 'Amazon SES did not accept the SMTP credentials',
    step: 'not your AWS secret key',
  },
  {
    user: 'apikey',
    code: 535,
    text: 'Authentication failed: Bad username / password',
    mechanism: 'PLAIN',
    presetId: 'sendgrid',
    id: 'auth.login.sendgrid-bad-credentials',
    severity: 'high',
    provider: 'sendgrid',
    title: 'SendGrid did not accept the API key',
    step: '"apikey"',
  },
  {
    user: 'sender@brevo.test',
    code: 535,
    text: '5.7.0 Invalid login or password',
    mechanism: 'LOGIN',
    presetId: 'brevo',
    id: 'auth.login.brevo-bad-credentials',
    severity: 'high',
    provider: 'brevo',
    title: 'Brevo did not accept the SMTP login',
    step: 'xsmtpsib-',
  },
  {
    user: 'odd@refusals.test',
    code: 554,
    text: '5.7.1 Your login is not permitted from this planet',
    mechanism: 'PLAIN',
    id: 'auth.login.rejected',
    severity: 'high',
    provider: null,
    title: 'refused the login',
    step: 'Re-enter the password',
  },
];

const REPLY_BY_USER = new Map(REFUSALS.map((refusal) => [refusal.user, refusal]));

/** Answers each user name of the table with its provider's reply; any other login is refused plainly. */
function refuseByUser(
  auth: SMTPServerAuthentication,
  _session: SMTPServerSession,
  callback: (error: Error) => void,
): void {
  const refusal = REPLY_BY_USER.get(auth.username ?? '');
  if (refusal === undefined) {
    callback(Object.assign(new Error('5.7.8 Error: authentication failed'), { responseCode: 535 }));
    return;
  }
  callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
}

let knot: KnotServer;
let pki: TestPki;
const servers = new Map<string, AuthSmtpServer>();
const login = createNodemailerLogin();

beforeAll(async () => {
  pki = await getTestPki();
  knot = await startKnot({
    'refusals.test': 'mail A 127.0.0.1',
    'amazonaws.com': 'email-smtp.eu-west-1 A 127.0.0.1',
  });
  for (const host of [MAIL_HOST, SES_HOST]) {
    const leaf = await pki.leaf('good', host);
    servers.set(
      host,
      await startAuthSmtpServer({
        user: { username: 'nobody@refusals.test', password: 'not the canary' },
        certPem: leaf.certPem,
        keyPem: leaf.keyPem,
        extra: {
          // Implicit TLS (RFC 8314), as a sound submission server offers it: no login before encryption.
          secure: true,
          // smtp-server would put its own 5.7.8 in front of every 535: off, so replies go out as sent.
          hideENHANCEDSTATUSCODES: true,
          onAuth: refuseByUser,
        },
      }),
    );
  }
});

afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.close()));
  await knot.stop();
});

function context(host: string): SmtpProbeContext {
  return {
    host,
    resolver: createDnsResolver({ server: { host: knot.address, port: knot.port }, timeoutMs: 3_000 }),
    connector: createSmtpConnector(),
    limits: DEFAULT_SMTP_LIMITS,
    signal: new AbortController().signal,
    extraCaPem: pki.caPem,
    clock: { now: () => new Date() },
  };
}

function options(port: number, overrides: Partial<AuthProbeOptions>): AuthProbeOptions {
  return {
    port,
    security: 'starttls',
    username: 'alice@refusals.test',
    secret: { kind: 'password', password: CANARY },
    deadlineMs: DEADLINE_MS,
    ...overrides,
  };
}

function verdict(result: ProbeResult): Finding {
  const last = result.findings.at(-1);
  if (last === undefined) throw new Error('The login probe made no finding');
  return last;
}

/** The password and its SASL base64 forms appear nowhere in what the probe returns. */
function expectNoPassword(result: ProbeResult, user: string): void {
  const text = JSON.stringify(result);
  for (const form of [
    CANARY,
    Buffer.from(CANARY).toString('base64'),
    Buffer.from(`\u0000${user}\u0000${CANARY}`).toString('base64'),
  ])
    expect(text).not.toContain(form);
}

async function withScripted<T>(
  scripted: Omit<ScriptedSmtpServerOptions, 'certPem' | 'keyPem'>,
  use: (port: number, received: readonly string[]) => Promise<T>,
): Promise<T> {
  const leaf = await pki.leaf('good', MAIL_HOST);
  const running = await startScriptedSmtpServer({ certPem: leaf.certPem, keyPem: leaf.keyPem, ...scripted });
  try {
    return await use(running.port, running.received);
  } finally {
    await running.close();
  }
}

describe('a login refused over verified TLS', () => {
  it.each(REFUSALS.map((refusal) => [refusal.id, refusal] as const))(
    'explains %s from the server’s own reply',
    async (_id, refusal) => {
      const host = refusal.host ?? MAIL_HOST;
      const server = servers.get(host);
      if (server === undefined) throw new Error(`No server for ${host}`);
      const result = await runAuthProbe(
        context(host),
        login,
        options(server.port, {
          security: 'implicit-tls',
          username: refusal.user,
          mechanism: refusal.mechanism,
          ...(refusal.presetId === undefined ? {} : { presetId: refusal.presetId }),
        }),
      );
      // The password went out once, inside verified TLS, and was refused: that refusal is the only verdict.
      expect(result.findings.map((each) => each.id)).toEqual([refusal.id]);
      const refused = verdict(result);
      expect(refused.severity).toBe(refusal.severity);
      expect(refused.title).toContain(refusal.title);
      // The person reads the server's exact answer, so they can quote it to their provider.
      expect(refused.explanation).toContain(`"${String(refusal.code)} ${refusal.text}"`);
      expect(refused.evidence).toMatchObject({
        mechanism: refusal.mechanism,
        provider: refusal.provider,
        reply: { code: refusal.code },
      });
      expect(refused.fix.steps.join('\n')).toContain(refusal.step);
      expectNoPassword(result, refusal.user);
    },
  );

  it('gives RFC 4954’s generic 535 wording the standard advice away from Amazon’s own servers', async () => {
    const ses = REFUSALS.find((refusal) => refusal.id === 'auth.login.ses-credentials-invalid');
    const server = servers.get(MAIL_HOST);
    if (ses === undefined || server === undefined) throw new Error('table incomplete');
    const result = await runAuthProbe(
      context(MAIL_HOST),
      login,
      options(server.port, { security: 'implicit-tls', username: ses.user, mechanism: 'PLAIN' }),
    );
    expect(verdict(result).id).toBe('auth.login.bad-credentials');
  });
});

describe('a login that cannot be judged', () => {
  it('withholds the password when the server offers no login method Mailwarden uses', async () => {
    const received = await withScripted(
      { ehlo: { plain: ['STARTTLS'], tls: ['AUTH GSSAPI NTLM'] } },
      async (port, lines) => {
        const result = await runAuthProbe(context(MAIL_HOST), login, options(port, {}));
        const none = verdict(result);
        expect(none.id).toBe('auth.mechanisms.none');
        expect(none.severity).toBe('medium');
        expect(none.explanation).toContain('The server offers GSSAPI, NTLM, none of which matches');
        expect(none.evidence['mechanismsAfterTls']).toEqual(['GSSAPI', 'NTLM']);
        return [...lines];
      },
    );
    expect(received.some((line) => line.startsWith('AUTH'))).toBe(false);
  });

  it('says the session ended before a verdict when the server hangs up in the middle of AUTH', async () => {
    const { result, port } = await withScripted(
      { respond: (line) => (line.startsWith('AUTH') ? { action: 'close' } : undefined) },
      async (port) => ({
        result: await runAuthProbe(context(MAIL_HOST), login, options(port, { mechanism: 'PLAIN' })),
        port,
      }),
    );
    const failed = verdict(result);
    expect(failed.id).toBe('auth.login.failed');
    expect(failed.severity).toBe('medium');
    expect(failed.title).toBe(`Could not test the login on ${MAIL_HOST} port ${String(port)}`);
    // Told by the closed connection itself, not by waiting out the login's deadline.
    expect(failed.evidence['failureKind']).toBe('closed');
    // The server never answered AUTH: its EHLO reply is not quoted as if it were the login's verdict.
    expect(failed.evidence['reply']).toBeNull();
    expect(failed.explanation).toBe(
      'The session ended before the server gave a verdict (Connection closed unexpectedly).',
    );
    expectNoPassword(result, 'alice@refusals.test');
  });
});
