/**
 * Whole audits of accounts whose provider refuses a password as the kind of sign-in (Microsoft 365 with
 * Basic off, Google without an app password), and of a Microsoft tenant that still takes one after
 * Microsoft's cut-off: the finding, the blocker, the fix plan and the grade, as a user reads them.
 *
 * The servers are smtp-server instances on 127.0.0.1 answering the providers' exact replies; the names
 * smtp.office365.com and smtp.gmail.com point at them through the suite's own Knot, so the audit knows
 * them the way it knows the real ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SMTPServerAuthentication } from 'smtp-server';
import type { AuditReport } from '../../../../preload/contract/audit';
import { createDnsResolver } from '../../../../main/adapters/dns-resolver';
import { createImapflowLogin } from '../../../../main/adapters/incoming/imapflow-login';
import { createLineConnector } from '../../../../main/adapters/incoming/line-connector';
import { createDnsWireClient } from '../../../../main/adapters/dns-wire-client';
import { createHttpsFetcher } from '../../../../main/adapters/https-fetcher';
import { createNodemailerLogin } from '../../../../main/adapters/smtp/nodemailer-auth';
import { createSmtpConnector } from '../../../../main/adapters/smtp/smtp-connector';
import { runAudit, type AuditDeps, type AuditSubject } from '../../../../main/core/audit/audit-runner';
import type { AuditArea } from '../../../../preload/contract/audit';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../../helpers/auth-smtp-server';
import {
  GOOGLE_IMAP_REFUSAL,
  GOOGLE_POP3_REFUSAL,
  startAppPasswordIncomingServer,
} from '../../../helpers/app-password-incoming-server';
import { closedPort } from '../../../helpers/closed-port';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { getTestPki, type TestPki } from '../../../helpers/test-certificates';

const PASSWORD = 'Canary-SignIn-4f1c!';
const USER = 'ann@contoso.test';
const DEADLINE_MS = 20_000;
/** Before and after Microsoft's default switch-off at the end of December 2026. */
const BEFORE_CUTOFF = new Date('2026-12-06T09:00:00Z');
const AFTER_CUTOFF = new Date('2027-01-15T09:00:00Z');

/** An onAuth that answers every password login with one provider reply (code, then text). */
const refuseWith =
  (code: number, text: string) =>
  (_auth: SMTPServerAuthentication, _session: unknown, callback: (error: Error) => void): void => {
    callback(Object.assign(new Error(text), { responseCode: code }));
  };

const MS_BASIC_OFF = [550, '5.7.30 Basic authentication is not supported for Client Submission.'] as const;
const MS_GENERIC = [
  535,
  '5.7.3 Authentication unsuccessful [AM0PR02CA0001.eurprd02.prod.outlook.com]',
] as const;
const GOOGLE_APP_PASSWORD = [
  534,
  '5.7.9 Application-specific password required. For more information, go to https://support.google.com/mail/?p=InvalidSecondFactor a1-20020a05 - gsmtp',
] as const;

let knot: KnotServer;
let pki: TestPki;
let deps: AuditDeps;
const servers: AuthSmtpServer[] = [];

beforeAll(async () => {
  [knot, pki] = await Promise.all([
    startKnot({
      'office365.com': 'smtp IN A 127.0.0.1',
      'gmail.com': ['smtp IN A 127.0.0.1', 'imap IN A 127.0.0.1', 'pop IN A 127.0.0.1'].join('\n'),
      // A Microsoft 365 tenant reached under its own name: only the account's preset says it is Microsoft.
      'contoso.test': 'mail IN A 127.0.0.1',
      'example.test': 'smtp IN A 127.0.0.1',
    }),
    getTestPki(),
  ]);
  const server = { host: knot.address, port: knot.port };
  const resolver = createDnsResolver({ server });
  deps = {
    resolver,
    wire: createDnsWireClient({ server, timeoutMs: 3_000 }),
    fetcher: createHttpsFetcher({ resolver }),
    connector: createSmtpConnector(),
    login: createNodemailerLogin(),
    clock: { now: () => BEFORE_CUTOFF },
    toolVersion: 'test',
    incoming: { connector: createLineConnector(), imapLogin: createImapflowLogin() },
  };
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await knot.stop();
});

