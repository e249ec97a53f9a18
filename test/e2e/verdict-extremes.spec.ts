/**
 * The two ends of the scale as a person sees them, at 1024x768 and 1440x900, light and dark, with axe: a
 * correctly run account (trusted certificate, implicit TLS with modern suites only, SPF, DKIM, DMARC
 * p=reject, TLS-RPT, a public MX with its PTR) is an A that says "Safe to use"; the same account on a
 * server that relays for anyone is an F that says "Stop" first and names the cap.
 *
 * verdict-screens.spec.ts covers the middle: a weak account and a run that could not test.
 */
import type { SMTPServerOptions } from 'smtp-server';
import { dkimRecord } from '../helpers/dkim-record';
import { makeCanary } from './harness/account-form';
import { expect, test, type AppHarness } from './harness/app-fixture';
import {
  addScenarioAccount,
  AUDIT_DOMAIN,
  AUDIT_EMAIL,
  startAuditScenario,
  useScenarioDns,
  type AuditScenario,
} from './harness/audit-scenario';
import { runAuditToResults, shootResults } from './harness/results-screens';

/** A public address for the MX (the MX check rightly refuses loopback) and its reverse zone. */
const MX_ADDRESS = '93.184.215.14';
const MX_REVERSE_ZONE = '215.184.93.in-addr.arpa';

const CORRECT_ZONES = {
  [AUDIT_DOMAIN]: [
    'mail A 127.0.0.1',
    `mx A ${MX_ADDRESS}`,
    '@ MX 10 mx',
    '@ TXT "v=spf1 ip4:127.0.0.1 -all"',
    `_dmarc TXT "v=DMARC1; p=reject; rua=mailto:dmarc@${AUDIT_DOMAIN}"`,
    `mail._domainkey TXT ${dkimRecord()}`,
    `_smtp._tls TXT "v=TLSRPTv1; rua=mailto:tls@${AUDIT_DOMAIN}"`,
  ].join('\n'),
  [MX_REVERSE_ZONE]: `${MX_ADDRESS.split('.')[3] ?? ''} PTR mx.${AUDIT_DOMAIN}.`,
};

/** AEAD suites with forward secrecy only (RFC 9325 section 4.2): what a careful postmaster configures. */
const MODERN_CIPHERS = 'ECDHE+AESGCM:ECDHE+CHACHA20';

/** The account may send only as itself, as a careful postmaster sets it up (no spoofing). */
const ownSenderOnly: Partial<SMTPServerOptions> = {
  onMailFrom(address, session, callback) {
    if (session.user === AUDIT_EMAIL && address.address.toLowerCase() !== AUDIT_EMAIL) {
      callback(
        Object.assign(new Error('5.7.1 Sender address rejected: not owned by user'), { responseCode: 553 }),
      );
      return;
    }
    callback();
  },
};

let correct: AuditScenario | undefined;
let relay: AuditScenario | undefined;

test.beforeAll(async () => {
  const password = makeCanary();
  correct = await startAuditScenario(password, {
    zones: CORRECT_ZONES,
    implicitTls: true,
    server: { ...ownSenderOnly, ciphers: MODERN_CIPHERS },
  });
  // The same careful setup, except that the server takes mail for anyone from anyone without a login.
  relay = await startAuditScenario(password, {
    zones: CORRECT_ZONES,
    implicitTls: true,
    server: { ...ownSenderOnly, ciphers: MODERN_CIPHERS, authOptional: true },
  });
});
test.afterAll(async () => {
  await Promise.all([correct?.stop(), relay?.stop()]);
});
test.beforeEach(() => {
  test.setTimeout(120_000);
});

function started(scenario: AuditScenario | undefined): AuditScenario {
  if (scenario === undefined) throw new Error('The audit scenario did not start.');
  return scenario;
}

/** Opens the app on the scenario's DNS, trusts its CA, adds its account and runs the test to the results. */
async function openAndRun(app: AppHarness, world: AuditScenario): Promise<void> {
  const { page } = app;
  await app.open();
  await useScenarioDns(page, world);
  // The user trusts their company's CA in Settings, as they would for a private mail server.
  const trusted = await page.evaluate(
    (pem) => window.mailwarden.settings.update({ extraCaPem: pem }),
    world.caPem,
  );
  expect(trusted.ok).toBe(true);
  await addScenarioAccount(page, world);
  await runAuditToResults(page);
}

test('a correct account: an A, "Safe to use", nothing capped, no stop', async ({ app }) => {
  const { page } = app;
  await openAndRun(app, started(correct));

  await expect(page.locator('.score .grade')).toHaveAttribute('data-grade', 'A');
  await expect(page.locator('.verdict__sentence')).toHaveText(/^Safe to use/);
  // EXPORT, RC4 and 3DES cannot be offered by any audit: the Encryption area says so, the verdict does not.
  await expect(page.locator('.verdict__sentence')).not.toContainText('not everything could be tested');
  await expect(page.locator('.score__cap')).toHaveCount(0);
  await expect(page.locator('.action--critical, .action--high')).toHaveCount(0);
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.locator('.verdict__sentence')).toBeInViewport();
  await shootResults(app, 'verdict-correct');
});

test('an open relay: an F, "Stop" first, and the cap says why', async ({ app }) => {
  const { page } = app;
  await openAndRun(app, started(relay));

  await expect(page.locator('.score .grade')).toHaveAttribute('data-grade', 'F');
  await expect(page.locator('.verdict__sentence')).toHaveText(
    'Stop: anyone on the internet can send mail through this server.',
  );
  await expect(page.locator('.score__cap').first()).toHaveText(
    /^Capped at F: anyone on the internet can send mail through this server/,
  );
  // The first action is the relay, ahead of anything else, and it is the server administrator's.
  const first = page.locator('.action').first();
  await expect(first).toHaveClass(/action--critical/);
  await expect(first).toContainText('Your mail provider or server administrator');
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.locator('.verdict__sentence')).toBeInViewport();
  await expect(page.locator('.score__cap').first()).toBeInViewport();
  await shootResults(app, 'verdict-open-relay');
});
