/**
 * Audits started in the app (over the real IPC router) use the saved Settings: the extra trusted CA, the
 * "wait for a server" timeout and the whole-audit limit. Real servers on loopback: a submission server
 * whose certificate the test CA signed, a server that never greets, and the same kind of submission
 * server greeting each connection only after 6 seconds.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIpcRouter, type IpcRouter } from '../../../../main/ipc/router';
import type { AuditArea, AuditEvent, AuditReport } from '../../../../preload/contract/audit';
import type { SettingsChange } from '../../../../preload/contract/settings';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../../helpers/auth-smtp-server';
import { startHostileServer, type HostileServer } from '../../../helpers/hostile-smtp-servers';
import { startKnot, type KnotServer } from '../../../helpers/knot-server';
import { getTestPki, type TestPki } from '../../../helpers/test-certificates';
import { createTestServices, type TestServices } from '../../../helpers/test-services';

const OWN_PAGE = { url: 'app://mailwarden/index.html', isMainFrame: true };
const CANARY = 'Canary-settings-4d1e!';
const USER = 'ann@mail.test';
/** Slower than the 2 s wait set below, far quicker than the 15 s default a hanging server would take. */
const SHORT_WAIT_SECONDS = 2;
/** Timers, process scheduling and the loopback round trips, on a busy two-core machine. */
const MARGIN_MS = 2_500;
/** Under the 10 s wait, so no step times out; but the TLS checks need a second greeting after the first. */
const SLOW_GREETING_MS = 6_000;
const AUDIT_LIMIT_SECONDS = 10;

interface Run {
  readonly report: AuditReport;
  readonly events: readonly AuditEvent[];
  readonly wallMs: number;
}