interface Scenario {
  readonly host: string;
  /** The reply to every login; none: the password is accepted. */
  readonly refusal?: readonly [number, string];
  readonly presetId?: string;
  readonly now?: Date;
  readonly areas?: readonly AuditArea[];
}

async function audit(scenario: Scenario): Promise<{ report: AuditReport; smtp: AuthSmtpServer }> {
  const leaf = await pki.leaf('good', scenario.host);
  const smtp = await startAuthSmtpServer({
    user: { username: USER, password: PASSWORD },
    certPem: leaf.certPem,
    keyPem: leaf.keyPem,
    // Implicit TLS (RFC 8314), as a sound submission server offers it: no login offered before encryption.
    extra: {
      secure: true,
      // smtp-server would put its own enhanced code (5.7.8) in front of every 535; with its automatic codes
      // off, the replies below go out byte for byte as the providers send them.
      hideENHANCEDSTATUSCODES: true,
      ...(scenario.refusal === undefined
        ? {}
        : { onAuth: refuseWith(scenario.refusal[0], scenario.refusal[1]) }),
    },
  });
  servers.push(smtp);
  const server = {
    host: scenario.host,
    port: smtp.port,
    security: 'tls' as const,
    username: USER,
    secret: { kind: 'password' as const, password: PASSWORD },
  };
  const subject: AuditSubject =
    scenario.presetId === undefined
      ? { kind: 'server', server }
      : {
          kind: 'account',
          label: 'Ann',
          email: USER,
          domain: 'contoso.test',
          server,
          dkimSelectors: [],
          presetId: scenario.presetId,
        };
  const report = await runAudit(
    subject,
    {
      areas: scenario.areas ?? ['auth'],
      relayTest: (scenario.areas ?? []).includes('relay'),
      extraCaPem: pki.caPem,
      ports: { smtp: await closedPort(), submissions: smtp.port, submission: await closedPort() },
      overallDeadlineMs: DEADLINE_MS,
    },
    { ...deps, clock: { now: () => scenario.now ?? BEFORE_CUTOFF } },
    { runId: `sign-in-${scenario.host}`, signal: new AbortController().signal },
  );
  return { report, smtp };
}

const ids = (report: AuditReport): string[] => report.findings.map((finding) => finding.id);
const loginArea = (report: AuditReport) => report.score.areas.find((area) => area.area === 'login');
const blockerKinds = (report: AuditReport): string[] =>
  (report.coverage?.blockers ?? []).map((blocker) => blocker.kind);

/** What a user reads when the password was refused as the wrong kind of sign-in, not as a wrong one. */
function expectOauthRequired(report: AuditReport, host: string, port: number): void {
  const subject = `${host}:${String(port)}`;
  const blocker = report.coverage?.blockers.find((each) => each.kind === 'oauth-required');
  expect(blocker?.message).toBe(
    `${subject} accepts only a sign-in on the provider's own page (OAuth) for this account, not a password, so the login could not be tested with the stored password.`,
  );
  expect(blockerKinds(report)).not.toContain('login-failed');
  const login = loginArea(report);
  expect(login).toMatchObject({ status: 'not-tested', score: null, grade: null });
  expect(login?.why).toContain(blocker?.message);
  expect(report.plan.verdict.sentence).toBe(
    'Incomplete: Login could not be tested, so there is no overall grade.',
  );
  const action = report.plan.actions.find((each) => each.id === 'sign-in.oauth');
  expect(action).toMatchObject({
    title: 'Switch this account’s sign-in to OAuth',
    who: 'you',
    severity: 'high',
  });
  // Not the advice for a wrong password.
  expect(ids(report)).not.toContain('auth.login.bad-credentials');
  expect(JSON.stringify(report)).not.toContain(PASSWORD);
}

