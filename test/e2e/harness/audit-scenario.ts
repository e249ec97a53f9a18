/**
 * The world an audit end-to-end test runs in: a Knot DNS server holding the account's domain and a real
 * submission server (smtp-server with STARTTLS and AUTH) on loopback, with a certificate from the test CA.
 *
 * The app does not trust the test CA, so the TLS checks report the chain as untrusted and the login is
 * withheld: a real, correct result. The domain has SPF but no DMARC record, so the DMARC finding carries
 * the exact record to publish. The greeting can be slowed down, to watch a run or to cancel one.
 */
import type { Page } from '@playwright/test';
import type { SMTPServerOptions } from 'smtp-server';
import { startAuthSmtpServer, type AuthSmtpServer } from '../../helpers/auth-smtp-server';
import { startKnot, type KnotServer } from '../../helpers/knot-server';
import { getTestPki } from '../../helpers/test-certificates';
import { fillAccountForm } from './account-form';
import { expect } from './app-fixture';

/** A .test name (RFC 6761 section 6.2): only the test's own Knot server answers for it. */
export const AUDIT_DOMAIN = 'shop.test';
export const MAIL_HOST = `mail.${AUDIT_DOMAIN}`;
export const AUDIT_EMAIL = `ann@${AUDIT_DOMAIN}`;
export const AUDIT_LABEL = 'Shop orders';

const ZONE = `
@ MX 10 mail
@ TXT "v=spf1 mx -all"
mail A 127.0.0.1
`;

/** What a test may change about the world: the zones Knot serves and how the server behaves. */
export interface AuditScenarioOptions {
  /** Zones by name; the account's domain defaults to MX, SPF and an A record for the mail host. */
  readonly zones?: Readonly<Record<string, string>>;
  /** Implicit TLS (RFC 8314) instead of STARTTLS. */
  readonly implicitTls?: boolean;
  readonly server?: Partial<SMTPServerOptions>;
}

export interface AuditScenario {
  readonly knot: KnotServer;
  readonly smtp: AuthSmtpServer;
  readonly password: string;
  /** The security the account form should pick for this server. */
  readonly security: 'TLS' | 'STARTTLS';
  /** The test CA's certificate, for a test that makes the app trust it (Settings → trusted certificates). */
  readonly caPem: string;
  /** How long the server waits before its greeting, for every new connection from now on. */
  setGreetingDelay(ms: number): void;
  stop(): Promise<void>;
}

export async function startAuditScenario(
  password: string,
  options: AuditScenarioOptions = {},
): Promise<AuditScenario> {
  const pki = await getTestPki();
  const leaf = await pki.leaf('good', MAIL_HOST);
  let greetingDelayMs = 0;
  const knot = await startKnot(options.zones ?? { [AUDIT_DOMAIN]: ZONE });
  const implicitTls = options.implicitTls ?? false;
  const smtp = await startAuthSmtpServer({
    user: { username: AUDIT_EMAIL, password },
    certPem: leaf.certPem,
    keyPem: leaf.keyPem,
    extra: {
      ...options.server,
      secure: implicitTls,
      // smtp-server sends its 220 greeting when onConnect calls back.
      onConnect(_session, callback) {
        const timer = setTimeout(callback, greetingDelayMs);
        timer.unref();
      },
    },
  }).catch(async (error: unknown) => {
    await knot.stop();
    throw error;
  });
  return {
    knot,
    smtp,
    password,
    security: implicitTls ? 'TLS' : 'STARTTLS',
    caPem: pki.caPem,
    setGreetingDelay(ms) {
      greetingDelayMs = ms;
    },
    async stop() {
      await smtp.close();
      await knot.stop();
    },
  };
}

/** Points the app's DNS setting at the scenario's Knot server, the way Settings saves it. */
export async function useScenarioDns(page: Page, scenario: AuditScenario): Promise<void> {
  const saved = await page.evaluate(
    (server) => window.mailwarden.settings.update({ dnsServer: server }),
    scenario.knot.server,
  );
  expect(saved.ok).toBe(true);
}

/** Adds the scenario's account through the form, from the welcome screen, and waits for the list. */
export async function addScenarioAccount(page: Page, scenario: AuditScenario): Promise<void> {
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await fillAccountForm(page, {
    email: AUDIT_EMAIL,
    label: AUDIT_LABEL,
    host: MAIL_HOST,
    port: String(scenario.smtp.port),
    security: scenario.security,
    password: scenario.password,
  });
  await page.getByRole('button', { name: 'Save account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your accounts' })).toBeVisible();
}

/** Records what the page put on the clipboard with `execCommand('copy')`: the selected text. */
export async function recordCopies(page: Page): Promise<void> {
  await page.evaluate(() => {
    const copies: string[] = [];
    Object.defineProperty(window, '__copies', { value: copies });
    document.addEventListener('copy', () => {
      const active = document.activeElement;
      copies.push(
        active instanceof HTMLTextAreaElement
          ? active.value.slice(active.selectionStart, active.selectionEnd)
          : String(window.getSelection()),
      );
    });
  });
}

export async function copiedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __copies: string[] }).__copies);
}