describe('audits started in the app apply the saved settings', () => {
  let pki: TestPki;
  let smtp: AuthSmtpServer;
  let silent: HostileServer;
  let slow: AuthSmtpServer;
  let knot: KnotServer;
  let env: TestServices;
  let router: IpcRouter;

  beforeAll(async () => {
    pki = await getTestPki();
    const leaf = await pki.leaf('good', 'smtp.mail.test');
    smtp = await startAuthSmtpServer({
      user: { username: USER, password: CANARY },
      certPem: leaf.certPem,
      keyPem: leaf.keyPem,
    });
    silent = await startHostileServer('no-greeting');
    slow = await startAuthSmtpServer({
      user: { username: USER, password: CANARY },
      certPem: leaf.certPem,
      keyPem: leaf.keyPem,
      extra: {
        // smtp-server sends its 220 greeting when onConnect calls back.
        onConnect(_session, callback) {
          setTimeout(callback, SLOW_GREETING_MS).unref();
        },
      },
    });
    knot = await startKnot({
      'mail.test': ['smtp IN A 127.0.0.1', 'hang IN A 127.0.0.1', 'slow IN A 127.0.0.1'].join('\n'),
    });
  });
  afterAll(async () => {
    await smtp.close();
    await silent.close();
    await slow.close();
    await knot.stop();
  });
  beforeEach(async () => {
    env = await createTestServices();
    router = createIpcRouter(env.services);
    await save({ dnsServer: knot.server });
  });
  afterEach(async () => env.cleanup());

  async function save(change: SettingsChange): Promise<void> {
    expect(await router.handle('settings:update', change, OWN_PAGE)).toMatchObject({ ok: true });
  }

  async function addAccount(host: string, port: number, password?: string): Promise<string> {
    const added = await router.handle(
      'accounts:add',
      {
        account: { email: USER, host, port, security: 'starttls' },
        ...(password === undefined ? {} : { password }),
      },
      OWN_PAGE,
    );
    if (!added.ok) throw new Error(added.error.message);
    return (added.value as { id: string }).id;
  }

  function audit(accountId: string, only: readonly AuditArea[]): Promise<Run> {
    const events: AuditEvent[] = [];
    const started = Date.now();
    return new Promise<Run>((resolve, reject) => {
      const context = {
        emit(_channel: string, payload: unknown) {
          // This router pushes only audit events to a run started here.
          const event = payload as AuditEvent;
          events.push(event);
          if (event.type === 'finished')
            resolve({ report: event.report, events, wallMs: Date.now() - started });
          if (event.type === 'failed') reject(new Error(event.message));
        },
      };
      void router
        .handle(
          'audit:start',
          { target: { kind: 'account', accountId }, options: { only } },
          OWN_PAGE,
          context,
        )
        .then((outcome) => {
          if (!outcome.ok) reject(new Error(outcome.error.message));
        });
    });
  }

  it('a server signed by a private CA is untrusted (no login) until that CA is saved; then it verifies and logs in', async () => {
    const id = await addAccount('smtp.mail.test', smtp.port, CANARY);

    const before = await audit(id, ['tls', 'auth']);
    const beforeIds = before.report.findings.map((f) => f.id);
    expect(beforeIds).toContain('tls.chain.untrusted');
    expect(beforeIds).not.toContain('tls.chain.trusted');
    expect(beforeIds).not.toContain('auth.login.accepted');
    // The password was withheld: the server never saw an AUTH command.
    expect(smtp.authAttempts).toEqual([]);

    await save({ extraCaPem: pki.caPem });
    const after = await audit(id, ['tls', 'auth']);
    const afterIds = after.report.findings.map((f) => f.id);
    expect(afterIds).toContain('tls.chain.trusted');
    expect(afterIds).not.toContain('tls.chain.untrusted');
    expect(afterIds).toContain('auth.login.accepted');
    expect(smtp.authAttempts.length).toBeGreaterThan(0);
    expect(JSON.stringify([before, after])).not.toContain(CANARY);
  });

  it('a server that never greets is given up on after the saved wait, not the 15-second default', async () => {
    await save({ timeouts: { serverWaitSeconds: SHORT_WAIT_SECONDS, auditLimitSeconds: 60 } });
    const id = await addAccount('hang.mail.test', silent.port);

    const { report, events, wallMs } = await audit(id, ['smtp']);
    const noGreeting = report.findings.find((f) => f.id === 'smtp.reach.no-greeting');
    expect(noGreeting, JSON.stringify(report.findings.map((f) => f.id))).toBeDefined();
    const finished = events.find(
      (e) => e.type === 'check-finished' && noGreeting?.checkId.startsWith(e.checkId) === true,
    );
    const elapsed = finished?.type === 'check-finished' ? finished.elapsedMs : -1;
    expect(elapsed).toBeGreaterThanOrEqual(SHORT_WAIT_SECONDS * 1_000 - 100);
    expect(elapsed).toBeLessThan(SHORT_WAIT_SECONDS * 1_000 + MARGIN_MS);
    expect(wallMs).toBeLessThan(SHORT_WAIT_SECONDS * 1_000 * 2 + MARGIN_MS);
  });

  it('the whole audit stops at the saved audit limit: checks still waiting on a slow server are cancelled', async () => {
    await save({
      timeouts: { serverWaitSeconds: AUDIT_LIMIT_SECONDS, auditLimitSeconds: AUDIT_LIMIT_SECONDS },
    });
    const id = await addAccount('slow.mail.test', slow.port);

    // The TLS checks start once the reachability check was greeted (6 s) and then wait 6 s for their own
    // greeting: at 10 s they are still waiting, well within every per-step and per-check limit.
    const { report, wallMs } = await audit(id, ['smtp', 'tls']);
    expect(report.findings.map((f) => f.id)).toContain('audit.check.cancelled');
    expect(wallMs).toBeGreaterThanOrEqual(AUDIT_LIMIT_SECONDS * 1_000 - 100);
    expect(wallMs).toBeLessThan(AUDIT_LIMIT_SECONDS * 1_000 + MARGIN_MS);
  });
});