describe('a password that Microsoft 365 refuses as Basic authentication', () => {
  it('says the account must sign in with OAuth, with what to change in Outlook, phones and scanners', async () => {
    const { report, smtp } = await audit({ host: 'smtp.office365.com', refusal: MS_BASIC_OFF });
    const finding = report.findings.find((each) => each.id === 'auth.login.oauth-required');
    expect(finding?.severity).toBe('high');
    expect(finding?.title).toBe(
      'This account must sign in with OAuth: Microsoft 365 no longer takes its password',
    );
    expect(finding?.explanation).toContain(
      '550 5.7.30 Basic authentication is not supported for Client Submission',
    );
    expect(finding?.explanation).not.toContain('same short answer to a wrong password');
    const steps = finding?.fix.steps.join('\n') ?? '';
    for (const where of ['Outlook', 'iPhone', 'Android', 'Scanners', 'connector', 'High Volume Email'])
      expect(steps).toContain(where);
    expectOauthRequired(report, 'smtp.office365.com', smtp.port);
    const action = report.plan.actions.find((each) => each.id === 'sign-in.oauth');
    expect(action?.findings).toEqual([
      { id: 'auth.login.oauth-required', checkId: `auth:smtp.office365.com:${String(smtp.port)}` },
    ]);
  });

  it('reads Microsoft’s generic 535 5.7.3 the same way from smtp.office365.com', async () => {
    const { report, smtp } = await audit({ host: 'smtp.office365.com', refusal: MS_GENERIC });
    const finding = report.findings.find((each) => each.id === 'auth.login.oauth-required');
    // Microsoft's generic answer is said to be generic: a wrong password gets the same words.
    expect(finding?.explanation).toContain('Microsoft gives this same short answer to a wrong password');
    expectOauthRequired(report, 'smtp.office365.com', smtp.port);
  });

  it('knows a Microsoft 365 tenant under its own server name from the account’s preset, and spoofing waits on the same cause', async () => {
    const { report, smtp } = await audit({
      host: 'mail.contoso.test',
      refusal: MS_GENERIC,
      presetId: 'microsoft-365',
      areas: ['auth', 'relay'],
    });
    expect(ids(report)).toContain('auth.login.oauth-required');
    const spoofing = report.coverage?.checks.find((check) => check.checkId.startsWith('spoofing:'));
    expect(spoofing).toMatchObject({
      status: 'not-run',
      blockedBy: `oauth-required:mail.contoso.test:${String(smtp.port)}`,
    });
    expect(blockerKinds(report)).not.toContain('login-failed');
  });

  it('keeps the same 535 5.7.3 from a server that is not Microsoft’s a graded login refusal', async () => {
    const { report } = await audit({ host: 'smtp.example.test', refusal: MS_GENERIC });
    expect(ids(report)).toContain('auth.login.m365-auth-failed');
    expect(ids(report)).not.toContain('auth.login.oauth-required');
    expect(blockerKinds(report)).not.toContain('oauth-required');
    expect(loginArea(report)).toMatchObject({ status: 'tested', grade: 'C' });
  });
});

describe('a password that Google refuses without an app password', () => {
  it('says to use Google sign-in (OAuth) or an app password, and leaves the login untested', async () => {
    const { report, smtp } = await audit({ host: 'smtp.gmail.com', refusal: GOOGLE_APP_PASSWORD });
    const finding = report.findings.find((each) => each.id === 'auth.login.gmail-app-password-required');
    expect(finding?.title).toBe(
      'Use Google sign-in (OAuth) or an app password: Google refuses the account password',
    );
    expect(finding?.fix.steps.join('\n')).toContain('App passwords');
    expectOauthRequired(report, 'smtp.gmail.com', smtp.port);
  });
});

describe('a password that Microsoft 365 still accepts', () => {
  it('after December 2026, says the tenant turned password login back on, with the setting that turns it off', async () => {
    const { report } = await audit({ host: 'smtp.office365.com', now: AFTER_CUTOFF });
    expect(ids(report)).toContain('auth.login.accepted');
    const finding = report.findings.find((each) => each.id === 'auth.login.m365-basic-reenabled');
    expect(finding?.severity).toBe('medium');
    expect(finding?.explanation).toContain('on 2027-01-15');
    const steps = finding?.fix.steps.join('\n') ?? '';
    expect(steps).toContain('Set-TransportConfig -SmtpClientAuthenticationDisabled $true');
    expect(steps).toContain('Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $true');
    expect(loginArea(report)).toMatchObject({ status: 'tested', score: 85 });
    expect(report.plan.actions.find((each) => each.findings.some((f) => f.id === finding?.id))?.who).toBe(
      'provider',
    );
  });

  it('before the cut-off, is simply a working login', async () => {
    const { report } = await audit({ host: 'smtp.office365.com', now: BEFORE_CUTOFF });
    expect(ids(report)).toContain('auth.login.accepted');
    expect(ids(report)).not.toContain('auth.login.m365-basic-reenabled');
    expect(loginArea(report)).toMatchObject({ status: 'tested', grade: 'A' });
  });

  it('after the cut-off, says nothing of the kind for a server that is not Microsoft’s', async () => {
    const { report } = await audit({ host: 'smtp.example.test', now: AFTER_CUTOFF });
    expect(ids(report)).toContain('auth.login.accepted');
    expect(ids(report)).not.toContain('auth.login.m365-basic-reenabled');
  });
});

describe('an incoming (IMAP or POP3) login that Google refuses without an app password', () => {
  it.each([
    ['imap', 'imap.gmail.com', GOOGLE_IMAP_REFUSAL],
    ['pop3', 'pop.gmail.com', GOOGLE_POP3_REFUSAL],
  ] as const)(
    '%s: says to use OAuth or an app password, and leaves the login untested without a deduction',
    async (protocol, host, refusal) => {
      const leaf = await pki.leaf('good', host);
      const server = await startAppPasswordIncomingServer({
        protocol,
        certPem: leaf.certPem,
        keyPem: leaf.keyPem,
      });
      try {
        const report = await runAudit(
          {
            kind: 'server',
            server: { host, port: server.port, security: 'tls', username: USER, secret: null },
            incoming: {
              protocol,
              host,
              port: server.port,
              security: 'tls',
              username: USER,
              secret: { kind: 'password', password: PASSWORD },
            },
          },
          {
            areas: [protocol],
            relayTest: false,
            extraCaPem: pki.caPem,
            incomingPorts: { [protocol]: { plain: await closedPort(), implicitTls: server.port } },
            overallDeadlineMs: DEADLINE_MS,
          },
          deps,
          { runId: `sign-in-${protocol}`, signal: new AbortController().signal },
        );
        expect(server.refusals()).toBe(1);
        const finding = report.findings.find((each) => each.id === `${protocol}.login.oauth-required`);
        expect(finding?.severity).toBe('high');
        // imapflow keeps the text after the response code; POP3 replies are quoted whole.
        // imapflow keeps the text after the response code; a POP3 reply is quoted whole.
        expect(finding?.explanation).toContain(refusal.replace(/^NO \[ALERT\] /, ''));
        expect(ids(report)).not.toContain(`${protocol}.login.rejected`);
        const subject = `${host}:${String(server.port)}`;
        expect(report.coverage?.blockers.map((blocker) => blocker.id)).toContain(`oauth-required:${subject}`);
        // Reaching the server and its dialogue were tested, the login could not be: no deduction for it.
        expect(report.score.areas.find((area) => area.area === 'incoming')).toMatchObject({
          status: 'partly-tested',
          score: 100,
          why: [report.coverage?.blockers.find((blocker) => blocker.kind === 'oauth-required')?.message],
        });
        expect(report.score.overall?.caps).toEqual([]);
        const action = report.plan.actions.find((each) => each.id === 'sign-in.oauth');
        expect(action).toMatchObject({ title: 'Switch this account’s sign-in to OAuth', who: 'you' });
        expect(JSON.stringify(report)).not.toContain(PASSWORD);
      } finally {
        await server.stop();
      }
    },
  );
});
